import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initEngine } from '../engine/backend.js';
import { symmetricConv2d } from '../layers/symmetric-conv2d.js';
import { symmetryGeneratingConv2d } from '../layers/symmetry-generating-conv2d.js';
import { countParameters } from './count-parameters.js';

await initEngine();

describe('countParameters', () => {
  it('splits total, convolutional and plain-CNN-equivalent counts (formulas)', () => {
    const d = 6;
    const input = tf.input({ shape: [5, 5, 2 * d] });
    let h = symmetryGeneratingConv2d({ filters: 8, kernelSize: 1 }).apply(input) as tf.SymbolicTensor; // 1·1·6·8 + 8 (plain: 1·1·12·8 + 8)
    h = tf.layers.batchNormalization().apply(h) as tf.SymbolicTensor; // 4·8
    h = symmetricConv2d({ filters: 8, kernelSize: 3 }).apply(h) as tf.SymbolicTensor; // 6·8·8 + 8 (plain: 9·8·8 + 8)
    h = tf.layers.conv2d({ filters: 4, kernelSize: 1 }).apply(h) as tf.SymbolicTensor; // 8·4 + 4
    h = tf.layers.globalAveragePooling2d({}).apply(h) as tf.SymbolicTensor;
    h = tf.layers.dense({ units: 3 }).apply(h) as tf.SymbolicTensor; // 4·3 + 3
    const model = tf.model({ inputs: input, outputs: h });
    const count = countParameters(model);
    const conv = 6 * 8 + 8 + (6 * 8 * 8 + 8) + (8 * 4 + 4);
    const plainConv = 12 * 8 + 8 + (9 * 8 * 8 + 8) + (8 * 4 + 4);
    expect(count.conv).toBe(conv);
    expect(count.plainConv).toBe(plainConv);
    expect(count.total).toBe(conv + 32 + 15);
    expect(count.total).toBe(model.countParams());
    expect(count.trainable).toBe(conv + 16 + 15);
    expect(count.plainTotal).toBe(plainConv + 32 + 15);
    expect(count.convRatio).toBeCloseTo(conv / plainConv, 12);
    expect(count.layers.filter((l) => l.conv).map((l) => l.className)).toEqual(['SymmetryGeneratingConv2D', 'SymmetricConv2D', 'Conv2D']);
  });

  it.each([1, 3, 5, 7])('k=%i: k(k+1)/2 taps against k² per channel pair', (k) => {
    const layer = symmetricConv2d({ filters: 3, kernelSize: k, useBias: false, padding: 'same' });
    layer.apply(tf.zeros([1, 8, 8, 2]));
    const count = countParameters([layer]);
    expect(count.conv).toBe(((k * (k + 1)) / 2) * 2 * 3);
    expect(count.plainConv).toBe(k * k * 2 * 3);
  });
});
