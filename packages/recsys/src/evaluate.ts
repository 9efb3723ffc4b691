// Full-catalogue evaluation: every user with held-out items is scored against all items in batches
// (one matMul per batch), items already in the user's history are excluded, and ranking metrics are
// averaged over users.
import { InvalidArgumentError, createProgress, type ProgressOption } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import type { RecDataset } from './data/dataset.js';
import { lastItems } from './data/windows.js';
import { RankingAccumulator, type RankingMetrics, userRankingMetrics } from './metrics/ranking.js';
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
  // users with similar numbers of held-out items share a batch: the rank pass runs once per column
  users.sort((a, b) => heldOut[a]!.length - heldOut[b]!.length || a - b);
  const accumulator = new RankingAccumulator();
  let targetsInHistory = 0;
  const excluded = new Uint8Array(dataset.numItems + 1); // the scored user's history, cleared after each user
  const progress = createProgress(options.progress ?? false);
  progress.start(users.length, `evaluate ${phase}`);
  for (let start = 0; start < users.length; start += batchSize) {
    const batch = users.slice(start, start + batchSize);
    const histories = batch.map((u) => historyAt(dataset, u, phase));
    const inputs = new Int32Array(batch.length * L);
    histories.forEach((h, b) => inputs.set(lastItems(h, L), b * L));
    const itemsTensor = tf.tensor2d(inputs, [batch.length, L], 'int32');
    const usersTensor = tf.tensor2d(Int32Array.from(batch), [batch.length, 1], 'int32');
    const width = dataset.numItems + 1;
    // every candidate's score stays on the backend: history items and the padding column get -∞,
    // then each held-out item's rank is 1 + the number of candidates scoring strictly higher
    const targetLists = batch.map((user) => [...new Set(heldOut[user])]);
    const widest = Math.max(...targetLists.map((t) => t.length));
    const mask = new Float32Array(batch.length * width);
    const targetIndex = new Int32Array(batch.length * widest);
    batch.forEach((_, b) => {
      mask[b * width] = -Infinity;
      for (const item of histories[b]!) mask[b * width + item] = -Infinity;
      targetIndex.set(targetLists[b]!, b * widest);
    });
    const beaten = tf.tidy(() => {
      const masked = tf.add(model.scoreAll(itemsTensor, usersTensor), tf.tensor2d(mask, [batch.length, width]));
      const targetScores = tf.gather(masked, tf.tensor2d(targetIndex, [batch.length, widest], 'int32'), 1, 1);
      const counts = [];
      for (let t = 0; t < widest; t++) counts.push(tf.sum(tf.cast(tf.greater(masked, tf.slice(targetScores, [0, t], [-1, 1])), 'int32'), 1));
      return tf.stack(counts, 1);
    });
    const higher = (await beaten.data()) as Int32Array;
    tf.dispose([itemsTensor, usersTensor, beaten]);
    batch.forEach((_, b) => {
      const targets = targetLists[b]!;
      const history = histories[b]!;
      for (const item of history) excluded[item] = 1;
      const ranks = targets.map((item, t) => (excluded[item] ? Infinity : higher[b * widest + t]! + 1));
      targetsInHistory += ranks.filter((r) => r === Infinity).length;
      for (const item of history) excluded[item] = 0;
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
