import { InvalidArgumentError, createRng } from '@scnn/core';
import { describe, expect, it } from 'vitest';
import { isCanonicalPair } from '../sequence.js';
import { pairsOf } from '../structure.js';
import { decodeStructure } from './decode.js';
import { decodeGreedy } from './greedy.js';
import { decodeNested } from './nested.js';

const crosses = ([i, j]: number[], [k, l]: number[]) => (i! < k! && k! < j! && j! < l!) || (k! < i! && i! < l! && l! < j!);

function randomInstance(rng: () => number, n: number, power = 3) {
  const sequence = Array.from({ length: n }, () => 'ACGUN'[Math.floor(rng() * 5)]).join('');
  const scores = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) scores[i * n + j] = scores[j * n + i] = rng() ** power;
  return { sequence, scores };
}

/** The best total weight Σ (score − threshold) over every valid nested subset of the candidates, by enumeration. */
function bruteForceBest(sequence: string, scores: Float32Array, threshold: number): number {
  const n = sequence.length;
  const candidates: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 4; j < n; j++) if (scores[i * n + j]! >= threshold && isCanonicalPair(sequence[i]!, sequence[j]!)) candidates.push([i, j]);
  let best = 0;
  const chosen: [number, number][] = [];
  const visit = (from: number, weight: number) => {
    best = Math.max(best, weight);
    for (let c = from; c < candidates.length; c++) {
      const pair = candidates[c]!;
      if (chosen.some((q) => q[0] === pair[0] || q[1] === pair[0] || q[0] === pair[1] || q[1] === pair[1] || crosses(q, pair))) continue;
      chosen.push(pair);
      visit(c + 1, weight + scores[pair[0] * n + pair[1]]! - threshold);
      chosen.pop();
    }
  };
  visit(0, 0);
  return best;
}

const weightOf = (partners: Int32Array, scores: Float32Array, threshold: number) =>
  pairsOf(partners).reduce((sum, [i, j]) => sum + scores[i * partners.length + j]! - threshold, 0);

describe('decodeNested', () => {
  it('outputs valid, non-crossing structures from the greedy decoder’s candidates', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 200; trial++) {
      const { sequence, scores } = randomInstance(rng, 5 + Math.floor(rng() * 60));
      const n = sequence.length;
      const pairs = pairsOf(decodeNested(sequence, scores, { threshold: 0.2 }));
      for (const [i, j] of pairs) {
        expect(j - i).toBeGreaterThanOrEqual(4);
        expect(isCanonicalPair(sequence[i]!, sequence[j]!)).toBe(true);
        expect(scores[i * n + j]).toBeGreaterThanOrEqual(0.2);
      }
      for (const a of pairs) for (const b of pairs) expect(crosses(a, b)).toBe(false);
    }
  });

  it('finds the maximum-weight nested structure (checked by enumeration on small instances)', () => {
    const rng = createRng(5);
    let beatGreedy = 0;
    for (let trial = 0; trial < 150; trial++) {
      const { sequence, scores } = randomInstance(rng, 8 + Math.floor(rng() * 10), 1);
      const threshold = 0.3 + rng() * 0.4;
      const found = weightOf(decodeNested(sequence, scores, { threshold }), scores, threshold);
      expect(found).toBeCloseTo(bruteForceBest(sequence, scores, threshold), 5);
      const greedy = decodeGreedy(sequence, scores, { threshold });
      const greedyPairs = pairsOf(greedy);
      if (!greedyPairs.some((a) => greedyPairs.some((b) => crosses(a, b))) && found > weightOf(greedy, scores, threshold) + 1e-6) beatGreedy++;
    }
    expect(beatGreedy).toBeGreaterThan(0); // the instances are not all ones where greedy is already optimal
  });

  it('trades one strong pair for two that it blocks, and never outputs a pseudoknot', () => {
    const sequence = 'GGGGAAAACCCCAAAACCCC';
    const n = sequence.length;
    const scores = new Float32Array(n * n);
    const set = (i: number, j: number, s: number) => (scores[i * n + j] = scores[j * n + i] = s);
    set(0, 19, 0.9);
    set(0, 11, 0.8);
    set(1, 10, 0.8);
    set(2, 17, 0.95); // crosses (0, 11) and (1, 10)
    // above the threshold 0.5: (0, 19) + (2, 17) nest and weigh 0.85; (0, 11) + (1, 10) weigh 0.6
    expect(pairsOf(decodeGreedy(sequence, scores))).toEqual([
      [0, 19],
      [1, 10],
      [2, 17],
    ]);
    expect(pairsOf(decodeNested(sequence, scores))).toEqual([
      [0, 19],
      [2, 17],
    ]);
    set(0, 11, 0.99);
    set(1, 10, 0.99); // now 0.98
    expect(pairsOf(decodeNested(sequence, scores))).toEqual([
      [0, 11],
      [1, 10],
    ]);
    expect(pairsOf(decodeNested(sequence, scores, { lonelyPairs: false }))).toEqual([
      [0, 11],
      [1, 10],
    ]);
  });

  it('handles empty and short sequences, and decodeStructure dispatches and rejects unknown decoders', () => {
    expect(decodeNested('', new Float32Array(0))).toEqual(new Int32Array(0));
    expect(pairsOf(decodeNested('GAAAC', new Float32Array(25).fill(0.9)))).toEqual([[0, 4]]);
    const { sequence, scores } = randomInstance(createRng(2), 40);
    expect(decodeStructure(sequence, scores, { threshold: 0.3 })).toEqual(decodeGreedy(sequence, scores, { threshold: 0.3 }));
    expect(decodeStructure(sequence, scores, { threshold: 0.3, decoder: 'nested' })).toEqual(decodeNested(sequence, scores, { threshold: 0.3 }));
    expect(() => decodeStructure(sequence, scores, { decoder: 'viterbi' as 'nested' })).toThrow(InvalidArgumentError);
    expect(() => decodeNested('GAAAC', new Float32Array(3))).toThrow(InvalidArgumentError);
  });
});
