// Trains a contact network on chains with coordinates: batches of whole chains (padded, with a mask of
// observed pairs at separation ≥ 3), binary cross-entropy with contacts up-weighted ×3, Adam; the
// mean long-range top-L/5 precision on the validation chains selects the model.
import { InvalidArgumentError, type ResidualPairNet, deriveSeed, shuffleInPlace, runControls, train, withSeed, type TrainRunControls, type TrainState } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import type { ContactMap } from '../contacts/contact-map.js';
import { PROTEIN_PAIR_CHANNELS, proteinPairFeatures } from '../featurize/pair-features.js';
import { type ContactMetrics, contactMetrics } from '../metrics/contact-metrics.js';
import { type ContactNetConfig, createContactNet } from '../model/contact-net.js';

export interface ContactExample {
  id: string;
  sequence: string;
  secondaryStructure?: string;
  truth: ContactMap;
}

export interface TrainContactsOptions extends TrainRunControls {
  train: ContactExample[];
  validation: ContactExample[];
  architecture: ContactNetConfig;
  /** @default 8 */
  batchSize?: number;
  /** @default 10 */
  epochs?: number;
  /** @default 2e-3 */
  learningRate?: number;
  /** @default 3 */
  positiveWeight?: number;
  /** @default 0 */
  seed?: number;
}

interface ContactBatch {
  features: tf.Tensor4D;
  labels: tf.Tensor4D;
  weights: tf.Tensor4D;
}

/** Contact probabilities (row-major L×L) of one chain. */
export async function predictContacts(net: ResidualPairNet, sequence: string, secondaryStructure?: string): Promise<Float32Array> {
  const n = sequence.length;
  const p = tf.tidy(() => tf.sigmoid(net.model.predict(tf.tensor4d(proteinPairFeatures(sequence, secondaryStructure), [1, n, n, PROTEIN_PAIR_CHANNELS])) as tf.Tensor));
  const values = (await p.data()) as Float32Array;
  p.dispose();
  return values;
}

/** Mean of per-chain metrics. */
export function meanContactMetrics(rows: ContactMetrics[]): ContactMetrics {
  const mean = (pick: (m: ContactMetrics) => number) => rows.reduce((s, m) => s + pick(m), 0) / Math.max(1, rows.length);
  const ranges = ['short', 'medium', 'long'] as const;
  const keys = ['L/1', 'L/2', 'L/5', 'L/10'] as const;
  const out = { L: mean((m) => m.L) } as ContactMetrics;
  for (const r of ranges) out[r] = Object.fromEntries(keys.map((k) => [k, mean((m) => m[r][k])])) as ContactMetrics['long'];
  out.atThreshold = { precision: mean((m) => m.atThreshold.precision), recall: mean((m) => m.atThreshold.recall), f1: mean((m) => m.atThreshold.f1) };
  return out;
}

export async function evaluateContacts(net: ResidualPairNet, examples: ContactExample[]): Promise<ContactMetrics> {
  const rows: ContactMetrics[] = [];
  for (const e of examples) rows.push(contactMetrics(await predictContacts(net, e.sequence, e.secondaryStructure), e.truth));
  return meanContactMetrics(rows);
}

export async function trainContactModel(options: TrainContactsOptions): Promise<{ net: ResidualPairNet; state: TrainState; bestEpoch: number | null; secondsPerEpoch: number }> {
  if (options.train.length === 0) throw new InvalidArgumentError('train', 0, 'at least one chain');
  const batchSize = options.batchSize ?? 8;
  const positiveWeight = options.positiveWeight ?? 3;
  const seed = options.seed ?? 0;
  const net = withSeed(deriveSeed(seed, 0, 0), () => createContactNet(options.architecture));
  // chains of similar length share a batch (less padding); the batch order is shuffled each epoch
  const byLength = [...options.train.keys()].sort((a, b) => options.train[a]!.sequence.length - options.train[b]!.sequence.length);
  const batchesOfIndices: number[][] = [];
  for (let s = 0; s < byLength.length; s += batchSize) batchesOfIndices.push(byLength.slice(s, s + batchSize));

  function* batches(_epoch: number, rng: () => number): Generator<ContactBatch> {
    const order = shuffleInPlace([...batchesOfIndices.keys()], rng) as number[];
    for (const k of order) {
      const members = batchesOfIndices[k]!.map((i) => options.train[i]!);
      const size = Math.max(...members.map((m) => m.sequence.length));
      const C = PROTEIN_PAIR_CHANNELS;
      const features = new Float32Array(members.length * size * size * C);
      const labels = new Float32Array(members.length * size * size);
      const weights = new Float32Array(members.length * size * size);
      members.forEach((m, b) => {
        const n = m.sequence.length;
        const f = proteinPairFeatures(m.sequence, m.secondaryStructure);
        for (let i = 0; i < n; i++) {
          features.set(f.subarray(i * n * C, (i + 1) * n * C), (b * size + i) * size * C);
          for (let j = 0; j < n; j++) {
            if (!m.truth.mask[i] || !m.truth.mask[j] || Math.abs(i - j) < 3) continue;
            const contact = m.truth.contacts[i * n + j]!;
            labels[(b * size + i) * size + j] = contact;
            weights[(b * size + i) * size + j] = contact ? positiveWeight : 1;
          }
        }
      });
      yield {
        features: tf.tensor4d(features, [members.length, size, size, C]),
        labels: tf.tensor4d(labels, [members.length, size, size, 1]),
        weights: tf.tensor4d(weights, [members.length, size, size, 1]),
      };
    }
  }

  const result = await train<ContactBatch>({
    model: net.model,
    loss: (batch) =>
      tf.tidy(() => {
        const logits = net.model.apply(batch.features, { training: true }) as tf.Tensor4D;
        const perCell = tf.add(tf.mul(batch.labels, tf.softplus(tf.neg(logits))), tf.mul(tf.sub(1, batch.labels), tf.softplus(logits)));
        return tf.div(tf.sum(tf.mul(perCell, batch.weights)), tf.maximum(tf.sum(batch.weights), 1)) as tf.Scalar;
      }),
    batches,
    batchesPerEpoch: batchesOfIndices.length,
    validate:
      options.validation.length > 0
        ? async () => {
            const m = await evaluateContacts(net, options.validation);
            return { 'long L/5': m.long['L/5'], 'long L/2': m.long['L/2'], 'medium L/5': m.medium['L/5'], 'short L/5': m.short['L/5'] };
          }
        : undefined,
    monitor: options.validation.length > 0 ? { metric: 'long L/5', mode: 'max' } : undefined,
    epochs: options.epochs ?? 10,
    learningRate: options.learningRate ?? 2e-3,
    reduceLearningRate: { factor: 0.5, patience: 2 },
    seed,
    ...runControls(options),
    restoreBest: true,
  });
  return { net, state: result.state, bestEpoch: result.state.bestEpoch, secondsPerEpoch: result.secondsPerEpoch };
}
