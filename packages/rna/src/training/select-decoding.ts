// The decoding settings (decoder, pair-probability threshold, whether lonely pairs are kept) are model settings
// like any other: chosen on validation data, never on the test set. Probabilities are computed once per
// sequence; each candidate only re-decodes.
import { InvalidArgumentError } from '@scnn/core';
import { DECODERS, type Decoder, decodeStructure } from '../decode/decode.js';
import { removeLonelyPairs } from '../decode/greedy.js';
import { type StructureMetrics, meanMetrics, scoreStructure } from '../metrics/structure-metrics.js';
import type { PairNet } from '../model/pair-net.js';
import type { Partners } from '../structure.js';
import { predictPairProbabilities } from '../predict.js';
import type { StructureExample } from './examples.js';

export interface DecodingSettings {
  decoder: Decoder;
  threshold: number;
  lonelyPairs: boolean;
}

/** What a model decodes with when it records nothing else (models saved before decoding was selected). */
export const DEFAULT_DECODING: DecodingSettings = { decoder: 'greedy', threshold: 0.5, lonelyPairs: true };

export interface DecodingSelectionOptions {
  /** @default ['greedy', 'nested'] */
  decoders?: readonly Decoder[];
  /** Thresholds to try. @default 0.10, 0.15, …, 0.90 */
  thresholds?: number[];
  /** @default [true, false] */
  lonelyPairs?: boolean[];
}

export interface DecodingSelection extends DecodingSettings {
  /** Mean F1 of the chosen settings. */
  f1: number;
  /** Mean F1 at every candidate. */
  curve: (DecodingSettings & { f1: number })[];
}

/** The candidate with the best mean F1 (on a tie, the earlier one: greedy, lonely pairs kept, lower threshold). */
export async function selectDecoding(net: PairNet, examples: StructureExample[], options: DecodingSelectionOptions = {}): Promise<DecodingSelection> {
  if (examples.length === 0) throw new InvalidArgumentError('examples', 0, 'at least one labelled sequence');
  const thresholds = options.thresholds ?? Array.from({ length: 17 }, (_, k) => Math.round((0.1 + 0.05 * k) * 100) / 100);
  const candidates = (options.decoders ?? DECODERS).flatMap((decoder) =>
    (options.lonelyPairs ?? [true, false]).flatMap((lonelyPairs) => thresholds.map((threshold): DecodingSettings => ({ decoder, threshold, lonelyPairs }))),
  );
  const scored = candidates.map(() => [] as StructureMetrics[]);
  for (const example of examples) {
    const probabilities = await predictPairProbabilities(net, example.sequence);
    // forbidding lonely pairs only prunes what a decoder returns: decode each (decoder, threshold) once
    const decoded = new Map<string, Partners>();
    candidates.forEach((settings, k) => {
      const key = `${settings.decoder} ${settings.threshold}`;
      let partners = decoded.get(key);
      if (!partners) decoded.set(key, (partners = decodeStructure(example.sequence, probabilities, { ...settings, lonelyPairs: true })));
      scored[k]!.push(scoreStructure(settings.lonelyPairs ? partners : removeLonelyPairs(Int32Array.from(partners)), example.partners).exact);
    });
  }
  const curve = candidates.map((settings, k) => ({ ...settings, f1: meanMetrics(scored[k]!).f1 }));
  const best = curve.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  return { decoder: best.decoder, threshold: best.threshold, lonelyPairs: best.lonelyPairs, f1: best.f1, curve };
}
