// scnn rna train | predict | evaluate | select-decoding: RNA secondary structure with the plain CNN and its
// SCNN twin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rnaStructureSpec, writePlotFile } from '@scnn/bench';
import { PAIR_NET_KINDS, type PairNetKind, engineInfo, initEngine } from '@scnn/core';
import {
  DECODERS,
  DEFAULT_PAIR_FEATURE_SET,
  type Decoder,
  type DecodingSettings,
  PAIR_FEATURE_SETS,
  type PairFeatureSet,
  type PairNet,
  type RnaRecord,
  dotBracketFromPartners,
  loadStructureModel,
  meanMetrics,
  normalizeSequence,
  pairsOf,
  predictStructure,
  readRna,
  saveStructureModel,
  sampleRecords,
  scoreStructure,
  selectDecoding,
  shippedModelDir,
  storedDecoding,
  trainStructureModel,
  writeBpseq,
  writeCt,
} from '@scnn/rna';
import type { Command } from 'commander';
import { UsageError, fileMustExist, parseNumber } from '../errors.js';
import { trainUntilInterrupted } from '../interrupt.js';
import { addPairTrainingOptions, loadPairModel, parsePairNetKind } from './pair-models.js';

const loadNet = (options: { model: string; modelDir?: string }) => loadPairModel(options, loadStructureModel, shippedModelDir, 'scnn rna train');

/** --init-from: the shipped weights of a kind, or a model folder. */
function loadInitialModel(value: string): { net: PairNet; source: string } {
  if (PAIR_NET_KINDS.includes(value as PairNetKind)) return loadNet({ model: value });
  return { net: loadStructureModel(fileMustExist('--init-from', value)).net, source: path.resolve(value) };
}

const THRESHOLD_HELP = 'minimum pair probability (default: the one chosen on validation data at training, else 0.5)';
const LONELY_PAIRS_HELP = 'allow | forbid pairs with no stacked neighbour, as RNAfold --noLP (default: chosen on validation data at training, else allow)';
const DECODER_HELP = 'greedy (by score, pseudoknots possible) | nested (best non-crossing structure) (default: chosen on validation data, else greedy)';

interface DecodingFlags {
  decoder?: string;
  threshold?: string;
  lonelyPairs?: string;
}

/** --decoder / --threshold / --lonely-pairs, else what the model chose on validation data, else DEFAULT_DECODING. */
function decodingSettings(options: DecodingFlags, metadata: Record<string, unknown>): DecodingSettings {
  if (options.lonelyPairs !== undefined && !['allow', 'forbid'].includes(options.lonelyPairs)) throw new UsageError(`--lonely-pairs expects allow or forbid, got "${options.lonelyPairs}"`);
  if (options.decoder !== undefined && !DECODERS.includes(options.decoder as Decoder)) throw new UsageError(`--decoder expects ${DECODERS.join(' or ')}, got "${options.decoder}"`);
  const stored = storedDecoding(metadata);
  return {
    decoder: (options.decoder as Decoder | undefined) ?? stored.decoder,
    threshold: options.threshold !== undefined ? parseNumber('--threshold', options.threshold, { min: 0, max: 1 }) : stored.threshold,
    lonelyPairs: options.lonelyPairs !== undefined ? options.lonelyPairs === 'allow' : stored.lonelyPairs,
  };
}

const describeDecoding = (s: DecodingSettings) => `${s.decoder} decoder, threshold ${s.threshold}, lonely pairs ${s.lonelyPairs ? 'allowed' : 'forbidden'}`;

interface PredictOptions extends DecodingFlags {
  sequence?: string;
  format: string;
  model: string;
  modelDir?: string;
  plot?: string;
}

/** The plot file of one record: FILE itself for a single record, FILE-<id>.ext for several. */
function plotFile(file: string, id: string, several: boolean): string {
  if (!several) return file;
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}-${id.replace(/[^\w.-]+/g, '_')}${ext}`;
}

function registerPredict(rna: Command): void {
  rna
    .command('predict [file]')
    .description('predict secondary structures for --sequence SEQ or the records of a FASTA file')
    .option('--sequence <seq>', 'one RNA sequence (T → U, any case)')
    .option('--format <name>', 'dbn | bpseq | ct', 'dbn')
    .option('--model <kind>', 'shipped model: scnn or cnn', 'scnn')
    .option('--model-dir <dir>', 'a model written by `scnn rna train` instead of a shipped one')
    .option('--decoder <name>', DECODER_HELP)
    .option('--threshold <p>', THRESHOLD_HELP)
    .option('--lonely-pairs <mode>', LONELY_PAIRS_HELP)
    .option('--plot <file>', 'also draw the pair-probability map and an arc diagram (.svg or .png; FILE-<id>.ext per record when there are several)')
    .action(async (file: string | undefined, options: PredictOptions) => {
      if (!['dbn', 'bpseq', 'ct'].includes(options.format)) throw new UsageError(`--format expects dbn, bpseq or ct, got "${options.format}"`);
      if (options.plot && !/\.(svg|png)$/i.test(options.plot)) throw new UsageError(`--plot expects a .svg or .png file name, got "${options.plot}"`);
      if (!file === !options.sequence) throw new UsageError('give either --sequence SEQ or a FASTA file');
      let records: Pick<RnaRecord, 'id' | 'sequence'>[];
      if (options.sequence) {
        const normalized = normalizeSequence(options.sequence.trim());
        if (normalized.invalidAt >= 0 || normalized.sequence.length === 0) throw new UsageError(`--sequence: "${options.sequence[normalized.invalidAt] ?? ''}" at position ${normalized.invalidAt + 1} is not a nucleotide letter`);
        records = [{ id: 'sequence', sequence: normalized.sequence }];
      } else {
        records = readRna(fileMustExist('file', file!), 'fasta');
      }
      await initEngine();
      const { net, metadata } = loadNet(options);
      const decoding = decodingSettings(options, metadata);
      for (const record of records) {
        const { partners, probabilities } = await predictStructure(net, record.sequence, decoding);
        if (options.plot) {
          const target = plotFile(options.plot, record.id, records.length > 1);
          await writePlotFile(rnaStructureSpec(record.sequence, probabilities, pairsOf(partners), `${record.id} (${record.sequence.length} nt)`), target);
        }
        if (options.format === 'dbn') process.stdout.write(`>${record.id}\n${record.sequence}\n${dotBracketFromPartners(partners)}\n`);
        else if (options.format === 'bpseq') process.stdout.write(`# ${record.id}\n${writeBpseq({ sequence: record.sequence, partners })}`);
        else process.stdout.write(writeCt({ id: record.id, sequence: record.sequence, partners }));
      }
    });
}

interface EvaluateOptions extends DecodingFlags {
  model: string;
  modelDir?: string;
  json?: boolean;
  limit?: string;
}

function registerEvaluate(rna: Command): void {
  rna
    .command('evaluate <file>')
    .description('F1, precision, recall and MCC (per sequence, then averaged) on labelled dot-bracket, bpseq, ct or ArchiveII CSV data')
    .option('--model <kind>', 'shipped model: scnn or cnn', 'scnn')
    .option('--model-dir <dir>', 'a model written by `scnn rna train`')
    .option('--decoder <name>', DECODER_HELP)
    .option('--threshold <p>', THRESHOLD_HELP)
    .option('--lonely-pairs <mode>', LONELY_PAIRS_HELP)
    .option('--limit <n>', 'only the first n records')
    .option('--json', 'print {f1, precision, recall, mcc, n, shifted, rows}')
    .action(async (file: string, options: EvaluateOptions) => {
      decodingSettings(options, {}); // bad flags fail before the data is read
      let records = readRna(fileMustExist('file', file)).filter((r) => r.partners);
      if (records.length === 0) throw new UsageError(`${file}: no labelled structures (use dot-bracket, bpseq, ct or the ArchiveII CSV)`);
      if (options.limit) records = records.slice(0, parseNumber('--limit', options.limit, { min: 1, integer: true }));
      await initEngine();
      const { net, source, metadata } = loadNet(options);
      const decoding = decodingSettings(options, metadata);
      const started = performance.now();
      const rows = [];
      for (const record of records) {
        const scored = scoreStructure((await predictStructure(net, record.sequence, decoding)).partners, record.partners!);
        rows.push({ id: record.id, length: record.sequence.length, family: (record as { family?: string }).family, ...scored.exact, shifted: scored.shifted });
      }
      const mean = meanMetrics(rows);
      const shifted = meanMetrics(rows.map((r) => r.shifted));
      const families = new Map<string, typeof rows>();
      for (const row of rows) if (row.family) families.set(row.family, [...(families.get(row.family) ?? []), row]);
      const familyMeans = [...families].sort(([a], [b]) => a.localeCompare(b)).map(([family, members]) => ({ family, ...meanMetrics(members), shifted: meanMetrics(members.map((r) => r.shifted)) }));
      if (options.json) {
        console.log(JSON.stringify({ ...mean, shifted, ...decoding, model: source, backend: engineInfo()?.backend, seconds: (performance.now() - started) / 1000, families: familyMeans, rows }));
        return;
      }
      console.log(describeDecoding(decoding));
      console.log('| data | model | n | F1 | precision | recall | MCC | F1 (±1 shift) |');
      console.log('|---|---|---:|---:|---:|---:|---:|---:|');
      console.log(`| ${path.basename(file)} | ${source} | ${mean.n} | ${mean.f1.toFixed(3)} | ${mean.precision.toFixed(3)} | ${mean.recall.toFixed(3)} | ${mean.mcc.toFixed(3)} | ${shifted.f1.toFixed(3)} |`);
      for (const m of familyMeans) console.log(`| ${m.family} | | ${m.n} | ${m.f1.toFixed(3)} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.mcc.toFixed(3)} | ${m.shifted.f1.toFixed(3)} |`);
    });
}

interface TrainOptions {
  train: string;
  validation: string;
  model: string;
  out: string;
  channels: string;
  epochs: string;
  samplesPerEpoch?: string;
  validationSize: string;
  crop: string;
  batchSize: string;
  seed: string;
  features: string;
  learningRate: string;
  initFrom?: string;
  resume: boolean;
  progress: boolean;
}

function registerTrain(rna: Command): void {
  const command = rna
    .command('train')
    .description('train the CNN or its SCNN twin on labelled structures (model selection on validation F1); checkpoints every epoch, a rerun resumes')
    .requiredOption('--train <file>', 'labelled training data (e.g. bpRNA TR0.dbn)')
    .requiredOption('--validation <file>', 'labelled validation data (e.g. VL0.dbn)')
    .requiredOption('--out <dir>', 'model folder: model.json, weights.ckpt, checkpoints/')
    .option('--samples-per-epoch <n>', 'training sequences per epoch, one random window each (default: all)')
    .option('--validation-size <n>', 'validation sequences scored after each epoch (a fixed random sample of the file)', '150')
    .option('--crop <n>', 'training window length', '80')
    .option('--batch-size <n>', 'windows per step', '8')
    .option('--features <set>', `pair input features: ${PAIR_FEATURE_SETS.join(' or ')} (see the package README)`, DEFAULT_PAIR_FEATURE_SET)
    .option('--learning-rate <x>', 'initial Adam learning rate (halved after 2 epochs without improvement)', '0.002')
    .option('--init-from <model>', "fine-tune: start from a model's weights (cnn or scnn for the shipped ones, or a folder written by this command); the architecture is that model's");
  addPairTrainingOptions(command)
    .action(async (options: TrainOptions) => {
      const initial = options.initFrom ? loadInitialModel(options.initFrom) : undefined;
      if (initial) {
        // the architecture comes from the model; flags that say otherwise are a user error, not silently overridden
        const config = { model: initial.net.config.kind, channels: initial.net.config.channels, features: initial.net.config.features };
        const conflict = (['model', 'channels', 'features'] as const).find((k) => command.getOptionValueSource(k) === 'cli' && options[k] !== String(config[k]));
        if (conflict) throw new UsageError(`--${conflict} ${options[conflict]} conflicts with --init-from ${options.initFrom} (${conflict} ${config[conflict]}); leave it out`);
      }
      const kind = initial?.net.config.kind ?? parsePairNetKind(options.model);
      if (!initial && !PAIR_FEATURE_SETS.includes(options.features as PairFeatureSet)) throw new UsageError(`--features expects ${PAIR_FEATURE_SETS.join(' or ')}, got "${options.features}"`);
      const features = initial?.net.config.features ?? (options.features as PairFeatureSet);
      const int = (flag: string, value: string, min = 1) => parseNumber(flag, value, { min, integer: true });
      const settings = {
        channels: initial?.net.config.channels ?? int('--channels', options.channels),
        epochs: int('--epochs', options.epochs),
        samplesPerEpoch: options.samplesPerEpoch ? int('--samples-per-epoch', options.samplesPerEpoch) : undefined,
        validationSize: int('--validation-size', options.validationSize),
        crop: int('--crop', options.crop, 8),
        batchSize: int('--batch-size', options.batchSize),
        seed: int('--seed', options.seed, 0),
        features,
        learningRate: parseNumber('--learning-rate', options.learningRate, { min: Number.MIN_VALUE }),
        ...(initial ? { initFrom: initial.source } : {}),
      };
      const trainSet = readLabelled('--train', options.train);
      const validationSet = sampleRecords(readLabelled('--validation', options.validation), settings.validationSize);
      const info = await initEngine();
      const log = (line: string) => process.stderr.write(`${line}\n`);
      log(`train: ${trainSet.length} sequences, validation: ${validationSet.length}; backend ${info.backend}`);
      const trained = await trainUntilInterrupted(
        (signal) =>
          trainStructureModel({
            train: trainSet,
            validation: validationSet,
            architecture: { kind, channels: settings.channels, features },
            initialNet: initial?.net,
            learningRate: settings.learningRate,
            crop: settings.crop,
            batchSize: settings.batchSize,
            epochs: settings.epochs,
            samplesPerEpoch: settings.samplesPerEpoch,
            seed: settings.seed,
            checkpointDir: path.join(options.out, 'checkpoints'),
            resume: options.resume,
            progress: options.progress ? 'auto' : false,
            signal,
            onEpochEnd: (e) => void log(`epoch ${e.epoch}: loss ${e.loss.toFixed(4)}, validation F1 ${(e.metrics.f1 ?? NaN).toFixed(4)}, ${e.seconds.toFixed(0)} s${e.improved ? ' *' : ''}`),
          }),
        `rerun the same command to resume`,
      );
      if (!trained) return;
      const params = trained.net.parameters();
      const best = trained.state.history.find((h) => h.epoch === trained.bestEpoch);
      const chosen = trained.decodingSelection;
      if (chosen) log(`decoding: ${describeDecoding(chosen)} (validation F1 ${chosen.f1.toFixed(4)}; greedy at 0.5 with lonely pairs gives ${chosen.curve.find((c) => c.decoder === 'greedy' && c.threshold === 0.5 && c.lonelyPairs)?.f1.toFixed(4)})`);
      await saveStructureModel(options.out, trained.net, {
        kind,
        params,
        settings,
        train: path.resolve(options.train),
        validation: path.resolve(options.validation),
        bestEpoch: trained.bestEpoch,
        validationMetrics: best?.metrics ?? null,
        decoder: trained.decoding.decoder,
        threshold: trained.decoding.threshold,
        lonelyPairs: trained.decoding.lonelyPairs,
        decodingCurve: chosen?.curve ?? null,
        secondsPerEpoch: trained.secondsPerEpoch,
        backend: info.backend,
        machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
        date: new Date().toISOString(),
      });
      console.log(`${kind}: ${params.total} parameters, ${params.conv} convolutional (${(params.convRatio * 100).toFixed(1)}% of the plain CNN's ${params.plainConv}); best validation F1 ${best?.metrics.f1?.toFixed(4)} at epoch ${trained.bestEpoch}; saved ${path.join(options.out, 'model.json')}`);
    });
}

interface SelectDecodingOptions {
  validation: string;
  validationSize: string;
  model: string;
  modelDir?: string;
  write?: boolean;
}

/** The labelled records of a structure file, as training examples. */
function readLabelled(flag: string, file: string): { sequence: string; partners: Int32Array }[] {
  return readRna(fileMustExist(flag, file))
    .filter((r) => r.partners)
    .map((r) => ({ sequence: r.sequence, partners: r.partners! }));
}

function registerSelectDecoding(rna: Command): void {
  rna
    .command('select-decoding')
    .description("choose a trained model's decoding settings (decoder, threshold, lonely pairs) on labelled validation data, as training does; --write stores them in its model.json")
    .requiredOption('--validation <file>', 'labelled validation data (e.g. bpRNA VL0.dbn), never the test set')
    .option('--validation-size <n>', 'sequences used (a fixed random sample of the file)', '150')
    .option('--model <kind>', 'shipped model: scnn or cnn', 'scnn')
    .option('--model-dir <dir>', 'a model written by `scnn rna train`')
    .option('--write', 'store the chosen settings in --model-dir DIR/model.json')
    .action(async (options: SelectDecodingOptions) => {
      if (options.write && !options.modelDir) throw new UsageError('--write needs --model-dir DIR (the shipped weights are read-only)');
      const size = parseNumber('--validation-size', options.validationSize, { min: 1, integer: true });
      const labelled = readLabelled('--validation', options.validation);
      if (labelled.length === 0) throw new UsageError(`${options.validation}: no labelled structures`);
      const validation = sampleRecords(labelled, size);
      await initEngine();
      const { net, source, metadata } = loadNet(options);
      const chosen = await selectDecoding(net, validation);
      const was = decodingSettings({}, metadata);
      const f1At = (s: DecodingSettings) => chosen.curve.find((c) => c.decoder === s.decoder && c.threshold === s.threshold && c.lonelyPairs === s.lonelyPairs)?.f1;
      const bestOf = (decoder: Decoder) => chosen.curve.filter((c) => c.decoder === decoder).reduce((a, b) => (b.f1 > a.f1 ? b : a));
      console.log(`${source}: ${validation.length} validation sequences`);
      console.log(`chosen: ${describeDecoding(chosen)}, validation F1 ${chosen.f1.toFixed(4)}`);
      for (const decoder of DECODERS) console.log(`best ${decoder}: ${describeDecoding(bestOf(decoder))}, validation F1 ${bestOf(decoder).f1.toFixed(4)}`);
      console.log(`model's current settings: ${describeDecoding(was)}, validation F1 ${f1At(was)?.toFixed(4) ?? '(not on the grid)'}`);
      if (!options.write) return;
      const file = path.join(options.modelDir!, 'model.json');
      const descriptor = JSON.parse(fs.readFileSync(file, 'utf8'));
      descriptor.metadata = {
        ...descriptor.metadata,
        decoder: chosen.decoder,
        threshold: chosen.threshold,
        lonelyPairs: chosen.lonelyPairs,
        decodingCurve: chosen.curve,
        decodingSelectedOn: { file: path.resolve(options.validation), sequences: validation.length, f1: chosen.f1, date: new Date().toISOString() },
      };
      delete descriptor.metadata.thresholdCurve; // superseded by decodingCurve
      const tmp = `${file}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, JSON.stringify(descriptor, null, 1) + '\n');
      fs.renameSync(tmp, file);
      console.log(`wrote ${file}`);
    });
}

export function registerRnaCommands(program: Command): Command {
  const rna = program.command('rna').description('RNA secondary structure: plain CNN (cnn) and its symmetric twin (scnn)');
  registerTrain(rna);
  registerPredict(rna);
  registerEvaluate(rna);
  registerSelectDecoding(rna);
  return rna;
}
