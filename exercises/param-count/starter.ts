/**
 * 全连接网络的参数个数（权重 + 偏置）。
 * sizes: 各层宽度，第一个数是输入维度，最后一个是输出维度，至少 2 个数；[d, k] 是一层。
 * 例如 paramCount([784, 128, 10]) === 101770。
 */
export function paramCount(sizes: number[]): number {
  let total = 0;
  // TODO: 相邻的两个宽度 (sizes[l − 1], sizes[l]) 构成一层
  // TODO: 每层有多少个权重？多少个偏置？
  void sizes;
  return total;
}
