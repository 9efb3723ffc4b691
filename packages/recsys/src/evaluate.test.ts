import { initEngine } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { lastItems } from './data/windows.js';
import { evaluateRanking, historyAt } from './evaluate.js';
import { RANKING_METRIC_NAMES, RankingAccumulator, rankTargets, userRankingMetrics } from './metrics/ranking.js';
import { createCosRec } from './model/cosrec.js';
import { TINY_ARCHITECTURE, cyclicDataset } from './testing.js';

await initEngine();

describe('evaluateRanking', () => {
  it.each(['validation', 'test'] as const)('%s: equals ranking every user’s scores one by one in JavaScript', async (phase) => {
    const dataset = cyclicDataset({ users: 23, items: 30 });
    // a held-out item that is already in the history must count as a miss
    dataset.test[0] = Int32Array.of(dataset.train[0]![2]!, ...dataset.test[0]!);
    const model = createCosRec({ kind: 'scnn', numUsers: 23, numItems: dataset.numItems, ...TINY_ARCHITECTURE });
    const fast = await evaluateRanking(model, dataset, { phase, batchSize: 5 });

    const reference = new RankingAccumulator();
    const heldOut = phase === 'test' ? dataset.test : dataset.validation;
    heldOut.forEach((targets, user) => {
      if (targets.length === 0) return;
      const history = historyAt(dataset, user, phase);
      const scores = tf.tidy(() => model.scoreAll(tf.tensor2d(lastItems(history, 5), [1, 5], 'int32'), tf.tensor2d([[user]], [1, 1], 'int32')).dataSync());
      reference.add(userRankingMetrics(rankTargets(scores, [...new Set(targets)], new Set(history))));
    });
    const expected = reference.result();
    expect(fast.users).toBe(expected.users);
    for (const name of RANKING_METRIC_NAMES) expect([name, fast[name]]).toEqual([name, expect.closeTo(expected[name], 9)]);
    expect(fast.targetsInHistory).toBe(phase === 'test' ? 1 : 0);
    model.dispose();
  });
});
