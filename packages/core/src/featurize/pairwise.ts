// Pairwise featurizers: from a sequence of embeddings [batch, L, d] to pair maps [batch, L, L, ·].
// outerConcat gives [e_i ; e_j] (not symmetric: its halves swap under transpose, which is what
// a symmetry-generating layer in mode 'pair' expects); outerSum and outerProduct are symmetric.
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, ShapeError } from '../errors.js';

export type PairwiseMode = 'concat' | 'sum' | 'product';
export const PAIRWISE_MODES: readonly PairwiseMode[] = ['concat', 'sum', 'product'];

function assertSequence(x: tf.Tensor): asserts x is tf.Tensor3D {
  if (x.rank !== 3) throw new ShapeError('embeddings', x.shape, 'rank 3 [batch, L, d]');
}

function rowsAndColumns(x: tf.Tensor3D): [tf.Tensor4D, tf.Tensor4D] {
  const [batch, length, depth] = x.shape;
  const rows = tf.broadcastTo(tf.expandDims(x, 2), [batch, length, length, depth]) as tf.Tensor4D; // e_i at (i, j)
  const columns = tf.broadcastTo(tf.expandDims(x, 1), [batch, length, length, depth]) as tf.Tensor4D; // e_j at (i, j)
  return [rows, columns];
}

/** P[b][i][j] = [e_i ; e_j]: [batch, L, d] → [batch, L, L, 2d]. */
export function outerConcat(embeddings: tf.Tensor3D): tf.Tensor4D {
  assertSequence(embeddings);
  return tf.tidy(() => tf.concat(rowsAndColumns(embeddings), 3));
}

/** P[b][i][j] = e_i + e_j (symmetric): [batch, L, d] → [batch, L, L, d]. */
export function outerSum(embeddings: tf.Tensor3D): tf.Tensor4D {
  assertSequence(embeddings);
  return tf.tidy(() => tf.add(...rowsAndColumns(embeddings)));
}

/** P[b][i][j] = e_i ⊙ e_j (symmetric, element-wise): [batch, L, d] → [batch, L, L, d]. */
export function outerProduct(embeddings: tf.Tensor3D): tf.Tensor4D {
  assertSequence(embeddings);
  return tf.tidy(() => tf.mul(...rowsAndColumns(embeddings)));
}

export function pairwise(embeddings: tf.Tensor3D, mode: PairwiseMode): tf.Tensor4D {
  switch (mode) {
    case 'concat':
      return outerConcat(embeddings);
    case 'sum':
      return outerSum(embeddings);
    case 'product':
      return outerProduct(embeddings);
    default:
      throw new InvalidArgumentError('mode', mode, PAIRWISE_MODES.join(' | '));
  }
}

export interface PairwiseFeaturesArgs {
  /** How e_i and e_j combine. @default 'concat' */
  mode?: PairwiseMode;
  /** Layer name. */
  name?: string;
}

/** Layer form of {@link pairwise}, for use inside a tf.LayersModel. */
export class PairwiseFeatures extends tf.layers.Layer {
  /** Serialized class name: public API, never rename. */
  static className = 'PairwiseFeatures';
  readonly mode: PairwiseMode;

  constructor(args: PairwiseFeaturesArgs = {}) {
    super(args);
    const mode = args.mode ?? 'concat';
    if (!PAIRWISE_MODES.includes(mode)) throw new InvalidArgumentError('mode', mode, PAIRWISE_MODES.join(' | '));
    this.mode = mode;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [batch, length, depth] = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = depth == null ? null : this.mode === 'concat' ? 2 * depth : depth;
    return [batch ?? null, length ?? null, length ?? null, channels];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
    return pairwise(x, this.mode);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mode: this.mode };
  }
}
tf.serialization.registerClass(PairwiseFeatures, 'scnn');

export function pairwiseFeatures(args: PairwiseFeaturesArgs = {}): PairwiseFeatures {
  return new PairwiseFeatures(args);
}
