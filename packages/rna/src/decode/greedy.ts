// From a symmetric L×L pair-score matrix to a valid secondary structure. Greedy by score: candidate
// pairs (i < j) that are canonical (AU, GC, GU), leave a hairpin loop of at least 3 bases (j − i ≥ 4)
// and score above the threshold are taken from the highest score down whenever both bases are still
// free. Every base pairs at most once; crossing pairs (pseudoknots) can be output. O(L² log L).
// With `lonelyPairs: false` (RNAfold's --noLP), pairs left without a stacked neighbour are then removed.
import { InvalidArgumentError } from '@scnn/core';
import { isCanonicalPair } from '../sequence.js';
import type { Partners } from '../structure.js';

export interface DecodeOptions {
  /** Minimum pair score (probability) to accept. @default 0.5 */
  threshold?: number;
  /** Minimum hairpin loop length. @default 3 */
  minLoop?: number;
  /** Allow non-canonical pairs. @default false */
  allowNonCanonical?: boolean;
  /** Keep pairs with no stacked neighbour, (i + 1, j − 1) or (i − 1, j + 1). @default true */
  lonelyPairs?: boolean;
}

/**
 * Removes, in place, every pair (i, j) with no stacked neighbour pair. One pass is enough: a lonely pair
 * is no other pair's stacked neighbour, so removing it leaves no new lonely pair behind.
 */
export function removeLonelyPairs(partners: Int32Array): Int32Array {
  const n = partners.length;
  const lonely: number[] = [];
  const paired = (i: number, j: number) => i >= 0 && j < n && i < j && partners[i] === j;
  for (let i = 0; i < n; i++) {
    const j = partners[i]!;
    if (j > i && !paired(i + 1, j - 1) && !paired(i - 1, j + 1)) lonely.push(i);
  }
  for (const i of lonely) {
    partners[partners[i]!] = -1;
    partners[i] = -1;
  }
  return partners;
}

/** `scores` is row-major L×L (only i < j is read). */
export function decodeGreedy(sequence: string, scores: ArrayLike<number>, options: DecodeOptions = {}): Partners {
  const n = sequence.length;
  if (scores.length !== n * n) throw new InvalidArgumentError('scores', scores.length, `an L×L matrix (${n * n} values for L = ${n})`);
  const threshold = options.threshold ?? 0.5;
  const minLoop = options.minLoop ?? 3;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + minLoop + 1; j < n; j++) {
      const s = scores[i * n + j]!;
      if (s >= threshold && (options.allowNonCanonical || isCanonicalPair(sequence[i]!, sequence[j]!))) candidates.push(i * n + j);
    }
  }
  candidates.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const partners = new Int32Array(n).fill(-1);
  for (const cell of candidates) {
    const i = Math.floor(cell / n);
    const j = cell % n;
    if (partners[i] === -1 && partners[j] === -1) {
      partners[i] = j;
      partners[j] = i;
    }
  }
  return options.lonelyPairs === false ? removeLonelyPairs(partners) : partners;
}
