// scnn recsys train | evaluate | recommend | bench: CosRec and SCosRec on interaction files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engineInfo, initEngine } from '@scnn/core';
import {
  type DatasetSpec,
  type EvaluationResult,
  INTERACTION_FORMATS,
  type InteractionFormat,
  RANKING_METRIC_NAMES,
  type RecModelKind,
  benchmarkEpochs,
  evaluateRanking,
  loadDataset,
  loadRecommender,
  recommend,
  saveRecommender,
  trainRecommender,
} from '@scnn/recsys';
import type { Command } from 'commander';
import { UsageError, fileMustExist, parseNumber } from '../errors.js';
import { trainUntilInterrupted } from '../interrupt.js';

interface DataOptions {
  data?: string;
  train?: string;
  test?: string;
  validation?: string;
  format?: string;
  validationFraction: string;
  testFraction: string;
}

function addDataOptions(command: Command, required: boolean): Command {
  return command
    .option('--data <file>', `interactions to split per user in time order (formats: ${INTERACTION_FORMATS.join(', ')})${required ? '' : '; default: the data the model was trained on'}`)
    .option('--train <file>', 'or: a training split file (with --test, optionally --validation)')
    .option('--test <file>', 'test split file (with --train)')
    .option('--validation <file>', 'validation split file (with --train)')
    .option('--format <name>', `input format: ${INTERACTION_FORMATS.join(' | ')} (default: detected)`)
    .option('--validation-fraction <f>', 'share of each user’s history held out for validation (with --data)', '0.1')
    .option('--test-fraction <f>', 'share of each user’s history held out for test (with --data)', '0.2');
}

function datasetSpec(options: DataOptions): DatasetSpec | undefined {
  const format = options.format as InteractionFormat | undefined;
  if (format !== undefined && !INTERACTION_FORMATS.includes(format)) throw new UsageError(`--format expects one of ${INTERACTION_FORMATS.join(', ')}, got "${format}"`);
  if (options.data && options.train) throw new UsageError('give either --data or --train/--test, not both');
  if (options.data) {
    return {
      kind: 'time-split',
      file: path.resolve(fileMustExist('--data', options.data)),
      format,
      validation: parseNumber('--validation-fraction', options.validationFraction, { min: 0, max: 0.9 }),
      test: parseNumber('--test-fraction', options.testFraction, { min: 0, max: 0.9 }),
    };
  }
  if (options.train || options.test) {
    if (!options.train || !options.test) throw new UsageError('--train and --test go together');
    return {
      kind: 'split-files',
      train: path.resolve(fileMustExist('--train', options.train)),
      test: path.resolve(fileMustExist('--test', options.test)),
      validation: options.validation ? path.resolve(fileMustExist('--validation', options.validation)) : undefined,
      format,
    };
  }
  return undefined;
}

function parseKind(value: string): RecModelKind {
  if (value !== 'cnn' && value !== 'scnn') throw new UsageError(`--model expects cnn (CosRec) or scnn (SCosRec), got "${value}"`);
  return value;
}

const METRIC_LABELS: Record<string, string> = { map: 'MAP' };

export function formatMetricsTable(rows: { label: string; metrics: Record<string, number> }[]): string {
  const header = `| model | ${RANKING_METRIC_NAMES.map((m) => METRIC_LABELS[m] ?? m).join(' | ')} |`;
  const rule = `|---|${RANKING_METRIC_NAMES.map(() => '---:').join('|')}|`;
  const lines = rows.map((r) => `| ${r.label} | ${RANKING_METRIC_NAMES.map((m) => r.metrics[m]!.toFixed(4)).join(' | ')} |`);
  return [header, rule, ...lines].join('\n');
}

function describeData(dataset: ReturnType<typeof loadDataset>): string[] {
  const s = dataset.dataset.summary;
  const lines = [
    `data: ${s.users} users, ${s.items} items; interactions train ${s.interactions.train}, validation ${s.interactions.validation}, test ${s.interactions.test} (${s.split})`,
  ];
  for (const log of dataset.logs) {
    const skipped = log.blankLines > 0 ? `, ${log.blankLines} blank/comment lines skipped` : '';
    lines.push(`  ${log.source}: ${log.format}, ${log.interactions} interactions${skipped}${log.warnings.length ? `, ${log.warnings.length} warnings (first: line ${log.warnings[0]!.line}: ${log.warnings[0]!.message})` : ''}`);
  }
  if (s.unknownUsers + s.unknownItems > 0) lines.push(`  dropped from evaluation: ${s.unknownUsers} interactions of users and ${s.unknownItems} of items unknown in training`);
  if (s.usersWithoutTraining > 0) lines.push(`  ${s.usersWithoutTraining} users have no training items`);
  return lines;
}

interface TrainOptions extends DataOptions {
  model: string;
  out: string;
  epochs: string;
  batchSize: string;
  learningRate: string;
  l2: string;
  patience: string;
  seed: string;
  dims: string;
  sequenceLength: string;
  targets: string;
  negatives: string;
  resume: boolean;
  progress: boolean;
  json?: boolean;
}

function registerTrain(recsys: Command): void {
  addDataOptions(recsys.command('train').description('train CosRec (--model cnn) or SCosRec (--model scnn); checkpoints every epoch, a rerun resumes'), true)
    .requiredOption('--out <dir>', 'model directory: model.json, weights.ckpt, metrics.json, checkpoints/')
    .option('--model <kind>', 'cnn (CosRec) or scnn (SCosRec)', 'scnn')
    .option('--epochs <n>', 'maximum epochs', '100')
    .option('--batch-size <n>', 'windows per step', '512')
    .option('--learning-rate <x>', 'Adam learning rate', '0.001')
    .option('--l2 <x>', 'L2 weight decay', '5e-6')
    .option('--patience <n>', 'stop after this many epochs without a better validation MAP (0: never)', '10')
    .option('--seed <n>', 'seed of weights, batches, negatives and dropout', '0')
    .option('--dims <n>', 'embedding size d', '50')
    .option('--sequence-length <n>', 'input items L', '5')
    .option('--targets <n>', 'target items per window T', '3')
    .option('--negatives <n>', 'negatives per window', '3')
    .option('--no-resume', 'start over even if OUT/checkpoints/last.ckpt exists')
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the final metrics.json object on stdout')
    .action(async (options: TrainOptions) => {
      const spec = datasetSpec(options);
      if (!spec) throw new UsageError('give --data FILE, or --train FILE --test FILE');
      const kind = parseKind(options.model);
      const int = (flag: string, value: string, min = 1) => parseNumber(flag, value, { min, integer: true });
      const patience = int('--patience', options.patience, 0);
      const settings = {
        architecture: { dims: int('--dims', options.dims), sequenceLength: int('--sequence-length', options.sequenceLength, 5) },
        targetLength: int('--targets', options.targets),
        negatives: int('--negatives', options.negatives),
        batchSize: int('--batch-size', options.batchSize),
        epochs: int('--epochs', options.epochs),
        learningRate: parseNumber('--learning-rate', options.learningRate, { min: Number.MIN_VALUE }),
        l2: parseNumber('--l2', options.l2, { min: 0 }),
        earlyStopping: patience > 0 ? { patience } : (false as const),
        seed: int('--seed', options.seed, 0),
      };
      const info = await initEngine();
      const loaded = loadDataset(spec);
      const log = (line: string) => process.stderr.write(`${line}\n`);
      describeData(loaded).forEach(log);
      const trained = await trainUntilInterrupted(
        (signal) =>
          trainRecommender({
            dataset: loaded.dataset,
            kind,
            ...settings,
            checkpointDir: path.join(options.out, 'checkpoints'),
            resume: options.resume,
            progress: options.progress ? 'auto' : false,
            signal,
            onEpochEnd: (epochLog) => {
              const m = epochLog.metrics;
              log(`epoch ${epochLog.epoch}: loss ${epochLog.loss.toFixed(4)}${m.map !== undefined ? `, validation MAP ${m.map.toFixed(4)}` : ''}, lr ${epochLog.learningRate.toExponential(2)}, ${epochLog.seconds.toFixed(1)} s${epochLog.improved ? ' *' : ''}`);
            },
          }),
        `rerun the same command to resume from ${path.join(options.out, 'checkpoints', 'last.ckpt')}`,
      );
      if (!trained) return;
      const params = trained.model.parameters();
      const best = trained.state.history.find((h) => h.epoch === trained.bestEpoch);
      const metrics = {
        dataset: spec,
        model: kind,
        name: kind === 'scnn' ? 'SCosRec' : 'CosRec',
        params: { total: params.total, conv: params.conv, plainConv: params.plainConv, convRatio: params.convRatio },
        windows: trained.windows,
        epochsRun: trained.state.epoch,
        bestEpoch: trained.bestEpoch,
        validation: best?.metrics ?? null,
        test: trained.test,
        secondsPerEpoch: trained.secondsPerEpoch,
        backend: info.backend,
        seed: trained.options.seed,
        training: trained.options,
        machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
        date: new Date().toISOString(),
      };
      await saveRecommender(options.out, trained.model, loaded.dataset, metrics);
      fs.writeFileSync(path.join(options.out, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
      if (options.json) {
        console.log(JSON.stringify(metrics));
        return;
      }
      console.log(`${metrics.name}: ${params.total} parameters, ${params.conv} convolutional (${(params.convRatio * 100).toFixed(1)}% of the plain CNN's ${params.plainConv})`);
      console.log(`windows: ${trained.windows.count} (${trained.windows.paddedUsers} users shorter than L + T padded); best validation epoch ${trained.bestEpoch} of ${trained.state.epoch}; ${trained.secondsPerEpoch.toFixed(1)} s per epoch on ${info.backend}`);
      if (trained.test) console.log(formatMetricsTable([{ label: `${metrics.name} (test)`, metrics: trained.test as unknown as Record<string, number> }]));
      console.log(`saved ${path.join(options.out, 'model.json')}`);
    });
}

interface EvaluateOptions extends DataOptions {
  model: string;
  phase: string;
  json?: boolean;
}

function registerEvaluate(recsys: Command): void {
  addDataOptions(recsys.command('evaluate').description('full-catalogue ranking metrics of a trained model (MAP, precision, recall, HR, NDCG)'), false)
    .requiredOption('--model <dir>', 'model directory written by `scnn recsys train`')
    .option('--phase <name>', 'test (history: train + validation) or validation (history: train)', 'test')
    .option('--json', 'print one JSON object')
    .action(async (options: EvaluateOptions) => {
      if (options.phase !== 'test' && options.phase !== 'validation') throw new UsageError(`--phase expects test or validation, got "${options.phase}"`);
      await initEngine();
      const loaded = loadRecommender(options.model);
      const spec = datasetSpec(options) ?? ((loaded.file.metadata.dataset as DatasetSpec | undefined) ?? undefined);
      if (!spec) throw new UsageError('the model does not record its data; give --data or --train/--test');
      const data = loadDataset(spec);
      if (data.dataset.numItems !== loaded.model.config.numItems || data.dataset.userIds.length !== loaded.model.config.numUsers) {
        throw new UsageError(`the data has ${data.dataset.userIds.length} users and ${data.dataset.numItems} items, the model was trained on ${loaded.model.config.numUsers} and ${loaded.model.config.numItems}`);
      }
      const result: EvaluationResult = await evaluateRanking(loaded.model, data.dataset, { phase: options.phase });
      if (options.json) {
        console.log(JSON.stringify({ model: options.model, backend: engineInfo()?.backend, ...result }));
        return;
      }
      describeData(data).forEach((line) => console.log(line));
      console.log(formatMetricsTable([{ label: `${String(loaded.file.metadata.name ?? loaded.model.config.kind)} (${result.phase})`, metrics: result as unknown as Record<string, number> }]));
      console.log(`${result.users} users scored against all items in ${result.seconds.toFixed(1)} s; ${result.usersWithoutTargets} users without ${result.phase} items; ${result.targetsInHistory} held-out items already in the history (misses)`);
    });
}

interface RecommendOptions {
  model: string;
  user?: string;
  items?: string;
  k: string;
  includeHistory?: boolean;
  json?: boolean;
}

function registerRecommend(recsys: Command): void {
  recsys
    .command('recommend')
    .description('top-k next items for a user of the training data, or for a given item sequence')
    .requiredOption('--model <dir>', 'model directory written by `scnn recsys train`')
    .option('--user <id>', 'user id as in the data file')
    .option('--items <ids>', 'comma-separated item ids, oldest first (default: the user’s history)')
    .option('-k, --k <n>', 'how many items', '10')
    .option('--include-history', 'allow items already in the history')
    .option('--json', 'print one JSON object')
    .action(async (options: RecommendOptions) => {
      if (options.user === undefined && options.items === undefined) throw new UsageError('give --user ID or --items ID,ID,...');
      const k = parseNumber('--k', options.k, { min: 1, integer: true });
      await initEngine();
      const loaded = loadRecommender(options.model);
      if (options.user !== undefined && !loaded.file.userIds.includes(options.user)) throw new UsageError(`unknown user "${options.user}" (the model knows ${loaded.file.userIds.length} users)`);
      const items = options.items?.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const result = recommend(loaded, { user: options.user, items, k, excludeHistory: !options.includeHistory });
      if (options.json) {
        console.log(JSON.stringify(result));
        return;
      }
      if (result.unknownItems.length > 0) process.stderr.write(`scnn: ${result.unknownItems.length} unknown item ids left out: ${result.unknownItems.slice(0, 10).join(', ')}\n`);
      console.log('rank\titem\tscore');
      for (const r of result.recommendations) console.log(`${r.rank}\t${r.item}\t${r.score.toFixed(4)}`);
    });
}

interface BenchOptions extends DataOptions {
  models: string;
  rounds: string;
  batchSize: string;
  json?: boolean;
}

function registerBench(recsys: Command): void {
  addDataOptions(recsys.command('bench').description('training speed: seconds per epoch of CosRec and SCosRec (median over interleaved rounds, no validation)'), true)
    .option('--models <list>', 'cnn,scnn', 'cnn,scnn')
    .option('--rounds <n>', 'rounds; each trains every model one epoch, models interleaved', '3')
    .option('--batch-size <n>', 'windows per step', '512')
    .option('--json', 'print the rows as JSON')
    .action(async (options: BenchOptions) => {
      const spec = datasetSpec(options);
      if (!spec) throw new UsageError('give --data FILE, or --train FILE --test FILE');
      const kinds = options.models.split(',').map((m) => parseKind(m.trim()));
      await initEngine();
      const { dataset } = loadDataset(spec);
      const rows = await benchmarkEpochs({
        dataset,
        kinds,
        rounds: parseNumber('--rounds', options.rounds, { min: 1, integer: true }),
        batchSize: parseNumber('--batch-size', options.batchSize, { min: 1, integer: true }),
      });
      if (options.json) {
        console.log(JSON.stringify(rows));
        return;
      }
      console.log('| backend | model | windows | batch | s / epoch | ms / step | windows / s | s per 73,000 windows |');
      console.log('|---|---|---:|---:|---:|---:|---:|---:|');
      for (const r of rows) {
        console.log(`| ${r.backend} | ${r.model === 'scnn' ? 'SCosRec' : 'CosRec'} | ${r.windows} | ${r.batchSize} | ${r.secondsPerEpoch.toFixed(1)} | ${r.msPerStep.toFixed(0)} | ${r.windowsPerSecond.toFixed(0)} | ${(73000 / r.windowsPerSecond).toFixed(1)} |`);
      }
    });
}

export function registerRecsysCommands(program: Command): Command {
  const recsys = program.command('recsys').description('sequential recommendation: CosRec (cnn) and SCosRec (scnn)');
  registerTrain(recsys);
  registerEvaluate(recsys);
  registerRecommend(recsys);
  registerBench(recsys);
  return recsys;
}
