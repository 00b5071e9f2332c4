// Cell sources for the test page (/dev/cells/) — the same programs as chapter 1's cells,
// plus the ones only tests need (an infinite loop, a heatmap). Plain strings, no template
// literals, so authors can paste them into MDX `code={`…`}` as they are.
export const HOUSE_PRICE = [
  '// 三套房子：面积 x（平方米）和真实价格 y（万元）',
  'const x = tf.tensor1d([60, 80, 100]);',
  'const y = tf.tensor1d([160, 225, 260]);',
  'const { w, b } = params;          // 拖动上面的滑块改变 w 和 b',
  'const yHat = x.mul(w).add(b);     // ŷ = wx + b',
  'const mse = yHat.sub(y).square().mean();',
  "console.log('w = ' + w + '，b = ' + b + '，预测 ŷ =', yHat);",
  "console.log('均方误差 L(w, b) = ' + mse.dataSync()[0].toFixed(1));",
  "const opts = { title: '面积与房价', xLabel: '面积 x（平方米）', yLabel: '价格（万元）' };",
  "plot.scatter([60, 80, 100], y, { ...opts, label: '真实价格 y' });",
  "plot.line([40, 120], [40 * w + b, 120 * w + b], { ...opts, label: '模型 ŷ = wx + b' });",
].join('\n');

export const XOR = [
  '// 四个输入 (x₁, x₂)，每行一个',
  'const X = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]]);',
  'const s = X.sum(1);                    // x₁ + x₂',
  'const h1 = tf.relu(s);                 // h₁ = ReLU(x₁ + x₂)',
  'const h2 = tf.relu(s.sub(1));          // h₂ = ReLU(x₁ + x₂ − 1)',
  'const yHat = h1.sub(h2.mul(2));        // ŷ = h₁ − 2h₂',
  '',
  'const xs = X.arraySync(), a = h1.arraySync(), c = h2.arraySync(), o = yHat.arraySync();',
  "console.log('x₁ x₂ | h₁ h₂ | ŷ  | XOR');",
  'for (let i = 0; i < 4; i++) {',
  '  const [x1, x2] = xs[i];',
  "  console.log(' ' + x1 + '  ' + x2 + ' |  ' + a[i] + '  ' + c[i] + ' | ' + o[i] + '  |  ' + (x1 ^ x2));",
  '}',
].join('\n');

export const FORWARD_331 = [
  '// 一个样本占一行：x 的形状是 [1, 3]（1 个样本，3 个输入）',
  'const x = tf.tensor2d([[1, 0, 2]]);',
  'const W1 = tf.tensor2d([[1, -1, 0], [0, 2, 1], [-1, 1, 1]]);   // 第 j 行是第 j 个隐藏神经元的权重',
  'const b1 = tf.tensor1d([0, -1, -2]);',
  'const w2 = tf.tensor2d([[2], [-1], [3]]);                       // [3, 1]',
  'const b2 = tf.scalar(0.5);',
  '',
  'const z = x.matMul(W1.transpose()).add(b1);   // [1, 3] × [3, 3] → [1, 3]',
  'const h = tf.relu(z);',
  'const yHat = h.matMul(w2).add(b2);            // [1, 3] × [3, 1] → [1, 1]',
  "console.log('x 的形状', x.shape, '→ z 的形状', z.shape, '→ h 的形状', h.shape, '→ ŷ 的形状', yHat.shape);",
  "console.log('z =', z);",
  "console.log('h =', h);",
  "console.log('ŷ =', yHat);",
].join('\n');

export const INFINITE_LOOP = ['// 死循环：运行环境会在超时后终止它，页面不受影响', 'while (true) {}'].join('\n');

export const HEATMAP = [
  'const m = tf.outerProduct(tf.linspace(0, 1, 8), tf.linspace(1, 0, 8));',
  "plot.heatmap(m, { title: '外积 uvᵀ' });",
  "plot.image(tf.linspace(0, 1, 64).reshape([8, 8]), { title: '灰度渐变' });",
  "console.log('形状', m.shape);",
].join('\n');

export const USE_MINE = [
  '// 用我的实现：练习 linear-model 里你写的 linearModel（没有时用参考实现）',
  'const linearModel = mine.linearModel ?? ((x, w, b) => tf.add(tf.dot(x, w), b));',
  'const x = tf.tensor2d([[60], [80], [100]]);',
  "console.log(mine.linearModel ? '用的是你的实现' : '用的是参考实现');",
  "console.log('ŷ =', linearModel(x, tf.tensor1d([2.5]), 15));",
].join('\n');

export const GRADIENT_DESCENT = [
  '// 梯度下降：从滑块的默认值 w = 2、b = 50 出发，每一步沿负梯度方向把参数挪一小步',
  'const x = tf.tensor1d([60, 80, 100]);',
  'const y = tf.tensor1d([160, 225, 260]);',
  '// 面积换成 u = (x − 80) / 20，即 −1、0、1；ŷ = a·u + c 与 ŷ = wx + b 是同一条直线',
  '// （w = a / 20，b = c − 80w），但这样梯度下降快得多，原因见第 5～7 章',
  'const u = x.sub(80).div(20);',
  'const a = tf.variable(tf.scalar(2 * 20));         // w = 2',
  'const c = tf.variable(tf.scalar(50 + 80 * 2));    // b = 50',
  'const optimizer = tf.train.sgd(0.05);             // 学习率：每一步挪多远',
  'await train.loop(100, () => {',
  '  // minimize：算出 L 对 a、c 的梯度，再把 a、c 各挪一小步',
  '  const loss = optimizer.minimize(() => u.mul(a).add(c).sub(y).square().mean(), true);',
  "  train.log({ 'L(w, b)': loss });",
  '  loss.dispose();',
  "}, { title: '梯度下降：均方误差随步数下降', xLabel: '步数', yLabel: '均方误差 L' });",
  'const w = a.dataSync()[0] / 20;',
  'const b = c.dataSync()[0] - 80 * w;',
  "console.log('100 步之后：w = ' + w.toFixed(2) + '，b = ' + b.toFixed(1));",
].join('\n');

export const MLP_XOR = [
  '// 2-8-1 多层感知机从随机初始值开始学异或：Adam 训练 20000 步，每一步记录损失',
  'const X = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]]);',
  'const Y = tf.tensor2d([[0], [1], [1], [0]]);',
  "const W1 = tf.variable(tf.randomNormal([2, 8], 0, 1, 'float32', 1));",
  'const b1 = tf.variable(tf.zeros([8]));',
  "const W2 = tf.variable(tf.randomNormal([8, 1], 0, 1, 'float32', 2));",
  'const b2 = tf.variable(tf.zeros([1]));',
  'const predict = () => tf.sigmoid(tf.tanh(X.matMul(W1).add(b1)).matMul(W2).add(b2));',
  'const optimizer = tf.train.adam(0.01);',
  'await train.loop(20000, () => {',
  '  const loss = optimizer.minimize(() => tf.losses.logLoss(Y, predict()), true);',
  '  train.log({ loss });',
  '  loss.dispose();',
  "}, { title: '异或上的多层感知机', xLabel: '步数', yLabel: '交叉熵损失' });",
  "console.log('预测', predict());",
].join('\n');

export const LIVE_PLOTS = [
  '// plot.*(…, { id })：同一个 id 在原处重画（不新增图）；plot.histogram 画直方图',
  'await train.loop(40, (step) => {',
  '  const m = tf.fill([3, 4], step);',
  "  plot.heatmap(m, { id: 'map', title: '第几步的热图' });",
  "  plot.histogram(tf.randomNormal([500], step / 10, 1, 'float32', step), { id: 'hist', title: '分布', bins: 20, min: -4, max: 8, label: '样本' });",
  "  plot.line([0, 1], [0, step], { id: 'lines', title: '两条线', label: 'a' });",
  "  plot.line([0, 1], [step, 0], { id: 'lines', title: '两条线', label: 'b' });",
  '});',
  "console.log('画完了');",
].join('\n');

export const LOG_FLOOD = [
  '// 三百万次错误调用：页面只收到有上限的几条错误',
  'for (let i = 0; i < 3000000; i++) train.log(0);',
  "console.log('循环结束');",
].join('\n');
