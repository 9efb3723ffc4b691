// Symmetry-generating convolution: turns a non-symmetric pair map into a symmetric one.
//  - mode 'pair': the input is P[i][j] = [u ; v] with v(i,j) = u(j,i), e.g. the outer concatenation
//    [e_i ; e_j]. The kernel over v is the spatial transpose of the kernel over u (for 1×1 the same
//    weights), so Y[i][j] = Y[j][i] exactly, with half the parameters of a plain conv over 2C channels.
//  - mode 'general': any square input X; Y = conv(X, K) + conv(X, K)ᵀ (same parameters as a plain
//    conv over C channels; the gain is exact symmetry).
import * as tf from '@tensorflow/tfjs';
import { squareConv2d } from '../engine/square-conv.js';
import type { Initializer } from './layer-options.js';
import { ShapeError } from '../errors.js';
import { InvalidArgumentError } from '../errors.js';
import { SquareConv2DBase, type SquareConv2DArgs } from './square-conv-base.js';

/** [K ; Kᵀ] along input channels: the kernel over u, then its spatial transpose over v = uᵀ. */
export function pairKernel(kernel: tf.Tensor4D): tf.Tensor4D {
  if (kernel.shape[0] === 1) return tf.concat([kernel, kernel], 2);
  return tf.concat([kernel, tf.transpose(kernel, [1, 0, 2, 3])], 2);
}

export type SymmetryGeneratingMode = 'pair' | 'general';

export interface SymmetryGeneratingConv2DArgs extends SquareConv2DArgs {
  /**
   * 'pair': input channels are [u ; v] halves with v = uᵀ (needs an even channel count);
   * 'general': any input, output conv(X, K) + its transpose. @default 'pair'
   */
  mode?: SymmetryGeneratingMode;
}

export class SymmetryGeneratingConv2D extends SquareConv2DBase {
  /** Serialized class name: public API, never rename. */
  static className = 'SymmetryGeneratingConv2D';
  readonly mode: SymmetryGeneratingMode;

  constructor(args: SymmetryGeneratingConv2DArgs) {
    super(args);
    const mode = args.mode ?? 'pair';
    if (mode !== 'pair' && mode !== 'general') throw new InvalidArgumentError('mode', mode, '"pair" or "general"');
    this.mode = mode;
  }

  protected override checkChannels(channels: number, shape: ReadonlyArray<number | null>): void {
    if (this.mode === 'pair' && channels % 2 !== 0) {
      throw new ShapeError('input', shape, `an even channel count in mode "pair" (the halves u and v = uᵀ), got ${channels}`);
    }
  }

  protected kernelWeightShape(channels: number): number[] {
    const kernelChannels = this.mode === 'pair' ? channels / 2 : channels;
    return [this.kernelSize, this.kernelSize, kernelChannels, this.filters];
  }

  protected initialKernel(): Initializer {
    return this.kernelInitializer;
  }

  protected convolve(x: tf.Tensor4D, kernel: tf.Tensor): tf.Tensor4D {
    if (this.mode === 'general') {
      const z = squareConv2d(x, kernel as tf.Tensor4D, this.padding, this.dilationRate);
      return tf.add(z, tf.transpose(z, [0, 2, 1, 3]));
    }
    return squareConv2d(x, pairKernel(kernel as tf.Tensor4D), this.padding, this.dilationRate);
  }

  /**
   * The kernel of the equivalent plain conv2d (a new tensor: dispose it): [k, k, 2C, out] in mode
   * 'pair'; in mode 'general' the output is conv(X, K) + its transpose, and this returns K.
   */
  materializeKernel(): tf.Tensor4D {
    if (!this.kernel) throw new Error(`${this.name} is not built yet`);
    const kernel = this.kernel.read() as tf.Tensor4D;
    return this.mode === 'pair' ? tf.tidy(() => pairKernel(kernel)) : tf.clone(kernel);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mode: this.mode };
  }
}
tf.serialization.registerClass(SymmetryGeneratingConv2D, 'scnn');

/**
 * A symmetry-generating k×k convolution: from a pair map [e_i ; e_j] (mode 'pair', default) or any
 * square map (mode 'general') to an exactly symmetric map.
 *
 * ```ts
 * const pairs = outerConcat(embeddings);              // [B, L, L, 2d]
 * const y = symmetryGeneratingConv2d({ filters: 128, kernelSize: 1 }).apply(pairs);
 * ```
 */
export function symmetryGeneratingConv2d(args: SymmetryGeneratingConv2DArgs): SymmetryGeneratingConv2D {
  return new SymmetryGeneratingConv2D(args);
}
