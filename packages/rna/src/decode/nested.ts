// The best nested structure: among the same candidate pairs the greedy decoder considers (canonical,
// hairpin loop ≥ minLoop, score ≥ threshold), the set of non-crossing pairs, one partner per base, with
// the largest total weight Σ (score − threshold). That is the expected number of true pairs minus
// `threshold` times the number predicted, maximized exactly by a Nussinov-style dynamic program over the
// sparse candidates (as MEA decoders do, e.g. CONTRAfold's): no pseudoknots. O(L² · c) time, c the
// candidates per base, and O(L²) memory (12 bytes per cell: 2,000 nt → 48 MB).
import { InvalidArgumentError } from '@scnn/core';
import { isCanonicalPair } from '../sequence.js';
import type { Partners } from '../structure.js';
import { type DecodeOptions, removeLonelyPairs } from './greedy.js';

/** `scores` is row-major L×L (only i < j is read). */
export function decodeNested(sequence: string, scores: ArrayLike<number>, options: DecodeOptions = {}): Partners {
  const n = sequence.length;
  if (scores.length !== n * n) throw new InvalidArgumentError('scores', scores.length, `an L×L matrix (${n * n} values for L = ${n})`);
  const threshold = options.threshold ?? 0.5;
  const minLoop = options.minLoop ?? 3;
  // candidates[i]: the partners k > i of base i, ascending
  const candidates: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let k = i + minLoop + 1; k < n; k++) {
      const s = scores[i * n + k]!;
      if (s >= threshold && (options.allowNonCanonical || isCanonicalPair(sequence[i]!, sequence[k]!))) candidates[i]!.push(k);
    }
  }
  // best[i * n + j]: the best weight within bases i..j (0 when j < i); choice: the partner of i, or −1
  const best = new Float64Array(n * n);
  const choice = new Int32Array(n * n).fill(-1);
  const at = (i: number, j: number) => (i <= j && i < n ? best[i * n + j]! : 0);
  for (let i = n - 1; i >= 0; i--) {
    const partners = candidates[i]!;
    for (let j = i; j < n; j++) {
      let value = at(i + 1, j);
      let chosen = -1;
      for (const k of partners) {
        if (k > j) break;
        const v = scores[i * n + k]! - threshold + at(i + 1, k - 1) + at(k + 1, j);
        if (v > value) {
          value = v;
          chosen = k;
        }
      }
      best[i * n + j] = value;
      choice[i * n + j] = chosen;
    }
  }
  const result = new Int32Array(n).fill(-1);
  const stack: [number, number][] = n > 0 ? [[0, n - 1]] : [];
  while (stack.length > 0) {
    let [i, j] = stack.pop()!;
    while (i < j) {
      const k = choice[i * n + j]!;
      if (k < 0) {
        i++;
        continue;
      }
      result[i] = k;
      result[k] = i;
      stack.push([k + 1, j]);
      [i, j] = [i + 1, k - 1];
    }
  }
  return options.lonelyPairs === false ? removeLonelyPairs(result) : result;
}
