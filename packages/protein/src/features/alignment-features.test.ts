import { createRng, initEngine } from '@scnn/core';
import { describe, expect, it } from 'vitest';
import { ALPHABET_SIZE, alignmentFeatures, createAlignmentEncoder } from './alignment-features.js';

await initEngine();
const A = ALPHABET_SIZE;

function randomAlignment(rows: number, length: number, seed: number): string[] {
  const rng = createRng(seed);
  const letters = 'ACDEFGHIKLMNPQRSTVWY-';
  const query = Array.from({ length }, () => letters[Math.floor(rng() * 20)]).join('');
  // rows are noisy copies of the query, so some are ≥ 80% identical to each other
  return [query, ...Array.from({ length: rows - 1 }, () => [...query].map((c) => (rng() < 0.3 ? letters[Math.floor(rng() * 21)]! : c)).join(''))];
}

/** The same quantities, computed directly in JavaScript. */
function reference(rowsText: string[], identity: number, lambda: number) {
  const L = rowsText[0]!.length;
  const code = (c: string) => (c === '-' ? 20 : 'ARNDCQEGHILKMFPSTWYV'.indexOf(c));
  const rows = rowsText.map((r) => [...r].map(code));
  const weights = rows.map((a) => 1 / rows.filter((b) => a.filter((x, i) => x === b[i]).length >= identity * L).length);
  const total = weights.reduce((s, w) => s + w, 0) + lambda;
  const f = (i: number, a: number) => (rows.reduce((s, r, n) => s + (r[i] === a ? weights[n]! : 0), 0) + lambda / A) / total;
  const F = (i: number, j: number, a: number, b: number) => (rows.reduce((s, r, n) => s + (r[i] === a && r[j] === b ? weights[n]! : 0), 0) + lambda / (A * A)) / total;
  return { weights, f, cov: (i: number, j: number, a: number, b: number) => F(i, j, a, b) - f(i, a) * f(j, b) };
}

describe('alignmentFeatures', () => {
  it('weights, profile and covariance equal a direct computation; blocks do not change the result', async () => {
    const text = randomAlignment(37, 9, 4);
    const encoder = createAlignmentEncoder();
    for (const row of text) encoder.add(row);
    const alignment = encoder.finish();
    const ref = reference(text, 0.8, 1);
    for (const blockRows of [1000, 8, 5]) {
      const features = await alignmentFeatures(alignment, { blockRows });
      expect(features.effectiveRows).toBeCloseTo(ref.weights.reduce((s, w) => s + w, 0), 4);
      for (const [i, a] of [[0, 3], [4, 20], [8, 11]] as const) expect(features.profile[i * A + a]).toBeCloseTo(ref.f(i, a), 5);
      const L = 9;
      for (const [i, j, a, b] of [[0, 5, 3, 7], [2, 2, 1, 1], [6, 1, 20, 4]] as const) {
        expect(features.covariance![((i * L + j) * A + a) * A + b]).toBeCloseTo(ref.cov(i, j, a, b), 5);
        // symmetric by construction: C_ji(b, a) = C_ij(a, b)
        expect(features.covariance![((j * L + i) * A + b) * A + a]).toBeCloseTo(features.covariance![((i * L + j) * A + a) * A + b]!, 6);
      }
      for (let i = 0; i < L; i++) {
        expect(Math.abs(features.coupling[i * L + i]!)).toBe(0);
        for (let j = 0; j < L; j++) expect(features.coupling[i * L + j]).toBeCloseTo(features.coupling[j * L + i]!, 6);
      }
    }
  });

  it('rejects rows of another length', () => {
    const encoder = createAlignmentEncoder();
    encoder.add('MKV');
    expect(() => encoder.add('MK')).toThrow(/3 columns/);
  });
});
