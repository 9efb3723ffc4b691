// Symmetry-preserving convolution: a k×k kernel with K[a][b] = K[b][a] for every (input, output)
// channel pair, stored as k(k+1)/2 free taps. A symmetric input map gives a symmetric output.
import * as tf from '@tensorflow/tfjs';
import { squareConv2d } from '../engine/square-conv.js';
import type { Initializer } from './layer-options.js';
import { SquareConv2DBase, type SquareConv2DArgs } from './square-conv-base.js';
import { SymmetricTapInitializer, expandSymmetricKernel, symmetricTapCount } from './symmetric-taps.js';

/** Arguments of {@link symmetricConv2d}. Any odd k, stride 1. */
export type SymmetricConv2DArgs = SquareConv2DArgs;

export class SymmetricConv2D extends SquareConv2DBase {
  /** Serialized class name: public API, never rename. */
  static className = 'SymmetricConv2D';

  protected kernelWeightShape(channels: number): number[] {
    return [symmetricTapCount(this.kernelSize), channels, this.filters];
  }

  protected initialKernel(): Initializer {
    return new SymmetricTapInitializer(this.kernelInitializer, this.kernelSize);
  }

  protected convolve(x: tf.Tensor4D, taps: tf.Tensor): tf.Tensor4D {
    const kernel = expandSymmetricKernel(taps as tf.Tensor3D, this.kernelSize);
    return squareConv2d(x, kernel, this.padding, this.dilationRate);
  }

  /** The full symmetric kernel [k, k, in, out] (a new tensor: dispose it). */
  materializeKernel(): tf.Tensor4D {
    if (!this.kernel) throw new Error(`${this.name} is not built yet`);
    return expandSymmetricKernel(this.kernel.read() as tf.Tensor3D, this.kernelSize);
  }
}
tf.serialization.registerClass(SymmetricConv2D, 'scnn');

/**
 * A symmetry-preserving k×k convolution (K[a][b] = K[b][a]) over square maps [batch, L, L, C].
 *
 * ```ts
 * const layer = symmetricConv2d({ filters: 64, kernelSize: 3, padding: 'same', activation: 'relu' });
 * ```
 */
export function symmetricConv2d(args: SymmetricConv2DArgs): SymmetricConv2D {
  return new SymmetricConv2D(args);
}
