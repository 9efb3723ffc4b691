import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initEngine } from '../engine/backend.js';
import { CheckpointError, InvalidArgumentError } from '../errors.js';
import { symmetricConv2d } from '../layers/symmetric-conv2d.js';
import { readCheckpoint } from './checkpoint.js';
import { seedEverything } from './seed.js';
import { restoreWeights, saveWeights, train } from './train.js';

await initEngine();
const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-train-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tinyModel() {
  return tf.sequential({
    layers: [
      symmetricConv2d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [5, 5, 2] }),
      tf.layers.globalAveragePooling2d({}),
      tf.layers.dense({ units: 1 }),
    ],
  });
}

describe('train', () => {
  it('keeps tf.memory().numTensors flat across 100 steps', async () => {
    const model = tinyModel();
    const x = tf.randomNormal([4, 5, 5, 2]);
    const y = tf.randomNormal([4, 1]);
    const counts: number[] = [];
    await train({
      model,
      epochs: 1,
      progress: false,
      weightDecay: 1e-4,
      *batches() {
        for (let i = 0; i < 100; i++) {
          counts.push(tf.memory().numTensors);
          yield { x: tf.clone(x), y: tf.clone(y) };
        }
      },
      loss: (b) => tf.losses.meanSquaredError(b.y, model.apply(b.x) as tf.Tensor) as tf.Scalar,
    });
    // after the first steps create Adam's slots, the count does not move
    expect(new Set(counts.slice(2)).size).toBe(1);
    tf.dispose([x, y]);
  });

  it('reduces the learning rate on a plateau and stops early, from the validation metric', async () => {
    const model = tinyModel();
    const metrics = [0.5, 0.6, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4];
    const result = await train({
      model,
      epochs: 8,
      progress: false,
      learningRate: 0.1,
      *batches() {},
      loss: () => tf.scalar(0),
      validate: (epoch) => ({ error: metrics[epoch - 1]! }),
      monitor: { metric: 'error', mode: 'min' },
      reduceLearningRate: { factor: 0.5, patience: 2 },
      earlyStopping: { patience: 3 },
    });
    const history = result.state.history;
    expect(history.map((h) => h.improved)).toEqual([true, false, true, false, false, false]);
    expect(history.map((h) => h.learningRate)).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, 0.05]);
    expect(result.state.bestEpoch).toBe(3);
    expect(result.state.stopped).toBe(true);
  });

  it.each([true, false])('restoreBest ends with the best epoch’s weights (checkpoint folder: %s); secondsPerEpoch leaves validation out', async (withFolder) => {
    const model = tinyModel();
    const x = tf.randomNormal([4, 5, 5, 2]);
    const y = tf.randomNormal([4, 1]);
    const dir = withFolder ? path.join(tmp, 'restore-best') : undefined;
    let atEpoch2: Float32Array | undefined;
    const result = await train({
      model,
      epochs: 4,
      progress: false,
      checkpointDir: dir,
      restoreBest: true,
      *batches() {
        yield { x: tf.clone(x), y: tf.clone(y) };
      },
      loss: (b) => tf.losses.meanSquaredError(b.y, model.apply(b.x) as tf.Tensor) as tf.Scalar,
      // epoch 2 is the best; validation sleeps so that it would show in a per-epoch time
      validate: async (epoch) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { score: epoch === 2 ? 1 : 0 };
      },
      onEpochEnd: (log) => {
        if (log.epoch === 2) atEpoch2 = model.getWeights()[0]!.dataSync() as Float32Array;
      },
    });
    expect(result.state.bestEpoch).toBe(2);
    expect(model.getWeights()[0]!.dataSync()).toEqual(atEpoch2);
    for (const h of result.state.history) expect(h.trainingSeconds!).toBeLessThan(h.seconds - 0.04);
    expect(result.secondsPerEpoch).toBeCloseTo(result.state.history.reduce((s, h) => s + h.trainingSeconds!, 0) / 4, 9);
    tf.dispose([x, y]);
  });

  it('an abort from a timer or signal handler stops training after the current step', async () => {
    const model = tinyModel();
    const x = tf.randomNormal([2, 5, 5, 2]);
    const y = tf.randomNormal([2, 1]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0); // a macrotask, as a SIGINT handler is
    let steps = 0;
    const result = await train({
      model,
      epochs: 3,
      progress: false,
      signal: controller.signal,
      *batches() {
        for (let i = 0; i < 500; i++) {
          steps++;
          yield { x: tf.clone(x), y: tf.clone(y) };
        }
      },
      loss: (b) => tf.losses.meanSquaredError(b.y, model.apply(b.x) as tf.Tensor) as tf.Scalar,
    });
    expect(steps).toBeLessThan(20);
    expect(result.state.epoch).toBe(0);
    tf.dispose([x, y]);
  });

  it('rejects bad options with typed errors', async () => {
    const model = tinyModel();
    const base = { model, progress: false as const, *batches() {}, loss: () => tf.scalar(0) };
    await expect(train({ ...base, epochs: 0 })).rejects.toThrowError(InvalidArgumentError);
    await expect(train({ ...base, epochs: 1, reduceLearningRate: { factor: 2, patience: 1 } })).rejects.toThrowError(/reduceLearningRate.factor/);
  });

  it('saves and restores weights; refuses a checkpoint of another model', async () => {
    seedEverything(1);
    const a = tinyModel();
    const b = tinyModel();
    const file = path.join(tmp, 'weights.ckpt');
    await saveWeights(a, file, { note: 'test' });
    restoreWeights(b, file);
    a.getWeights().forEach((w, i) => expect(b.getWeights()[i]!.dataSync()).toEqual(w.dataSync()));
    expect(readCheckpoint(file).state).toEqual({ note: 'test' });
    const other = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
    expect(() => restoreWeights(other, file)).toThrowError(CheckpointError);
    fs.writeFileSync(path.join(tmp, 'bad.ckpt'), 'not a checkpoint');
    expect(() => readCheckpoint(path.join(tmp, 'bad.ckpt'))).toThrowError(/bad magic/);
  });

  it('resumes a run killed with SIGKILL and ends exactly where an uninterrupted run ends', async () => {
    const child = path.join(here, '__fixtures__', 'train-child.mjs');
    const epochs = '6';
    const reference = path.join(tmp, 'reference');
    const run = spawnSync(process.execPath, [child, reference, epochs, path.join(tmp, 'reference.json')], { cwd: packageRoot, encoding: 'utf8' });
    expect(run.stdout).toContain('done');

    const killed = path.join(tmp, 'killed');
    const proc = spawn(process.execPath, [child, killed, epochs, path.join(tmp, 'killed.json')], { cwd: packageRoot });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('epoch 2')) {
          proc.kill('SIGKILL');
          resolve();
        }
      });
      proc.on('exit', () => reject(new Error(`child exited before epoch 2: ${out}`)));
    });
    await new Promise((resolve) => proc.on('exit', resolve));
    expect(fs.existsSync(path.join(tmp, 'killed.json'))).toBe(false);
    const state = readCheckpoint<{ epoch: number }>(path.join(killed, 'last.ckpt')).state;
    expect(state.epoch).toBeGreaterThanOrEqual(2);
    expect(state.epoch).toBeLessThan(6);

    const resumed = spawnSync(process.execPath, [child, killed, epochs, path.join(tmp, 'killed.json')], { cwd: packageRoot, encoding: 'utf8' });
    expect(resumed.stdout).toContain('done');
    expect(resumed.stdout).not.toContain('epoch 1\n');
    const log = fs.readFileSync(path.join(killed, 'log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).epoch);
    expect(log).toEqual([1, 2, 3, 4, 5, 6]);
    const a = JSON.parse(fs.readFileSync(path.join(tmp, 'reference.json'), 'utf8')) as number[][];
    const b = JSON.parse(fs.readFileSync(path.join(tmp, 'killed.json'), 'utf8')) as number[][];
    a.forEach((w, i) => w.forEach((v, j) => expect(Math.abs(v - b[i]![j]!)).toBeLessThan(1e-6)));
    expect(fs.readdirSync(killed).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 360_000); // three child processes each start the engine: slow on a loaded machine
});
