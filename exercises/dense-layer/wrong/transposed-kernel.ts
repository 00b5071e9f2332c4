// 错误：kernel 按 [units, 输入维度] 创建，计算时用 transposeB 转回来。
// 输出的数值结构没问题，但权重形状与 tf.layers.dense 的 [输入维度, units] 不一致：
// layer.weights 的形状不对，setWeights([W, b]) 也会因形状不符而报错。
import * as tf from '@tensorflow/tfjs';

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
    this.kernel = this.addWeight('kernel', [this.units, inDim], 'float32', tf.initializers.glorotNormal({}));
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs; // tf.sequential 传来的是 [x]
      let y = tf.matMul(x as tf.Tensor2D, this.kernel.read() as tf.Tensor2D, false, true); // [n, d]·[units, d]ᵀ → [n, units]
      if (this.bias) y = tf.add(y, this.bias.read()); // 偏置广播到每一行
      return this.activation === 'relu' ? tf.relu(y) : y;
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0] ?? null, this.units]; // 批大小不变，最后一维变成 units
  }
}
