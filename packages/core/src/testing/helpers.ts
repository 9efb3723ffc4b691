// Test helpers (not exported from the package).
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { type BackendName, availableBackends, useBackend } from '../engine/backend.js';
import { outerConcat } from '../featurize/pairwise.js';
import { symmetrize } from '../featurize/symmetrize.js';

/** Backends to run numeric tests on: all that load here, or only SCNN_TEST_BACKENDS (comma-separated). */
export async function backendsUnderTest(): Promise<BackendName[]> {
  const available = await availableBackends();
  const only = process.env.SCNN_TEST_BACKENDS?.split(',').filter(Boolean);
  return only ? available.filter((b) => only.includes(b)) : available;
}

export async function onBackend<T>(backend: BackendName, fn: () => T | Promise<T>): Promise<T> {
  await useBackend(backend);
  return fn();
}

/** Compares dtype, shape, then values within rtol·max|expected| + atol. */
export function expectClose(actual: tf.Tensor, expected: tf.Tensor | ArrayLike<number>, rtol = 1e-5, atol = 1e-6): void {
  const exp = expected instanceof tf.Tensor ? expected : null;
  if (exp) {
    expect(actual.dtype).toBe(exp.dtype);
    expect(actual.shape).toEqual(exp.shape);
  }
  const a = actual.dataSync();
  const b = exp ? exp.dataSync() : Float32Array.from(expected as ArrayLike<number>);
  expect(a.length).toBe(b.length);
  let scale = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  expect(worst).toBeLessThanOrEqual(rtol * scale + atol);
}

/** A random map that is symmetric in its two spatial axes: [batch, L, L, C]. */
export function randomSymmetricMap(shape: [number, number, number, number], seed = 1): tf.Tensor4D {
  return tf.tidy(() => symmetrize(tf.randomNormal(shape, 0, 1, 'float32', seed) as tf.Tensor4D));
}

/** A pair map [e_i ; e_j] from random embeddings [batch, L, d]. */
export function randomPairMap(batch: number, length: number, depth: number, seed = 2): tf.Tensor4D {
  return tf.tidy(() => outerConcat(tf.randomNormal([batch, length, depth], 0, 1, 'float32', seed) as tf.Tensor3D));
}
