import { initEngine, symmetryError } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createCosRec } from './cosrec.js';

await initEngine();

describe('createCosRec', () => {
  it('reference sizes: CosRec 783,616 conv parameters, SCosRec 531,456 (67.8%)', () => {
    const cnn = createCosRec({ kind: 'cnn', numUsers: 943, numItems: 1682 });
    const scnn = createCosRec({ kind: 'scnn', numUsers: 943, numItems: 1682 });
    // 1×1 2d→128, 3×3 128→128, 1×1 128→256, 3×3 256→256, each with a bias
    const plain = 100 * 128 + 128 + 9 * 128 * 128 + 128 + 128 * 256 + 256 + 9 * 256 * 256 + 256;
    const symmetric = 50 * 128 + 128 + 6 * 128 * 128 + 128 + 128 * 256 + 256 + 6 * 256 * 256 + 256;
    expect(cnn.parameters().conv).toBe(plain);
    expect(scnn.parameters().conv).toBe(symmetric);
    expect(scnn.parameters().plainConv).toBe(plain);
    expect(scnn.parameters().convRatio).toBeLessThanOrEqual(0.7);
    // both share everything else: embeddings, batch norm, FC, output embeddings
    expect(cnn.parameters().total - cnn.parameters().conv).toBe(scnn.parameters().total - scnn.parameters().conv);
    cnn.dispose();
    scnn.dispose();
  });

  it.each(['scnn', 'cnn'] as const)('%s: the block-1 map is symmetric exactly when the model is SCosRec', (kind) => {
    const model = createCosRec({ kind, numUsers: 5, numItems: 30, dims: 6, blockChannels: [4, 8], fcDims: 5 });
    const relu = model.encoder.layers.filter((l) => l.getClassName() === 'BatchNormActivation')[1]!;
    const probe = tf.model({ inputs: model.encoder.inputs, outputs: relu.output as tf.SymbolicTensor });
    const items = tf.tensor2d([[1, 2, 3, 4, 5], [9, 0, 0, 30, 7]], [2, 5], 'int32');
    const users = tf.tensor2d([[0], [4]], [2, 1], 'int32');
    const map = probe.predict([items, users]) as tf.Tensor4D;
    expect(map.shape).toEqual([2, 3, 3, 4]);
    // symmetric up to float rounding (K·e_i + K·e_j is summed in the other order at (j, i))
    if (kind === 'scnn') expect(symmetryError(map)).toBeLessThan(1e-6);
    else expect(symmetryError(map)).toBeGreaterThan(1e-3);
    tf.dispose([items, users, map]);
    model.dispose();
  });

  it('scoreAll agrees with scoreCandidates in inference mode', () => {
    const model = createCosRec({ kind: 'scnn', numUsers: 3, numItems: 20, dims: 6, blockChannels: [4, 8], fcDims: 5 });
    const items = tf.tensor2d([[1, 2, 3, 4, 5], [0, 0, 6, 7, 8]], [2, 5], 'int32');
    const users = tf.tensor2d([[0], [2]], [2, 1], 'int32');
    const candidates = tf.tensor2d([[3, 9, 20], [1, 1, 15]], [2, 3], 'int32');
    const all = model.scoreAll(items, users).arraySync();
    const some = model.scoreCandidates(items, users, candidates, false).arraySync();
    const ids = candidates.arraySync();
    ids.forEach((row, b) => row.forEach((item, k) => expect(some[b]![k]).toBeCloseTo(all[b]![item]!, 5)));
    tf.dispose([items, users, candidates]);
    model.dispose();
  });

  it('validates its configuration', () => {
    expect(() => createCosRec({ kind: 'rnn' as never, numUsers: 1, numItems: 1 })).toThrow(/Invalid kind/);
    expect(() => createCosRec({ kind: 'cnn', numUsers: 1, numItems: 1, sequenceLength: 4 })).toThrow(/sequenceLength/);
  });

});
