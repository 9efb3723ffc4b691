// Trains CosRec / SCosRec with the core training loop: windows of L inputs and T targets, fresh
// negatives every epoch, binary cross-entropy of targets against negatives, Adam with L2, learning
// rate ×0.15 after 3 epochs without validation improvement. Model selection and the learning-rate
// schedule use the validation split (the reference code used the test set for both); the test split
// is scored once, at the best validation epoch.
import { InvalidArgumentError, deriveSeed, shuffleInPlace, runControls, train, withSeed, type TrainRunControls, type ProgressOption, type TrainState } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import type { RecDataset } from '../data/dataset.js';
import { makeWindows, sampleNegatives, type TrainingWindows } from '../data/windows.js';
import { type EvaluationResult, evaluateRanking } from '../evaluate.js';
import { type CosRecConfig, type CosRecModel, type RecModelKind, createCosRec } from '../model/cosrec.js';

export interface TrainRecommenderOptions extends TrainRunControls {
  dataset: RecDataset;
  /** 'cnn' (CosRec) or 'scnn' (SCosRec). */
  kind: RecModelKind;
  /** Architecture overrides (L, d, channels, FC width, dropout). */
  architecture?: Omit<CosRecConfig, 'kind' | 'numUsers' | 'numItems'>;
  /** Targets per window T. @default 3 */
  targetLength?: number;
  /** Negatives per window. @default 3 */
  negatives?: number;
  /** @default 512 */
  batchSize?: number;
  /** @default 100 */
  epochs?: number;
  /** @default 1e-3 */
  learningRate?: number;
  /** L2 weight decay. @default 5e-6 */
  l2?: number;
  /** @default { factor: 0.15, patience: 3 } */
  reduceLearningRate?: false | { factor: number; patience: number };
  /** @default { patience: 10 } */
  earlyStopping?: false | { patience: number };
  /** Seed of weights, batch order, negatives and dropout. @default 0 */
  seed?: number;
  /** last.ckpt / best.ckpt / log.jsonl go here; a rerun resumes. Without it the best epoch's weights
   * are kept in memory, so the test is still scored at the best epoch. */
  checkpointDir?: string;
  /** @default 'auto' */
  progress?: ProgressOption;
  /** Validate every epoch (MAP on the validation split selects the model). @default true */
  validate?: boolean;
  /** Score the test split at the best epoch after training. @default true */
  evaluateTest?: boolean;
}

export interface TrainedRecommender {
  model: CosRecModel;
  windows: Pick<TrainingWindows, 'count' | 'paddedUsers' | 'emptyUsers'>;
  state: TrainState;
  resumedFrom: number;
  /** Epoch whose weights the model holds (best validation MAP). */
  bestEpoch: number | null;
  /** Test metrics at that epoch (null when the data set has no test items). */
  test: EvaluationResult | null;
  /** Mean seconds of the training steps per epoch (validation left out), over every epoch of the run. */
  secondsPerEpoch: number;
  options: Required<Pick<TrainRecommenderOptions, 'targetLength' | 'negatives' | 'batchSize' | 'epochs' | 'learningRate' | 'l2' | 'seed'>>;
}

interface RecBatch {
  items: tf.Tensor2D;
  users: tf.Tensor2D;
  candidates: tf.Tensor2D;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(name, value, 'a positive integer');
}

/** Binary cross-entropy of the first `targets` columns (positives) against the rest (negatives). */
export function targetsVersusNegativesLoss(scores: tf.Tensor2D, targets: number): tf.Scalar {
  return tf.tidy(() => {
    const [positive, negative] = tf.split(scores, [targets, scores.shape[1] - targets], 1);
    // -log σ(p) = softplus(-p), -log(1 - σ(n)) = softplus(n); tf.logSigmoid's custom gradient reads
    // tensors that tidy has already freed, so it cannot sit inside a gradient tape here.
    return tf.add(tf.mean(tf.softplus(tf.neg(positive!))), tf.mean(tf.softplus(negative!))) as tf.Scalar;
  });
}

export async function trainRecommender(options: TrainRecommenderOptions): Promise<TrainedRecommender> {
  const { dataset } = options;
  const targetLength = options.targetLength ?? 3;
  const negatives = options.negatives ?? 3;
  const batchSize = options.batchSize ?? 512;
  const epochs = options.epochs ?? 100;
  const seed = options.seed ?? 0;
  positiveInteger('targetLength', targetLength);
  positiveInteger('negatives', negatives);
  positiveInteger('batchSize', batchSize);
  positiveInteger('epochs', epochs);

  const model = createSeededCosRec(options, seed);
  const L = model.config.sequenceLength;
  const windows = makeWindows(dataset.train, L, targetLength);
  if (windows.count === 0) throw new InvalidArgumentError('dataset', dataset.summary.split, 'at least one user with training items');
  const userItems = dataset.train.map((items) => new Set(items));
  const order = Int32Array.from({ length: windows.count }, (_, i) => i);
  const width = targetLength + negatives;
  const batchesPerEpoch = Math.ceil(windows.count / batchSize);
  const hasValidation = (options.validate ?? true) && dataset.validation.some((v) => v.length > 0);

  function* batches(_epoch: number, rng: () => number): Generator<RecBatch> {
    // reset first: each epoch's order must depend on its own rng only, or a resumed run would differ
    for (let i = 0; i < order.length; i++) order[i] = i;
    shuffleInPlace(order, rng);
    const negativeItems = sampleNegatives(windows.users, userItems, dataset.numItems, negatives, rng);
    for (let start = 0; start < windows.count; start += batchSize) {
      const size = Math.min(batchSize, windows.count - start);
      const items = new Int32Array(size * L);
      const users = new Int32Array(size);
      const candidates = new Int32Array(size * width);
      for (let b = 0; b < size; b++) {
        const w = order[start + b]!;
        items.set(windows.inputs.subarray(w * L, (w + 1) * L), b * L);
        users[b] = windows.users[w]!;
        candidates.set(windows.targets.subarray(w * targetLength, (w + 1) * targetLength), b * width);
        candidates.set(negativeItems.subarray(w * negatives, (w + 1) * negatives), b * width + targetLength);
      }
      yield {
        items: tf.tensor2d(items, [size, L], 'int32'),
        users: tf.tensor2d(users, [size, 1], 'int32'),
        candidates: tf.tensor2d(candidates, [size, width], 'int32'),
      };
    }
  }

  const result = await train<RecBatch>({
    model,
    loss: (batch) => targetsVersusNegativesLoss(model.scoreCandidates(batch.items, batch.users, batch.candidates, true), targetLength),
    batches,
    batchesPerEpoch,
    validate: hasValidation
      ? async () => {
          const v = await evaluateRanking(model, dataset, { phase: 'validation' });
          return { map: v.map, 'recall@10': v['recall@10'], 'ndcg@10': v['ndcg@10'] };
        }
      : undefined,
    monitor: hasValidation ? { metric: 'map', mode: 'max' } : undefined,
    epochs,
    learningRate: options.learningRate ?? 1e-3,
    weightDecay: options.l2 ?? 5e-6,
    reduceLearningRate: options.reduceLearningRate ?? { factor: 0.15, patience: 3 },
    earlyStopping: options.earlyStopping ?? { patience: 10 },
    seed,
    ...runControls(options),
    restoreBest: true,
  });
  const hasTest = !options.signal?.aborted && (options.evaluateTest ?? true) && dataset.test.some((t) => t.length > 0);
  const test = hasTest ? await evaluateRanking(model, dataset, { phase: 'test' }) : null;
  return {
    model,
    windows: { count: windows.count, paddedUsers: windows.paddedUsers, emptyUsers: windows.emptyUsers },
    state: result.state,
    resumedFrom: result.resumedFrom,
    bestEpoch: result.state.bestEpoch,
    test,
    secondsPerEpoch: result.secondsPerEpoch,
    options: { targetLength, negatives, batchSize, epochs, learningRate: options.learningRate ?? 1e-3, l2: options.l2 ?? 5e-6, seed },
  };
}

/** Fresh weights that depend only on the seed: tfjs initializers draw from Math.random unless seeded. */
function createSeededCosRec(options: TrainRecommenderOptions, seed: number): CosRecModel {
  return withSeed(deriveSeed(seed, 0, 0), () =>
    createCosRec({ ...options.architecture, kind: options.kind, numUsers: options.dataset.userIds.length, numItems: options.dataset.numItems }),
  );
}
