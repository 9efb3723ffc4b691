import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initEngine } from '../engine/backend.js';
import { InvalidArgumentError, ShapeError } from '../errors.js';
import { expectClose } from '../testing/helpers.js';
import { outerConcat, outerProduct, outerSum, pairwiseFeatures } from './pairwise.js';
import { symmetrize, symmetryError } from './symmetrize.js';

await initEngine();
const e = tf.tensor3d([[[1, 2], [3, 4], [5, 6]]]); // batch 1, L 3, d 2

describe('pairwise featurizers', () => {
  it('outerConcat puts [e_i ; e_j] at (i, j), so its halves swap under transpose', () => {
    const p = outerConcat(e);
    expect(p.shape).toEqual([1, 3, 3, 4]);
    const values = p.arraySync()[0]!;
    expect(values[0]![2]).toEqual([1, 2, 5, 6]);
    expect(values[2]![0]).toEqual([5, 6, 1, 2]);
    expect(symmetryError(p)).toBeGreaterThan(0);
    p.dispose();
  });

  it('outerSum and outerProduct are symmetric', () => {
    const s = outerSum(e);
    const m = outerProduct(e);
    expect(s.arraySync()[0]![1]![2]).toEqual([8, 10]);
    expect(m.arraySync()[0]![1]![2]).toEqual([15, 24]);
    expect(symmetryError(s)).toBe(0);
    expect(symmetryError(m)).toBe(0);
    tf.dispose([s, m]);
  });

  it('the layer form computes the same and reports its output shape', () => {
    const layer = pairwiseFeatures({ mode: 'concat' });
    expect(layer.computeOutputShape([null, 5, 7])).toEqual([null, 5, 5, 14]);
    const p = layer.apply(e) as tf.Tensor;
    expectClose(p, outerConcat(e), 0, 0);
    expect(() => pairwiseFeatures({ mode: 'outer' as 'sum' })).toThrowError(InvalidArgumentError);
  });

  it('rejects inputs that are not [batch, L, d]', () => {
    expect(() => outerConcat(tf.zeros([3, 2]) as unknown as tf.Tensor3D)).toThrowError(ShapeError);
  });

  it('symmetrize gives (Y + Yᵀ)/2', () => {
    const y = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    expect(symmetrize(y).dataSync()).toEqual(new Float32Array([1, 2.5, 2.5, 4]));
    expect(() => symmetrize(tf.zeros([1, 2, 3, 1]) as tf.Tensor4D)).toThrowError(/square/);
  });
});
