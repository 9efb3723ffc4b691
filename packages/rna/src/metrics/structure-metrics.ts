// Base-pair metrics of one predicted structure against the true one, as SPOT-RNA, UFold and MXfold2
// report them: precision, recall and F1 of the pair sets, per sequence (then averaged over sequences by
// the caller), MCC over all i < j cells, and the same with a ±1 shift allowance (a predicted pair (i, j)
// also counts when (i±1, j) or (i, j±1) is a true pair). Conventions: with no true and no predicted
// pairs, precision = recall = F1 = 1; with pairs on one side only, the empty side's measure is 0.
import type { Partners } from '../structure.js';
import { pairsOf } from '../structure.js';

export interface StructureMetrics {
  precision: number;
  recall: number;
  f1: number;
  mcc: number;
  truePairs: number;
  predictedPairs: number;
}

export interface ScoredStructure {
  exact: StructureMetrics;
  /** With the ±1 shift allowance. */
  shifted: StructureMetrics;
}

function summarize(tp: number, predicted: number, actual: number, length: number): StructureMetrics {
  const precision = predicted === 0 ? (actual === 0 ? 1 : 0) : tp / predicted;
  const recall = actual === 0 ? (predicted === 0 ? 1 : 0) : tp / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const cells = (length * (length - 1)) / 2;
  const fp = predicted - tp;
  const fn = actual - tp;
  const tn = cells - tp - fp - fn;
  const denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
  const mcc = denominator === 0 ? (fp === 0 && fn === 0 ? 1 : 0) : (tp * tn - fp * fn) / denominator;
  return { precision, recall, f1, mcc, truePairs: actual, predictedPairs: predicted };
}

export function scoreStructure(predicted: Partners, truth: Partners): ScoredStructure {
  if (predicted.length !== truth.length) throw new RangeError(`predicted length ${predicted.length} ≠ true length ${truth.length}`);
  const n = truth.length;
  const truePairs = pairsOf(truth);
  const predictedPairs = pairsOf(predicted);
  let exact = 0;
  let shifted = 0;
  const isTrue = (i: number, j: number) => i >= 0 && j >= 0 && i < n && j < n && truth[i] === j;
  for (const [i, j] of predictedPairs) {
    if (truth[i] === j) exact++;
    if (isTrue(i, j) || isTrue(i - 1, j) || isTrue(i + 1, j) || isTrue(i, j - 1) || isTrue(i, j + 1)) shifted++;
  }
  return {
    exact: summarize(exact, predictedPairs.length, truePairs.length, n),
    // shifted matches can exceed the true pair count only if two predictions hit one true pair; cap recall at 1
    shifted: summarize(Math.min(shifted, truePairs.length), predictedPairs.length, truePairs.length, n),
  };
}

/** Mean of per-sequence metrics. */
export function meanMetrics(rows: StructureMetrics[]): Pick<StructureMetrics, 'precision' | 'recall' | 'f1' | 'mcc'> & { n: number } {
  const mean = (pick: (m: StructureMetrics) => number) => (rows.length === 0 ? 0 : rows.reduce((s, m) => s + pick(m), 0) / rows.length);
  return { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1), mcc: mean((m) => m.mcc), n: rows.length };
}
