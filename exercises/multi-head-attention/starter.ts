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
  private wq: tf.LayerVariable | null = null;
  private wk: tf.LayerVariable | null = null;
  private wv: tf.LayerVariable | null = null;
  private wo: tf.LayerVariable | null = null;

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
    // TODO: 1. 按顺序用 this.addWeight 创建 wq、wk、wv（[dModel, hk]）和 wo（[hk, dModel]），不要偏置
    // 目前只创建了 wo，还缺三个
    this.wo = this.addWeight('wo', [hk, dModel], 'float32', tf.initializers.glorotUniform({}));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor3D; // tf.sequential 传来的是 [x]
      // TODO: 2. Q、K、V = x·wq、x·wk、x·wv，分成 numHeads 个头：[n, numHeads, T, keyDim]
      // TODO: 3. 每个头 softmax(Q Kᵀ / √keyDim + 掩码) V；causal 时屏蔽 j > i
      // TODO: 4. 按头的顺序拼回 [n, T, numHeads·keyDim]，乘以 wo
      void this.wq;
      void this.wk;
      void this.wv;
      void this.wo;
      void this.causal;
      void this.numHeads;
      void this.keyDim;
      return tf.zerosLike(x); // 形状对了，数值还不对
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape; // 形状不变：[n, T, dModel]
  }
}
