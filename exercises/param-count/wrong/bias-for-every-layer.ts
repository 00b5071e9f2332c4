// 错误：给每一层宽度都配了偏置，连输入层也算上了；输入只是数据，没有偏置。
export function paramCount(sizes: number[]): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += sizes[l - 1]! * sizes[l]!;
  for (const n of sizes) total += n;
  return total;
}
