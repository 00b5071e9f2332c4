// 错误：把偏置算到了输入一侧，写成 n_{l−1}·(n_l + 1)；偏置的个数等于这一层的输出神经元数 n_l。
export function paramCount(sizes: number[]): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += sizes[l - 1]! * (sizes[l]! + 1);
  return total;
}
