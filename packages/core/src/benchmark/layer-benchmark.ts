// Forward + backward time of each symmetric layer against the plain conv2d of the same shapes,
// per backend: median of repeated runs. A script's engine, not a timed test.
import * as tf from '@tensorflow/tfjs';
import { type BackendName, availableBackends, useBackend } from '../engine/backend.js';
import { expandSymmetricKernel, symmetricTapCount } from '../layers/symmetric-taps.js';
import { pairKernel } from '../layers/symmetry-generating-conv2d.js';

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
  /** Timed runs per measurement (after one warm-up run). @default 9 */
  repeats?: number;
  /** Called with each row as it is measured. */
  onRow?: (row: LayerBenchmarkRow) => void;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type Step = () => tf.Tensor[];

/** Runs `step` once and waits for its values (so async backends finish); returns ms. */
async function timeOnce(step: Step): Promise<number> {
  const start = performance.now();
  const outputs = step();
  await Promise.all(outputs.map((t) => t.data()));
  const ms = performance.now() - start;
  tf.dispose(outputs);
  return ms;
}

/** Forward, then the gradients with respect to the input and the weights (a layer's full backward). */
function forwardBackward(x: tf.Tensor4D, weight: tf.Tensor, forward: (x: tf.Tensor4D, weight: tf.Tensor) => tf.Tensor): Step {
  const gradients = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(forward(a as tf.Tensor4D, b)));
  return () => tf.tidy(() => gradients([x, weight]));
}

/**
 * Times the plain conv and both symmetric layers on one shape. The three are interleaved run by
 * run (after a warm-up of each), so drift in machine load hits them alike.
 */
async function measureShape(backend: BackendName, L: number, C: number, k: number, batch: number, repeats: number): Promise<LayerBenchmarkRow[]> {
  const x = tf.randomNormal([batch, L, L, C]) as tf.Tensor4D;
  const plainKernel = tf.randomNormal([k, k, C, C], 0, 0.05);
  const taps = tf.randomNormal([symmetricTapCount(k), C, C], 0, 0.05);
  const halfKernel = tf.randomNormal([k, k, C / 2, C], 0, 0.05);
  const steps: Record<'plain' | BenchmarkedLayer, Step> = {
    plain: forwardBackward(x, plainKernel, (a, w) => tf.conv2d(a, w as tf.Tensor4D, 1, 'same')),
    symmetricConv2d: forwardBackward(x, taps, (a, w) => tf.conv2d(a, expandSymmetricKernel(w as tf.Tensor3D, k), 1, 'same')),
    // pair mode: the C input channels are the halves [u ; v]; the kernel over v is the transpose of the one over u
    symmetryGeneratingConv2d: forwardBackward(x, halfKernel, (a, w) => tf.conv2d(a, pairKernel(w as tf.Tensor4D), 1, 'same')),
  };
  const names = Object.keys(steps) as (keyof typeof steps)[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<keyof typeof steps, number[]>;
  for (const name of names) await timeOnce(steps[name]);
  for (let r = 0; r < repeats; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(r + i) % names.length]!;
      times[name].push(await timeOnce(steps[name]));
    }
  }
  tf.dispose([x, plainKernel, taps, halfKernel]);
  const plainMs = median(times.plain);
  return (['symmetricConv2d', 'symmetryGeneratingConv2d'] as const).map((layer) => {
    const symmetricMs = median(times[layer]);
    return { backend, layer, L, C, kernelSize: k, batch, plainMs, symmetricMs, ratio: symmetricMs / plainMs };
  });
}

/** Runs the layer benchmark; switches backends as it goes and leaves the last one active. */
export async function benchmarkLayers(options: LayerBenchmarkOptions = {}): Promise<LayerBenchmarkRow[]> {
  const backends = options.backends ?? (await availableBackends());
  const rows: LayerBenchmarkRow[] = [];
  for (const backend of backends) {
    await useBackend(backend);
    for (const L of options.sizes ?? [64, 128, 256]) {
      for (const C of options.channels ?? [32, 64]) {
        for (const row of await measureShape(backend, L, C, options.kernelSize ?? 3, options.batch ?? 1, options.repeats ?? 9)) {
          rows.push(row);
          options.onRow?.(row);
        }
      }
    }
  }
  return rows;
}
