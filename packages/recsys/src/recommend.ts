// Top-k recommendations from a trained model: for a known user (their last L items and their user
// embedding) or for any item sequence (the mean user embedding stands in for an unknown user).
import { InvalidArgumentError } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { PADDING_ITEM } from './data/dataset.js';
import { lastItems } from './data/windows.js';
import type { LoadedRecommender } from './model/model-files.js';

export interface RecommendOptions {
  /** Raw user id. */
  user?: string;
  /** Raw item ids, oldest first; default: the user's history. */
  items?: string[];
  /** @default 10 */
  k?: number;
  /** Leave out items of the history (the user's, or the given sequence). @default true */
  excludeHistory?: boolean;
}

export interface Recommendation {
  item: string;
  score: number;
  rank: number;
}

export interface RecommendResult {
  recommendations: Recommendation[];
  /** Given items that the model does not know (left out of the input). */
  unknownItems: string[];
}

export function recommend({ model, file }: LoadedRecommender, options: RecommendOptions): RecommendResult {
  const k = options.k ?? 10;
  if (!Number.isInteger(k) || k < 1) throw new InvalidArgumentError('k', k, 'a positive integer');
  if (options.user === undefined && options.items === undefined) throw new InvalidArgumentError('user/items', undefined, 'a user id or an item sequence');
  const userIndex = options.user === undefined ? -1 : file.userIds.indexOf(options.user);
  if (options.user !== undefined && userIndex < 0) throw new InvalidArgumentError('user', options.user, `a user id of the training data (${file.userIds.length} users)`);
  const itemIndex = new Map(file.itemIds.map((id, i) => [id, i]));
  const unknownItems: string[] = [];
  let history: number[];
  if (options.items) {
    history = [];
    for (const id of options.items) {
      const index = itemIndex.get(id);
      if (index === undefined || index === PADDING_ITEM) unknownItems.push(id);
      else history.push(index);
    }
  } else {
    history = file.histories[userIndex]!;
  }
  const L = model.config.sequenceLength;
  const scores = tf.tidy(() => {
    const items = tf.tensor2d(lastItems(Int32Array.from(history), L), [1, L], 'int32');
    if (userIndex >= 0) return model.scoreAll(items, tf.tensor2d([[userIndex]], [1, 1], 'int32'));
    // no user: score with the mean user embedding (the encoder sees user 0, then its part is swapped)
    const ctx = model.encoder.apply([items, tf.zeros([1, 1], 'int32')], { training: false }) as tf.Tensor2D;
    const userTable = model.encoder.getLayer('user_embedding').getWeights()[0]!;
    const dims = model.config.dims;
    const context = tf.concat([tf.slice(ctx, [0, 0], [1, model.config.fcDims]), tf.mean(userTable, 0, true)], 1);
    tf.util.assert(context.shape[1] === model.config.fcDims + dims, () => 'context size');
    return tf.add(tf.matMul(context, model.itemWeights.getWeights()[0]!, false, true), tf.reshape(model.itemBiases.getWeights()[0]!, [1, -1]));
  });
  const values = scores.dataSync();
  scores.dispose();
  const excluded = new Set(options.excludeHistory === false ? [] : history);
  const candidates: number[] = [];
  for (let i = 1; i < values.length; i++) if (!excluded.has(i)) candidates.push(i);
  candidates.sort((a, b) => values[b]! - values[a]! || a - b);
  return {
    recommendations: candidates.slice(0, k).map((i, r) => ({ item: file.itemIds[i]!, score: values[i]!, rank: r + 1 })),
    unknownItems,
  };
}
