import { createRng, initEngine } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { alignmentFeatures, createAlignmentEncoder } from './alignment-features.js';
import { invertSpd, meanFieldCouplings } from './mean-field-dca.js';

await initEngine();

describe('invertSpd', () => {
  it('inverts a symmetric positive definite matrix across several levels of recursion', () => {
    const rng = createRng(3);
    const n = 150;
    const m = tf.tensor2d(Array.from({ length: n * n }, () => rng() - 0.5), [n, n]);
    const a = tf.add(tf.matMul(m, m, false, true), tf.mul(tf.eye(n), 0.5)) as tf.Tensor2D;
    for (const base of [n, 40, 16]) {
      const inverse = invertSpd(a, base);
      const error = tf.max(tf.abs(tf.sub(tf.matMul(a, inverse), tf.eye(n)))).dataSync()[0]!;
      expect(error).toBeLessThan(1e-3);
      expect(tf.max(tf.abs(tf.sub(inverse, tf.transpose(inverse)))).dataSync()[0]).toBeLessThan(1e-3);
    }
  });
});

/** Columns 0 → 4 → 8 form a chain: each copies its predecessor's letter (through a fixed map) 85% of the time. */
function chainAlignment(rows: number, seed: number): string[] {
  const rng = createRng(seed);
  const letters = 'ACDEFGHIKLMNPQRSTVWY';
  const pick = () => letters[Math.floor(rng() * 20)]!;
  const follow = (c: string, shift: number) => (rng() < 0.85 ? letters[(letters.indexOf(c) + shift) % 20]! : pick());
  return Array.from({ length: rows }, () => {
    const row = Array.from({ length: 12 }, pick);
    row[4] = follow(row[0]!, 3);
    row[8] = follow(row[4]!, 7);
    return row.join('');
  });
}

const rankOf = (scores: Float32Array, L: number, pair: [number, number]) => {
  const cells: number[] = [];
  for (let i = 0; i < L; i++) for (let j = i + 1; j < L; j++) cells.push(scores[i * L + j]!);
  const value = scores[pair[0] * L + pair[1]]!;
  return cells.filter((c) => c > value).length; // 0 = best
};

describe('meanFieldCouplings', () => {
  it('ranks the two direct couplings of a chain first and the transitive pair below them, unlike the covariance norm', async () => {
    const encoder = createAlignmentEncoder();
    for (const row of chainAlignment(3000, 5)) encoder.add(row);
    const alignment = encoder.finish();
    const direct = await meanFieldCouplings(alignment);
    const L = 12;
    expect(direct.coupling.length).toBe(L * L);
    for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) expect(direct.coupling[i * L + j]).toBeCloseTo(direct.coupling[j * L + i]!, 4);
    expect(new Set([rankOf(direct.coupling, L, [0, 4]), rankOf(direct.coupling, L, [4, 8])])).toEqual(new Set([0, 1]));
    // the transitive pair, relative to the weaker direct one: mfDCA discounts it far more than the covariance norm
    const ratio = (c: Float32Array) => c[0 * L + 8]! / Math.min(c[0 * L + 4]!, c[4 * L + 8]!);
    const covariance = await alignmentFeatures(alignment, { covariance: false });
    expect(ratio(direct.coupling)).toBeLessThan(0.8 * ratio(covariance.coupling)); // measured 0.50 vs 0.76
  });
});
