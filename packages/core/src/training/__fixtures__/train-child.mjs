// A small training run in its own process, for the kill-and-resume test.
// usage: node train-child.mjs CHECKPOINT_DIR EPOCHS OUT.json
import fs from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { createRng, initEngine, seedEverything, shuffleInPlace, symmetricConv2d, symmetryGeneratingConv2d, train } from '@scnn/core';

const [dir, epochs, out] = process.argv.slice(2);
await initEngine({ backend: 'cpu' });
seedEverything(42);
const model = tf.sequential({
  layers: [
    symmetryGeneratingConv2d({ filters: 4, kernelSize: 1, inputShape: [6, 6, 4], activation: 'relu' }),
    tf.layers.batchNormalization(),
    symmetricConv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
    tf.layers.globalAveragePooling2d({}),
    tf.layers.dropout({ rate: 0.3 }),
    tf.layers.dense({ units: 1 }),
  ],
});
const rng = createRng(7);
const xs = tf.randomNormal([40, 6, 6, 4], 0, 1, 'float32', 1);
const ys = tf.tensor2d(Array.from({ length: 40 }, () => [rng()]));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

await train({
  model,
  epochs: Number(epochs),
  batchesPerEpoch: 10,
  checkpointDir: dir,
  progress: false,
  seed: 3,
  weightDecay: 1e-3,
  learningRate: 0.01,
  async *batches(_epoch, batchRng) {
    const order = shuffleInPlace(Array.from({ length: 40 }, (_, i) => i), batchRng);
    for (let b = 0; b < 10; b++) {
      await sleep(30);
      const idx = tf.tensor1d(order.slice(b * 4, b * 4 + 4), 'int32');
      yield { x: tf.gather(xs, idx), y: tf.gather(ys, idx), idx };
    }
  },
  loss: ({ x, y }) => tf.losses.meanSquaredError(y, model.apply(x, { training: true })),
  validate: () => ({ mse: tf.tidy(() => tf.losses.meanSquaredError(ys, model.predict(xs)).dataSync()[0]) }),
  monitor: { metric: 'mse', mode: 'min' },
  onEpochEnd: (log) => console.log(`epoch ${log.epoch}`),
});
fs.writeFileSync(out, JSON.stringify(model.getWeights().map((w) => Array.from(w.dataSync()))));
console.log('done');
