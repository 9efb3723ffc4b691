// Forward + backward time of each symmetric layer against the plain conv2d of the same shapes,
// per backend: median of repeated runs. A script's engine, not a timed test.
import * as tf from '@tensorflow/tfjs';
import { type BackendName, availableBackends, useBackend } from '../engine/backend.js';
import { expandSymmetricKernel, symmetricTapCount } from '../layers/symmetric-taps.js';

export type BenchmarkedLayer = 'symmetricConv2d' | 'symmetryGeneratingConv2d';

export interface LayerBenchmarkRow {
  backend: BackendName;
  layer: BenchmarkedLayer;
  /** Map size L (L×L). */
  L: number;
  /** Input and output channels. */
  C: number;
  kernelSize: number;
  batch: number;
  /** Median ms of one forward + backward pass of a plain conv2d. */
  plainMs: number;
  /** Median ms of the same for the symmetric layer. */
  symmetricMs: number;
  /** symmetricMs / plainMs. */
  ratio: number;
}

export interface LayerBenchmarkOptions {
  /** @default every available backend */
  backends?: BackendName[];
  /** @default [64, 128, 256] */
  sizes?: number[];
  /** @default [32, 64] */
  channels?: number[];
  /** @default 3 */
  kernelSize?: number;
  /** @default 1 */
  batch?: number;
  /** Timed runs per measurement (after one warm-up run). @default 5 */
  repeats?: number;
  /** Called with each row as it is measured. */
  onRow?: (row: LayerBenchmarkRow) => void;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time of `step` (forward + backward, values read back so async backends finish). */
async function timeStep(step: () => tf.Tensor[], repeats: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= repeats; i++) {
    const start = performance.now();
    const outputs = step();
    await Promise.all(outputs.map((t) => t.data()));
    tf.dispose(outputs);
    if (i > 0) times.push(performance.now() - start); // run 0 warms up
  }
  return median(times);
}

function forwardBackward(x: tf.Tensor4D, weights: tf.Variable[], forward: () => tf.Tensor): () => tf.Tensor[] {
  return () =>
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => tf.sum(forward()) as tf.Scalar, weights);
      return [...Object.values(grads), tf.sum(x)];
    });
}

async function measure(backend: BackendName, layer: BenchmarkedLayer, L: number, C: number, k: number, batch: number, repeats: number): Promise<LayerBenchmarkRow> {
  const x = tf.randomNormal([batch, L, L, C]) as tf.Tensor4D;
  const plainKernel = tf.variable(tf.randomNormal([k, k, C, C], 0, 0.05));
  const plainMs = await timeStep(forwardBackward(x, [plainKernel], () => tf.conv2d(x, plainKernel as tf.Tensor4D, 1, 'same')), repeats);
  let weight: tf.Variable;
  let forward: () => tf.Tensor;
  if (layer === 'symmetricConv2d') {
    weight = tf.variable(tf.randomNormal([symmetricTapCount(k), C, C], 0, 0.05));
    forward = () => tf.conv2d(x, expandSymmetricKernel(weight as tf.Variable<tf.Rank.R3>, k), 1, 'same');
  } else {
    // pair mode: C input channels are the halves [u ; v], the kernel over v is the transpose of the one over u
    weight = tf.variable(tf.randomNormal([k, k, C / 2, C], 0, 0.05));
    forward = () => tf.conv2d(x, tf.concat([weight as tf.Tensor4D, tf.transpose(weight, [1, 0, 2, 3])], 2) as tf.Tensor4D, 1, 'same');
  }
  const symmetricMs = await timeStep(forwardBackward(x, [weight], forward), repeats);
  tf.dispose([x, plainKernel, weight]);
  return { backend, layer, L, C, kernelSize: k, batch, plainMs, symmetricMs, ratio: symmetricMs / plainMs };
}

/** Runs the layer benchmark; switches backends as it goes and leaves the last one active. */
export async function benchmarkLayers(options: LayerBenchmarkOptions = {}): Promise<LayerBenchmarkRow[]> {
  const backends = options.backends ?? (await availableBackends());
  const rows: LayerBenchmarkRow[] = [];
  for (const backend of backends) {
    await useBackend(backend);
    for (const L of options.sizes ?? [64, 128, 256]) {
      for (const C of options.channels ?? [32, 64]) {
        for (const layer of ['symmetricConv2d', 'symmetryGeneratingConv2d'] as const) {
          const row = await measure(backend, layer, L, C, options.kernelSize ?? 3, options.batch ?? 1, options.repeats ?? 5);
          rows.push(row);
          options.onRow?.(row);
        }
      }
    }
  }
  return rows;
}
