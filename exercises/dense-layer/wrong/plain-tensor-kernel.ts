// 错误：kernel 和 bias 用 tf.variable 直接造成普通的变量，而不是 this.addWeight。
// 算式本身是对的，但框架看不见这些权重：layer.weights 是空数组，countParams() 是 0，
// setWeights([W, b]) 报错，tf.sequential 也没法训练或保存它们。
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
  private kernel!: tf.Variable;
  private bias: tf.Variable | null = null;

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
    const limit = Math.sqrt(6 / (inDim + this.units)); // 自己实现 Glorot 均匀初始化
    this.kernel = tf.variable(tf.randomUniform([inDim, this.units], -limit, limit));
    if (this.useBias) this.bias = tf.variable(tf.zeros([this.units]));
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs; // tf.sequential 传来的是 [x]
      let y = tf.matMul(x as tf.Tensor2D, this.kernel as tf.Tensor2D); // [n, d]·[d, units] → [n, units]
      if (this.bias) y = tf.add(y, this.bias); // 偏置广播到每一行
      return this.activation === 'relu' ? tf.relu(y) : y;
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0] ?? null, this.units]; // 批大小不变，最后一维变成 units
  }
}
