import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, useBackend } from './backend.js';
import { registerTrainingKernels, unregisterTrainingKernels } from './training-kernels.js';
import { expectClose } from '../testing/helpers.js';

const backends = (await availableBackends()).filter((b): b is 'cpu' | 'wasm' => b === 'cpu' || b === 'wasm');

type Case = { size: number; kernel: number; stride: number; pad: 'same' | 'valid' };
const cases: Case[] = [];
for (const size of [7, 8]) for (const kernel of [1, 2, 3]) for (const stride of [1, 2, 3]) for (const pad of ['same', 'valid'] as const) cases.push({ size, kernel, stride, pad });
const title = (c: Case) => `L=${c.size} k=${c.kernel} stride=${c.stride} ${c.pad}`;

function inputs(c: Case) {
  const x = tf.randomNormal([2, c.size, c.size + 1, 3], 0, 1, 'float32', 11) as tf.Tensor4D;
  const filter = tf.randomNormal([c.kernel, c.kernel, 3, 4], 0, 1, 'float32', 12) as tf.Tensor4D;
  const info = tf.backend_util.computeConv2DInfo(x.shape, filter.shape, c.stride, 1, c.pad);
  const dy = tf.randomNormal([2, info.outHeight, info.outWidth, 4], 0, 1, 'float32', 13) as tf.Tensor4D;
  return { x, filter, dy };
}

function runKernels(c: Case) {
  const { x, filter, dy } = inputs(c);
  const attrs = { strides: [c.stride, c.stride], pad: c.pad, dataFormat: 'NHWC' as const };
  const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: filter.shape }) as tf.Tensor;
  const dX = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, { ...attrs, inputShape: x.shape }) as tf.Tensor;
  const out = { dW: tf.clone(dW), dX: tf.clone(dX) };
  tf.dispose([x, filter, dy, dW, dX]);
  return out;
}

function segmentSum(n: number, segments: number) {
  const x = tf.randomNormal([n, 5], 0, 1, 'float32', 21);
  const ids = tf.tensor1d(Array.from({ length: n }, (_, i) => (i * 7) % segments), 'int32');
  const result = tf.unsortedSegmentSum(x, ids, segments);
  tf.dispose([x, ids]);
  return result;
}

describe('replacement training kernels', () => {
  const reference = new Map<string, { dW: tf.Tensor; dX: tf.Tensor }>();
  let referenceSegments: tf.Tensor;

  beforeAll(async () => {
    // Stock cpu kernels are the reference.
    await useBackend('cpu');
    unregisterTrainingKernels('cpu');
    for (const c of cases) reference.set(title(c), runKernels(c));
    referenceSegments = segmentSum(40, 9);
    registerTrainingKernels('cpu');
  });

  afterAll(() => {
    for (const r of reference.values()) tf.dispose([r.dW, r.dX]);
    referenceSegments.dispose();
  });

  for (const backend of backends) {
    describe(backend, () => {
      for (const c of cases) {
        it(`Conv2DBackpropFilter and Conv2DBackpropInput match stock cpu: ${title(c)}`, async () => {
          await useBackend(backend);
          const before = tf.memory().numTensors;
          const { dW, dX } = runKernels(c);
          const ref = reference.get(title(c))!;
          expectClose(dW, ref.dW, 1e-4);
          expectClose(dX, ref.dX, 1e-4);
          tf.dispose([dW, dX]);
          expect(tf.memory().numTensors).toBe(before);
        });
      }

      it('UnsortedSegmentSum matches stock cpu and leaks nothing', async () => {
        await useBackend(backend);
        const before = tf.memory().numTensors;
        const result = segmentSum(40, 9);
        expectClose(result, referenceSegments, 1e-5);
        result.dispose();
        expect(tf.memory().numTensors).toBe(before);
      });

      it('gives gather (embeddings) a gradient', async () => {
        await useBackend(backend);
        const table = tf.variable(tf.randomNormal([6, 3], 0, 1, 'float32', 5));
        const ids = tf.tensor1d([0, 2, 2, 5], 'int32');
        const { grads } = tf.variableGrads(() => tf.sum(tf.gather(table, ids)) as tf.Scalar, [table]);
        const grad = grads[table.name]!;
        expectClose(grad, tf.tensor2d([[1, 1, 1], [0, 0, 0], [2, 2, 2], [0, 0, 0], [0, 0, 0], [1, 1, 1]]), 0, 1e-6);
        tf.dispose([table, ids, grad]);
      });
    });
  }
});
