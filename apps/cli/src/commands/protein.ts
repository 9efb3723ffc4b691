// scnn protein train | predict | evaluate: contact maps with the plain CNN and its SCNN twin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engineInfo, initEngine } from '@scnn/core';
import {
  type ContactMetrics,
  contactMap,
  contactMetrics,
  evaluateContacts,
  loadCgdmsList,
  loadContactModel,
  meanContactMetrics,
  parseMmcif,
  parsePdb,
  parseProteinFasta,
  parseRr,
  predictContacts,
  saveContactModel,
  separationScores,
  sequenceOf,
  shippedContactModelDir,
  trainContactModel,
  writeRr,
} from '@scnn/protein';
import type { Command } from 'commander';
import { UsageError, parseNumber } from '../errors.js';
import { trainUntilInterrupted } from '../interrupt.js';
import { loadPairModel, parsePairNetKind } from './pair-models.js';

const loadNet = (options: { model: string; modelDir?: string }) => loadPairModel(options, loadContactModel, shippedContactModelDir, 'scnn protein train');

function rangeTable(rows: { label: string; metrics: ContactMetrics }[]): string {
  const lines = ['| model | range | L/1 | L/2 | L/5 | L/10 |', '|---|---|---:|---:|---:|---:|'];
  for (const { label, metrics } of rows) {
    for (const range of ['short', 'medium', 'long'] as const) {
      const m = metrics[range];
      lines.push(`| ${label} | ${range} | ${m['L/1'].toFixed(3)} | ${m['L/2'].toFixed(3)} | ${m['L/5'].toFixed(3)} | ${m['L/10'].toFixed(3)} |`);
    }
  }
  return lines.join('\n');
}

interface TrainOptions {
  data: string;
  model: string;
  out: string;
  channels: string;
  epochs: string;
  seed: string;
  resume: boolean;
  progress: boolean;
}

function registerTrain(protein: Command): void {
  protein
    .command('train')
    .description('train on the cgdms train list, select the model on its val list (long-range top-L/5 precision); checkpoints every epoch, a rerun resumes')
    .requiredOption('--data <dir>', 'the cgdms folder (train.txt, val.txt, train_val/)')
    .requiredOption('--out <dir>', 'model folder: model.json, weights.ckpt, checkpoints/')
    .option('--model <kind>', 'scnn or cnn', 'scnn')
    .option('--channels <n>', 'channels of every hidden map', '24')
    .option('--epochs <n>', 'epochs', '10')
    .option('--seed <n>', 'seed', '0')
    .option('--no-resume', 'start over')
    .option('--no-progress', 'no progress bar')
    .action(async (options: TrainOptions) => {
      const kind = parsePairNetKind(options.model);
      const int = (flag: string, value: string, min = 1) => parseNumber(flag, value, { min, integer: true });
      const settings = { channels: int('--channels', options.channels), epochs: int('--epochs', options.epochs), seed: int('--seed', options.seed, 0) };
      if (!fs.existsSync(path.join(options.data, 'train.txt'))) throw new UsageError(`--data: ${options.data} has no train.txt (expected the cgdms folder)`);
      const info = await initEngine();
      const train = loadCgdmsList(options.data, 'train');
      const validation = loadCgdmsList(options.data, 'val');
      const log = (line: string) => process.stderr.write(`${line}\n`);
      log(`train: ${train.length} chains, validation: ${validation.length}; backend ${info.backend}`);
      const trained = await trainUntilInterrupted(
        (signal) =>
          trainContactModel({
            train,
            validation,
            architecture: { kind, channels: settings.channels },
            epochs: settings.epochs,
            seed: settings.seed,
            checkpointDir: path.join(options.out, 'checkpoints'),
            resume: options.resume,
            progress: options.progress ? 'auto' : false,
            signal,
            onEpochEnd: (e) => void log(`epoch ${e.epoch}: loss ${e.loss.toFixed(4)}, validation long L/5 ${(e.metrics['long L/5'] ?? NaN).toFixed(4)}, ${e.seconds.toFixed(0)} s${e.improved ? ' *' : ''}`),
          }),
        `rerun the same command to resume`,
      );
      if (!trained) return;
      const metrics = await evaluateContacts(trained.net, validation);
      const baseline = meanContactMetrics(validation.map((e) => contactMetrics(separationScores(e.sequence.length), e.truth)));
      const params = trained.net.parameters();
      await saveContactModel(options.out, trained.net, {
        kind,
        params,
        settings,
        data: path.resolve(options.data),
        bestEpoch: trained.bestEpoch,
        validation: metrics,
        separationBaseline: baseline,
        secondsPerEpoch: trained.secondsPerEpoch,
        backend: info.backend,
        machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
        date: new Date().toISOString(),
      });
      console.log(`${kind}: ${params.total} parameters, ${params.conv} convolutional (${(params.convRatio * 100).toFixed(1)}% of the plain CNN's ${params.plainConv}); best epoch ${trained.bestEpoch}; ${trained.secondsPerEpoch.toFixed(0)} s per epoch`);
      console.log(rangeTable([{ label: `${kind} (val)`, metrics }, { label: 'separation only (val)', metrics: baseline }]));
      console.log(`saved ${path.join(options.out, 'model.json')}`);
    });
}

function readStructure(file: string) {
  if (!fs.existsSync(file)) throw new UsageError(`no such file "${file}"`);
  const text = fs.readFileSync(file, 'utf8');
  const structure = /\.cif$/i.test(file) ? parseMmcif(text, { source: file }) : parsePdb(text, { source: file });
  const chain = structure.chains[0];
  if (!chain || chain.residues.length === 0) throw new UsageError(`${file}: no amino-acid residues`);
  return { structure, chain };
}

interface EvaluateOptions {
  prediction?: string;
  model: string;
  modelDir?: string;
  json?: boolean;
}

function registerEvaluate(protein: Command): void {
  protein
    .command('evaluate <structure>')
    .description('top-L/k contact precision per separation range for a PDB or mmCIF structure (first chain, first model)')
    .option('--prediction <file>', 'score this CASP RR file instead of running the model')
    .option('--model <kind>', 'shipped model: scnn or cnn', 'scnn')
    .option('--model-dir <dir>', 'a model written by `scnn protein train`')
    .option('--json', 'print {short, medium, long, L}')
    .action(async (file: string, options: EvaluateOptions) => {
      const { chain, structure } = readStructure(file);
      const sequence = sequenceOf(chain);
      const truth = contactMap(chain);
      let scores: Float32Array;
      let label: string;
      if (options.prediction) {
        if (!fs.existsSync(options.prediction)) throw new UsageError(`--prediction: no such file "${options.prediction}"`);
        scores = parseRr(fs.readFileSync(options.prediction, 'utf8'), sequence.length, { source: options.prediction });
        label = path.basename(options.prediction);
      } else {
        await initEngine();
        const { net, source } = loadNet(options);
        scores = await predictContacts(net, sequence);
        label = source;
      }
      const metrics = contactMetrics(scores, truth);
      if (options.json) {
        console.log(JSON.stringify({ short: metrics.short, medium: metrics.medium, long: metrics.long, L: metrics.L }));
        return;
      }
      console.log(`${file}: chain ${chain.id}, L = ${sequence.length}, ${truth.representatives.masked} masked residues${structure.skippedModels ? `, ${structure.skippedModels} further models not read` : ''}${engineInfo() ? `; backend ${engineInfo()!.backend}` : ''}`);
      console.log(rangeTable([{ label, metrics }, { label: 'separation only', metrics: contactMetrics(separationScores(sequence.length), truth) }]));
    });
}

interface PredictOptions {
  out?: string;
  model: string;
  modelDir?: string;
}

function registerPredict(protein: Command): void {
  protein
    .command('predict <fasta>')
    .description('contact probabilities for each sequence of a FASTA file, as a CASP RR contact list')
    .option('--out <file>', 'write the RR list here (several records: FILE-<id>.rr) instead of stdout')
    .option('--model <kind>', 'shipped model: scnn or cnn', 'scnn')
    .option('--model-dir <dir>', 'a model written by `scnn protein train`')
    .action(async (file: string, options: PredictOptions) => {
      if (!fs.existsSync(file)) throw new UsageError(`no such file "${file}"`);
      const records = parseProteinFasta(fs.readFileSync(file, 'utf8'), { source: file });
      await initEngine();
      const { net } = loadNet(options);
      for (const record of records) {
        const text = writeRr(record.sequence, await predictContacts(net, record.sequence), { target: record.id });
        if (!options.out) process.stdout.write(text);
        else fs.writeFileSync(records.length === 1 ? options.out : options.out.replace(/(\.rr)?$/, `-${record.id.replace(/[^\w.-]+/g, '_')}.rr`), text);
      }
    });
}

export function registerProteinCommands(program: Command): Command {
  const protein = program.command('protein').description('protein contact maps: plain CNN (cnn) and its symmetric twin (scnn)');
  registerTrain(protein);
  registerPredict(protein);
  registerEvaluate(protein);
  return protein;
}
