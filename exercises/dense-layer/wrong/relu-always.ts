// 错误：不管 activation 是什么都接了 relu。'relu' 的用例能过，
// 但 'linear'（包括默认值）时负数应原样保留，这里却被截成了 0。
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
  readonly activation: 'relu' | 'linear'; // 存下了，却没在 call 里用
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
    this.kernel = this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotNormal({}));
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs; // tf.sequential 传来的是 [x]
      let y = tf.matMul(x as tf.Tensor2D, this.kernel.read() as tf.Tensor2D); // [n, d]·[d, units] → [n, units]
      if (this.bias) y = tf.add(y, this.bias.read()); // 偏置广播到每一行
      return tf.relu(y); // 忘了检查 this.activation
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0] ?? null, this.units]; // 批大小不变，最后一维变成 units
  }
}
