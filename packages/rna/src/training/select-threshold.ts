// The decoding threshold is a model setting like any other: chosen on validation data, never on the
// test set. Probabilities are computed once per sequence; each candidate threshold only re-decodes.
import { InvalidArgumentError } from '@scnn/core';
import { decodeGreedy } from '../decode/greedy.js';
import { type StructureMetrics, meanMetrics, scoreStructure } from '../metrics/structure-metrics.js';
import type { PairNet } from '../model/pair-net.js';
import { predictPairProbabilities } from '../predict.js';
import type { StructureExample } from './examples.js';

export interface ThresholdSelectionOptions {
  /** Thresholds to try. @default 0.10, 0.15, …, 0.90 */
  candidates?: number[];
}

export interface ThresholdSelection {
  /** The candidate with the best mean F1 (the lower one on a tie). */
  threshold: number;
  f1: number;
  /** Mean F1 at every candidate. */
  curve: { threshold: number; f1: number }[];
}

export async function selectThreshold(net: PairNet, examples: StructureExample[], options: ThresholdSelectionOptions = {}): Promise<ThresholdSelection> {
  if (examples.length === 0) throw new InvalidArgumentError('examples', 0, 'at least one labelled sequence');
  const candidates = options.candidates ?? Array.from({ length: 17 }, (_, k) => Math.round((0.1 + 0.05 * k) * 100) / 100);
  const scored = candidates.map(() => [] as StructureMetrics[]);
  for (const example of examples) {
    const probabilities = await predictPairProbabilities(net, example.sequence);
    candidates.forEach((threshold, k) => scored[k]!.push(scoreStructure(decodeGreedy(example.sequence, probabilities, { threshold }), example.partners).exact));
  }
  const curve = candidates.map((threshold, k) => ({ threshold, f1: meanMetrics(scored[k]!).f1 }));
  const best = curve.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  return { threshold: best.threshold, f1: best.f1, curve };
}
