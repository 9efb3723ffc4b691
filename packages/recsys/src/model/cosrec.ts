// CosRec (Yan et al., CIKM 2019) and its symmetric twin SCosRec. The last L items of a user become the
// L×L map of concatenated embedding pairs [e_i ; e_j]; a 2D CNN encodes it, a tanh FC layer (and
// dropout) makes a 150-d vector, the user embedding is appended, and each candidate item is scored by
// its output embedding and bias. SCosRec ties the first 1×1 conv's halves (symmetry-generating) and
// stores 3×3 kernels as 6 free taps (symmetry-preserving); the 1×1 conv of block 2 is plain.
import { InvalidArgumentError, batchNormActivation, countParameters, pairwiseLinear, plainConv2d, symmetricConv2d, type ParameterCount } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';

type LayerVariable = tf.LayersModel['weights'][number];

export type RecModelKind = 'cnn' | 'scnn';
export const REC_MODEL_KINDS: readonly RecModelKind[] = ['cnn', 'scnn'];

export interface CosRecConfig {
  /** 'cnn' is CosRec, 'scnn' is SCosRec. */
  kind: RecModelKind;
  numUsers: number;
  /** Real items; the embedding tables hold numItems + 1 rows (row 0: padding). */
  numItems: number;
  /** Input items L. @default 5 */
  sequenceLength?: number;
  /** Embedding size d. @default 50 */
  dims?: number;
  /** Channels of the two conv blocks. @default [128, 256] */
  blockChannels?: [number, number];
  /** Width of the FC layer after pooling. @default 150 */
  fcDims?: number;
  /** Dropout after the FC layer. @default 0.5 */
  dropout?: number;
}

export type ResolvedCosRecConfig = Required<CosRecConfig>;

export function resolveCosRecConfig(config: CosRecConfig): ResolvedCosRecConfig {
  const resolved: ResolvedCosRecConfig = {
    sequenceLength: 5,
    dims: 50,
    blockChannels: [128, 256],
    fcDims: 150,
    dropout: 0.5,
    ...config,
  };
  if (!REC_MODEL_KINDS.includes(resolved.kind)) throw new InvalidArgumentError('kind', resolved.kind, REC_MODEL_KINDS.join(' | '));
  for (const key of ['numUsers', 'numItems', 'dims', 'fcDims'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 1) throw new InvalidArgumentError(key, resolved[key], 'a positive integer');
  }
  if (!Number.isInteger(resolved.sequenceLength) || resolved.sequenceLength < 5) {
    // two valid 3×3 convolutions need at least a 5×5 map
    throw new InvalidArgumentError('sequenceLength', resolved.sequenceLength, 'an integer ≥ 5');
  }
  if (!(resolved.dropout >= 0 && resolved.dropout < 1)) throw new InvalidArgumentError('dropout', resolved.dropout, 'a number in [0, 1)');
  return resolved;
}

// batch norm + ReLU with PyTorch's defaults (momentum 0.1, epsilon 1e-5), fused backward pass
const bnRelu = () => batchNormActivation({ activation: 'relu' });

/**
 * The conv stack from the [L, d] item embeddings, as a list of layers. Both models use core's square
 * conv layers, so they run on the same code path (and the same fast paths) and differ only in the
 * weight tying.
 */
function convStack(kind: RecModelKind, [c1, c2]: [number, number]): tf.layers.Layer[] {
  const symmetric = kind === 'scnn';
  return [
    // the 1×1 conv over [e_i ; e_j], computed from the sequence without building the pair map
    pairwiseLinear({ filters: c1, symmetric, name: symmetric ? 'block1_generate_1x1' : 'block1_conv_1x1' }),
    bnRelu(),
    symmetric ? symmetricConv2d({ filters: c1, kernelSize: 3, name: 'block1_symmetric_3x3' }) : plainConv2d({ filters: c1, kernelSize: 3, name: 'block1_conv_3x3' }),
    bnRelu(),
    plainConv2d({ filters: c2, kernelSize: 1, name: 'block2_conv_1x1' }),
    bnRelu(),
    symmetric ? symmetricConv2d({ filters: c2, kernelSize: 3, name: 'block2_symmetric_3x3' }) : plainConv2d({ filters: c2, kernelSize: 3, name: 'block2_conv_3x3' }),
    bnRelu(),
    tf.layers.globalAveragePooling2d({}),
  ];
}

export interface CosRecModel {
  config: ResolvedCosRecConfig;
  /** (items [B, L], users [B, 1]) → user context [B, fcDims + dims]. */
  encoder: tf.LayersModel;
  /** Output item embeddings [numItems + 1, fcDims + dims] and biases [numItems + 1, 1]. */
  itemWeights: tf.layers.Layer;
  itemBiases: tf.layers.Layer;
  /** Every weight, in checkpoint order. */
  weights: LayerVariable[];
  trainableWeights: LayerVariable[];
  /** Scores of `candidates` [B, K] for the windows (`items` [B, L], `users` [B, 1]). */
  scoreCandidates(items: tf.Tensor2D, users: tf.Tensor2D, candidates: tf.Tensor2D, training: boolean): tf.Tensor2D;
  /** Scores of every item (column 0 is padding) for the windows: [B, numItems + 1]. Inference mode. */
  scoreAll(items: tf.Tensor2D, users: tf.Tensor2D): tf.Tensor2D;
  /** Parameters: the conv stack (convolutional vs plain twin), and the whole model. */
  parameters(): { total: number; conv: number; plainConv: number; convRatio: number; byLayer: ParameterCount['layers'] };
  dispose(): void;
}

/** Builds CosRec ('cnn') or SCosRec ('scnn') with fresh weights (seed tfjs beforehand for repeatability). */
export function createCosRec(config: CosRecConfig): CosRecModel {
  const c = resolveCosRecConfig(config);
  const contextDims = c.fcDims + c.dims;
  const itemsIn = tf.input({ shape: [c.sequenceLength], dtype: 'int32', name: 'items' });
  const usersIn = tf.input({ shape: [1], dtype: 'int32', name: 'user' });
  const normal = (stddev: number) => tf.initializers.randomNormal({ mean: 0, stddev });
  const itemEmbedding = tf.layers.embedding({ inputDim: c.numItems + 1, outputDim: c.dims, embeddingsInitializer: normal(1 / c.dims), name: 'item_embedding' });
  const userEmbedding = tf.layers.embedding({ inputDim: c.numUsers, outputDim: c.dims, embeddingsInitializer: normal(1 / c.dims), name: 'user_embedding' });
  let x = itemEmbedding.apply(itemsIn) as tf.SymbolicTensor;
  for (const layer of convStack(c.kind, c.blockChannels)) x = layer.apply(x) as tf.SymbolicTensor;
  x = tf.layers.dense({ units: c.fcDims, activation: 'tanh', name: 'fc' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.dropout({ rate: c.dropout }).apply(x) as tf.SymbolicTensor;
  const user = tf.layers.flatten().apply(userEmbedding.apply(usersIn)) as tf.SymbolicTensor;
  const context = tf.layers.concatenate({ axis: -1 }).apply([x, user]) as tf.SymbolicTensor;
  const encoder = tf.model({ inputs: [itemsIn, usersIn], outputs: context, name: c.kind === 'scnn' ? 'scosrec' : 'cosrec' });

  const itemWeights = tf.layers.embedding({ inputDim: c.numItems + 1, outputDim: contextDims, embeddingsInitializer: normal(1 / contextDims), name: 'output_item_embedding' });
  const itemBiases = tf.layers.embedding({ inputDim: c.numItems + 1, outputDim: 1, embeddingsInitializer: 'zeros', name: 'output_item_bias' });
  itemWeights.build([null, 1]);
  itemBiases.build([null, 1]);
  const weights = [...encoder.weights, ...itemWeights.weights, ...itemBiases.weights];
  const trainableWeights = [...encoder.trainableWeights, ...itemWeights.trainableWeights, ...itemBiases.trainableWeights];

  const table = (layer: tf.layers.Layer) => layer.weights[0]!.read();
  return {
    config: c,
    encoder,
    itemWeights,
    itemBiases,
    weights,
    trainableWeights,
    scoreCandidates(items, users, candidates, training) {
      return tf.tidy(() => {
        const ctx = encoder.apply([items, users], { training }) as tf.Tensor2D;
        const w = tf.gather(table(itemWeights), candidates) as tf.Tensor3D; // [B, K, D]
        const b = tf.gather(table(itemBiases), candidates) as tf.Tensor3D; // [B, K, 1]
        return tf.add(tf.squeeze(tf.matMul(w, tf.expandDims(ctx, 2)), [2]), tf.squeeze(b, [2])) as tf.Tensor2D;
      });
    },
    scoreAll(items, users) {
      return tf.tidy(() => {
        const ctx = encoder.apply([items, users], { training: false }) as tf.Tensor2D;
        return tf.add(tf.matMul(ctx, table(itemWeights), false, true), tf.reshape(table(itemBiases), [1, -1])) as tf.Tensor2D;
      });
    },
    parameters() {
      const count = countParameters([...encoder.layers, itemWeights, itemBiases]);
      return { total: count.total, conv: count.conv, plainConv: count.plainConv, convRatio: count.convRatio, byLayer: count.layers };
    },
    dispose() {
      encoder.dispose();
      // standalone layers that were never applied symbolically cannot be disposed; free their weights
      for (const w of [...itemWeights.weights, ...itemBiases.weights]) w.dispose();
    },
  };
}
