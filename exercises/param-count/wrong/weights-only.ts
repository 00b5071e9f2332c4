// 错误：只数了权重 Σ n_{l−1}·n_l，忘了每个输出神经元还有一个偏置。
export function paramCount(sizes: number[]): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += sizes[l - 1]! * sizes[l]!;
  return total;
}
