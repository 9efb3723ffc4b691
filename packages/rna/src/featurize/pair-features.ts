// Per-pair input channels for an RNA of length L, symmetric by construction (every channel depends on
// the unordered pair {i, j} only): 15 channels for the unordered base pair {b_i, b_j} over A, C, G, U
// and unknown; 1 canonical/wobble indicator (AU, GC, GU); log relative distance; and a flag for pairs
// closer than the minimum hairpin (|i − j| ≤ 3), which can never pair.
import { UNKNOWN_CHANNEL, baseChannel, isCanonicalPair } from '../sequence.js';

const LETTERS = 5; // A, C, G, U, unknown
/** Channel of the unordered pair {a, b} of base channels (a, b in 0..4). */
function unorderedPairChannel(a: number, b: number): number {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return lo * LETTERS - (lo * (lo - 1)) / 2 + (hi - lo);
}

export const PAIR_FEATURE_CHANNELS = [
  ...Array.from({ length: 15 }, (_, c) => {
    const names = ['A', 'C', 'G', 'U', 'N'];
    for (let a = 0; a < LETTERS; a++) for (let b = a; b < LETTERS; b++) if (unorderedPairChannel(a, b) === c) return `pair ${names[a]}${names[b]}`;
    return `pair ${c}`;
  }),
  'canonical',
  'log distance',
  'too close',
] as const;

export const PAIR_FEATURE_COUNT = PAIR_FEATURE_CHANNELS.length;

/** [L, L, 18] row-major Float32Array. */
export function pairFeatures(sequence: string): Float32Array {
  const n = sequence.length;
  const C = PAIR_FEATURE_COUNT;
  const out = new Float32Array(n * n * C);
  const channels = Array.from(sequence, baseChannel);
  const logScale = 1 / Math.log(1 + 2000);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const base = (i * n + j) * C;
      out[base + unorderedPairChannel(channels[i]!, channels[j]!)] = 1;
      const canonical = channels[i] !== UNKNOWN_CHANNEL && channels[j] !== UNKNOWN_CHANNEL && isCanonicalPair(sequence[i]!, sequence[j]!);
      out[base + 15] = canonical ? 1 : 0;
      const distance = Math.abs(i - j);
      out[base + 16] = Math.log(1 + distance) * logScale;
      out[base + 17] = distance <= 3 ? 1 : 0;
    }
  }
  return out;
}
