// Places a structure's residues on a target sequence: a CASP domain file (T1055-D1.pdb, residues 3–124)
// is scored against the full target sequence its predictions were made for. The residue numbers are used
// when they index the target (CASP and most PDB files); otherwise a semi-global alignment (free end gaps
// in the target) decides. Target positions without a structure residue become masked positions.
import { InvalidArgumentError } from '@scnn/core';
import type { Chain, Residue } from '../formats/structure.js';

export interface SequenceMapping {
  /** The chain re-indexed on the target: one residue per target position (no atoms where unmatched). */
  chain: Chain;
  /** Target index (0-based) of each structure residue, or -1 when it aligns to a gap. */
  targetIndex: Int32Array;
  /** How the residues were placed. */
  method: 'numbering' | 'alignment';
  /** Structure residues placed on the target, and how many of them carry the target's letter. */
  placed: number;
  identical: number;
  /** 0-based first and last target positions that hold a structure residue: the domain's span. */
  first: number;
  last: number;
}

export interface SequenceMappingOptions {
  /** Share of residues whose number must point at the same letter in the target to trust numbering. @default 0.9 */
  numberingAgreement?: number;
}

function byNumbering(chain: Chain, target: string, agreement: number): Int32Array | undefined {
  const index = new Int32Array(chain.residues.length).fill(-1);
  let agree = 0;
  const taken = new Set<number>();
  for (let r = 0; r < chain.residues.length; r++) {
    const residue = chain.residues[r]!;
    if (residue.number === undefined || residue.insertionCode) return undefined;
    const t = residue.number - 1;
    if (t < 0 || t >= target.length || taken.has(t)) return undefined;
    taken.add(t);
    index[r] = t;
    if (target[t] === residue.aa) agree++;
  }
  return agree >= agreement * chain.residues.length ? index : undefined;
}

/** Semi-global alignment (match 2, mismatch −1, gap −2; end gaps in the target free). */
function byAlignment(query: string, target: string): Int32Array {
  const n = query.length;
  const m = target.length;
  const gap = -2;
  const score = new Float64Array((n + 1) * (m + 1));
  const move = new Uint8Array((n + 1) * (m + 1)); // 0 diagonal, 1 up (query gap in target), 2 left
  for (let i = 1; i <= n; i++) {
    score[i * (m + 1)] = i * gap;
    move[i * (m + 1)] = 1;
  }
  for (let j = 1; j <= m; j++) move[j] = 2; // leading target residues: free
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const a = query[i - 1]!;
      const b = target[j - 1]!;
      const diagonal = score[(i - 1) * (m + 1) + j - 1]! + (a === 'X' || b === 'X' ? 0 : a === b ? 2 : -1);
      const up = score[(i - 1) * (m + 1) + j]! + gap;
      const left = score[i * (m + 1) + j - 1]! + (i === n ? 0 : gap); // trailing target residues: free
      const best = Math.max(diagonal, up, left);
      score[i * (m + 1) + j] = best;
      move[i * (m + 1) + j] = best === diagonal ? 0 : best === up ? 1 : 2;
    }
  }
  const index = new Int32Array(n).fill(-1);
  let i = n;
  let j = m;
  while (i > 0) {
    const step = j === 0 ? 1 : move[i * (m + 1) + j]!;
    if (step === 0) index[--i] = --j;
    else if (step === 1) i--;
    else j--;
  }
  return index;
}

export function mapChainToSequence(chain: Chain, target: string, options: SequenceMappingOptions = {}): SequenceMapping {
  if (target.length === 0) throw new InvalidArgumentError('target', target, 'a non-empty sequence');
  const numbered = byNumbering(chain, target, options.numberingAgreement ?? 0.9);
  const targetIndex = numbered ?? byAlignment(chain.residues.map((r) => r.aa).join(''), target);
  const residues: Residue[] = Array.from(target, (aa) => ({ aa, atoms: new Map() }));
  let placed = 0;
  let identical = 0;
  let first = target.length;
  let last = -1;
  targetIndex.forEach((t, r) => {
    if (t < 0) return;
    const residue = chain.residues[r]!;
    residues[t] = { ...residue, aa: target[t]! };
    placed++;
    if (residue.aa === target[t]) identical++;
    first = Math.min(first, t);
    last = Math.max(last, t);
  });
  if (placed === 0) throw new InvalidArgumentError('chain', chain.id, 'residues that align to the target sequence');
  return { chain: { id: chain.id, residues }, targetIndex, method: numbered ? 'numbering' : 'alignment', placed, identical, first, last };
}

/** The [first, last] × [first, last] block of a row-major L×L matrix. */
export function cropSquare<T extends Float32Array | Uint8Array>(matrix: T, length: number, first: number, last: number): T {
  const n = last - first + 1;
  const out = new (matrix.constructor as new (size: number) => T)(n * n);
  for (let i = 0; i < n; i++) out.set(matrix.subarray((first + i) * length + first, (first + i) * length + first + n), i * n);
  return out;
}
