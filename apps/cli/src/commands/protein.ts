// scnn protein train | predict | evaluate: contact maps with the plain CNN and its SCNN twin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { proteinContactSpec, writePlotFile } from '@scnn/bench';
import { engineInfo, initEngine } from '@scnn/core';
import {
  type AlignmentCouplings,
  type Chain,
  type ContactMetrics,
  combineWithAlignment,
  cropSquare,
  mapChainToSequence,
  readAlignmentCouplings,
  rrSequence,
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
import { UsageError, fileMustExist, parseNumber } from '../errors.js';
import { trainUntilInterrupted } from '../interrupt.js';
import { addPairTrainingOptions, loadPairModel, parsePairNetKind } from './pair-models.js';

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
  const command = protein
    .command('train')
    .description('train on the cgdms train list, select the model on its val list (long-range top-L/5 precision); checkpoints every epoch, a rerun resumes')
    .requiredOption('--data <dir>', 'the cgdms folder (train.txt, val.txt, train_val/)')
    .requiredOption('--out <dir>', 'model folder: model.json, weights.ckpt, checkpoints/');
  addPairTrainingOptions(command)
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
  fileMustExist(undefined, file);
  const text = fs.readFileSync(file, 'utf8');
  const structure = /\.cif$/i.test(file) ? parseMmcif(text, { source: file }) : parsePdb(text, { source: file });
  const chain = structure.chains[0];
  if (!chain || chain.residues.length === 0) throw new UsageError(`${file}: no amino-acid residues`);
  return { structure, chain };
}

function checkPlotName(plot: string | undefined): void {
  if (plot && !/\.(svg|png)$/i.test(plot)) throw new UsageError(`--plot expects a .svg or .png file name, got "${plot}"`);
}

interface AlignmentOptions {
  msa?: string;
  coupling: string;
  msaWeight?: string;
}

const addAlignmentOptions = (command: Command) =>
  command
    .option('--coupling <method>', 'coupling scores of the alignment: mean-field (mfDCA) or covariance (norm of the covariance blocks)', 'mean-field')
    .option('--msa-weight <w>', 'weight of the coupling ranks against the model\'s, 0..1 (default: Neff / (Neff + L))');

/** The couplings of --msa (checked options), or undefined without --msa. */
async function alignmentCouplings(options: AlignmentOptions): Promise<AlignmentCouplings | undefined> {
  if (!options.msa) return undefined;
  fileMustExist('--msa', options.msa);
  if (options.coupling !== 'mean-field' && options.coupling !== 'covariance') throw new UsageError(`--coupling expects mean-field or covariance, got "${options.coupling}"`);
  if (options.msaWeight !== undefined) parseNumber('--msa-weight', options.msaWeight, { min: 0, max: 1 });
  await initEngine();
  return readAlignmentCouplings(options.msa, { method: options.coupling });
}

/** Model probabilities for `sequence`, mixed with the alignment's couplings (from --msa) when given. */
async function contactScores(options: { model: string; modelDir?: string } & AlignmentOptions, sequence: string, features?: AlignmentCouplings): Promise<{ scores: Float32Array; label: string; note?: string }> {
  const weightOverride = options.msaWeight === undefined ? undefined : parseNumber('--msa-weight', options.msaWeight, { min: 0, max: 1 });
  await initEngine();
  const { net } = loadNet(options);
  const probabilities = await predictContacts(net, sequence);
  // plots and tables name the model, not the folder it was read from
  const model = options.modelDir ? path.basename(path.resolve(options.modelDir)) : `shipped ${options.model.toUpperCase()}`;
  if (!features || !options.msa) return { scores: probabilities, label: model };
  if (features.query.replace(/-/g, '') !== sequence) throw new UsageError(`--msa: the alignment's query (${features.query.length} columns) is not the sequence being predicted (${sequence.length} residues)`);
  const { scores, weight } = combineWithAlignment(probabilities, features, { weight: weightOverride });
  return {
    scores,
    label: `${model} + ${path.basename(options.msa)}`,
    note: `${path.basename(options.msa)}: ${features.rows} rows, ${features.effectiveRows.toFixed(1)} effective; ${options.coupling} coupling weight ${weightOverride === undefined ? 'Neff/(Neff+L) = ' : ''}${weight.toFixed(3)}`,
  };
}

/** The structure's residues on `target`'s positions; a user error when most letters disagree. */
function placeOnTarget(chain: Chain, target: string) {
  const mapping = mapChainToSequence(chain, target);
  if (mapping.identical < 0.5 * chain.residues.length) throw new UsageError(`structure and target sequence disagree: ${mapping.identical} of the structure's ${chain.residues.length} residues match the target's letters`);
  return mapping;
}

/** The structure's contact map on `target`'s positions, cropped to the span the structure covers. */
function truthOnTarget(chain: Chain, target: string) {
  const own = sequenceOf(chain);
  if (own === target) return { truth: contactMap(chain), first: 0, last: target.length - 1, note: undefined };
  const mapping = placeOnTarget(chain, target);
  const cropped = { id: chain.id, residues: mapping.chain.residues.slice(mapping.first, mapping.last + 1) };
  return {
    truth: contactMap(cropped),
    first: mapping.first,
    last: mapping.last,
    note: `structure residues placed on target positions ${mapping.first + 1}–${mapping.last + 1} by ${mapping.method} (${mapping.identical}/${chain.residues.length} identical)`,
  };
}

interface EvaluateOptions extends AlignmentOptions {
  prediction?: string;
  sequence?: string;
  model: string;
  modelDir?: string;
  json?: boolean;
  plot?: string;
}

function registerEvaluate(protein: Command): void {
  const command = protein
    .command('evaluate <structure>')
    .description('top-L/k contact precision per separation range for a PDB or mmCIF structure (first chain, first model)')
    .option('--prediction <file>', 'score this CASP RR file instead of running the model')
    .option('--msa <file>', 'A3M / aligned FASTA of the target: mix its coupling scores into the model\'s (its query is the target sequence)')
    .option('--sequence <fasta>', 'the target sequence the structure is a part of (e.g. a CASP domain of a longer target)')
    .option('--model <kind>', 'shipped model: scnn or cnn', 'scnn')
    .option('--model-dir <dir>', 'a model written by `scnn protein train`')
    .option('--json', 'print {short, medium, long, L}')
    .option('--plot <file>', 'also draw the contact map (.svg or .png) with the true contacts');
  addAlignmentOptions(command)
    .action(async (file: string, options: EvaluateOptions) => {
      checkPlotName(options.plot);
      if (options.prediction && options.msa) throw new UsageError('give --prediction or --msa, not both');
      const { chain, structure } = readStructure(file);
      const predictionText = options.prediction ? (fs.existsSync(options.prediction) ? fs.readFileSync(options.prediction, 'utf8') : undefined) : undefined;
      if (options.prediction && predictionText === undefined) throw new UsageError(`--prediction: no such file "${options.prediction}"`);
      let target: string | undefined;
      if (options.sequence) {
        fileMustExist('--sequence', options.sequence);
        target = parseProteinFasta(fs.readFileSync(options.sequence, 'utf8'), { source: options.sequence })[0]?.sequence;
      }
      const couplings = await alignmentCouplings(options);
      if (!target && couplings) {
        target = couplings.query.replace(/-/g, '');
      } else if (!target && predictionText) {
        target = rrSequence(predictionText);
      }
      target ??= sequenceOf(chain);
      const { truth, first, last, note } = truthOnTarget(chain, target);
      let full: Float32Array;
      let label: string;
      let scoreNote: string | undefined;
      if (predictionText) {
        full = parseRr(predictionText, target.length, { source: options.prediction });
        label = path.basename(options.prediction!);
      } else {
        ({ scores: full, label, note: scoreNote } = await contactScores(options, target, couplings));
      }
      const scores = cropSquare(full, target.length, first, last);
      const metrics = contactMetrics(scores, truth);
      if (options.plot) await writePlotFile(proteinContactSpec(truth.length, scores, `${path.basename(file)}: ${label}`, truth), options.plot);
      if (options.json) {
        console.log(JSON.stringify({ short: metrics.short, medium: metrics.medium, long: metrics.long, L: metrics.L }));
        return;
      }
      console.log(`${file}: chain ${chain.id}, L = ${truth.length}, ${truth.representatives.masked} masked residues${structure.skippedModels ? `, ${structure.skippedModels} further models not read` : ''}${engineInfo() ? `; backend ${engineInfo()!.backend}` : ''}`);
      for (const line of [note, scoreNote]) if (line) console.log(line);
      console.log(rangeTable([{ label, metrics }, { label: 'separation only', metrics: contactMetrics(separationScores(truth.length), truth) }]));
    });
}

interface PredictOptions extends AlignmentOptions {
  out?: string;
  plot?: string;
  structure?: string;
  model: string;
  modelDir?: string;
}

/** FILE itself for a single record, FILE-<id>.ext for several. */
function perRecordFile(file: string, id: string, several: boolean, defaultExt: string): string {
  if (!several) return file;
  const ext = path.extname(file) || defaultExt;
  const base = path.extname(file) ? file.slice(0, file.length - ext.length) : file;
  return `${base}-${id.replace(/[^\w.-]+/g, '_')}${ext}`;
}

function registerPredict(protein: Command): void {
  const command = protein
    .command('predict <fasta>')
    .description('contact scores for each sequence of a FASTA file, as a CASP RR contact list')
    .option('--msa <file>', 'A3M / aligned FASTA whose query is the sequence: mix its coupling scores into the model\'s (the RR column is then a rank score in [0, 1], best 5L pairs)')
    .option('--out <file>', 'write the RR list here (several records: FILE-<id>.rr) instead of stdout')
    .option('--plot <file>', 'also draw the contact map (.svg or .png; FILE-<id>.ext per record when there are several)')
    .option('--structure <file>', 'a PDB or mmCIF structure whose true contacts the plot overlays')
    .option('--model <kind>', 'shipped model: scnn or cnn', 'scnn')
    .option('--model-dir <dir>', 'a model written by `scnn protein train`');
  addAlignmentOptions(command)
    .action(async (file: string, options: PredictOptions) => {
      checkPlotName(options.plot);
      fileMustExist(undefined, file);
      const records = parseProteinFasta(fs.readFileSync(file, 'utf8'), { source: file });
      if (options.msa && records.length !== 1) throw new UsageError(`--msa goes with a FASTA file of one sequence; ${file} has ${records.length}`);
      const structure = options.structure ? readStructure(options.structure) : undefined;
      const couplings = await alignmentCouplings(options);
      for (const record of records) {
        const { scores, note } = await contactScores(options, record.sequence, couplings);
        if (note) process.stderr.write(`${note}\n`);
        // rank scores (with --msa) are all above any probability cut-off: keep the best 5L
        const text = writeRr(record.sequence, scores, { target: record.id, maxContacts: options.msa ? 5 * record.sequence.length : undefined });
        if (!options.out) process.stdout.write(text);
        else fs.writeFileSync(perRecordFile(options.out, record.id, records.length > 1, '.rr'), text);
        if (options.plot) {
          const truth = structure ? contactMap(placeOnTarget(structure.chain, record.sequence).chain) : undefined;
          await writePlotFile(proteinContactSpec(record.sequence.length, scores, `${record.id} (${record.sequence.length} residues)`, truth), perRecordFile(options.plot, record.id, records.length > 1, '.svg'));
        }
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
