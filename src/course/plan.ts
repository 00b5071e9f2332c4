/**
 * The whole course at a glance: parts and the 12 chapters in order.
 * A chapter is "written" when content/chapters/<slug>.mdx exists; the others show as 即将推出.
 * Exercises attach to chapters through their exercise.json `chapter` field.
 */
export interface PlannedChapter {
  /** File name without extension, also the URL: /chapters/<slug>/ */
  slug: string;
  order: number;
  title: string;
  part: PartId;
}

export type PartId = 'foundations' | 'training' | 'architectures' | 'practice';

export const PARTS: readonly { id: PartId; title: string }[] = [
  { id: 'foundations', title: '第一部分 · 基础' },
  { id: 'training', title: '第二部分 · 训练神经网络' },
  { id: 'architectures', title: '第三部分 · 网络结构' },
  { id: 'practice', title: '第四部分 · 实战' },
];

export const CHAPTERS: readonly PlannedChapter[] = [
  { slug: '01-what-is-deep-learning', order: 1, title: '什么是深度学习', part: 'foundations' },
  { slug: '02-neurons-perceptrons-mlp', order: 2, title: '神经元、感知机与多层网络', part: 'foundations' },
  { slug: '03-activation-functions', order: 3, title: '激活函数', part: 'training' },
  { slug: '04-loss-functions', order: 4, title: '损失函数', part: 'training' },
  { slug: '05-gradient-descent-backprop', order: 5, title: '梯度下降与反向传播', part: 'training' },
  { slug: '06-optimizers', order: 6, title: '优化算法', part: 'training' },
  { slug: '07-training-deep-networks', order: 7, title: '训练深层网络', part: 'training' },
  { slug: '08-cnn', order: 8, title: '卷积神经网络', part: 'architectures' },
  { slug: '09-rnn', order: 9, title: '循环神经网络', part: 'architectures' },
  { slug: '10-attention-transformer', order: 10, title: '注意力机制与 Transformer', part: 'architectures' },
  { slug: '11-gan-and-more', order: 11, title: '生成对抗网络与更多模型', part: 'architectures' },
  { slug: '12-browser-classifier', order: 12, title: '实战：在浏览器里训练一个分类器', part: 'practice' },
];
