// Per-pair input channels for an RNA of length L, symmetric by construction: every channel of cell
// (i, j) is computed from lo = min(i, j) and hi = max(i, j), so cell (j, i) gets the same values.
//
// Two feature sets (a model records which one it was trained on):
// - 'basic' (18 channels): the unordered base pair {b_i, b_j} over A, C, G, U, unknown (15); a
//   canonical/wobble indicator (AU, GC, GU); log relative distance; a flag for |i − j| ≤ 3 (never pairs).
// - 'stacking' (30 channels): the ordered pair (5′ base b_lo, 3′ base b_hi) (25); canonical indicators
//   for the pair itself, its inner stacking neighbour (lo + 1, hi − 1) and its outer one (lo − 1, hi + 1);
//   log relative distance; the too-close flag.
// Why 'stacking' exists: a symmetric kernel has K[a][b] = K[b][a], so at (i, j) it weighs the inner
// neighbour (offset +1, −1) and the outer one (−1, +1) alike, and with unordered pairs it cannot tell AU
// from UA either; the plain CNN sees both through its untied taps. Writing orientation and stacking
// context into each cell's own channels hands the SCNN that information without breaking symmetry. On
// validation it did not help either twin (package README), so 'basic' stays the default.
import { InvalidArgumentError } from '@scnn/core';
import { UNKNOWN_CHANNEL, baseChannel, isCanonicalPair } from '../sequence.js';

export type PairFeatureSet = 'basic' | 'stacking';
export const PAIR_FEATURE_SETS: readonly PairFeatureSet[] = ['basic', 'stacking'];
/** What a new model is trained on; a saved model without a feature set predates 'stacking' and is 'basic'. */
export const DEFAULT_PAIR_FEATURE_SET: PairFeatureSet = 'basic';

const LETTERS = 5; // A, C, G, U, unknown
const LETTER_NAMES = ['A', 'C', 'G', 'U', 'N'];
/** Channel of the unordered pair {a, b} of base channels (a, b in 0..4). */
function unorderedPairChannel(a: number, b: number): number {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return lo * LETTERS - (lo * (lo - 1)) / 2 + (hi - lo);
}

const UNORDERED_NAMES = Array.from({ length: 15 }, (_, c) => {
  for (let a = 0; a < LETTERS; a++) for (let b = a; b < LETTERS; b++) if (unorderedPairChannel(a, b) === c) return `pair ${LETTER_NAMES[a]}${LETTER_NAMES[b]}`;
  return `pair ${c}`;
});
const ORDERED_NAMES = Array.from({ length: LETTERS * LETTERS }, (_, c) => `5′${LETTER_NAMES[Math.floor(c / LETTERS)]} 3′${LETTER_NAMES[c % LETTERS]}`);

export const PAIR_FEATURE_CHANNELS: Record<PairFeatureSet, readonly string[]> = {
  basic: [...UNORDERED_NAMES, 'canonical', 'log distance', 'too close'],
  stacking: [...ORDERED_NAMES, 'canonical', 'inner neighbour canonical', 'outer neighbour canonical', 'log distance', 'too close'],
};

export function pairFeatureCount(set: PairFeatureSet): number {
  const channels = PAIR_FEATURE_CHANNELS[set];
  if (!channels) throw new InvalidArgumentError('features', set, PAIR_FEATURE_SETS.join(' | '));
  return channels.length;
}

/** [L, L, pairFeatureCount(set)] row-major Float32Array. */
export function pairFeatures(sequence: string, set: PairFeatureSet = DEFAULT_PAIR_FEATURE_SET): Float32Array {
  const n = sequence.length;
  const C = pairFeatureCount(set);
  const out = new Float32Array(n * n * C);
  const channels = Array.from(sequence, baseChannel);
  const canonical = (i: number, j: number) =>
    i >= 0 && j < n && channels[i] !== UNKNOWN_CHANNEL && channels[j] !== UNKNOWN_CHANNEL && isCanonicalPair(sequence[i]!, sequence[j]!);
  const logScale = 1 / Math.log(1 + 2000);
  const stacking = set === 'stacking';
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const base = (i * n + j) * C;
      const [lo, hi] = i <= j ? [i, j] : [j, i];
      const distance = hi - lo;
      let c: number;
      if (stacking) {
        out[base + channels[lo]! * LETTERS + channels[hi]!] = 1;
        c = LETTERS * LETTERS;
        out[base + c++] = canonical(lo, hi) ? 1 : 0;
        // the inner neighbour only exists while it can still close a hairpin of ≥ 0 nucleotides
        out[base + c++] = distance >= 2 && canonical(lo + 1, hi - 1) ? 1 : 0;
        out[base + c++] = canonical(lo - 1, hi + 1) ? 1 : 0;
      } else {
        out[base + unorderedPairChannel(channels[lo]!, channels[hi]!)] = 1;
        c = 15;
        out[base + c++] = canonical(lo, hi) ? 1 : 0;
      }
      out[base + c++] = Math.log(1 + distance) * logScale;
      out[base + c] = distance <= 3 ? 1 : 0;
    }
  }
  return out;
}
