import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initEngine } from '../engine/backend.js';
import { pairwiseFeatures } from '../featurize/pairwise.js';
import { symmetrizeLayer } from '../featurize/symmetrize.js';
import { expectClose } from '../testing/helpers.js';
import { batchNormActivation } from './batch-norm-activation.js';
import { pairwiseLinear } from './pairwise-linear.js';
import { plainConv2d } from './plain-conv2d.js';
import { symmetricConv2d } from './symmetric-conv2d.js';
import { symmetryGeneratingConv2d } from './symmetry-generating-conv2d.js';

await initEngine();

describe('save → load round trip', () => {
  it('a model of every scnn layer reloads with identical outputs and configs', async () => {
    const input = tf.input({ shape: [7, 3] });
    let h = pairwiseFeatures({ mode: 'concat' }).apply(input) as tf.SymbolicTensor;
    h = symmetryGeneratingConv2d({ filters: 4, kernelSize: 1, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 }) }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.add().apply([h, pairwiseLinear({ filters: 4 }).apply(input) as tf.SymbolicTensor]) as tf.SymbolicTensor;
    h = tf.layers.batchNormalization().apply(h) as tf.SymbolicTensor;
    h = symmetricConv2d({ filters: 5, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'tanh', kernelInitializer: 'heNormal' }).apply(h) as tf.SymbolicTensor;
    h = symmetryGeneratingConv2d({ filters: 2, kernelSize: 3, mode: 'general', padding: 'valid' }).apply(h) as tf.SymbolicTensor;
    h = plainConv2d({ filters: 3, kernelSize: 1, activation: 'relu' }).apply(h) as tf.SymbolicTensor;
    h = batchNormActivation({ activation: 'relu' }).apply(h) as tf.SymbolicTensor;
    h = symmetrizeLayer().apply(h) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: h });

    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const topology = JSON.stringify(saved!.modelTopology);
    for (const name of ['BatchNormActivation', 'PairwiseLinear', 'PlainConv2D', 'SymmetricConv2D', 'SymmetryGeneratingConv2D', 'PairwiseFeatures', 'Symmetrize']) expect(topology).toContain(name);

    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    const x = tf.randomNormal([2, 7, 3], 0, 1, 'float32', 3);
    const a = model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expectClose(b, a, 0, 0);
    const configs = (m: tf.LayersModel) => JSON.parse(JSON.stringify(m.layers.map((l) => l.getConfig()), (_key, value) => value ?? null));
    expect(configs(loaded)).toEqual(configs(model));
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.dispose();
  });
});
