// Training speed: seconds per epoch (windows, batch creation, negatives, forward, backward, Adam),
// without validation, for each model on one data set. Printed as a table by `scnn recsys bench`.
import { engineInfo } from '@scnn/core';
import type { RecDataset } from '../data/dataset.js';
import { type RecModelKind } from '../model/cosrec.js';
import { trainRecommender } from '../training/train-recommender.js';

export interface EpochBenchmarkOptions {
  dataset: RecDataset;
  kinds?: RecModelKind[];
  /** Rounds; each trains every model for one epoch from fresh weights, models interleaved so that
   * machine noise hits both alike. @default 3 */
  rounds?: number;
  /** @default 512 */
  batchSize?: number;
  seed?: number;
}

export interface EpochBenchmarkRow {
  backend: string;
  model: RecModelKind;
  windows: number;
  batchSize: number;
  /** Median seconds per epoch over the rounds. */
  secondsPerEpoch: number;
  /** Every round's seconds. */
  rounds: number[];
  msPerStep: number;
  windowsPerSecond: number;
}

export async function benchmarkEpochs(options: EpochBenchmarkOptions): Promise<EpochBenchmarkRow[]> {
  const batchSize = options.batchSize ?? 512;
  const kinds = options.kinds ?? ['cnn', 'scnn'];
  const seconds = new Map<RecModelKind, number[]>(kinds.map((k) => [k, []]));
  let windows = 0;
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    for (const kind of kinds) {
      const trained = await trainRecommender({
        dataset: options.dataset,
        kind,
        epochs: 1,
        batchSize,
        validate: false,
        evaluateTest: false,
        earlyStopping: false,
        reduceLearningRate: false,
        progress: false,
        seed: (options.seed ?? 0) + round,
      });
      seconds.get(kind)!.push(trained.state.history[0]!.seconds);
      windows = trained.windows.count;
      trained.model.dispose();
    }
  }
  return kinds.map((kind) => {
    const all = seconds.get(kind)!;
    const sorted = [...all].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    return {
      backend: engineInfo()?.backend ?? 'unknown',
      model: kind,
      windows,
      batchSize,
      secondsPerEpoch: median,
      rounds: all,
      msPerStep: (median / Math.ceil(windows / batchSize)) * 1000,
      windowsPerSecond: windows / median,
    };
  });
}
