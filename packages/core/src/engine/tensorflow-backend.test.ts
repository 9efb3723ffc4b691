// The wheel-built tfjs-node backend (tooling/engine/provision-tfjs-node.mjs) agrees with cpu.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { availableBackends, useBackend } from './backend.js';

const hasTensorflow = (await availableBackends()).includes('tensorflow');

/** Runs `fn` on cpu and on tensorflow; returns both results as plain arrays. */
async function onBoth(fn: () => tf.Tensor | tf.Tensor[]): Promise<[Float32Array[], Float32Array[]]> {
  const results: Float32Array[][] = [];
  for (const backend of ['cpu', 'tensorflow'] as const) {
    await useBackend(backend);
    const out = tf.tidy(fn);
    const list = Array.isArray(out) ? out : [out];
    results.push(list.map((t) => Float32Array.from(t.dataSync())));
    tf.dispose(list);
  }
  return results as [Float32Array[], Float32Array[]];
}

function expectAgree([a, b]: [Float32Array[], Float32Array[]], tolerance = 1e-5): void {
  expect(a.length).toBe(b.length);
  a.forEach((values, i) => {
    expect(values.length).toBe(b[i]!.length);
    const scale = Math.max(1, ...values.map(Math.abs));
    values.forEach((v, j) => expect(Math.abs(v - b[i]![j]!)).toBeLessThanOrEqual(tolerance * scale));
  });
}

describe.skipIf(!hasTensorflow)('tensorflow backend agrees with cpu', () => {
  it.each([
    [1, 'same'],
    [2, 'same'],
    [3, 'valid'],
    [2, 'valid'],
  ] as const)('conv2d stride %i %s, with input and filter gradients', async (stride, pad) => {
    expectAgree(
      await onBoth(() => {
        const x = tf.randomNormal([2, 11, 11, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
        const w = tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', 2) as tf.Tensor4D;
        const y = tf.conv2d(x, w, stride, pad);
        const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad))))([x, w]);
        return [y, dx!, dw!];
      }),
      1e-4,
    );
  });

  it('gather and its gradient', async () => {
    expectAgree(
      await onBoth(() => {
        const table = tf.randomNormal([10, 4], 0, 1, 'float32', 3);
        const ids = tf.tensor1d([1, 3, 3, 9, 0], 'int32');
        const [grad] = tf.grads((t: tf.Tensor) => tf.sum(tf.square(tf.gather(t, ids))))([table]);
        return [tf.gather(table, ids), grad!];
      }),
    );
  });

  it('batch-norm gradients', async () => {
    expectAgree(
      await onBoth(() => {
        const x = tf.randomNormal([4, 5, 5, 3], 0, 1, 'float32', 4);
        const gamma = tf.randomNormal([3], 1, 0.1, 'float32', 5);
        const beta = tf.randomNormal([3], 0, 0.1, 'float32', 6);
        const f = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
          const { mean, variance } = tf.moments(a, [0, 1, 2]);
          return tf.sum(tf.square(tf.batchNorm(a, mean, variance, b, g, 1e-3)));
        };
        return tf.grads(f)([x, gamma, beta]);
      }),
      1e-4,
    );
  });

  it('three Adam steps on a small conv net', async () => {
    expectAgree(
      await onBoth(() => {
        const x = tf.randomNormal([2, 8, 8, 2], 0, 1, 'float32', 7);
        const w1 = tf.variable(tf.randomNormal([3, 3, 2, 4], 0, 0.3, 'float32', 8));
        const w2 = tf.variable(tf.randomNormal([3, 3, 4, 1], 0, 0.3, 'float32', 9));
        const optimizer = tf.train.adam(0.01);
        for (let i = 0; i < 3; i++) {
          optimizer.minimize(() => tf.mean(tf.square(tf.conv2d(tf.relu(tf.conv2d(x as tf.Tensor4D, w1 as tf.Tensor4D, 1, 'same')), w2 as tf.Tensor4D, 1, 'same'))) as tf.Scalar);
        }
        const out = [tf.clone(w1), tf.clone(w2)];
        optimizer.dispose();
        tf.dispose([w1, w2]);
        return out;
      }),
      1e-4,
    );
  });
});
