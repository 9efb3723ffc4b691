import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng, initEngine } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { evaluateRanking } from '../evaluate.js';
import { loadRecommender, saveRecommender } from '../model/model-files.js';
import { recommend } from '../recommend.js';
import { TINY_ARCHITECTURE, cyclicDataset } from '../testing.js';
import { targetsVersusNegativesLoss, trainRecommender } from './train-recommender.js';

await initEngine();
const dataset = cyclicDataset();

describe('targetsVersusNegativesLoss', () => {
  it('is binary cross-entropy: targets → 1, negatives → 0', () => {
    const scores = tf.tensor2d([[2, -1, 0.5]]);
    const expected = -Math.log(1 / (1 + Math.exp(-2))) + (-Math.log(1 - 1 / (1 + Math.exp(1))) - Math.log(1 - 1 / (1 + Math.exp(-0.5)))) / 2;
    expect(targetsVersusNegativesLoss(scores, 1).dataSync()[0]).toBeCloseTo(expected, 5);
    scores.dispose();
  });
});

describe('trainRecommender', () => {
  it.each(['scnn', 'cnn'] as const)('%s learns the cycles: validation and test MAP far above chance', async (kind) => {
    const before = await (async () => {
      const untrained = await trainRecommender({ dataset, kind, architecture: TINY_ARCHITECTURE, epochs: 1, learningRate: 1e-9, batchSize: 64, progress: false, seed: 1 });
      untrained.model.dispose();
      return untrained.test!.map;
    })();
    const trained = await trainRecommender({ dataset, kind, architecture: TINY_ARCHITECTURE, epochs: 12, learningRate: 0.01, batchSize: 64, progress: false, seed: 1 });
    expect(trained.test!.users).toBe(60);
    expect(trained.test!.map).toBeGreaterThan(0.5);
    expect(trained.test!.map).toBeGreaterThan(before + 0.3);
    expect(trained.bestEpoch).not.toBeNull();
    trained.model.dispose();
  });

  it('resumes from its checkpoint directory and ends where an uninterrupted run ends', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-recsys-'));
    const common = { dataset, kind: 'scnn' as const, architecture: TINY_ARCHITECTURE, batchSize: 64, progress: false as const, seed: 3, learningRate: 0.01 };
    const first = await trainRecommender({ ...common, epochs: 2, checkpointDir: dir });
    first.model.dispose();
    const resumed = await trainRecommender({ ...common, epochs: 3, checkpointDir: dir });
    expect(resumed.resumedFrom).toBe(2);
    expect(resumed.state.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    const straight = await trainRecommender({ ...common, epochs: 3 });
    expect(resumed.state.history.map((h) => h.loss)).toEqual(straight.state.history.map((h) => expect.closeTo(h.loss, 5)));
    resumed.model.dispose();
    straight.model.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('without a checkpoint folder the test is still scored at the best validation epoch', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-recsys-best-'));
    // validation items drawn at random: the validation MAP wanders, so the best epoch is not the last
    const rng = createRng(9);
    const noisy = { ...dataset, validation: dataset.validation.map((v) => v.map(() => 1 + Math.floor(rng() * dataset.numItems))) };
    const common = { dataset: noisy, kind: 'cnn' as const, architecture: TINY_ARCHITECTURE, batchSize: 64, progress: false as const, seed: 4, learningRate: 0.02, epochs: 15, earlyStopping: false as const, reduceLearningRate: false as const };
    const withDir = await trainRecommender({ ...common, checkpointDir: dir });
    const without = await trainRecommender(common);
    expect(withDir.bestEpoch).toBeLessThan(15); // so restoring the best weights matters
    expect(without.bestEpoch).toBe(withDir.bestEpoch);
    expect(without.test!.map).toBe(withDir.test!.map);
    const best = withDir.state.history.find((h) => h.epoch === withDir.bestEpoch)!;
    expect(best.metrics.map).toBe(Math.max(...withDir.state.history.map((h) => h.metrics.map!)));
    withDir.model.dispose();
    without.model.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('saved models and recommendations', () => {
  it('a saved model reloads with identical scores and recommends unseen items', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-recsys-model-'));
    const trained = await trainRecommender({ dataset, kind: 'scnn', architecture: TINY_ARCHITECTURE, epochs: 6, learningRate: 0.01, batchSize: 64, progress: false, seed: 2 });
    await saveRecommender(dir, trained.model, dataset, { note: 'test' });
    const loaded = loadRecommender(dir);
    const a = await evaluateRanking(trained.model, dataset);
    const b = await evaluateRanking(loaded.model, dataset);
    expect(b.map).toBe(a.map);

    const user = dataset.userIds[0]!;
    const result = recommend(loaded, { user, k: 5 });
    const history = new Set(loaded.file.histories[0]!.map((i) => loaded.file.itemIds[i]));
    expect(result.recommendations).toHaveLength(5);
    for (const r of result.recommendations) expect(history.has(r.item)).toBe(false);
    const scores = result.recommendations.map((r) => r.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);

    const bySequence = recommend(loaded, { items: ['i3', 'i4', 'nope', 'i5', 'i6', 'i7'], k: 3 });
    expect(bySequence.unknownItems).toEqual(['nope']);
    expect(bySequence.recommendations.map((r) => r.item)).not.toContain('i7');
    expect(() => recommend(loaded, { user: 'nobody' })).toThrow(/Invalid user/);
    trained.model.dispose();
    loaded.model.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
