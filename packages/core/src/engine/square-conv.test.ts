import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest, expectClose, onBackend } from '../testing/helpers.js';
import { squareConv2d } from './square-conv.js';

const backends = await backendsUnderTest();
const cases = [
  { L: 1, k: 1, padding: 'valid' as const, dilation: 1, path: 'matMul' },
  { L: 4, k: 1, padding: 'same' as const, dilation: 2, path: 'matMul' },
  { L: 4, k: 1, padding: 'valid' as const, dilation: 1, path: 'matMul' },
  { L: 3, k: 3, padding: 'valid' as const, dilation: 1, path: 'matMul' },
  { L: 5, k: 5, padding: 'valid' as const, dilation: 1, path: 'matMul' },
  { L: 5, k: 3, padding: 'valid' as const, dilation: 1, path: 'conv2d' },
  { L: 3, k: 3, padding: 'same' as const, dilation: 1, path: 'conv2d' },
  { L: 5, k: 3, padding: 'valid' as const, dilation: 2, path: 'conv2d' },
];

describe.each(backends)('squareConv2d on %s', (backend) => {
  it.each(cases)('L=$L k=$k $padding dilation $dilation ($path): output and both gradients equal tf.conv2d', ({ L, k, padding, dilation }) =>
    onBackend(backend, () => {
      const x = tf.randomNormal([3, L, L, 4], 0, 1, 'float32', 1) as tf.Tensor4D;
      const kernel = tf.randomNormal([k, k, 4, 5], 0, 1, 'float32', 2) as tf.Tensor4D;
      const upstream = tf.randomNormal(tf.conv2d(x, kernel, 1, padding, 'NHWC', dilation).shape, 0, 1, 'float32', 3);
      const ours = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(squareConv2d(a as tf.Tensor4D, b as tf.Tensor4D, padding, dilation), upstream)));
      const reference = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, padding, 'NHWC', dilation), upstream)));
      const y = squareConv2d(x, kernel, padding, dilation);
      const yRef = tf.conv2d(x, kernel, 1, padding, 'NHWC', dilation);
      expect(y.shape).toEqual(yRef.shape);
      expectClose(y, yRef, 1e-4);
      const [dx, dk] = ours([x, kernel]);
      const [dxRef, dkRef] = reference([x, kernel]);
      expectClose(dx!, dxRef!, 1e-4);
      expectClose(dk!, dkRef!, 1e-4);
      tf.dispose([x, kernel, upstream, y, yRef, dx!, dk!, dxRef!, dkRef!]);
    }),
  );
});
