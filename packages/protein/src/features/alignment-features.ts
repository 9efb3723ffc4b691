// Alignment features in bounded memory: the rows are kept as one byte per column (a 10,000 × 150
// alignment is 1.5 MB), and every heavy step is a blocked matMul on the backend over one-hot blocks of
// `blockRows` sequences:
//  - sequence weights: 1 / (number of rows ≥ 80% identical over the query's columns, gaps included), as
//    PSICOV and DeepCov;
//  - the weighted profile f_i(a) (21 letters: 20 amino acids + gap/unknown), with a pseudocount;
//  - the 21 × 21 pair-frequency covariance C_ij(a, b) = f_ij(a, b) − f_i(a) f_j(b) (DeepCov's input);
//  - an APC-corrected coupling score per pair: the Frobenius norm of the 20 × 20 amino-acid block of
//    C_ij, minus the average product correction.
// Every output is symmetric in i and j by construction (C_ji(b, a) = C_ij(a, b)).
import { InvalidArgumentError } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { UNKNOWN_RESIDUE, residueChannel } from '../residues.js';

export const ALPHABET_SIZE = 21;

/** An alignment held as one residue channel (0..20) per byte. */
export interface EncodedAlignment {
  length: number;
  rows: number;
  codes: Uint8Array;
}

/** Collects aligned rows (e.g. from readAlignmentRows) into codes; gaps and unknown letters are 20. */
export function createAlignmentEncoder(): { add(row: string): void; finish(): EncodedAlignment } {
  let length = -1;
  const chunks: Uint8Array[] = [];
  let rows = 0;
  return {
    add(row: string) {
      if (length < 0) length = row.length;
      if (row.length !== length) throw new InvalidArgumentError('row', row.length, `${length} columns`);
      const codes = new Uint8Array(length);
      for (let i = 0; i < length; i++) codes[i] = row[i] === '-' ? UNKNOWN_RESIDUE : residueChannel(row[i]!);
      chunks.push(codes);
      rows++;
    },
    finish() {
      if (rows === 0) throw new InvalidArgumentError('alignment', 0, 'at least the query row');
      const codes = new Uint8Array(rows * length);
      chunks.forEach((chunk, r) => codes.set(chunk, r * length));
      return { length, rows, codes };
    },
  };
}

export interface AlignmentFeatureOptions {
  /** Identity at which two rows count as neighbours for the weights. @default 0.8 */
  identity?: number;
  /** Pseudocount, in effective sequences, spread evenly over the 21 letters (and 21² letter pairs). @default 1 */
  pseudocount?: number;
  /** Rows per matMul block. @default 1000 */
  blockRows?: number;
  /** Also return the [L, L, 441] covariance (large: 441 L² floats). @default true */
  covariance?: boolean;
}

export interface AlignmentFeatures {
  length: number;
  rows: number;
  /** Σ weights: the effective number of sequences. */
  effectiveRows: number;
  /** [L, 21] weighted frequencies. */
  profile: Float32Array;
  /** [L, L, 441] covariance C_ij(a, b) at ((i · L + j) · 21 + a) · 21 + b, when asked for. */
  covariance?: Float32Array;
  /** [L, L] APC-corrected coupling scores (0 on the diagonal). */
  coupling: Float32Array;
}

function oneHotBlock(alignment: EncodedAlignment, start: number, end: number): tf.Tensor2D {
  const { length } = alignment;
  const width = length * ALPHABET_SIZE;
  const values = new Float32Array((end - start) * width);
  for (let r = start; r < end; r++) {
    const base = (r - start) * width;
    for (let i = 0; i < length; i++) values[base + i * ALPHABET_SIZE + alignment.codes[r * length + i]!] = 1;
  }
  return tf.tensor2d(values, [end - start, width]);
}

/** Sequence weights and the weighted single / pair letter counts (tensors owned by the caller). */
export interface WeightedCounts {
  weights: Float32Array;
  effectiveRows: number;
  /** [L·21]: Σ_r w_r x_r. */
  single: tf.Tensor1D;
  /** [L·21, L·21]: Σ_r w_r x_r x_rᵀ. */
  pair: tf.Tensor2D;
}

export async function weightedCounts(alignment: EncodedAlignment, options: Pick<AlignmentFeatureOptions, 'identity' | 'blockRows'> = {}): Promise<WeightedCounts> {
  const { length: L, rows: N } = alignment;
  const identity = options.identity ?? 0.8;
  const block = options.blockRows ?? 1000;
  const width = L * ALPHABET_SIZE;
  // 1. neighbours per row: identical columns (gaps included, as PSICOV and DeepCov count them) / L ≥
  // identity. The identity matrix is symmetric, so only blocks with j ≥ i are computed; each adds its
  // row sums to block i and its column sums to block j.
  const blocks = Math.ceil(N / block);
  const oneHot = (k: number) => oneHotBlock(alignment, k * block, Math.min(N, (k + 1) * block));
  let counts = tf.zeros([N]);
  for (let bi = 0; bi < blocks; bi++) {
    const left = oneHot(bi);
    for (let bj = bi; bj < blocks; bj++) {
      const next = tf.tidy(() => {
        const right = bj === bi ? left : oneHot(bj);
        const near = tf.cast(tf.greaterEqual(tf.matMul(left, right, false, true), identity * L - 1e-3), 'float32');
        const rowSums = tf.sum(near, 1);
        const padded = (values: tf.Tensor1D, at: number) => tf.pad(values, [[at * block, N - at * block - values.shape[0]]]);
        let update = padded(rowSums as tf.Tensor1D, bi);
        if (bj !== bi) update = tf.add(update, padded(tf.sum(near, 0) as tf.Tensor1D, bj));
        return tf.add(counts, update);
      });
      counts.dispose();
      counts = next;
    }
    left.dispose();
  }
  const neighbours = (await counts.data()) as Float32Array;
  counts.dispose();
  const weights = neighbours.map((n) => 1 / Math.max(1, n));
  const effectiveRows = weights.reduce((a, b) => a + b, 0);

  // 2. weighted single and pair counts, blocked over rows: f = Σ w x, F = Σ w x xᵀ
  let single = tf.zeros([width]);
  let pair = tf.zeros([width, width]);
  for (let r0 = 0; r0 < N; r0 += block) {
    const end = Math.min(N, r0 + block);
    const [nextSingle, nextPair] = tf.tidy(() => {
      const x = oneHotBlock(alignment, r0, end);
      const w = tf.tensor2d(weights.subarray(r0, end), [end - r0, 1]);
      const wx = tf.mul(x, w);
      return [tf.add(single, tf.sum(wx, 0)), tf.add(pair, tf.matMul(wx, x, true, false))];
    });
    tf.dispose([single, pair]);
    single = nextSingle!;
    pair = nextPair!;
  }
  return { weights, effectiveRows, single: single as tf.Tensor1D, pair: pair as tf.Tensor2D };
}

export async function alignmentFeatures(alignment: EncodedAlignment, options: AlignmentFeatureOptions = {}): Promise<AlignmentFeatures> {
  const { length: L, rows: N } = alignment;
  const A = ALPHABET_SIZE;
  const { effectiveRows, single, pair } = await weightedCounts(alignment, options);
  // 3. frequencies with a pseudocount (uniform over 21 letters), covariance, coupling with APC
  const lambda = options.pseudocount ?? 1;
  const total = effectiveRows + lambda;
  const { profileT, covarianceT, couplingT } = tf.tidy(() => {
    const f = tf.div(tf.add(single, lambda / A), total) as tf.Tensor1D; // [L·21]
    const F = tf.div(tf.add(pair, lambda / (A * A)), total); // [L·21, L·21]
    const cov = tf.sub(F, tf.outerProduct(f, f));
    const blocks = tf.transpose(tf.reshape(cov, [L, A, L, A]), [0, 2, 1, 3]); // [L, L, 21, 21]
    const amino = tf.slice(blocks, [0, 0, 0, 0], [L, L, A - 1, A - 1]);
    const norm = tf.sqrt(tf.sum(tf.square(amino), [2, 3])); // [L, L]
    const offDiagonal = tf.mul(norm, tf.sub(1, tf.eye(L)));
    const rowMean = tf.div(tf.sum(offDiagonal, 1, true), Math.max(1, L - 1));
    const allMean = tf.div(tf.sum(offDiagonal), Math.max(1, L * (L - 1)));
    const apc = tf.div(tf.matMul(rowMean, rowMean, false, true), tf.maximum(allMean, 1e-12));
    const coupling = tf.mul(tf.sub(offDiagonal, apc), tf.sub(1, tf.eye(L)));
    return { profileT: tf.reshape(f, [L, A]), covarianceT: options.covariance === false ? tf.zeros([0]) : blocks, couplingT: coupling };
  });
  tf.dispose([single, pair]);
  const result: AlignmentFeatures = {
    length: L,
    rows: N,
    effectiveRows,
    profile: (await profileT.data()) as Float32Array,
    coupling: (await couplingT.data()) as Float32Array,
  };
  if (options.covariance !== false) result.covariance = (await covarianceT.data()) as Float32Array;
  tf.dispose([profileT, covarianceT, couplingT]);
  return result;
}
