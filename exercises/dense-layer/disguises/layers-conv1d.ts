import * as tf from '@tensorflow/tfjs';

// 禁用：tf.layers.conv1d 取 kernelSize 1 就是一个全连接层（本题的 tf.layers 只开放 Layer 和 inputLayer）

export interface MyDenseConfig {
  units: number;
  activation?: 'relu' | 'linear';
  useBias?: boolean;
}

/**
 * 全连接层：y = activation(x·W + b)。
 * x: [n, d]；W（kernel）: [d, units]；b（bias）: [units]；y: [n, units]。
 */
export class MyDense extends tf.layers.Layer {
  static className = 'MyDense';
  private readonly units: number;
  private readonly activation: 'relu' | 'linear';
  private readonly useBias: boolean;
  private kernel!: tf.LayerVariable;
  private bias: tf.LayerVariable | null = null;

  constructor(config: MyDenseConfig) {
    super({});
    this.units = config.units;
    this.activation = config.activation ?? 'linear';
    this.useBias = config.useBias ?? true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    // 只有一个输入：inputShape 是 [n 或 null, d]；防御性地也接受 [[n, d]]
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number; // 输入维度 d：最后一维
    // 顺序与 tf.layers.dense 相同：先 kernel，再 bias
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotUniform({}));
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs; // tf.sequential 传来的是 [x]
      // 核大小为 1 的一维卷积就是一个全连接层：把 [n, d] 看成长度为 1 的序列 [n, 1, d]
      const conv = tf.layers.conv1d({ filters: this.units, kernelSize: 1, useBias: false });
      conv.apply(tf.expandDims(x, 1));
      conv.setWeights([tf.expandDims(this.kernel.read(), 0)]);
      let y = tf.squeeze(conv.apply(tf.expandDims(x, 1)) as tf.Tensor, [1]);
      if (this.bias) y = tf.add(y, this.bias.read()); // 偏置广播到每一行
      return this.activation === 'relu' ? tf.relu(y) : y;
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0] ?? null, this.units]; // 批大小不变，最后一维变成 units
  }
}
