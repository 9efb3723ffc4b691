// Index maps between a k×k kernel with K[a][b] = K[b][a] and its k(k+1)/2 free taps
// (the upper triangle a ≤ b, row by row).
import * as tf from '@tensorflow/tfjs';
import { type Initializer, InitializerBase } from './layer-options.js';

/** Number of free taps of a symmetric k×k kernel: k(k+1)/2. */
export function symmetricTapCount(kernelSize: number): number {
  return (kernelSize * (kernelSize + 1)) / 2;
}

/** For each of the k² kernel positions (row-major), the index of its free tap. */
export function symmetricTapIndex(kernelSize: number): Int32Array {
  const tapOf = (a: number, b: number) => a * kernelSize - (a * (a - 1)) / 2 + (b - a);
  const index = new Int32Array(kernelSize * kernelSize);
  for (let a = 0; a < kernelSize; a++) {
    for (let b = 0; b < kernelSize; b++) index[a * kernelSize + b] = tapOf(Math.min(a, b), Math.max(a, b));
  }
  return index;
}

/** Kernel positions (row-major) of the free taps, in tap order: the upper triangle. */
export function upperTrianglePositions(kernelSize: number): Int32Array {
  const positions = new Int32Array(symmetricTapCount(kernelSize));
  let t = 0;
  for (let a = 0; a < kernelSize; a++) for (let b = a; b < kernelSize; b++) positions[t++] = a * kernelSize + b;
  return positions;
}

const tapIndexCache = new Map<number, tf.Tensor1D>();

/** The tap index as a kept int32 tensor, one per kernel size (not re-uploaded at every call). */
function cachedTapIndex(kernelSize: number): tf.Tensor1D {
  let index = tapIndexCache.get(kernelSize);
  if (!index || index.isDisposed) {
    index = tf.keep(tf.tensor1d(symmetricTapIndex(kernelSize), 'int32'));
    tapIndexCache.set(kernelSize, index);
  }
  return index;
}

/**
 * Expands taps [k(k+1)/2, in, out] into the symmetric kernel [k, k, in, out] with a gather, so
 * autodiff sums the gradients of tied positions (the symmetric update rule).
 */
export function expandSymmetricKernel(taps: tf.Tensor3D, kernelSize: number): tf.Tensor4D {
  return tf.tidy(() => {
    const index = cachedTapIndex(kernelSize);
    const [, inChannels, outChannels] = taps.shape;
    return tf.reshape(tf.gather(taps, index), [kernelSize, kernelSize, inChannels, outChannels]);
  });
}

/** Draws a full k×k kernel from `base` (so fan-in/out match a plain conv) and keeps its upper triangle. */
export class SymmetricTapInitializer extends InitializerBase {
  static className = 'SymmetricTapInitializer';

  constructor(
    private readonly base: Initializer,
    private readonly kernelSize: number,
  ) {
    super();
  }

  override apply(shape: number[], dtype?: tf.DataType): tf.Tensor {
    const [, inChannels, outChannels] = shape as [number, number, number];
    return tf.tidy(() => {
      const full = this.base.apply([this.kernelSize, this.kernelSize, inChannels, outChannels], dtype);
      const flat = tf.reshape(full, [this.kernelSize * this.kernelSize, inChannels, outChannels]);
      return tf.gather(flat, tf.tensor1d(upperTrianglePositions(this.kernelSize), 'int32'));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { kernelSize: this.kernelSize };
  }
}
