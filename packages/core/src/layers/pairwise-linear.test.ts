import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { outerConcat } from '../featurize/pairwise.js';
import { symmetryError } from '../featurize/symmetrize.js';
import { countParameters } from '../params/count-parameters.js';
import { backendsUnderTest, expectClose, onBackend } from '../testing/helpers.js';
import { pairwiseLinear } from './pairwise-linear.js';

const backends = await backendsUnderTest();

describe.each(backends)('pairwiseLinear on %s', (backend) => {
  it.each([true, false])('symmetric=%s equals a 1×1 conv over outerConcat with the matching kernel', (symmetric) =>
    onBackend(backend, () => {
      const layer = pairwiseLinear({ filters: 4, symmetric, biasInitializer: 'randomNormal' });
      const x = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 11) as tf.Tensor3D;
      const y = layer.apply(x) as tf.Tensor4D;
      expect(y.shape).toEqual([2, 6, 6, 4]);
      const [kernel, bias] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
      expect(kernel.shape).toEqual([symmetric ? 3 : 6, 4]);
      const full = symmetric ? tf.concat([kernel, kernel], 0) : kernel;
      const reference = tf.add(tf.conv2d(outerConcat(x), tf.reshape(full, [1, 1, 6, 4]) as tf.Tensor4D, 1, 'valid'), bias);
      expectClose(y, reference, 1e-5, 1e-5);
      if (symmetric) expect(symmetryError(y)).toBe(0);
      const count = countParameters([layer]);
      expect([count.conv, count.plainConv]).toEqual([(symmetric ? 3 : 6) * 4 + 4, 6 * 4 + 4]);
      tf.dispose([x, y, reference, ...(symmetric ? [full] : [])]);
      layer.dispose();
    }),
  );

  it('gradients match the 1×1 conv over outerConcat', () =>
    onBackend(backend, () => {
      const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 12) as tf.Tensor3D;
      const k = tf.randomNormal([3, 4], 0, 1, 'float32', 13) as tf.Tensor2D;
      const upstream = tf.randomNormal([2, 5, 5, 4], 0, 1, 'float32', 14);
      const layer = pairwiseLinear({ filters: 4, useBias: false });
      layer.apply(x);
      layer.setWeights([k]);
      const ours = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(layer.apply(a) as tf.Tensor, upstream)))([x])[0]!;
      const reference = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(outerConcat(a as tf.Tensor3D), tf.reshape(tf.concat([k, k], 0), [1, 1, 6, 4]) as tf.Tensor4D, 1, 'valid'), upstream)))([x])[0]!;
      expectClose(ours, reference, 1e-4, 1e-5);
      tf.dispose([x, k, upstream, ours, reference]);
      layer.dispose();
    }),
  );
});
