/**
 * Every runnable cell on every chapter page (content/chapters/*.mdx) and on every exercise page
 * whose statement holds one (exercises/<id>/statement.mdx) runs in the sandbox and prints
 * something, with no error unless it is marked expectError; a few printed numbers are checked
 * against the worked numbers in the prose; axe finds no serious violation in the run cells; sliders in chapters 3 and 4 re-run their cell and
 * change the plotted data. The cell machinery itself is tested in cells.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';

const root = new URL('../../', import.meta.url);
const dict = JSON.parse(readFileSync(new URL('src/i18n/zh-CN.json', root), 'utf8')) as { cell: { run: string } };
const RUN_TIMEOUT = 30_000;

const chapterPages = readdirSync(new URL('content/chapters/', root))
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => `/chapters/${f.replace(/\.mdx$/, '')}/`);
const exercisePages = readdirSync(new URL('exercises/', root), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .filter((d) => {
    try {
      return readFileSync(new URL(`exercises/${d.name}/statement.mdx`, root), 'utf8').includes('<Cell');
    } catch {
      return false;
    }
  })
  .map((d) => `/exercises/${d.name}/`);

/** Text each page's cells must print (the worked numbers in the surrounding prose). */
const EXPECTED: Record<string, (string | RegExp)[]> = {
  '/chapters/01-what-is-deep-learning/': ['均方误差 L(w, b) = 141.7', '100 步之后：w = 2.50，b = 15.0'],
  '/chapters/02-neurons-perceptrons-mlp/': [
    '第 1 轮：出错 3 次，w = (0.5, 0.5)，b = -0.5',
    '第 2 轮：出错 0 次',
    '[0.731059, 0.268941, 0.268941, 0.0474259]',
    /Ŷ = Tensor float32 \[2,1\]\s*\[\[2\],\s*\[4\]\]/,
    '[784, 128, 10]：101770 个参数',
    '[3, 3, 1]：16 个参数',
  ],
  '/chapters/03-activation-functions/': [
    'σ′ 的最大值 = 0.2500',
    '差商 (σ(2.001) − σ(1.999)) / 0.002 ≈ 0.1050',
    '连乘 10 次：sigmoid 9.54e-7',
    '[0, 0.5, 1, 0.5, 0, 0]',
    'GELU 的最小值 ≈ -0.170',
    '[0.665241, 0.244728, 0.0900306]',
    /直接套公式：\s*Tensor float32 \[3\]\s*\[NaN, NaN, NaN\]/,
    /\[3\.39\d*e\+38, Infinity, Infinity\]/,
  ],
  '/chapters/04-loss-functions/': [
    'L(2, 50) = 141.7，L(2.5, 15) = 50.0',
    '网格上最小的损失：w = 2.50，b = 15，L = 50.0',
    'MSE 在 c = 6.00 处最小',
    'MAE 在 c = 3.00 处最小',
    'Huber 在 c = 3.00 处最小',
    '平均二元交叉熵 = 0.280',
    'γ = 2 时 1.865',
  ],
  '/chapters/05-gradient-descent-backprop/': [
    '原始面积，η = 0.0001：50 步后 L = 98.96',
    /原始面积，η = 0\.0002：50 步后 L = \d\.\d\de\+2\d/,
    '标准化，η = 0.1：50 步后 L = 50.00，w = 2.50，b = 15.00',
    '你的 η = 0.3：每步乘以 1 − 2η = 0.40，单调收敛',
    '批量（B = 200）：每轮 1 步，1 轮后 L = 8.072',
    '小批量（B = 20）：每轮 10 步，1 轮后 L = 1.544',
    '随机（B = 1）：每轮 200 步，1 轮后 L = 0.281',
    '反向：∂ℓ/∂r = 20，∂ℓ/∂b = 20，∂ℓ/∂w = 1200，∂ℓ/∂x = 40',
    '∂L/∂W⁽¹⁾ = [[2,-1.5],[1,-2]] ，∂L/∂b⁽¹⁾ = [1,-1]',
    '与 tf.grads 的最大差：0',
    '两层网络：9 个参数，18 次前向传播',
    'float32：ε = 1e-2 时相对误差 1.5e-5，ε = 1e-6 时 6.1e-2',
    'f(x) = x² 在 x = 3 处的导数：6',
    '（答案 0、1、1、0）',
  ],
  '/chapters/06-optimizers/': [
    '第 3 步：θ = (-3.2174, -0.4219)，L = 7.401',
    '第 2 步：θ = (-3.4596, 0.5625)，L = 9.939',
    '第 40 步：θ = (-0.2195, 0.0000)，L = 0.02408',
    '动量法：第 40 步 θ = (-0.0023, 0.0000)，L = 2.56e-6',
    '与 tf.train.momentum(0.07, 0.5) 的轨迹最大相差 0.0e+0',
    't = 10：1 − β₁ᵗ = 0.6513，1 − β₂ᵗ = 0.0100，不修正时步长是 6.53 倍',
    '余弦退火：η₀ = 0.1000，η₅₀ = 0.0500，η₇₅ = 0.0146',
    '动量 η = 0.001, μ = 0.9：(0.9574, 0.9164)',
    'SGD η = 0.001：(-0.5097, 0.2674)，f = 2.28e+0',
    'Adam η = 0.1：(0.8754, 0.7659)，f = 1.55e-2',
  ],
  '/chapters/07-training-deep-networks/': [
    '第 1 层与第 20 层之比：sigmoid 1.08e-12',
    '全部为 0：300 步后 L = 0.2500',
    'He：方差 2/fanIn：第 1、5、10、20 层的均方根 0.984、0.804、0.704、0.771',
    '10 次之后的滑动均值 = [1.9540, 19.5396]',
    '残差网络：第 1 层 1.27e+0',
    '第 1 层与第 19 层之比：普通 3.08e-12，残差 3.06e-1',
    '验证损失最低在第 95 步：0.412，那时的验证准确率 0.882',
    'λ = 0.006，200 步之后：训练损失 0.271、准确率 0.910；验证损失 0.397、准确率 0.880',
    '[0, 4, 0, 8]',
    'p = 0.3，200 步之后：训练损失 0.271、准确率 0.910；验证损失 0.437、准确率 0.877',
    '在第 120 步停下，退回第 95 步的参数',
    's = 0.15，200 步之后：训练损失 0.276、准确率 0.900；验证损失 0.421、准确率 0.882',
    '训练准确率 0.910，验证准确率 0.880',
    '再训练 50 步之后：验证准确率 0.882',
    '8 位量化：1152 个权重从 4608 字节变成约 1176 字节',
    'W⁽¹⁾：S = 0.007428，Z = 107',
    '剪掉 80% 的权重：1152 个权重只剩 231 个非零',
    '学硬标签：验证准确率 0.827',
    '学软目标：验证准确率 0.865',
  ],
  '/chapters/08-cnn/': [
    '全连接层 784 → 128：100480 个参数',
    '卷积层 3×3、1 → 4 通道（28×28 输入）：40 个参数',
    '卷积层 3×3、3 → 64 通道（224×224 输入）：1792 个参数',
    '全连接层 150528 → 1000：150529000 个参数',
    '手算的互相关 Y = [[4,-1,1],[1,7,3],[4,0,1]]',
    'tf.conv2d = [[4,-1,1],[1,7,3],[4,0,1]]',
    "'valid'：out = ⌊(28 − 3)/2⌋ + 1 = 13；tf.conv2d 给出 13",
    "'same'：out = ⌈28/2⌉ = 14，补零 p = 1（上 0，下 1）；tf.conv2d 给出 14",
    '验证集第 0 个数字，标签 9',
    '3×3 卷积 → 3×3 卷积 → 3×3 卷积：感受野 7×7',
    '3×3 卷积 → 3×3 卷积 → 2×2 池化 → 3×3 卷积：感受野 10×10',
    '最大池化 2×2、步长 2 = [[5,7],[2,6]]',
    '平均池化 2×2、步长 2 = [[2,1.75],[-1.5,3]]',
    '最大池化 3×3、步长 1（窗口重叠）= [[6,7,7],[6,7,8]]',
    '核全为 1/4 的 2×2 卷积、步长 2 = [[2,1.75],[-1.5,3]]',
    '亮点在 (1, 1)：池化结果 [[9,0],[0,0]]',
    '亮点在 (0, 2)：池化结果 [[0,9],[0,0]]',
    '训练 1 轮（20 步）后，验证集准确率 79%',
  ],
  '/chapters/09-rnn/': [
    'wh = 0.5：h₁ … h₅ = 0.7616, 0.3634, 0.1797, 0.9699, 0.4502',
    '参数个数 d·h + h·h + h = 45，层自己数出来的是 45',
    '手算 ∂h₃/∂wh = 0.6715',
    'tf.grad 算出的 ∂h₃/∂wh = 0.6715',
    'T = 50：线性 1.17e+2（sᵀ = 1.17e+2）',
    'tf.grad 算出的 T = 10（tanh）：1.80e-1',
    'τ = 6.5：[1.5,2] 和 [[6]]',
    '与原梯度方向的夹角余弦：全局裁剪 1.0000，分别裁剪 0.9662',
    '全局范数 1.0000，形状 [1, 4]、[4, 4]、[4]',
    '我们的一步：c = 1.2616，h = 0.2290',
    'tf.layers.lstm，默认（hardSigmoid）：c = 1.2808，h = 0.2570',
    '参数个数：simpleRNN 45，LSTM 180，GRU 135',
    /公式与 tf\.layers\.gru 的最大差：(0\.0e\+0|\d\.\de-[6-9])/,
    /40 步之后：训练 MSE \d\.\de-[45]，续写 60 个点的最大误差 0\.0\d\d/,
    'wh = 0.9：h₁ … h₅ = 0.7616, 0.5950, 0.4896',
    'T = 50：线性 1.17e+2（sᵀ = 1.17e+2），tanh 5.87e-8',
    '全局范数 1.09e+9',
    'b_f = 3：f = 0.9526，f⁵⁰ = 8.81e-2',
    'b_f = 5：f = 0.9933，f⁵⁰ = 7.15e-1',
  ],
  '/chapters/10-attention-transformer/': [
    '加性（Bahdanau）：分数 e =',
    '“追” 最关注 “猫”，权重 0.405',
    '“红” 最关注 “球”，权重 0.735',
    'd_k = 64：Var(q·k) ≈ 60.1；8 个键里最大权重的平均：不缩放 0.872，除以 √d_k 后 0.357',
    '[0.892958, 0.107042, 0, 0]',
    'PE[10]·PE[13] = 12.2724，PE[30]·PE[33] = 12.2724',
    '一层 LSTM（512 维）：2099200 个参数',
    '注意力 1050624 + 前馈 2099712 + 层归一化 2048 = 3152384 个参数',
    '模型一共 3536 个参数',
    '训练 40 步后：逐位置准确率 = 0.436',
    /0\.17321\d*,\s*0\.45421\d*,\s*0\.37256\d*/,
    'd_k = 4：Var(q·k) ≈ 4.0；8 个键里最大权重的平均：不缩放 0.508，除以 √d_k 后 0.330',
    'd_k = 256：Var(q·k) ≈ 235.4；8 个键里最大权重的平均：不缩放 0.942，除以 √d_k 后 0.362',
    '比值 ≈ 1.50',
  ],
  '/chapters/11-gan-and-more/': [
    'x = -2：p_data = 0.3989，p_g = 0.0540，D*(x) = 0.8808',
    'p_g = N(0, 1) 时：V(D*, G) = -0.6537，JSD = 0.3663',
    '例子 real = [2, 0]，fake = [−1, −2]：L_D = 0.6301，L_G = 1.7201',
    'l = -5（D(G(z)) = 0.0067）：原始损失的导数 -0.0067，非饱和损失的导数 -0.9933',
    '落在 −2 ± 1 的比例 = 0.46，落在 2 ± 1 的比例 = 0.45',
    'p_g = p_data 时：V(D*, G) = -1.3863',
    '判别器分不清（所有 logit 都是 0）：L_D = 1.3863，L_G = 0.6931',
    'logit = ±1000：L_D = 1000.0000，L_G = 500.0000',
    '判别器：D(−2) = 0.53，D(0) = 0.32，D(2) = 0.48',
  ],
  '/chapters/12-browser-classifier/': [
    '训练 7000 个，验证 1000 个，测试 1000 个，每个 28×28 像素',
    '训练集像素：均值 33.4，标准差 78.7，80.9% 是 0',
    '参数个数：784×64 + 64 + 64×10 + 10 = 50890',
    '训练了 60 步（0.5 轮），用第 60 步的权重：验证损失 0.4756，验证准确率 87.5%',
    '3×3×1×8 + 8 + 13×13×8×10 + 10 = 13610',
    '训练 20 步后，前 500 个验证数字的准确率 84.2%',
    '测试集准确率 86.6%（1000 个里错了 134 个）',
    '最常见的三种错误：0 认成 5（11 次），4 认成 9（9 次），8 认成 5（8 次）',
    '60 步后：训练损失 0.003，验证损失 1.018；验证损失最低是第 20 步的 0.948',
  ],
  '/exercises/conv2d/': ['Sobel 竖直边缘核 的输出'],
};

async function runCell(cell: Locator): Promise<void> {
  await cell.scrollIntoViewIfNeeded();
  await cell.getByRole('button', { name: dict.cell.run, exact: true }).click();
  const expectError = (await cell.getAttribute('data-expect-error')) !== null;
  await expect(cell).toHaveAttribute('data-cell-state', expectError ? 'expected-error' : 'ok', { timeout: RUN_TIMEOUT });
}

test('every chapter is discovered, and the conv2d statement holds a cell', () => {
  expect(chapterPages.length).toBeGreaterThanOrEqual(4);
  expect(exercisePages).toContain('/exercises/conv2d/');
});

for (const path of [...chapterPages, ...exercisePages]) {
  test(`${path}: every cell runs and prints its result, with no error`, async ({ page }) => {
    test.setTimeout(240_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(path);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    const cells = page.locator('[data-cell]');
    const n = await cells.count();
    if (path.startsWith('/chapters/0') && !path.startsWith('/chapters/01')) expect(n, `${path}: cells`).toBeGreaterThanOrEqual(4);
    const ids = await cells.evaluateAll((els) => els.map((el) => el.getAttribute('data-cell')));
    expect(new Set(ids).size, `${path}: cell ids are unique`).toBe(ids.length);
    for (let i = 0; i < n; i++) {
      const cell = cells.nth(i);
      await runCell(cell);
      const out = cell.locator('[data-cell-output]');
      expect((await out.textContent())?.trim().length ?? 0, `${ids[i]}: output`).toBeGreaterThan(0);
      if ((await cell.getAttribute('data-expect-error')) === null) await expect(cell.locator('.cell-error'), `${ids[i]}: error`).toHaveCount(0);
    }
    // The cells (toolbar, sliders, output, plots and the highlighted source with its syntax
    // colours) have no serious axe violations once run.
    const axe = await new AxeBuilder({ page }).include('[data-cell]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).slice(0, 4).join(' | ')}`);
    expect(serious, `${path}: axe`).toEqual([]);
    const all = (await page.locator('[data-cell] [data-cell-output]').allTextContents()).join('\n');
    for (const want of EXPECTED[path] ?? []) {
      if (typeof want === 'string') expect(all, path).toContain(want);
      else expect(all, path).toMatch(want);
    }
    expect(pageErrors).toEqual([]);
  });
}

test('chapter 3: moving the softmax sliders re-runs the cell and changes the plotted bars', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/chapters/03-activation-functions/');
  const cell = page.locator('[data-cell="ch3-softmax"]');
  await runCell(cell);
  const plot = cell.locator('.cell-plot').first();
  await expect(plot).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(plot.locator('canvas')).toHaveAttribute('aria-label', /softmax 概率/);
  const before = await plot.getAttribute('data-plot-data');
  expect(before).toContain('0.665');
  await cell.locator('input[data-cell-param="z1"]').fill('0');
  await cell.locator('input[data-cell-param="z2"]').fill('0');
  await expect(cell.locator('output[data-cell-param-value="z1"]')).toHaveText('0');
  // All three logits 0: every probability is 1/3.
  await expect(cell.locator('[data-cell-output]')).toContainText('[0.333333, 0.333333, 0.333333]', { timeout: RUN_TIMEOUT });
  await expect(plot).not.toHaveAttribute('data-plot-data', before ?? '', { timeout: RUN_TIMEOUT });
  expect(await plot.getAttribute('data-plot-data')).toContain('0.333');
  await expect(cell.locator('.cell-error')).toHaveCount(0);
});

test('chapter 4: the Huber δ slider moves the optimum to 3.75 (δ = 5) and changes the curve', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/chapters/04-loss-functions/');
  const cell = page.locator('[data-cell="ch4-robust"]');
  await runCell(cell);
  const plot = cell.locator('.cell-plot').nth(1); // MAE(c) 与 Huber(c)
  await expect(plot).toBeVisible({ timeout: RUN_TIMEOUT });
  const before = await plot.getAttribute('data-plot-data');
  await cell.locator('input[data-cell-param="delta"]').fill('5');
  await expect(cell.locator('[data-cell-output]')).toContainText('Huber 在 c = 3.75 处最小', { timeout: RUN_TIMEOUT });
  await expect(plot).not.toHaveAttribute('data-plot-data', before ?? '', { timeout: RUN_TIMEOUT });
  await expect(cell.locator('.cell-error')).toHaveCount(0);
});
