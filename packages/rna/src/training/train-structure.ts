// Trains the pair network on labelled structures with the core training loop: each epoch, every
// training sequence contributes one random window (cropping bounds the cost on 2 CPU cores); the loss is
// binary cross-entropy over real cells with positives up-weighted (pairs are ~1% of cells); F1 on the
// validation sequences, at full length, selects the model, and then the decoding settings.
import { InvalidArgumentError, deriveSeed, shuffleInPlace, runControls, train, withSeed, type TrainRunControls, type TrainState } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import type { StructureDecodeOptions } from '../decode/decode.js';
import { pairFeatureCount } from '../featurize/pair-features.js';
import { meanMetrics, scoreStructure } from '../metrics/structure-metrics.js';
import { type PairNet, type PairNetConfig, createPairNet } from '../model/pair-net.js';
import { predictStructure } from '../predict.js';
import { type StructureExample, batchArrays, cropExample } from './examples.js';
import { DEFAULT_DECODING, type DecodingSelection, type DecodingSettings, selectDecoding } from './select-decoding.js';

export interface TrainStructureOptions extends TrainRunControls {
  train: StructureExample[];
  validation: StructureExample[];
  architecture: PairNetConfig;
  /** Window length. @default 80 */
  crop?: number;
  /** Windows per step. @default 8 */
  batchSize?: number;
  /** @default 10 */
  epochs?: number;
  /** Sequences (one window each) per epoch, drawn afresh every epoch. @default all */
  samplesPerEpoch?: number;
  /** @default 2e-3 */
  learningRate?: number;
  /**
   * Start from these weights instead of a seeded initialisation (fine-tuning, e.g. from the shipped
   * weights on longer windows or other data); its kind, channels and features must be `architecture`'s.
   */
  initialNet?: PairNet;
  /** Weight of a pair cell relative to an unpaired one. @default 10 */
  positiveWeight?: number;
  /** @default 0 */
  seed?: number;
}

interface StructureBatch {
  features: tf.Tensor4D;
  labels: tf.Tensor4D;
  weights: tf.Tensor4D;
}

/** Weighted, masked binary cross-entropy of pair logits. */
export function pairLoss(logits: tf.Tensor4D, labels: tf.Tensor4D, weights: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    // softplus(-x) for positives, softplus(x) for negatives: −log σ(x) and −log(1 − σ(x))
    const perCell = tf.add(tf.mul(labels, tf.softplus(tf.neg(logits))), tf.mul(tf.sub(1, labels), tf.softplus(logits)));
    return tf.div(tf.sum(tf.mul(perCell, weights)), tf.maximum(tf.sum(weights), 1)) as tf.Scalar;
  });
}

export async function validateStructures(net: PairNet, examples: StructureExample[], decoding: StructureDecodeOptions = {}): Promise<{ f1: number; precision: number; recall: number; mcc: number }> {
  const rows = [];
  for (const example of examples) rows.push(scoreStructure((await predictStructure(net, example.sequence, decoding)).partners, example.partners).exact);
  const { f1, precision, recall, mcc } = meanMetrics(rows);
  return { f1, precision, recall, mcc };
}

function assertSameArchitecture(actual: PairNetConfig, expected: PairNetConfig): void {
  const keys = ['kind', 'channels', 'features', 'dilations'] as const;
  const differs = keys.filter((k) => expected[k] !== undefined && String(actual[k]) !== String(expected[k]));
  if (differs.length > 0) {
    throw new InvalidArgumentError('initialNet', differs.map((k) => `${k} ${String(actual[k])}`).join(', '), `a network with ${differs.map((k) => `${k} ${String(expected[k])}`).join(', ')} (as architecture)`);
  }
}

export interface TrainedStructureModel {
  net: PairNet;
  state: TrainState;
  resumedFrom: number;
  bestEpoch: number | null;
  secondsPerEpoch: number;
  /** Decoding settings with the best validation F1 (DEFAULT_DECODING without validation data). */
  decoding: DecodingSettings;
  decodingSelection?: DecodingSelection;
}

export async function trainStructureModel(options: TrainStructureOptions): Promise<TrainedStructureModel> {
  const crop = options.crop ?? 80;
  const batchSize = options.batchSize ?? 8;
  const positiveWeight = options.positiveWeight ?? 10;
  if (options.train.length === 0) throw new InvalidArgumentError('train', 0, 'at least one labelled sequence');
  const seed = options.seed ?? 0;
  const net = options.initialNet ?? withSeed(deriveSeed(seed, 0, 0), () => createPairNet(options.architecture));
  if (options.initialNet) assertSameArchitecture(options.initialNet.config, options.architecture);
  const order = Int32Array.from({ length: options.train.length }, (_, i) => i);
  const perEpoch = Math.min(order.length, options.samplesPerEpoch ?? order.length);

  function* batches(_epoch: number, rng: () => number): Generator<StructureBatch> {
    for (let i = 0; i < order.length; i++) order[i] = i;
    shuffleInPlace(order, rng);
    for (let start = 0; start < perEpoch; start += batchSize) {
      const windows = Array.from(order.subarray(start, Math.min(perEpoch, start + batchSize)), (k) => cropExample(options.train[k]!, crop, rng));
      const size = Math.max(...windows.map((w) => w.sequence.length));
      const arrays = batchArrays(windows, size, net.config.features);
      const b = windows.length;
      const labels = tf.tensor4d(arrays.labels, [b, size, size, 1]);
      const mask = tf.tensor4d(arrays.mask, [b, size, size, 1]);
      const weights = tf.tidy(() => tf.mul(mask, tf.add(1, tf.mul(labels, positiveWeight - 1)))) as tf.Tensor4D;
      mask.dispose();
      yield { features: tf.tensor4d(arrays.features, [b, size, size, pairFeatureCount(net.config.features)]), labels, weights };
    }
  }

  const result = await train<StructureBatch>({
    model: net.model,
    loss: (batch) => pairLoss(net.model.apply(batch.features, { training: true }) as tf.Tensor4D, batch.labels, batch.weights),
    batches,
    batchesPerEpoch: Math.ceil(perEpoch / batchSize),
    validate: options.validation.length > 0 ? async () => validateStructures(net, options.validation) : undefined,
    monitor: options.validation.length > 0 ? { metric: 'f1', mode: 'max' } : undefined,
    epochs: options.epochs ?? 10,
    learningRate: options.learningRate ?? 2e-3,
    reduceLearningRate: { factor: 0.5, patience: 2 },
    seed,
    ...runControls(options),
    restoreBest: true,
  });
  // an interrupted run returns as it is; a finished one also chooses its decoding settings on validation
  const decodingSelection = options.validation.length > 0 && !options.signal?.aborted ? await selectDecoding(net, options.validation) : undefined;
  return {
    net,
    state: result.state,
    resumedFrom: result.resumedFrom,
    bestEpoch: result.state.bestEpoch,
    secondsPerEpoch: result.secondsPerEpoch,
    decoding: decodingSelection ? { decoder: decodingSelection.decoder, threshold: decodingSelection.threshold, lonelyPairs: decodingSelection.lonelyPairs } : DEFAULT_DECODING,
    decodingSelection,
  };
}
