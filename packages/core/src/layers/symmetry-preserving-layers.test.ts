// Which layers can follow a symmetric layer: those acting per position (activations, batch norm,
// 1×1 convolutions), symmetric convolutions, and global pooling (which removes the map).
// Dropout does not: its mask differs at (i, j) and (j, i) in training.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initEngine } from '../engine/backend.js';
import { symmetryError } from '../featurize/symmetrize.js';
import { expectClose, randomSymmetricMap } from '../testing/helpers.js';

await initEngine();

const followers: [string, () => tf.layers.Layer][] = [
  ['batchNormalization', () => tf.layers.batchNormalization({ betaInitializer: 'randomNormal', gammaInitializer: 'randomNormal' })],
  ['activation relu', () => tf.layers.activation({ activation: 'relu' })],
  ['activation elu', () => tf.layers.activation({ activation: 'elu' })],
  ['leakyReLU', () => tf.layers.leakyReLU()],
  ['conv2d 1×1', () => tf.layers.conv2d({ filters: 5, kernelSize: 1 })],
  ['layerNormalization over channels', () => tf.layers.layerNormalization({ axis: -1 })],
];

describe('layers that preserve symmetry', () => {
  it.each(followers)('%s keeps a symmetric map symmetric (inference and training mode)', (_name, make) => {
    const x = randomSymmetricMap([2, 9, 9, 3], 11);
    const layer = make();
    for (const training of [false, true]) {
      const y = layer.apply(x, { training }) as tf.Tensor4D;
      expect(symmetryError(y)).toBeLessThan(1e-6);
      y.dispose();
    }
    x.dispose();
  });

  it('global pooling gives the same features for a map and its transpose', () => {
    const x = tf.randomNormal([1, 6, 6, 2], 0, 1, 'float32', 4) as tf.Tensor4D;
    const xt = tf.transpose(x, [0, 2, 1, 3]);
    for (const pool of [tf.layers.globalAveragePooling2d({}), tf.layers.globalMaxPooling2d({})]) {
      expectClose(pool.apply(xt) as tf.Tensor, pool.apply(x) as tf.Tensor, 1e-6);
    }
  });

  it('dropout in training mode breaks symmetry (do not put it between symmetric layers)', () => {
    const x = randomSymmetricMap([1, 12, 12, 4], 12);
    const y = tf.layers.dropout({ rate: 0.5 }).apply(x, { training: true }) as tf.Tensor4D;
    expect(symmetryError(y)).toBeGreaterThan(0.1);
  });
});
