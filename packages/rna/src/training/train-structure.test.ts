import { createRng, initEngine } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { partnersFromDotBracket } from '../structure.js';
import { batchArrays, cropExample, sampleRecords } from './examples.js';
import { pairLoss, trainStructureModel, validateStructures } from './train-structure.js';

await initEngine();

const example = (sequence: string, structure: string) => ({ sequence, partners: partnersFromDotBracket(structure) as Int32Array });

describe('training examples', () => {
  it('a window keeps the pairs inside it and drops the ones that leave it', () => {
    const full = example('GGGAAACCCUUGGGAAACCC', '(((...)))..(((...)))');
    const rng = createRng(1);
    for (let k = 0; k < 20; k++) {
      const w = cropExample(full, 12, rng);
      expect(w.sequence).toHaveLength(12);
      const start = full.sequence.indexOf(w.sequence);
      for (let i = 0; i < 12; i++) if (w.partners[i]! >= 0) expect(full.partners[start + i]).toBe(start + w.partners[i]!);
    }
    expect(cropExample(full, 50, rng)).toBe(full);
  });

  it('batches pad to one size with a mask of real cells and 0/1 pair labels', () => {
    const a = batchArrays([example('GGAAACC', '((...))'), example('GAC', '...')], 7);
    expect(a.mask.reduce((s, v) => s + v, 0)).toBe(49 + 9);
    expect(a.labels.reduce((s, v) => s + v, 0)).toBe(4); // two pairs, both cells each
    expect(a.labels[0 * 7 + 6]).toBe(1);
  });

  it('pairLoss is weighted BCE over masked cells', () => {
    const logits = tf.tensor4d([0, 2, -1, 5], [1, 2, 2, 1]);
    const labels = tf.tensor4d([0, 1, 0, 1], [1, 2, 2, 1]);
    const weights = tf.tensor4d([1, 10, 1, 0], [1, 2, 2, 1]);
    const sp = (x: number) => Math.log(1 + Math.exp(x));
    expect(pairLoss(logits as tf.Tensor4D, labels as tf.Tensor4D, weights as tf.Tensor4D).dataSync()[0]).toBeCloseTo((sp(0) + 10 * sp(-2) + sp(-1)) / 12, 5);
  });
});

describe('trainStructureModel', () => {
  it('learns hairpins: validation F1 rises well above the untrained model', async () => {
    const rng = createRng(5);
    const hairpin = () => {
      const stem = 3 + Math.floor(rng() * 3);
      const left = Array.from({ length: stem }, () => 'GC'[Math.floor(rng() * 2)]).join('');
      const right = [...left].reverse().map((c) => (c === 'G' ? 'C' : 'G')).join('');
      const loop = 'AAAA'.slice(0, 3 + Math.floor(rng() * 2));
      const pad = 'A'.repeat(Math.floor(rng() * 3));
      return example(pad + left + loop + right + pad, '.'.repeat(pad.length) + '('.repeat(stem) + '.'.repeat(loop.length) + ')'.repeat(stem) + '.'.repeat(pad.length));
    };
    const train = Array.from({ length: 96 }, hairpin);
    const validation = Array.from({ length: 16 }, hairpin);
    const common = { train, validation, architecture: { kind: 'scnn' as const, channels: 8, dilations: [1, 2] }, crop: 24, batchSize: 16, progress: false as const, seed: 1 };
    const untrained = await trainStructureModel({ ...common, epochs: 1, learningRate: 1e-9 });
    const trained = await trainStructureModel({ ...common, epochs: 8, learningRate: 1e-2 });
    const f1 = (r: typeof trained) => r.state.history.find((h) => h.epoch === r.bestEpoch)!.metrics.f1!;
    expect(f1(trained)).toBeGreaterThan(0.8);
    expect(f1(trained)).toBeGreaterThan(f1(untrained) + 0.3);
    // the decoding settings are the best of the curve, and the curve agrees with plain validation
    const selection = trained.decodingSelection!;
    expect(selection.curve).toHaveLength(2 * 2 * 17); // decoder × lonely pairs × threshold
    expect(trained.decoding).toEqual({ decoder: selection.decoder, threshold: selection.threshold, lonelyPairs: selection.lonelyPairs });
    expect(selection.f1).toBe(Math.max(...selection.curve.map((c) => c.f1)));
    for (const decoder of ['greedy', 'nested'] as const) {
      for (const lonelyPairs of [true, false]) {
        const point = selection.curve.find((c) => c.decoder === decoder && c.threshold === 0.5 && c.lonelyPairs === lonelyPairs)!;
        expect(point.f1).toBeCloseTo((await validateStructures(trained.net, validation, { decoder, threshold: 0.5, lonelyPairs })).f1, 10);
      }
    }
    expect((await validateStructures(trained.net, validation, trained.decoding)).f1).toBeCloseTo(selection.f1, 10);

    // fine-tuning starts from the given weights (an epoch at a negligible rate keeps the trained F1), and
    // only from a network of the stated architecture
    const tuned = await trainStructureModel({ ...common, initialNet: trained.net, epochs: 1, learningRate: 1e-9 });
    expect(tuned.net).toBe(trained.net);
    expect(f1(tuned)).toBeCloseTo(f1(trained), 2);
    expect(f1(tuned)).toBeGreaterThan(f1(untrained) + 0.3);
    await expect(trainStructureModel({ ...common, architecture: { ...common.architecture, kind: 'cnn' }, initialNet: trained.net, epochs: 1 })).rejects.toThrow(/Invalid initialNet: "kind scnn" \(expected a network with kind cnn/);
  });
});

describe('sampleRecords', () => {
  it('draws a fixed random subset in file order, not the first records', () => {
    const records = Array.from({ length: 100 }, (_, i) => i);
    const a = sampleRecords(records, 10);
    expect(a).toHaveLength(10);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(new Set(a).size).toBe(10);
    expect(a).toEqual(sampleRecords(records, 10)); // same seed, same sample
    expect(a).not.toEqual(records.slice(0, 10));
    expect(Math.max(...a)).toBeGreaterThan(50); // reaches past the first half
    expect(sampleRecords(records, 500)).toEqual(records);
  });
});
