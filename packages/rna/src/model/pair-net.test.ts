import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidArgumentError, initEngine, symmetryError } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { pairFeatureCount, pairFeatures } from '../featurize/pair-features.js';
import { predictPairProbabilities } from '../predict.js';
import { loadStructureModel, saveStructureModel } from './model-files.js';
import { createPairNet } from './pair-net.js';

await initEngine();

describe('createPairNet', () => {
  it('the SCNN twin has two thirds of the CNN’s conv parameters, same depth and width', () => {
    const cnn = createPairNet({ kind: 'cnn' });
    const scnn = createPairNet({ kind: 'scnn' });
    const c = 24;
    const blocks = 8;
    const PAIR_FEATURE_COUNT = pairFeatureCount('basic');
    // stem 3×3 18→c, 2 convs 3×3 c→c per block, head 1×1 c→1 (all with bias)
    const plain = 9 * PAIR_FEATURE_COUNT * c + c + blocks * 2 * (9 * c * c + c) + c + 1;
    const symmetric = 6 * PAIR_FEATURE_COUNT * c + c + blocks * 2 * (6 * c * c + c) + c + 1;
    expect(cnn.parameters().conv).toBe(plain);
    expect(scnn.parameters().conv).toBe(symmetric);
    expect(scnn.parameters().plainConv).toBe(plain);
    expect(cnn.model.layers.length).toBe(scnn.model.layers.length + 1); // + the CNN's symmetrize
  });

  it.each([
    ['scnn', 'basic'],
    ['cnn', 'basic'],
    ['scnn', 'stacking'],
    ['cnn', 'stacking'],
  ] as const)('%s on %s features: pair scores are symmetric for any length', (kind, features) => {
    const net = createPairNet({ kind, features, channels: 6, dilations: [1, 2] });
    expect(net.config.features).toBe(features);
    for (const sequence of ['GGGAAACCC', 'ACGUACGUNNACGGUUCCAAGG']) {
      const n = sequence.length;
      const y = net.model.predict(tf.tensor4d(pairFeatures(sequence, net.config.features), [1, n, n, pairFeatureCount(net.config.features)])) as tf.Tensor4D;
      expect(y.shape).toEqual([1, n, n, 1]);
      expect(symmetryError(y)).toBeLessThan(1e-5);
      y.dispose();
    }
  });

  it('saves and reloads with identical predictions', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-rna-model-'));
    const net = createPairNet({ kind: 'scnn', channels: 4, dilations: [1] });
    await saveStructureModel(dir, net, { note: 'test' });
    const loaded = loadStructureModel(dir);
    expect(loaded.file.config).toEqual(net.config);
    expect(await predictPairProbabilities(loaded.net, 'GGGGAAAACCCC')).toEqual(await predictPairProbabilities(net, 'GGGGAAAACCCC'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown feature set with a typed error', () => {
    expect(() => createPairNet({ kind: 'scnn', features: 'fancy' as never })).toThrow(InvalidArgumentError);
  });

  it("a model saved before feature sets (no config.features) loads as 'basic'; a mismatched one is refused", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-rna-model-'));
    const net = createPairNet({ kind: 'cnn', channels: 4, dilations: [1], features: 'basic' });
    await saveStructureModel(dir, net, {});
    const file = path.join(dir, 'model.json');
    const descriptor = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete descriptor.config.features;
    fs.writeFileSync(file, JSON.stringify(descriptor));
    const loaded = loadStructureModel(dir);
    expect(loaded.net.config.features).toBe('basic');
    expect(await predictPairProbabilities(loaded.net, 'GGGGAAAACCCC')).toEqual(await predictPairProbabilities(net, 'GGGGAAAACCCC'));
    descriptor.config.features = 'stacking';
    fs.writeFileSync(file, JSON.stringify(descriptor));
    expect(() => loadStructureModel(dir)).toThrow(/inputChannels 18, but the 'stacking' pair features have 30/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
