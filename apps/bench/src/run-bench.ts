// The benchmark harness behind `pnpm bench` / `scnn bench`: for each domain, train the plain CNN and
// the SCNN under the same budget, evaluate them, and write results/<domain>.json, plots and REPORT.md.
// Domains already finished survive Ctrl-C; a rerun skips domains whose inputs did not change.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type LayerBenchmarkRow, benchmarkLayers, createProgress, initEngine } from '@scnn/core';
import { resolveDataDir } from './data/data-dir.js';
import { PROTEIN_FILES, proteinBaselines, runProtein } from './domains/protein.js';
import { type DomainRunOptions, recsysDataFiles, runRecsys } from './domains/recsys.js';
import { RNA_FILES, runRna } from './domains/rna.js';
import { inputsHash, packageEntry } from './inputs-hash.js';
import { writePlot, parameterAccuracySpec } from './plot.js';
import { PROFILES, type Profile, type ProfileName } from './profiles.js';
import { type Environment, formatReport } from './report.js';
import { type BaselineRow, type BenchRow, DOMAIN_NAMES, type DomainName, type DomainResult } from './rows.js';

export interface RunBenchOptions {
  /** A profile name, or a whole profile (tests use tiny ones). @default 'quick' */
  profile?: ProfileName | Profile;
  /** --data DIR (else SCNN_DATA, ../shared/data, the fetch cache). */
  dataDir?: string;
  /** @default all three */
  domains?: DomainName[];
  /** Where results/*.json, plots and REPORT.md go. */
  outDir: string;
  /** Rerun domains even when their inputs did not change. @default false */
  force?: boolean;
  /** Run the layer benchmark too. @default true */
  layers?: boolean;
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** The command line, for the report. */
  command?: string;
}

export interface RunBenchResult {
  domains: DomainResult[];
  layers: LayerBenchmarkRow[] | null;
  report: string;
  aborted: boolean;
}

interface DomainRunner {
  /** Files (inside the data folder) it reads: they must exist, and their content is in the hash. */
  files: (profile: Profile) => string[];
  settings: (profile: Profile) => unknown;
  /** Packages whose built code is in the hash. */
  packages: string[];
  run: (options: DomainRunOptions & { profile: Profile }) => Promise<BenchRow[]>;
  /** References without parameters, reported beside the models. */
  baselines?: (dataDir: string) => BaselineRow[];
  primaryMetric: string;
}

const DOMAINS: Record<DomainName, DomainRunner> = {
  recsys: { files: recsysDataFiles, settings: (p) => p.recsys, packages: ['@scnn/recsys'], run: runRecsys, primaryMetric: 'map' },
  rna: { files: () => RNA_FILES, settings: (p) => p.rna, packages: ['@scnn/rna'], run: runRna, primaryMetric: 'f1' },
  protein: {
    // the chain files are many; the two lists stand for them in the hash (their content names every chain)
    files: () => PROTEIN_FILES,
    settings: (p) => p.protein,
    packages: ['@scnn/protein'],
    run: runProtein,
    baselines: proteinBaselines,
    primaryMetric: 'long L/5',
  },
};

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 1) + '\n');
  fs.renameSync(tmp, file);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function versionOf(name: string): string {
  try {
    return (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export async function runBench(options: RunBenchOptions): Promise<RunBenchResult> {
  const profile = typeof options.profile === 'object' ? options.profile : PROFILES[options.profile ?? 'quick'];
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const domains = options.domains ?? [...DOMAIN_NAMES];
  const resultsDir = path.resolve(options.outDir);
  const engine = await initEngine();
  const results: DomainResult[] = [];
  let dataDir = '(none needed)';
  let aborted = false;
  const commit = gitCommit();

  for (const domain of domains) {
    const file = path.join(resultsDir, `${domain}.json`);
    const runner = DOMAINS[domain];
    const required = runner.files(profile);
    const data = resolveDataDir({ dataDir: options.dataDir, required });
    dataDir = `${data.dir} (from ${data.from})`;
    const hash = inputsHash({
      settings: { domain, profile: runner.settings(profile) },
      files: required.map((f) => path.join(data.dir, f)),
      code: [...runner.packages, '@scnn/core'].map(packageEntry),
      backend: engine.backend,
    });
    const previous = readJson<DomainResult>(file);
    if (!options.force && previous?.status === 'done' && previous.inputsHash === hash) {
      log(`${domain}: config, data and code unchanged since ${previous.date}; reusing ${path.relative(process.cwd(), file)} (--force reruns)`);
      results.push(previous);
      continue;
    }
    // an interrupted run with the same inputs: its finished runs are kept and only the rest run
    const resumable = !options.force && previous?.status === 'partial' && previous.inputsHash === hash ? previous.rows : [];
    if (resumable.length > 0) log(`${domain}: resuming an interrupted run; reusing its ${resumable.length} finished runs`);
    const started = performance.now() - (resumable.length > 0 ? previous!.seconds * 1000 : 0);
    const baselines = runner.baselines?.(data.dir);
    const snapshot = (rows: DomainResult['rows'], status: DomainResult['status']): DomainResult => ({
      domain,
      profile: profile.name,
      inputsHash: hash,
      status,
      primaryMetric: runner.primaryMetric,
      rows,
      ...(baselines ? { baselines } : {}),
      seconds: (performance.now() - started) / 1000,
      date: new Date().toISOString(),
      ...(commit ? { commit } : {}),
    });
    const finished: DomainResult['rows'] = [];
    const rows = await runner.run({
      profile,
      dataDir: data.dir,
      backend: engine.backend,
      signal: options.signal,
      log,
      finished: resumable,
      // every finished run is on disk at once, marked partial until the domain completes
      onRow: (row) => {
        finished.push(row);
        writeJson(file, snapshot(finished, 'partial'));
      },
    });
    if (options.signal?.aborted) {
      aborted = true;
      log(`${domain}: interrupted; its ${rows.length} finished runs are kept in ${path.relative(process.cwd(), file)} as partial`);
      results.push(snapshot(rows, 'partial'));
      break;
    }
    const result = snapshot(rows, 'done');
    writeJson(file, result);
    results.push(result);
  }

  // the domains this command did not run keep their last results of this profile in the report, marked
  // with the date and commit they come from (so `--domains rna` does not drop the other sections)
  for (const domain of DOMAIN_NAMES) {
    if (domains.includes(domain)) continue;
    const kept = readJson<DomainResult>(path.join(resultsDir, `${domain}.json`));
    if (kept && kept.profile === profile.name && kept.rows.length > 0) results.push({ ...kept, kept: true });
  }
  results.sort((a, b) => DOMAIN_NAMES.indexOf(a.domain) - DOMAIN_NAMES.indexOf(b.domain));

  let layers: LayerBenchmarkRow[] | null = null;
  if ((options.layers ?? true) && !aborted) {
    const file = path.join(resultsDir, 'layers.json');
    const hash = inputsHash({ settings: profile.layers, files: [], code: [packageEntry('@scnn/core')], backend: engine.backend });
    const previous = readJson<{ inputsHash: string; rows: LayerBenchmarkRow[] }>(file);
    if (!options.force && previous?.inputsHash === hash) {
      log('layers: unchanged; reusing results/layers.json');
      layers = previous.rows;
    } else {
      const { sizes, channels, repeats } = profile.layers;
      const progress = createProgress('auto');
      progress.start(sizes.length * channels.length * 2, 'layer benchmark');
      let done = 0;
      layers = await benchmarkLayers({ backends: [engine.backend], sizes, channels, repeats, onRow: () => progress.update(++done) });
      progress.stop();
      writeJson(file, { inputsHash: hash, rows: layers });
    }
  }

  const plots: Record<string, string> = {};
  for (const result of results) {
    if (result.rows.length === 0) continue;
    const metric = result.primaryMetric ?? DOMAINS[result.domain].primaryMetric;
    const base = `${result.domain}-params-vs-${metric.replace(/[^\w]+/g, '-')}`;
    await writePlot(parameterAccuracySpec(result.rows, metric, `${result.domain}: convolution parameters vs test ${metric} (${result.profile})`), path.join(resultsDir, base));
    plots[result.domain] = base;
  }
  const env: Environment = {
    date: new Date().toISOString(),
    profile: profile.name,
    backend: engine.backend,
    tfjsVersion: engine.tfjsVersion,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    versions: Object.fromEntries(['@scnn/core', '@scnn/recsys', '@scnn/rna', '@scnn/protein'].map((name) => [name, versionOf(name)])),
    commit,
    dataDir,
    command: options.command ?? `scnn bench --profile ${profile.name}`,
  };
  const report = path.join(resultsDir, 'REPORT.md');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(report, formatReport(env, results, layers, plots));
  return { domains: results, layers, report, aborted };
}
