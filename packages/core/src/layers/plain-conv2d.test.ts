import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { countParameters } from '../params/count-parameters.js';
import { backendsUnderTest, expectClose, onBackend } from '../testing/helpers.js';
import { plainConv2d } from './plain-conv2d.js';

const backends = await backendsUnderTest();

describe.each(backends)('plainConv2d on %s', (backend) => {
  it.each([
    { k: 1, d: 1, padding: 'valid' as const, L: 6 },
    { k: 3, d: 1, padding: 'valid' as const, L: 3 },
    { k: 3, d: 2, padding: 'same' as const, L: 9 },
  ])('k=$k dilation=$d $padding L=$L: equals conv2d with its kernel plus bias', ({ k, d, padding, L }) =>
    onBackend(backend, () => {
      const layer = plainConv2d({ filters: 3, kernelSize: k, dilationRate: d, padding, biasInitializer: 'randomNormal' });
      const x = tf.randomNormal([2, L, L, 4], 0, 1, 'float32', 5) as tf.Tensor4D;
      const y = layer.apply(x) as tf.Tensor;
      const [kernel, bias] = layer.getWeights() as [tf.Tensor4D, tf.Tensor1D];
      expect(kernel.shape).toEqual([k, k, 4, 3]);
      const reference = tf.add(tf.conv2d(x, kernel, 1, padding, 'NHWC', d), bias);
      expectClose(y, reference, 1e-4);
      const count = countParameters([layer]);
      expect(count.conv).toBe(k * k * 4 * 3 + 3);
      expect(count.convRatio).toBe(1);
      tf.dispose([x, y, reference]);
      layer.dispose();
    }),
  );

  it('trains with dilation 2 and a linear activation (tf.layers.conv2d cannot)', () =>
    onBackend(backend, () => {
      const layer = plainConv2d({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' });
      const x = tf.randomNormal([2, 8, 8, 2], 0, 1, 'float32', 6);
      const target = tf.randomNormal([2, 8, 8, 2], 0, 1, 'float32', 7);
      layer.apply(x);
      const optimizer = tf.train.adam(0.05);
      const loss = () => tf.losses.meanSquaredError(target, layer.apply(x) as tf.Tensor) as tf.Scalar;
      const first = loss().dataSync()[0]!;
      for (let step = 0; step < 20; step++) optimizer.minimize(loss, true)?.dispose();
      expect(loss().dataSync()[0]!).toBeLessThan(first);
      tf.dispose([x, target]);
      optimizer.dispose();
      layer.dispose();
    }),
  );
});
