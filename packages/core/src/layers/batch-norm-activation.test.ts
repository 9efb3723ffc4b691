import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { symmetryError } from '../featurize/symmetrize.js';
import { backendsUnderTest, expectClose, onBackend, randomSymmetricMap } from '../testing/helpers.js';
import { batchNormActivation } from './batch-norm-activation.js';

const backends = await backendsUnderTest();

/** The same computation from stock ops, differentiated by autodiff. */
function reference(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, relu: boolean): tf.Tensor {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  const z = tf.batchNorm(x, mean, variance, beta, gamma, 1e-5);
  return relu ? tf.relu(z) : z;
}

describe.each(backends)('batchNormActivation on %s', (backend) => {
  it.each(['relu', 'linear'] as const)('%s, training: output and gradients equal autodiff through tf.moments + tf.batchNorm', (activation) =>
    onBackend(backend, () => {
      const layer = batchNormActivation({ activation });
      const x = tf.randomNormal([4, 5, 5, 3], 1, 2, 'float32', 21);
      layer.apply(x);
      const gamma = tf.randomNormal([3], 1, 0.5, 'float32', 22);
      const beta = tf.randomNormal([3], 0, 0.5, 'float32', 23);
      layer.setWeights([gamma, beta, tf.zeros([3]), tf.ones([3])]);
      const upstream = tf.randomNormal([4, 5, 5, 3], 0, 1, 'float32', 24);
      const [g, b] = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      const ours = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x, { training: true }) as tf.Tensor, upstream)) as tf.Scalar, [g!, b!]);
      const dxOurs = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input, { training: true }) as tf.Tensor, upstream)))(x);
      const theirs = tf.grads((input: tf.Tensor, gm: tf.Tensor, bt: tf.Tensor) => tf.sum(tf.mul(reference(input, gm, bt, activation === 'relu'), upstream)))([x, gamma, beta]);
      expectClose(layer.apply(x, { training: true }) as tf.Tensor, reference(x, gamma, beta, activation === 'relu'), 1e-4, 1e-5);
      expectClose(dxOurs, theirs[0]!, 1e-3, 1e-5);
      expectClose(ours.grads[g!.name]!, theirs[1]!, 1e-3, 1e-4);
      expectClose(ours.grads[b!.name]!, theirs[2]!, 1e-3, 1e-4);
      layer.dispose();
    }),
  );

  it('keeps running statistics (unbiased variance, momentum 0.9) and uses them at inference', () =>
    onBackend(backend, () => {
      const layer = batchNormActivation({ momentum: 0.9 });
      const x = tf.randomNormal([8, 3, 3, 2], 3, 2, 'float32', 25);
      layer.apply(x, { training: true });
      const [, , movingMean, movingVariance] = layer.getWeights();
      const { mean, variance } = tf.moments(x, [0, 1, 2]);
      const n = 8 * 3 * 3;
      expectClose(movingMean!, tf.mul(mean, 0.1), 1e-4, 1e-5);
      expectClose(movingVariance!, tf.add(0.9, tf.mul(variance, 0.1 * (n / (n - 1)))), 1e-4, 1e-5);
      const inference = layer.apply(x) as tf.Tensor;
      expectClose(inference, tf.div(tf.sub(x, movingMean!), tf.sqrt(tf.add(movingVariance!, 1e-5))), 1e-4, 1e-5);
      layer.dispose();
    }),
  );

  it('a symmetric map stays symmetric, with no tensor left behind per step', () =>
    onBackend(backend, () => {
      const layer = batchNormActivation({ activation: 'relu' });
      const x = randomSymmetricMap([2, 6, 6, 4]);
      layer.apply(x, { training: true });
      const optimizer = tf.train.sgd(0.1);
      const step = () => optimizer.minimize(() => tf.sum(tf.square(layer.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar, true)?.dispose();
      step();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) step();
      expect(tf.memory().numTensors).toBe(before);
      expect(symmetryError(layer.apply(x, { training: true }) as tf.Tensor4D)).toBe(0);
      layer.dispose();
    }),
  );
});
