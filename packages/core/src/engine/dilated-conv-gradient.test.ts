import * as tf from '@tensorflow/tfjs';
import { describe, it } from 'vitest';
import { backendsUnderTest, expectClose, onBackend } from '../testing/helpers.js';

const backends = await backendsUnderTest();

/** A dilated kernel written out with zeros, so a dilation-1 conv (stock gradient) computes the same. */
function spreadKernel(w: tf.Tensor4D, dilation: number): tf.Tensor4D {
  const [k, , cin, cout] = w.shape;
  const size = (k - 1) * dilation + 1;
  const values = w.arraySync();
  const out = tf.buffer([size, size, cin, cout]);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) for (let i = 0; i < cin; i++) for (let o = 0; o < cout; o++) out.set(values[a]![b]![i]![o]!, a * dilation, b * dilation, i, o);
  return out.toTensor() as tf.Tensor4D;
}

describe.each(backends)('Conv2D gradient with dilation on %s', (backend) => {
  it.each([
    { k: 3, d: 2, pad: 'same' as const, size: 9 },
    { k: 3, d: 3, pad: 'valid' as const, size: 10 },
    { k: 5, d: 2, pad: 'same' as const, size: 8 },
    { k: 2, d: 2, pad: 'same' as const, size: 7 },
  ])('k=$k dilation=$d $pad L=$size matches the zero-spread kernel at dilation 1', ({ k, d, pad, size }) =>
    onBackend(backend, () => {
      const x = tf.randomNormal([2, size, size, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
      const w = tf.randomNormal([k, k, 3, 2], 0, 1, 'float32', 2) as tf.Tensor4D;
      const probe = tf.randomNormal(tf.conv2d(x, w, 1, pad, 'NHWC', d).shape, 0, 1, 'float32', 3);
      const [dx, dw] = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, 1, pad, 'NHWC', d), probe)))([x, w]);
      const spread = spreadKernel(w, d);
      // 'same' with the spread kernel pads identically only for odd effective sizes; compare valid outputs then
      const [rdx, rspread] = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, 1, pad), probe)))([x, spread]);
      expectClose(dx!, rdx!, 1e-4);
      const stride = tf.stridedSlice(rspread!, [0, 0, 0, 0], rspread!.shape, [d, d, 1, 1]);
      expectClose(dw!, stride, 1e-4);
    }),
  );
});
