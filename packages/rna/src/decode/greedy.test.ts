import { createRng } from '@scnn/core';
import { describe, expect, it } from 'vitest';
import { isCanonicalPair } from '../sequence.js';
import { pairsOf } from '../structure.js';
import { decodeGreedy, removeLonelyPairs } from './greedy.js';

describe('decodeGreedy', () => {
  it('every output is valid: one partner per base, canonical pairs, hairpin loops ≥ 3', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = 5 + Math.floor(rng() * 60);
      const sequence = Array.from({ length: n }, () => 'ACGUN'[Math.floor(rng() * 5)]).join('');
      const scores = new Float32Array(n * n);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) scores[i * n + j] = scores[j * n + i] = rng();
      const partners = decodeGreedy(sequence, scores, { threshold: 0.3 });
      for (let i = 0; i < n; i++) if (partners[i]! >= 0) expect(partners[partners[i]!]).toBe(i);
      for (const [i, j] of pairsOf(partners)) {
        expect(j - i).toBeGreaterThanOrEqual(4);
        expect(isCanonicalPair(sequence[i]!, sequence[j]!)).toBe(true);
        expect(scores[i * n + j]).toBeGreaterThanOrEqual(0.3);
      }
    }
  });

  it('takes the best-scoring pair when two compete for a base, and can output a pseudoknot', () => {
    const sequence = 'GGGGAAAACCCCAAAACCCC';
    const n = sequence.length;
    const scores = new Float32Array(n * n);
    const set = (i: number, j: number, s: number) => (scores[i * n + j] = scores[j * n + i] = s);
    set(0, 11, 0.9);
    set(0, 19, 0.8); // loses base 0 to (0, 11)
    set(1, 10, 0.7);
    set(5, 16, 0.6); // A–C: not canonical, never taken
    set(2, 17, 0.95); // crosses (0, 11)? no: nests outside (1, 10) but crosses (0, 11) → pseudoknot
    const pairs = pairsOf(decodeGreedy(sequence, scores));
    expect(pairs).toEqual([
      [0, 11],
      [1, 10],
      [2, 17],
    ]);
  });

  it('lonelyPairs: false drops the pairs without a stacked neighbour', () => {
    const sequence = 'GGGGAAAACCCCAAAACCCC';
    const n = sequence.length;
    const scores = new Float32Array(n * n);
    const set = (i: number, j: number, s: number) => (scores[i * n + j] = scores[j * n + i] = s);
    set(0, 11, 0.9);
    set(1, 10, 0.8); // stacks on (0, 11)
    set(2, 17, 0.7); // lonely
    const kept = pairsOf(decodeGreedy(sequence, scores));
    expect(kept).toEqual([
      [0, 11],
      [1, 10],
      [2, 17],
    ]);
    expect(pairsOf(decodeGreedy(sequence, scores, { lonelyPairs: false }))).toEqual([
      [0, 11],
      [1, 10],
    ]);
    // nested but not stacked: (0, 11) and (2, 9) are both lonely; (4, 9)/(5, 8) stack on the other side
    const partners = Int32Array.from({ length: 14 }, () => -1);
    for (const [i, j] of [[0, 13], [2, 11], [4, 9], [5, 8]] as const) [partners[i], partners[j]] = [j, i];
    expect(pairsOf(removeLonelyPairs(partners))).toEqual([
      [4, 9],
      [5, 8],
    ]);
  });
});
