/**
 * 全连接网络的参数个数（权重 + 偏置）。
 * sizes: 各层宽度，第一个数是输入维度，最后一个是输出维度，至少 2 个数；[d, k] 是一层。
 * 第 l 层把 sizes[l − 1] 维变成 sizes[l] 维：权重矩阵 sizes[l − 1] × sizes[l]，偏置 sizes[l] 个。
 */
export function paramCount(sizes: number[]): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1]!;
    const fanOut = sizes[l]!;
    total += (fanIn + 1) * fanOut; // 权重 fanIn·fanOut，加上 fanOut 个偏置
  }
  return total;
}
