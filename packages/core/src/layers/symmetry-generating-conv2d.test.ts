import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeError } from '../errors.js';
import { outerConcat } from '../featurize/pairwise.js';
import { symmetryError } from '../featurize/symmetrize.js';
import { backendsUnderTest, expectClose, onBackend, randomPairMap } from '../testing/helpers.js';
import { symmetryGeneratingConv2d } from './symmetry-generating-conv2d.js';

const backends = await backendsUnderTest();
const grid = [1, 3, 5, 7].flatMap((k) => [1, 2].flatMap((d) => (['same', 'valid'] as const).map((padding) => ({ k, d, padding }))));
const L = 16;

describe.each(backends)('symmetryGeneratingConv2d on %s', (backend) => {
  it.each(grid)('pair mode k=$k dilation=$d $padding: [e_i ; e_j] → symmetric, equal to conv2d with [K ; Kᵀ], half the parameters', ({ k, d, padding }) =>
    onBackend(backend, () => {
      const layer = symmetryGeneratingConv2d({ filters: 3, kernelSize: k, dilationRate: d, padding, biasInitializer: 'randomNormal' });
      const x = randomPairMap(2, L, 2); // 4 channels: u (2) and v = uᵀ (2)
      expect(symmetryError(x)).toBeGreaterThan(0.1); // the input itself is not symmetric
      const y = layer.apply(x) as tf.Tensor4D;
      expect(symmetryError(y)).toBeLessThan(1e-5);
      const kernel = layer.materializeKernel();
      expect(kernel.shape).toEqual([k, k, 4, 3]);
      const [u, v] = tf.split(kernel, 2, 2);
      expectClose(v!, tf.transpose(u!, [1, 0, 2, 3]), 0, 0);
      const reference = tf.add(tf.conv2d(x, kernel, 1, padding, 'NHWC', d), layer.getWeights()[1]!);
      expectClose(y, reference as tf.Tensor, 1e-5);
      expect(layer.countParams()).toBe(k * k * 2 * 3 + 3);
      expect(layer.plainParameterCount()).toBe(k * k * 4 * 3 + 3);
      tf.dispose([x, y, kernel, u!, v!, reference]);
    }),
  );

  it.each(grid.filter((c) => c.k <= 3))('general mode k=$k dilation=$d $padding: conv(X, K) + its transpose', ({ k, d, padding }) =>
    onBackend(backend, () => {
      const layer = symmetryGeneratingConv2d({ filters: 2, kernelSize: k, dilationRate: d, padding, mode: 'general', useBias: false });
      const x = tf.randomNormal([1, 9, 9, 3], 0, 1, 'float32', 9) as tf.Tensor4D;
      const y = layer.apply(x) as tf.Tensor4D;
      expect(symmetryError(y)).toBeLessThan(1e-5);
      const kernel = layer.materializeKernel();
      const z = tf.conv2d(x, kernel, 1, padding, 'NHWC', d);
      expectClose(y, tf.add(z, tf.transpose(z, [0, 2, 1, 3])), 1e-5);
      expect(layer.countParams()).toBe(k * k * 3 * 2);
      tf.dispose([x, y, kernel, z]);
    }),
  );

  it('stays symmetric after 50 Adam steps on embeddings trained through outerConcat', () =>
    onBackend(backend, () => {
      const embeddings = tf.variable(tf.randomNormal([2, 8, 3], 0, 1, 'float32', 7)) as tf.Variable<tf.Rank.R3>;
      const layer = symmetryGeneratingConv2d({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'relu' });
      const target = tf.randomUniform([2, 8, 8, 2], 0, 1, 'float32', 8);
      const loss = () => tf.losses.meanSquaredError(target, layer.apply(outerConcat(embeddings)) as tf.Tensor) as tf.Scalar;
      const optimizer = tf.train.adam(0.02);
      for (let step = 0; step < 50; step++) optimizer.minimize(loss, true)?.dispose();
      const y = layer.apply(outerConcat(embeddings)) as tf.Tensor4D;
      expect(symmetryError(y)).toBeLessThan(1e-5);
      tf.dispose([embeddings, target, y]);
      optimizer.dispose();
    }),
  );
});

describe('symmetryGeneratingConv2d arguments', () => {
  it('rejects an odd channel count in pair mode, naming the shape', () => {
    const layer = symmetryGeneratingConv2d({ filters: 2, kernelSize: 1 });
    try {
      layer.apply(tf.zeros([1, 5, 5, 3]));
      expect.unreachable();
    } catch (error) {
      expect(ShapeError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/even channel count.*got 3/);
    }
  });

  it('rejects an unknown mode and an even kernel', () => {
    expect(() => symmetryGeneratingConv2d({ filters: 2, kernelSize: 3, mode: 'both' as 'pair' })).toThrowError(InvalidArgumentError);
    expect(() => symmetryGeneratingConv2d({ filters: 2, kernelSize: 2 })).toThrowError(/kernelSize: 2/);
  });

  it('rejects a non-square input', () => {
    expect(() => symmetryGeneratingConv2d({ filters: 2, kernelSize: 1 }).apply(tf.zeros([1, 4, 5, 2]))).toThrowError(/square/);
  });
});
