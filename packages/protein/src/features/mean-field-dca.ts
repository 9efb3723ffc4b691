// Mean-field direct coupling analysis (mfDCA, Morcos et al. 2011): the couplings are minus the inverse
// of the alignment's pair-frequency covariance, which removes most of the indirect (transitive)
// correlations the covariance itself carries. Frequencies get the pseudocount weight 0.5 of the paper;
// the gap letter is left out of the inverted matrix (q − 1 = 20 states per column, the usual gauge);
// each 20 × 20 coupling block is put in the zero-sum gauge and scored by its Frobenius norm with the
// average product correction, as plmDCA and GREMLIN report. The (20 L)² matrix is inverted on the
// backend by recursive Schur complements (every heavy step a matMul), so a 150-residue alignment takes
// seconds; the cost grows as (20 L)³.
import * as tf from '@tensorflow/tfjs';
import { ALPHABET_SIZE, type EncodedAlignment, weightedCounts } from './alignment-features.js';

export interface MeanFieldOptions {
  /** Identity at which two rows count as neighbours for the weights. @default 0.8 */
  identity?: number;
  /** Weight of the uniform pseudo-frequencies mixed into the observed ones. @default 0.5 */
  pseudocountWeight?: number;
  /** Rows per matMul block when counting. @default 1000 */
  blockRows?: number;
}

export interface MeanFieldCouplings {
  length: number;
  rows: number;
  effectiveRows: number;
  /** [L, L] APC-corrected Frobenius norms of the zero-sum-gauge couplings (0 on the diagonal). */
  coupling: Float32Array;
}

/** Inverse of a small symmetric positive definite matrix in float64 (Cholesky). */
function invertSmallSpd(values: Float32Array | Float64Array, n: number): Float32Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = values[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[j * n + j]!;
    }
  }
  // inverse of L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹
  const li = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    li[j * n + j] = 1 / l[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= l[i * n + k]! * li[k * n + j]!;
      li[i * n + j] = sum / l[i * n + i]!;
    }
  }
  const out = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += li[k * n + i]! * li[k * n + j]!;
      out[i * n + j] = out[j * n + i] = sum;
    }
  }
  return out;
}

/** Inverse of a symmetric positive definite matrix by recursive Schur complements. */
export function invertSpd(a: tf.Tensor2D, baseSize = 256): tf.Tensor2D {
  const n = a.shape[0];
  if (n <= baseSize) return tf.tensor2d(invertSmallSpd(a.dataSync() as Float32Array, n), [n, n]);
  return tf.tidy(() => {
    const h = Math.floor(n / 2);
    const a11 = tf.slice(a, [0, 0], [h, h]);
    const a12 = tf.slice(a, [0, h], [h, n - h]);
    const a22 = tf.slice(a, [h, h], [n - h, n - h]);
    const b = invertSpd(a11, baseSize); // A11⁻¹
    const ba12 = tf.matMul(b, a12); // A11⁻¹ A12
    const schur = tf.sub(a22, tf.matMul(a12, ba12, true, false));
    const s = invertSpd(tf.div(tf.add(schur, tf.transpose(schur)), 2) as tf.Tensor2D, baseSize);
    const topRight = tf.neg(tf.matMul(ba12, s));
    const topLeft = tf.sub(b, tf.matMul(topRight, ba12, false, true));
    return tf.concat([tf.concat([topLeft, topRight], 1), tf.concat([tf.transpose(topRight), s], 1)], 0) as tf.Tensor2D;
  });
}

export async function meanFieldCouplings(alignment: EncodedAlignment, options: MeanFieldOptions = {}): Promise<MeanFieldCouplings> {
  const { length: L, rows } = alignment;
  const q = ALPHABET_SIZE;
  const states = q - 1;
  const lambda = options.pseudocountWeight ?? 0.5;
  const counts = await weightedCounts(alignment, options);
  const neff = counts.effectiveRows;
  const covariance = tf.tidy(() => {
    const f1 = tf.add(tf.mul(tf.div(counts.single, neff), 1 - lambda), lambda / q) as tf.Tensor1D;
    const f2 = tf.add(tf.mul(tf.div(counts.pair, neff), 1 - lambda), lambda / (q * q));
    // within one column the pair frequency is the single frequency on the diagonal, 0 elsewhere
    const sameColumn = tf.reshape(tf.tile(tf.reshape(tf.eye(L), [L, 1, L, 1]), [1, q, 1, q]), [L * q, L * q]);
    const pairs = tf.add(tf.mul(f2, tf.sub(1, sameColumn)), tf.diag(f1));
    const full = tf.sub(pairs, tf.outerProduct(f1, f1));
    const keep = tf.tensor1d(Array.from({ length: L * states }, (_, k) => Math.floor(k / states) * q + (k % states)), 'int32');
    return tf.gather(tf.gather(full, keep, 0), keep, 1) as tf.Tensor2D;
  });
  tf.dispose([counts.single, counts.pair]);
  const inverse = invertSpd(covariance);
  covariance.dispose();
  const couplingT = tf.tidy(() => {
    const e = tf.transpose(tf.reshape(tf.neg(inverse), [L, states, L, states]), [0, 2, 1, 3]); // [L, L, 20, 20]
    const gauged = tf.add(tf.sub(tf.sub(e, tf.mean(e, 2, true)), tf.mean(e, 3, true)), tf.mean(e, [2, 3], true));
    const offDiagonal = tf.sub(1, tf.eye(L));
    const norm = tf.mul(tf.sqrt(tf.sum(tf.square(gauged), [2, 3])), offDiagonal);
    const rowSums = tf.sum(norm, 1, true);
    // APC = mean_i · mean_j / mean, with the means over off-diagonal pairs
    const apc = tf.mul(tf.div(tf.matMul(rowSums, rowSums, false, true), tf.maximum(tf.sum(norm), 1e-12)), L / Math.max(1, L - 1));
    return tf.mul(tf.sub(norm, apc), offDiagonal);
  });
  inverse.dispose();
  const coupling = (await couplingT.data()) as Float32Array;
  couplingT.dispose();
  return { length: L, rows, effectiveRows: neff, coupling };
}
