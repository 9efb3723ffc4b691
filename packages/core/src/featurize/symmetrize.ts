// (Y + Yᵀ)/2 over the two spatial axes: makes a plain CNN's output symmetric (for baselines),
// and symmetryError measures how far a map is from symmetric.
import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '../errors.js';

function assertSquareMap(y: tf.Tensor, argument: string): void {
  if (y.rank !== 4 || y.shape[1] !== y.shape[2]) throw new ShapeError(argument, y.shape, 'a square map [batch, L, L, channels]');
}

/** (Y + Yᵀ)/2, transposing the two spatial axes of [batch, L, L, C]. */
export function symmetrize(y: tf.Tensor4D): tf.Tensor4D {
  assertSquareMap(y, 'y');
  return tf.tidy(() => tf.mul(tf.add(y, tf.transpose(y, [0, 2, 1, 3])), 0.5));
}

/** max |Y - Yᵀ| / max(max |Y|, tiny): 0 for an exactly symmetric map. */
export function symmetryError(y: tf.Tensor4D): number {
  assertSquareMap(y, 'y');
  return tf.tidy(() => {
    const diff = tf.max(tf.abs(tf.sub(y, tf.transpose(y, [0, 2, 1, 3])))).dataSync()[0]!;
    const scale = tf.max(tf.abs(y)).dataSync()[0]!;
    return diff / Math.max(scale, 1e-30);
  });
}

/** Layer form of {@link symmetrize}. */
export class Symmetrize extends tf.layers.Layer {
  /** Serialized class name: public API, never rename. */
  static className = 'Symmetrize';

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return symmetrize((Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D);
  }
}
tf.serialization.registerClass(Symmetrize, 'scnn');

export function symmetrizeLayer(args: { name?: string } = {}): Symmetrize {
  return new Symmetrize(args);
}
