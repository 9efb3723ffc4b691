// Batch normalization over channels (channels last) with an optional ReLU, forward and backward fused
// into one custom gradient. Same numbers as tf.layers.batchNormalization + a ReLU, but its backward
// pass is ~9 element-wise ops instead of autodiff through moments and batchNorm, which matters on
// the small, wide maps of pair networks (packages/recsys README, training speed). Per-channel
// statistics preserve the symmetry of a symmetric map.
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, ShapeError } from '../errors.js';
import type { LayerArgs } from './layer-options.js';

export interface BatchNormActivationArgs extends LayerArgs {
  /** Running statistics: new = momentum·old + (1 − momentum)·batch (PyTorch's momentum 0.1). @default 0.9 */
  momentum?: number;
  /** Added to the variance. @default 1e-5 (PyTorch's default) */
  epsilon?: number;
  /** Applied after the affine transform. @default 'linear' */
  activation?: 'linear' | 'relu';
}

type LayerVariable = ReturnType<tf.layers.Layer['addWeight']>;

export class BatchNormActivation extends tf.layers.Layer {
  /** Serialized class name: public API, never rename. */
  static className = 'BatchNormActivation';
  readonly momentum: number;
  readonly epsilon: number;
  readonly activationName: 'linear' | 'relu';
  private gamma: LayerVariable | null = null;
  private beta: LayerVariable | null = null;
  private movingMean: LayerVariable | null = null;
  private movingVariance: LayerVariable | null = null;

  constructor(args: BatchNormActivationArgs = {}) {
    super(args);
    this.momentum = args.momentum ?? 0.9;
    this.epsilon = args.epsilon ?? 1e-5;
    this.activationName = args.activation ?? 'linear';
    if (!(this.momentum >= 0 && this.momentum < 1)) throw new InvalidArgumentError('momentum', this.momentum, 'a number in [0, 1)');
    if (!(this.epsilon > 0)) throw new InvalidArgumentError('epsilon', this.epsilon, 'a positive number');
    if (this.activationName !== 'linear' && this.activationName !== 'relu') throw new InvalidArgumentError('activation', this.activationName, '"linear" or "relu"');
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[shape.length - 1];
    if (shape.length < 2 || channels == null) throw new ShapeError('inputShape', shape, 'rank ≥ 2 with a known channel count last');
    this.gamma = this.addWeight('gamma', [channels], 'float32', tf.initializers.ones(), undefined, true);
    this.beta = this.addWeight('beta', [channels], 'float32', tf.initializers.zeros(), undefined, true);
    this.movingMean = this.addWeight('moving_mean', [channels], 'float32', tf.initializers.zeros(), undefined, false);
    this.movingVariance = this.addWeight('moving_variance', [channels], 'float32', tf.initializers.ones(), undefined, false);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean } = {}): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor;
    const gamma = this.gamma!.read();
    const beta = this.beta!.read();
    if (!kwargs.training) {
      return tf.tidy(() => {
        const scale = tf.mul(tf.rsqrt(tf.add(this.movingVariance!.read(), this.epsilon)), gamma);
        const z = tf.add(tf.mul(tf.sub(x, this.movingMean!.read()), scale), beta);
        return this.activationName === 'relu' ? tf.relu(z) : z;
      });
    }
    const axes = x.shape.map((_, i) => i).slice(0, -1);
    const count = x.size / x.shape[x.shape.length - 1]!;
    let batchMean: tf.Tensor | null = null;
    let batchVariance: tf.Tensor | null = null;
    const relu = this.activationName === 'relu';
    const epsilon = this.epsilon;
    const forward = tf.customGrad((input, g, b, save) => {
      const mean = tf.mean(input as tf.Tensor, axes);
      const centered = tf.sub(input as tf.Tensor, mean);
      const variance = tf.mean(tf.square(centered), axes);
      const rstd = tf.rsqrt(tf.add(variance, epsilon));
      const xhat = tf.mul(centered, rstd);
      const z = tf.add(tf.mul(xhat, g as tf.Tensor), b as tf.Tensor);
      const y = relu ? tf.relu(z) : z;
      batchMean = tf.keep(mean);
      batchVariance = tf.keep(variance);
      (save as unknown as (tensors: tf.Tensor[]) => void)([xhat, y, rstd, g as tf.Tensor]);
      return {
        value: y,
        gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
          const [xh, out, r, gm] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
          const dz = relu ? tf.mul(dy as tf.Tensor, tf.step(out)) : (dy as tf.Tensor);
          const dBeta = tf.sum(dz, axes);
          const dGamma = tf.sum(tf.mul(dz, xh), axes);
          // dx = γ·rstd·(dz − mean(dz) − x̂·mean(dz·x̂))
          const dx = tf.mul(tf.sub(tf.sub(dz, tf.div(dBeta, count)), tf.mul(xh, tf.div(dGamma, count))), tf.mul(gm, r));
          return [dx, dGamma, dBeta];
        },
      };
    });
    const y = forward(x, gamma, beta);
    // running statistics, with the unbiased batch variance as PyTorch keeps it
    tf.tidy(() => {
      const m = this.momentum;
      this.movingMean!.write(tf.add(tf.mul(this.movingMean!.read(), m), tf.mul(batchMean!, 1 - m)));
      const unbiased = count > 1 ? tf.mul(batchVariance!, count / (count - 1)) : batchVariance!;
      this.movingVariance!.write(tf.add(tf.mul(this.movingVariance!.read(), m), tf.mul(unbiased, 1 - m)));
    });
    tf.dispose([batchMean!, batchVariance!]);
    return y;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), momentum: this.momentum, epsilon: this.epsilon, activation: this.activationName };
  }
}
tf.serialization.registerClass(BatchNormActivation, 'scnn');

/** Batch normalization (+ optional ReLU) with a fused backward pass. */
export function batchNormActivation(args: BatchNormActivationArgs = {}): BatchNormActivation {
  return new BatchNormActivation(args);
}
