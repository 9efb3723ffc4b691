// Per-pair input channels for a protein of length L, symmetric by construction (each depends on the
// unordered pair {i, j}): the sum and the absolute difference of the one-hot residues (21 + 21), the
// same for the 3-state secondary structure when given (3 + 3; zeros otherwise), log(1 + |i − j|) / log(1001),
// and one flag per sequence-separation range (short 6–11, medium 12–23, long ≥ 24).
import { ALPHABET_SIZE } from '../features/alignment-features.js';
import { residueChannel } from '../residues.js';

const SS = 'HEC';
export const PROTEIN_PAIR_CHANNELS = 2 * ALPHABET_SIZE + 2 * SS.length + 1 + 3;

/** [L, L, 52] row-major Float32Array. */
export function proteinPairFeatures(sequence: string, secondaryStructure?: string): Float32Array {
  const n = sequence.length;
  const C = PROTEIN_PAIR_CHANNELS;
  const A = ALPHABET_SIZE;
  const out = new Float32Array(n * n * C);
  const residue = Array.from(sequence, residueChannel);
  const ss = secondaryStructure ? Array.from(secondaryStructure, (s) => SS.indexOf(s.toUpperCase())) : undefined;
  const logScale = 1 / Math.log(1001);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const base = (i * n + j) * C;
      out[base + residue[i]!] += 1;
      out[base + residue[j]!] += 1;
      if (residue[i] !== residue[j]) {
        out[base + A + residue[i]!] = 1;
        out[base + A + residue[j]!] = 1;
      }
      if (ss && ss[i]! >= 0 && ss[j]! >= 0) {
        out[base + 2 * A + ss[i]!] += 1;
        out[base + 2 * A + ss[j]!] += 1;
        if (ss[i] !== ss[j]) {
          out[base + 2 * A + 3 + ss[i]!] = 1;
          out[base + 2 * A + 3 + ss[j]!] = 1;
        }
      }
      const separation = Math.abs(i - j);
      out[base + 2 * A + 6] = Math.log(1 + separation) * logScale;
      const range = separation >= 24 ? 2 : separation >= 12 ? 1 : separation >= 6 ? 0 : -1;
      if (range >= 0) out[base + 2 * A + 7 + range] = 1;
    }
  }
  return out;
}
