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
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(config: MyDenseConfig) {
    super({});
    this.units = config.units;
    this.activation = config.activation ?? 'linear';
    this.useBias = config.useBias ?? true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    const inDim = shape[shape.length - 1] as number; // 输入维度 d：最后一维
    // TODO: 1. 用 this.addWeight('kernel', [inDim, this.units], 'float32', tf.initializers.glorotNormal({})) 创建 kernel
    // TODO: 2. useBias 为 true 时，再用 this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros()) 创建 bias
    void inDim;
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      // TODO: 3. tf.sequential 传来的是数组 [x]，直接 apply(x) 传来的是张量 x：两种都要处理
      const x = inputs as tf.Tensor;
      // TODO: 4. 计算 x·W（this.kernel.read()），useBias 时加上 b，activation 为 'relu' 时再接 tf.relu
      void this.kernel;
      void this.bias;
      void this.activation;
      void this.useBias;
      return tf.zeros([x.shape[0]!, this.units]);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    // TODO: 5. 返回 [批大小, units]：批大小照抄 inputShape[0]（可能是 null）
    return inputShape;
  }
}
