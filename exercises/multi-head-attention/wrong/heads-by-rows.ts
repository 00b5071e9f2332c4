// 错误：把投影 [n·T, h·k] 直接 reshape 成 [n, h, T, k]，没有先 reshape 成 [n, T, h, k] 再转置。
// 这样一个“头”拿到的是几行（几个位置）拼起来的数，而不是同一位置的一个列块；只有 1 个头时恰好没问题。
import * as tf from '@tensorflow/tfjs';

export interface MultiHeadSelfAttentionConfig {
  numHeads: number;
  keyDim: number;
  causal?: boolean;
}

/**
 * 多头自注意力：x [n, T, dModel] → [n, T, dModel]。
 * 权重（按创建顺序，没有偏置）：wq、wk、wv [dModel, numHeads·keyDim]，wo [numHeads·keyDim, dModel]。
 * 第 h 个头用 wq、wk、wv 的第 h 个列块，算 softmax(Q_h K_hᵀ / √keyDim) V_h；各头按顺序拼接后乘以 wo。
 * causal 时位置 i 只能关注 j ≤ i。
 */
export class MultiHeadSelfAttention extends tf.layers.Layer {
  static className = 'MultiHeadSelfAttention';
  private readonly numHeads: number;
  private readonly keyDim: number;
  private readonly causal: boolean;
  private wq!: tf.LayerVariable;
  private wk!: tf.LayerVariable;
  private wv!: tf.LayerVariable;
  private wo!: tf.LayerVariable;

  constructor(config: MultiHeadSelfAttentionConfig) {
    super({});
    this.numHeads = config.numHeads;
    this.keyDim = config.keyDim;
    this.causal = config.causal ?? false;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dModel = shape[shape.length - 1] as number; // 最后一维
    const hk = this.numHeads * this.keyDim;
    const init = () => tf.initializers.glorotUniform({});
    // 顺序是约定的一部分：wq、wk、wv，最后 wo；都没有偏置
    this.wq = this.addWeight('wq', [dModel, hk], 'float32', init());
    this.wk = this.addWeight('wk', [dModel, hk], 'float32', init());
    this.wv = this.addWeight('wv', [dModel, hk], 'float32', init());
    this.wo = this.addWeight('wo', [hk, dModel], 'float32', init());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor3D; // tf.sequential 传来的是 [x]
      const [n, l, dModel] = x.shape;
      const h = this.numHeads;
      const k = this.keyDim;
      const flat = tf.reshape(x, [n * l, dModel]) as tf.Tensor2D;
      // [n·T, dModel]·[dModel, h·k] → [n, T, h, k] → [n, h, T, k]：第 h 个头拿到第 h 个列块
      const split = (w: tf.LayerVariable) => tf.reshape(tf.matMul(flat, w.read() as tf.Tensor2D), [n, h, l, k]);
      const q = split(this.wq);
      const kk = split(this.wk);
      const v = split(this.wv);
      // 每个头的得分 [n, h, T, T]，除以 √keyDim
      let scores = tf.div(tf.matMul(q, kk, false, true), Math.sqrt(k));
      if (this.causal) {
        // j > i 的位置（未来）在 softmax 之前加上 −1e9
        const i = tf.reshape(tf.range(0, l), [l, 1]);
        const j = tf.reshape(tf.range(0, l), [1, l]);
        scores = tf.add(scores, tf.mul(tf.cast(tf.greater(j, i), 'float32'), -1e9));
      }
      const heads = tf.matMul(tf.softmax(scores, -1), v); // [n, h, T, k]
      // 转置回 [n, T, h, k]，拼成 [n·T, h·k]（头 0 在最前），乘以 wo
      const merged = tf.reshape(tf.transpose(heads, [0, 2, 1, 3]), [n * l, h * k]) as tf.Tensor2D;
      return tf.reshape(tf.matMul(merged, this.wo.read() as tf.Tensor2D), [n, l, dModel]);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape; // 形状不变：[n, T, dModel]
  }
}
