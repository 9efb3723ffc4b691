// Contact scores from an alignment, and their combination with a sequence-only model. The shipped
// models are trained on cgdms chains, which come without alignments, so the alignment enters at
// prediction time through its APC-corrected coupling scores (by default mean-field DCA, the classic
// unsupervised coevolution predictor) rather than as a learned input. The two are mixed by rank with a
// weight fixed a priori from the alignment's depth, w = Neff / (Neff + L): at Neff = L each counts half,
// a deep alignment (Neff ≫ L) is mostly coupling and a shallow one (a few rows) is mostly the model.
// Nothing here was fitted on any test target.
import { InvalidArgumentError } from '@scnn/core';
import { readAlignmentRows } from '../formats/sequences.js';
import { alignmentFeatures, createAlignmentEncoder } from './alignment-features.js';
import { meanFieldCouplings } from './mean-field-dca.js';

/**
 * Row-major L×L scores in [0, 1]: each off-diagonal pair's rank among all pairs i < j, divided by the
 * number of pairs (ties share the mean rank); symmetric, 0 on the diagonal.
 */
export function pairRanks(scores: ArrayLike<number>, length: number): Float32Array {
  const n = length;
  if (scores.length !== n * n) throw new InvalidArgumentError('scores', scores.length, `an L×L matrix (${n * n} values)`);
  const cells: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) cells.push(i * n + j);
  cells.sort((a, b) => scores[a]! - scores[b]!);
  const out = new Float32Array(n * n);
  for (let start = 0; start < cells.length; ) {
    let end = start + 1;
    while (end < cells.length && scores[cells[end]!] === scores[cells[start]!]) end++;
    const rank = (start + end + 1) / 2 / cells.length; // mean 1-based rank of the tied run
    for (let k = start; k < end; k++) {
      const cell = cells[k]!;
      out[cell] = out[(cell % n) * n + Math.floor(cell / n)] = rank;
    }
    start = end;
  }
  return out;
}

/** The weight of the alignment's coupling in the combination: Neff / (Neff + L). */
export function alignmentWeight(effectiveRows: number, length: number): number {
  return effectiveRows / (effectiveRows + length);
}

/** (1 − w) · rank(model) + w · rank(coupling), per pair; w from the alignment's depth unless given. */
export function combineWithAlignment(
  modelScores: ArrayLike<number>,
  features: { coupling: ArrayLike<number>; effectiveRows: number; length: number },
  options: { weight?: number } = {},
): { scores: Float32Array; weight: number } {
  const n = features.length;
  const weight = options.weight ?? alignmentWeight(features.effectiveRows, n);
  if (!(weight >= 0 && weight <= 1)) throw new InvalidArgumentError('weight', weight, 'a number in [0, 1]');
  const model = pairRanks(modelScores, n);
  const coupling = pairRanks(features.coupling, n);
  const scores = new Float32Array(n * n);
  for (let k = 0; k < scores.length; k++) scores[k] = (1 - weight) * model[k]! + weight * coupling[k]!;
  return { scores, weight };
}

export interface AlignmentCouplingOptions {
  /** 'mean-field': mfDCA couplings; 'covariance': the norm of the covariance blocks (DeepCov's input). @default 'mean-field' */
  method?: 'mean-field' | 'covariance';
  /** Identity at which two rows count as neighbours for the weights. @default 0.8 */
  identity?: number;
}

export interface AlignmentCouplings {
  query: string;
  length: number;
  rows: number;
  effectiveRows: number;
  /** [L, L] APC-corrected coupling scores. */
  coupling: Float32Array;
}

/** Streams an A3M / aligned FASTA file and scores every column pair by its coupling. */
export async function readAlignmentCouplings(file: string, options: AlignmentCouplingOptions = {}): Promise<AlignmentCouplings> {
  const encoder = createAlignmentEncoder();
  const { query } = await readAlignmentRows(file, { onRow: (row) => encoder.add(row) });
  const alignment = encoder.finish();
  const result = (options.method ?? 'mean-field') === 'mean-field' ? await meanFieldCouplings(alignment, options) : await alignmentFeatures(alignment, { ...options, covariance: false });
  return { query, length: result.length, rows: result.rows, effectiveRows: result.effectiveRows, coupling: result.coupling };
}
