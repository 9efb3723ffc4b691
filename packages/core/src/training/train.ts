// The training loop every domain uses: Adam with L2 weight decay, learning-rate reduction on a
// validation metric, early stopping, seeding, progress with ETA, JSON-lines epoch logs, atomic
// checkpoints each epoch and resume from the last one.
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { CheckpointError, InvalidArgumentError } from '../errors.js';
import { type CheckpointTensor, checkpointTensors, readCheckpoint, snapshotTensors, writeCheckpoint } from './checkpoint.js';
import { type ProgressOption, createProgress } from './progress.js';
import { createRng, deriveSeed, seedEverything } from './seed.js';

type LayerVariable = tf.LayersModel['weights'][number];

/** Anything with weights: a tf.LayersModel, a layer, or a hand-made holder. */
export interface Trainable {
  /** All weights saved in checkpoints (trainable and not, e.g. batch-norm statistics). */
  weights: LayerVariable[];
  /** Weights the optimizer updates. */
  trainableWeights: LayerVariable[];
}

export interface EpochLog {
  epoch: number;
  /** Mean training loss of the epoch (the data loss; the L2 term acts on the gradients only). */
  loss: number;
  /** Validation metrics, if a validate function was given. */
  metrics: Record<string, number>;
  learningRate: number;
  /** Seconds of the whole epoch, validation included. */
  seconds: number;
  /** Seconds of the training steps alone. */
  trainingSeconds?: number;
  /** Whether the monitored metric improved on the best so far. */
  improved: boolean;
}

export interface TrainState {
  /** Epochs completed. */
  epoch: number;
  learningRate: number;
  bestMetric: number | null;
  bestEpoch: number | null;
  epochsSinceImprovement: number;
  epochsSinceReduction: number;
  stopped: boolean;
  history: EpochLog[];
  seed: number;
}

export interface TrainOptions<Batch> {
  /** What to train. */
  model: Trainable;
  /** Loss of one batch, computed with the model in training mode; runs inside the gradient tape. */
  loss: (batch: Batch) => tf.Scalar;
  /** The batches of one epoch; `rng` is seeded from (seed, epoch), so a resumed run sees the same order. */
  batches: (epoch: number, rng: () => number) => Iterable<Batch> | AsyncIterable<Batch>;
  /** Batches per epoch, for the progress bar and ETA. */
  batchesPerEpoch?: number;
  /** Frees a batch after its step. @default disposes every tensor found in the batch's own fields */
  disposeBatch?: (batch: Batch) => void;
  /** Validation after each epoch: metric name → value. */
  validate?: (epoch: number) => Promise<Record<string, number>> | Record<string, number>;
  /** The validation metric driving model selection, learning-rate reduction and early stopping. @default first key, 'max' */
  monitor?: { metric?: string; mode?: 'max' | 'min' };
  /** Maximum number of epochs. */
  epochs: number;
  /** Adam learning rate. @default 1e-3 */
  learningRate?: number;
  /** Adam moments. @default { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } */
  adam?: { beta1?: number; beta2?: number; epsilon?: number };
  /** L2 weight decay added to the gradient (PyTorch Adam's `weight_decay`): grad += λ·w. @default 0 */
  weightDecay?: number;
  /** Multiply the learning rate by `factor` after `patience` epochs without improvement. @default false */
  reduceLearningRate?: false | { factor: number; patience: number; minLearningRate?: number };
  /** Stop after `patience` epochs without improvement. @default false */
  earlyStopping?: false | { patience: number };
  /** Seed for batch order and every unseeded tfjs random op (dropout) during training. @default 0 */
  seed?: number;
  /** Folder for `last.ckpt`, `best.ckpt` and `log.jsonl`; none: no checkpoints. */
  checkpointDir?: string;
  /** Resume from `checkpointDir/last.ckpt` when it exists. @default true */
  resume?: boolean;
  /** JSON-lines log, one line per epoch. @default checkpointDir/log.jsonl */
  logFile?: string;
  /** Progress with ETA on stderr. @default 'auto' */
  progress?: ProgressOption;
  /** Called after each epoch (after its checkpoint is written). */
  onEpochEnd?: (log: EpochLog, state: TrainState) => void | Promise<void>;
  /** At the end, load the best epoch's weights when it is not the last (from best.ckpt, or from a copy
   * kept in memory when there is no checkpointDir). @default false */
  restoreBest?: boolean;
  /** Stops cleanly after the current step. */
  signal?: AbortSignal;
}

/** What the caller of a domain trainer decides about the run: checkpoints, resume, progress, the epoch
 * callback, cancellation. Domain trainers take these and pass them to train() unchanged. */
export type TrainRunControls = Pick<TrainOptions<unknown>, 'checkpointDir' | 'resume' | 'progress' | 'onEpochEnd' | 'signal'>;

/** The run controls out of a domain trainer's options, to spread into train(). */
export function runControls(options: TrainRunControls): TrainRunControls {
  const { checkpointDir, resume, progress, onEpochEnd, signal } = options;
  return { checkpointDir, resume, progress, onEpochEnd, signal };
}

export interface TrainResult {
  state: TrainState;
  /** Epoch the run resumed after (0 when it started fresh). */
  resumedFrom: number;
  /** Checkpoint paths, when checkpointDir was given. */
  lastCheckpoint?: string;
  bestCheckpoint?: string;
  /** Mean seconds of the training steps per epoch (validation left out), over every epoch in the history. */
  secondsPerEpoch: number;
}

function disposeTensorsIn(batch: unknown): void {
  if (batch instanceof tf.Tensor) return batch.dispose();
  if (Array.isArray(batch)) return batch.forEach(disposeTensorsIn);
  if (batch && typeof batch === 'object') for (const value of Object.values(batch)) if (value instanceof tf.Tensor) value.dispose();
}

/** tfjs keeps Adam's learning rate in a protected field that it reads at every step. */
function setLearningRate(optimizer: tf.Optimizer, value: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = value;
}

function isBetter(value: number, best: number | null, mode: 'max' | 'min'): boolean {
  if (!Number.isFinite(value)) return false;
  return best == null || (mode === 'max' ? value > best : value < best);
}

function snapshotWeights(model: Pick<Trainable, 'weights'>) {
  return snapshotTensors(model.weights.map((w) => ({ name: w.name, tensor: w.read() })));
}

async function saveTrainingCheckpoint(file: string, model: Trainable, optimizer: tf.Optimizer, state: TrainState): Promise<void> {
  const weights = await snapshotWeights(model);
  const slots = await optimizer.getWeights();
  const optimizerTensors = await snapshotTensors(slots.map((s) => ({ name: s.name, tensor: s.tensor })));
  // getWeights returns the iteration count as a fresh tensor; free it
  for (const slot of slots) if (slot.name === 'iter') slot.tensor.dispose();
  writeCheckpoint(file, { state, groups: { weights, optimizer: optimizerTensors } });
}

/** Writes checkpointed tensors into the model's weights (matched by position, checked by shape). */
function assignWeights(model: Pick<Trainable, 'weights'>, saved: CheckpointTensor[], file: string): void {
  if (saved.length !== model.weights.length) {
    throw new CheckpointError(file, `holds ${saved.length} weights, the model has ${model.weights.length}`);
  }
  model.weights.forEach((weight, i) => {
    const entry = saved[i]!;
    if (entry.shape.join('x') !== weight.shape.join('x')) {
      throw new CheckpointError(file, `weight ${i} (${entry.name}) has shape [${entry.shape}], the model's ${weight.name} has [${weight.shape}]`);
    }
    const value = tf.tensor(entry.values, entry.shape, entry.dtype);
    weight.write(value);
    value.dispose();
  });
}

/** Loads a weights file (from saveWeights or a training checkpoint) into `model`; returns its metadata. */
export function restoreWeights(model: Pick<Trainable, 'weights'>, file: string): unknown {
  const checkpoint = readCheckpoint(file);
  assignWeights(model, checkpoint.groups.weights ?? [], file);
  return checkpoint.state;
}

/** Saves a model's weights (all of them, in order) to one file, atomically. */
export async function saveWeights(model: Pick<Trainable, 'weights'>, file: string, metadata: unknown = {}): Promise<void> {
  writeCheckpoint(file, { state: metadata, groups: { weights: await snapshotWeights(model) } });
}

function validateOptions<Batch>(options: TrainOptions<Batch>): void {
  if (!Number.isInteger(options.epochs) || options.epochs < 1) throw new InvalidArgumentError('epochs', options.epochs, 'a positive integer');
  const lr = options.learningRate ?? 1e-3;
  if (!(lr > 0)) throw new InvalidArgumentError('learningRate', lr, 'a positive number');
  if ((options.weightDecay ?? 0) < 0) throw new InvalidArgumentError('weightDecay', options.weightDecay, 'a number ≥ 0');
  const reduce = options.reduceLearningRate;
  if (reduce && !(reduce.factor > 0 && reduce.factor < 1)) throw new InvalidArgumentError('reduceLearningRate.factor', reduce.factor, 'a number in (0, 1)');
}

/** Trains `model`; resumes from `checkpointDir/last.ckpt` when present. */
export async function train<Batch>(options: TrainOptions<Batch>): Promise<TrainResult> {
  validateOptions(options);
  const seed = options.seed ?? 0;
  const mode = options.monitor?.mode ?? 'max';
  const weightDecay = options.weightDecay ?? 0;
  const dispose = options.disposeBatch ?? disposeTensorsIn;
  const variables = options.model.trainableWeights.map((w) => w.read() as tf.Variable);
  const adam = options.adam ?? {};
  const optimizer = tf.train.adam(options.learningRate ?? 1e-3, adam.beta1 ?? 0.9, adam.beta2 ?? 0.999, adam.epsilon ?? 1e-8);
  const lastFile = options.checkpointDir ? path.join(options.checkpointDir, 'last.ckpt') : undefined;
  const bestFile = options.checkpointDir ? path.join(options.checkpointDir, 'best.ckpt') : undefined;
  const logFile = options.logFile ?? (options.checkpointDir ? path.join(options.checkpointDir, 'log.jsonl') : undefined);

  let state: TrainState = {
    epoch: 0,
    learningRate: options.learningRate ?? 1e-3,
    bestMetric: null,
    bestEpoch: null,
    epochsSinceImprovement: 0,
    epochsSinceReduction: 0,
    stopped: false,
    history: [],
    seed,
  };
  let resumedFrom = 0;
  if (lastFile && (options.resume ?? true) && fs.existsSync(lastFile)) {
    const checkpoint = readCheckpoint<TrainState>(lastFile);
    assignWeights(options.model, checkpoint.groups.weights ?? [], lastFile);
    const slots = checkpointTensors(checkpoint.groups.optimizer ?? []);
    if (slots.length > 0) await optimizer.setWeights(slots);
    slots.forEach((s) => s.tensor.dispose());
    state = checkpoint.state;
    setLearningRate(optimizer, state.learningRate);
    resumedFrom = state.epoch;
  }
  if (logFile) {
    // The log is rebuilt from the checkpoint's history, so a killed run never leaves duplicate lines.
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const tmp = `${logFile}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, state.history.map((h) => JSON.stringify(h) + '\n').join(''));
    fs.renameSync(tmp, logFile);
  }

  let bestInMemory: CheckpointTensor[] | undefined;
  const progress = createProgress(options.progress);
  // L2 goes straight onto the gradients (grad += λ·w, as PyTorch's Adam weight_decay): the same update
  // as a 0.5·λ·|w|² loss term, without differentiating a sum over every weight at each step.
  const step = (batch: Batch): tf.Scalar => {
    const { value, grads } = tf.variableGrads(() => options.loss(batch), variables);
    if (weightDecay > 0) {
      for (const v of variables) {
        if (!grads[v.name]) continue;
        const decayed = tf.tidy(() => tf.add(grads[v.name]!, tf.mul(v, weightDecay)));
        grads[v.name]!.dispose();
        grads[v.name] = decayed;
      }
    }
    optimizer.applyGradients(variables.filter((v) => grads[v.name]).map((v) => ({ name: v.name, tensor: grads[v.name]! })));
    tf.dispose(grads);
    return value;
  };
  const restoreRandom = seedEverything(deriveSeed(seed, state.epoch, 1));
  try {
    while (state.epoch < options.epochs && !state.stopped && !options.signal?.aborted) {
      const epoch = state.epoch + 1;
      seedEverything(deriveSeed(seed, epoch, 2));
      const started = performance.now();
      let lossSum = 0;
      let steps = 0;
      progress.start(options.batchesPerEpoch ?? 0, `epoch ${epoch}/${options.epochs}`);
      for await (const batch of options.batches(epoch, createRng(deriveSeed(seed, epoch, 3)))) {
        const lossTensor = step(batch);
        dispose(batch);
        lossSum += (await lossTensor.data())[0]!;
        lossTensor.dispose();
        steps++;
        progress.update(steps, { loss: lossSum / steps });
        // a step can finish in microtasks alone (tensorflow backend): let timers and signal handlers
        // (Ctrl-C → signal.abort()) run between steps, or nothing could stop an epoch
        await new Promise((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) break;
      }
      progress.stop();
      const trainingSeconds = (performance.now() - started) / 1000;
      if (options.signal?.aborted) break;
      const metrics = options.validate ? await options.validate(epoch) : {};
      const metricName = options.monitor?.metric ?? Object.keys(metrics)[0];
      const value = metricName != null ? metrics[metricName] : undefined;
      if (metricName != null && value === undefined) throw new InvalidArgumentError('monitor.metric', metricName, `one of the validation metrics: ${Object.keys(metrics).join(', ')}`);
      // Without validation, the training loss (lower is better) selects the model.
      const monitored = value ?? lossSum / Math.max(1, steps);
      const improved = isBetter(monitored, state.bestMetric, value === undefined ? 'min' : mode);
      const log: EpochLog = {
        epoch,
        loss: lossSum / Math.max(1, steps),
        metrics,
        learningRate: state.learningRate,
        seconds: (performance.now() - started) / 1000,
        trainingSeconds,
        improved,
      };
      state.history.push(log);
      state.epoch = epoch;
      if (improved) {
        state.bestMetric = monitored;
        state.bestEpoch = epoch;
        state.epochsSinceImprovement = 0;
        state.epochsSinceReduction = 0;
      } else {
        state.epochsSinceImprovement++;
        state.epochsSinceReduction++;
      }
      const reduce = options.reduceLearningRate;
      if (reduce && state.epochsSinceReduction >= reduce.patience) {
        state.learningRate = Math.max(reduce.minLearningRate ?? 0, state.learningRate * reduce.factor);
        setLearningRate(optimizer, state.learningRate);
        state.epochsSinceReduction = 0;
      }
      if (options.earlyStopping && state.epochsSinceImprovement >= options.earlyStopping.patience) state.stopped = true;
      if (improved && options.restoreBest && !bestFile) bestInMemory = await snapshotWeights(options.model);
      if (lastFile) {
        if (improved && bestFile) await saveWeights(options.model, bestFile, { epoch, metric: metricName ?? 'loss', value: monitored });
        await saveTrainingCheckpoint(lastFile, options.model, optimizer, state);
      }
      if (logFile) fs.appendFileSync(logFile, JSON.stringify(log) + '\n');
      await options.onEpochEnd?.(log, state);
    }
  } finally {
    progress.stop();
    restoreRandom();
    optimizer.dispose();
  }
  if (options.restoreBest && state.bestEpoch != null && state.bestEpoch !== state.epoch) {
    if (bestFile && fs.existsSync(bestFile)) restoreWeights(options.model, bestFile);
    else if (bestInMemory) assignWeights(options.model, bestInMemory, '<best epoch in memory>');
  }
  const epochSeconds = state.history.map((h) => h.trainingSeconds ?? h.seconds);
  const secondsPerEpoch = epochSeconds.length ? epochSeconds.reduce((a, b) => a + b, 0) / epochSeconds.length : 0;
  return { state, resumedFrom, lastCheckpoint: lastFile, bestCheckpoint: bestFile, secondsPerEpoch };
}
