// Training speed: seconds per epoch (windows, batch creation, negatives, forward, backward, Adam),
// without validation, for each model on one data set. Printed as a table by `scnn recsys bench`.
import { engineInfo } from '@scnn/core';
import type { RecDataset } from '../data/dataset.js';
import { type RecModelKind } from '../model/cosrec.js';
import { trainRecommender } from '../training/train-recommender.js';

export interface EpochBenchmarkOptions {
  dataset: RecDataset;
  kinds?: RecModelKind[];
  /** Epochs timed per model (after one untimed warm-up step inside the first). @default 2 */
  epochs?: number;
  /** @default 512 */
  batchSize?: number;
  seed?: number;
}

export interface EpochBenchmarkRow {
  backend: string;
  model: RecModelKind;
  windows: number;
  batchSize: number;
  /** Median seconds per epoch over the timed epochs. */
  secondsPerEpoch: number;
  msPerStep: number;
  windowsPerSecond: number;
  epochs: number;
}

export async function benchmarkEpochs(options: EpochBenchmarkOptions): Promise<EpochBenchmarkRow[]> {
  const rows: EpochBenchmarkRow[] = [];
  const batchSize = options.batchSize ?? 512;
  for (const kind of options.kinds ?? ['cnn', 'scnn']) {
    const trained = await trainRecommender({
      dataset: options.dataset,
      kind,
      epochs: options.epochs ?? 2,
      batchSize,
      validate: false,
      evaluateTest: false,
      earlyStopping: false,
      reduceLearningRate: false,
      progress: false,
      seed: options.seed ?? 0,
    });
    const seconds = trained.state.history.map((h) => h.seconds).sort((a, b) => a - b);
    const median = seconds[Math.floor((seconds.length - 1) / 2)]!;
    const steps = Math.ceil(trained.windows.count / batchSize);
    rows.push({
      backend: engineInfo()?.backend ?? 'unknown',
      model: kind,
      windows: trained.windows.count,
      batchSize,
      secondsPerEpoch: median,
      msPerStep: (median / steps) * 1000,
      windowsPerSecond: trained.windows.count / median,
      epochs: seconds.length,
    });
    trained.model.dispose();
  }
  return rows;
}
