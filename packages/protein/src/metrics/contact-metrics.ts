// Contact-prediction metrics as CASP reports them: for each sequence-separation range (short 6–11,
// medium 12–23, long ≥ 24), the precision of the top L/k scored pairs (k = 1, 2, 5, 10) among pairs whose
// residues are both observed; plus precision, recall and F1 of the pairs scored ≥ 0.5 (separation ≥ 6).
// And the baseline that scores a pair by its separation alone (closer = more likely).
import { InvalidArgumentError } from '@scnn/core';
import type { ContactMap } from '../contacts/contact-map.js';

export const SEPARATION_RANGES = { short: [6, 11], medium: [12, 23], long: [24, Infinity] } as const;
export type SeparationRange = keyof typeof SEPARATION_RANGES;
export const TOP_FRACTIONS = [1, 2, 5, 10] as const;

export type TopPrecision = Record<'L/1' | 'L/2' | 'L/5' | 'L/10', number>;

export interface ContactMetrics {
  L: number;
  short: TopPrecision;
  medium: TopPrecision;
  long: TopPrecision;
  /** Pairs scored ≥ threshold with separation ≥ 6. */
  atThreshold: { precision: number; recall: number; f1: number };
}

/** Observed pairs (i < j) of a range, best score first (ties: smaller separation, then smaller i). */
function rankedPairs(scores: ArrayLike<number>, truth: ContactMap, [lo, hi]: readonly [number, number]): number[] {
  const n = truth.length;
  const cells: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!truth.mask[i]) continue;
    for (let j = i + lo; j < n && j - i <= hi; j++) if (truth.mask[j]) cells.push(i * n + j);
  }
  return cells.sort((a, b) => scores[b]! - scores[a]! || (a % n) - Math.floor(a / n) - ((b % n) - Math.floor(b / n)) || a - b);
}

export function contactMetrics(scores: ArrayLike<number>, truth: ContactMap, threshold = 0.5): ContactMetrics {
  const n = truth.length;
  if (scores.length !== n * n) throw new InvalidArgumentError('scores', scores.length, `an L×L matrix (${n * n} values)`);
  const result = { L: n } as ContactMetrics;
  for (const [range, bounds] of Object.entries(SEPARATION_RANGES) as [SeparationRange, readonly [number, number]][]) {
    const ranked = rankedPairs(scores, truth, bounds);
    const top = {} as TopPrecision;
    for (const k of TOP_FRACTIONS) {
      const count = Math.min(ranked.length, Math.max(1, Math.floor(n / k)));
      let hits = 0;
      for (let t = 0; t < count; t++) hits += truth.contacts[ranked[t]!]!;
      top[`L/${k}` as keyof TopPrecision] = count === 0 ? 0 : hits / count;
    }
    result[range] = top;
  }
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  for (let i = 0; i < n; i++) {
    if (!truth.mask[i]) continue;
    for (let j = i + 6; j < n; j++) {
      if (!truth.mask[j]) continue;
      const isContact = truth.contacts[i * n + j] === 1;
      const isPredicted = scores[i * n + j]! >= threshold;
      if (isContact) actual++;
      if (isPredicted) predicted++;
      if (isContact && isPredicted) tp++;
    }
  }
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = actual === 0 ? 0 : tp / actual;
  result.atThreshold = { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  return result;
}

/** Scores by separation alone: 1 / |i − j| (0 on the diagonal). */
export function separationScores(length: number): Float32Array {
  const scores = new Float32Array(length * length);
  for (let i = 0; i < length; i++) for (let j = 0; j < length; j++) scores[i * length + j] = i === j ? 0 : 1 / Math.abs(i - j);
  return scores;
}
