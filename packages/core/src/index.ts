// @scnn/core: the TensorFlow.js engine, symmetric layers, pairwise featurizers, parameter counting
// and the training toolkit of Symmetry-Structured CNNs.
export { BackendUnavailableError, CheckpointError, InvalidArgumentError, ParseError, ScnnError, ShapeError } from './errors.js';

export {
  BACKEND_NAMES,
  availableBackends,
  engineInfo,
  initEngine,
  parseBackendName,
  useBackend,
  type BackendAttempt,
  type BackendName,
  type EngineInfo,
  type InitEngineOptions,
} from './engine/backend.js';
export { registerDilatedConvGradient } from './engine/dilated-conv-gradient.js';
export { REPLACED_KERNELS, registerTrainingKernels, stockKernel, unregisterTrainingKernels } from './engine/training-kernels.js';

export { ACTIVATIONS, type ActivationName } from './layers/layer-options.js';
export { BatchNormActivation, batchNormActivation, type BatchNormActivationArgs } from './layers/batch-norm-activation.js';
export { PairwiseLinear, pairwiseLinear, type PairwiseLinearArgs } from './layers/pairwise-linear.js';
export { PlainConv2D, plainConv2d, type PlainConv2DArgs } from './layers/plain-conv2d.js';
export { squareConv2d } from './engine/square-conv.js';
export { SquareConv2DBase, type SquareConv2DArgs } from './layers/square-conv-base.js';
export { SymmetricConv2D, symmetricConv2d, type SymmetricConv2DArgs } from './layers/symmetric-conv2d.js';
export {
  SymmetryGeneratingConv2D,
  symmetryGeneratingConv2d,
  type SymmetryGeneratingConv2DArgs,
  type SymmetryGeneratingMode,
} from './layers/symmetry-generating-conv2d.js';
export { expandSymmetricKernel, symmetricTapCount, symmetricTapIndex } from './layers/symmetric-taps.js';

export {
  PAIRWISE_MODES,
  PairwiseFeatures,
  outerConcat,
  outerProduct,
  outerSum,
  pairwise,
  pairwiseFeatures,
  type PairwiseFeaturesArgs,
  type PairwiseMode,
} from './featurize/pairwise.js';
export { Symmetrize, symmetrize, symmetrizeLayer, symmetryError } from './featurize/symmetrize.js';

export { countParameters, type LayerParameterCount, type ParameterCount } from './params/count-parameters.js';

export { readCheckpoint, writeCheckpoint, type Checkpoint, type CheckpointTensor } from './training/checkpoint.js';
export { loadModelWeights, readModelDescriptor, saveModelFolder, shippedModelFolder, type ModelDescriptor } from './training/model-folder.js';
export { createProgress, formatSeconds, type ProgressOption, type ProgressReporter } from './training/progress.js';
export { createRng, deriveSeed, seedEverything, shuffleInPlace, withSeed } from './training/seed.js';
export {
  restoreWeights,
  runControls,
  saveWeights,
  train,
  type EpochLog,
  type Trainable,
  type TrainOptions,
  type TrainResult,
  type TrainRunControls,
  type TrainState,
} from './training/train.js';

export {
  PAIR_NET_KINDS,
  createResidualPairNet,
  resolveResidualPairNetConfig,
  type PairNetKind,
  type ResidualPairNet,
  type ResidualPairNetConfig,
  type ResolvedResidualPairNetConfig,
} from './models/residual-pair-net.js';

export { benchmarkLayers, type BenchmarkedLayer, type LayerBenchmarkOptions, type LayerBenchmarkRow } from './benchmark/layer-benchmark.js';
