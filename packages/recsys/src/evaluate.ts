// Full-catalogue evaluation: every user with held-out items is scored against all items in batches
// (one matMul per batch), items already in the user's history are excluded, and ranking metrics are
// averaged over users.
import { InvalidArgumentError, createProgress, type ProgressOption } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import type { RecDataset } from './data/dataset.js';
import { lastItems } from './data/windows.js';
import { RankingAccumulator, type RankingMetrics, rankTargets, userRankingMetrics } from './metrics/ranking.js';
import type { CosRecModel } from './model/cosrec.js';

export type EvaluationPhase = 'validation' | 'test';

export interface EvaluateOptions {
  /** 'validation': history = training items; 'test': history = training + validation items. @default 'test' */
  phase?: EvaluationPhase;
  /** Users scored per matMul. @default 1024 */
  batchSize?: number;
  /** @default false */
  progress?: ProgressOption;
}

/** What a user's model input and exclusions are at a phase. */
export function historyAt(dataset: RecDataset, user: number, phase: EvaluationPhase): Int32Array {
  const train = dataset.train[user]!;
  if (phase === 'validation') return train;
  const validation = dataset.validation[user]!;
  if (validation.length === 0) return train;
  const out = new Int32Array(train.length + validation.length);
  out.set(train);
  out.set(validation, train.length);
  return out;
}

export interface EvaluationResult extends RankingMetrics {
  phase: EvaluationPhase;
  /** Users without held-out items at this phase (not scored). */
  usersWithoutTargets: number;
  /** Held-out items that were already in the user's history (counted as misses, as Caser does). */
  targetsInHistory: number;
  seconds: number;
}

export async function evaluateRanking(model: CosRecModel, dataset: RecDataset, options: EvaluateOptions = {}): Promise<EvaluationResult> {
  const phase = options.phase ?? 'test';
  if (phase !== 'validation' && phase !== 'test') throw new InvalidArgumentError('phase', phase, '"validation" or "test"');
  const batchSize = options.batchSize ?? 1024;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new InvalidArgumentError('batchSize', batchSize, 'a positive integer');
  const started = performance.now();
  const L = model.config.sequenceLength;
  const heldOut = phase === 'validation' ? dataset.validation : dataset.test;
  const users: number[] = [];
  heldOut.forEach((items, user) => {
    if (items.length > 0) users.push(user);
  });
  const accumulator = new RankingAccumulator();
  let targetsInHistory = 0;
  const progress = createProgress(options.progress ?? false);
  progress.start(users.length, `evaluate ${phase}`);
  for (let start = 0; start < users.length; start += batchSize) {
    const batch = users.slice(start, start + batchSize);
    const histories = batch.map((u) => historyAt(dataset, u, phase));
    const inputs = new Int32Array(batch.length * L);
    histories.forEach((h, b) => inputs.set(lastItems(h, L), b * L));
    const itemsTensor = tf.tensor2d(inputs, [batch.length, L], 'int32');
    const usersTensor = tf.tensor2d(Int32Array.from(batch), [batch.length, 1], 'int32');
    const scoresTensor = model.scoreAll(itemsTensor, usersTensor);
    const scores = (await scoresTensor.data()) as Float32Array;
    tf.dispose([itemsTensor, usersTensor, scoresTensor]);
    const width = dataset.numItems + 1;
    batch.forEach((user, b) => {
      const excluded = new Set(histories[b]);
      const targets = [...new Set(heldOut[user])];
      targetsInHistory += targets.filter((t) => excluded.has(t)).length;
      const ranks = rankTargets(scores.subarray(b * width, (b + 1) * width), targets, excluded);
      accumulator.add(userRankingMetrics(ranks));
    });
    progress.update(Math.min(users.length, start + batchSize));
  }
  progress.stop();
  return {
    ...accumulator.result(),
    phase,
    usersWithoutTargets: heldOut.length - users.length,
    targetsInHistory,
    seconds: (performance.now() - started) / 1000,
  };
}
