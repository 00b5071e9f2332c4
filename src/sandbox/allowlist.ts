import {
  Conv2D, Conv2DBackpropFilter, Conv2DBackpropInput, Conv3D, Conv3DBackpropFilterV2, Conv3DBackpropInputV2,
  DepthwiseConv2dNative, DepthwiseConv2dNativeBackpropFilter, DepthwiseConv2dNativeBackpropInput, Elu, FusedConv2D,
  FusedDepthwiseConv2D, LeakyRelu, LogSoftmax, Prelu, Relu, Relu6, Selu, Sigmoid, Softmax, Softplus, _FusedMatMul,
} from '@tensorflow/tfjs-core';

/**
 * What `import * as tf from '@tensorflow/tfjs'` gives learner code: an allowlist, never a
 * denylist. These are the math a learner needs; anything else (engine, backends, kernels and
 * their registries, fused, serialization, io, layers, train, losses, gradients, env, util …)
 * exists only where an exercise's `grants` names it. An exercise's `banned` list then removes
 * names from what is allowed or granted.
 */
export const ALLOWED_TF = [
  // creation
  'tensor', 'scalar', 'tensor1d', 'tensor2d', 'tensor3d', 'tensor4d', 'tensor5d', 'tensor6d', 'buffer',
  'zeros', 'ones', 'zerosLike', 'onesLike', 'fill', 'range', 'linspace', 'eye', 'oneHot', 'clone', 'complex', 'real', 'imag',
  'randomNormal', 'randomUniform', 'randomUniformInt', 'randomStandardNormal', 'truncatedNormal', 'randomGamma', 'multinomial',
  'variable',
  // elementwise arithmetic and math
  'add', 'addN', 'sub', 'mul', 'div', 'divNoNan', 'floorDiv', 'mod', 'pow', 'square', 'squaredDifference', 'sqrt', 'rsqrt',
  'exp', 'expm1', 'log', 'log1p', 'abs', 'neg', 'sign', 'reciprocal', 'maximum', 'minimum', 'clipByValue',
  'floor', 'ceil', 'round', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh',
  'asinh', 'acosh', 'atanh', 'erf', 'step', 'isNaN', 'isInf', 'isFinite', 'cast',
  // activations (exercises ban the one they teach, and its siblings)
  'sigmoid', 'logSigmoid', 'softplus', 'relu', 'relu6', 'elu', 'selu', 'leakyRelu', 'prelu', 'softmax', 'logSoftmax',
  // comparison and selection
  'equal', 'notEqual', 'greater', 'greaterEqual', 'less', 'lessEqual',
  'logicalAnd', 'logicalOr', 'logicalNot', 'logicalXor', 'where',
  // reductions
  'sum', 'mean', 'max', 'min', 'prod', 'argMax', 'argMin', 'all', 'any', 'logSumExp', 'norm', 'euclideanNorm',
  'moments', 'cumsum', 'cumprod', 'topk',
  // linear algebra and shapes
  'matMul', 'dot', 'outerProduct', 'transpose', 'einsum', 'reshape', 'expandDims', 'squeeze', 'concat', 'stack',
  'unstack', 'split', 'slice', 'stridedSlice', 'gather', 'gatherND', 'tile', 'pad', 'reverse', 'broadcastTo',
  'batchNorm', 'dropout', 'meshgrid',
  // convolution and pooling (banned wholesale by the conv exercises)
  'conv1d', 'conv2d', 'conv3d', 'conv2dTranspose', 'conv3dTranspose', 'depthwiseConv2d', 'separableConv2d',
  'maxPool', 'avgPool', 'pool',
  // memory and output
  'tidy', 'dispose', 'keep', 'memory', 'print',
  // classes, for instanceof
  'Tensor', 'Variable', 'TensorBuffer',
] as const;

export { GRANTABLE_TF, type GrantableName } from './grants';

/** The gradient family: banning any of them also stops the engine's gradient machinery. */
export const GRADIENT_APIS = ['grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad'] as const;

/**
 * Kernels that compute a banned API, including its siblings: a backprop kernel that computes
 * the forward convolution, a 3-D convolution of depth 1, a leaky ReLU with slope 0. Banning the
 * kernel stops every route to it (composite ops, layers, tensor methods), on every backend.
 */
export const KERNELS_BY_API: Readonly<Record<string, readonly string[]>> = {
  sigmoid: [Sigmoid],
  logSigmoid: [Softplus],
  softplus: [Softplus],
  relu: [Relu, LeakyRelu, Prelu],
  relu6: [Relu6],
  leakyRelu: [LeakyRelu, Prelu],
  prelu: [Prelu, LeakyRelu],
  elu: [Elu],
  selu: [Selu],
  softmax: [Softmax],
  logSoftmax: [LogSoftmax],
  conv1d: CONV_KERNELS(),
  conv2d: CONV_KERNELS(),
  conv3d: CONV_KERNELS(),
  depthwiseConv2d: CONV_KERNELS(),
  separableConv2d: CONV_KERNELS(),
  conv2dTranspose: CONV_KERNELS(),
  fused: [FusedConv2D, FusedDepthwiseConv2D, _FusedMatMul],
};

function CONV_KERNELS(): string[] {
  return [
    Conv2D, FusedConv2D, Conv2DBackpropInput, Conv2DBackpropFilter, Conv3D, Conv3DBackpropInputV2, Conv3DBackpropFilterV2,
    DepthwiseConv2dNative, FusedDepthwiseConv2D, DepthwiseConv2dNativeBackpropInput, DepthwiseConv2dNativeBackpropFilter,
  ];
}

/** Fused kernels carry an activation by name: banning that activation bans it there too. */
export const FUSED_ACTIVATION_KERNELS = [_FusedMatMul, FusedConv2D, FusedDepthwiseConv2D] as const;
export const FUSED_ACTIVATION_BY_API: Readonly<Record<string, readonly string[]>> = {
  sigmoid: ['sigmoid'],
  relu: ['relu', 'leakyrelu', 'prelu'],
  relu6: ['relu6'],
  leakyRelu: ['leakyrelu', 'prelu'],
  prelu: ['prelu', 'leakyrelu'],
  elu: ['elu'],
};
