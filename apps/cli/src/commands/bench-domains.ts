// scnn bench (no subcommand): the CNN vs SCNN comparison for every domain, and scnn data fetch.
import path from 'node:path';
import { DOMAIN_NAMES, type DomainName, PROFILE_NAMES, type ProfileName, dataCacheDir, fetchData, runBench } from '@scnn/bench';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

interface BenchOptions {
  profile: string;
  data?: string;
  domains?: string;
  out?: string;
  force?: boolean;
  layers: boolean;
}

export function registerBenchDomainsAction(bench: Command): void {
  bench
    .option('--profile <name>', `${PROFILE_NAMES.join(' | ')}: quick (≤ 15 min on 2 cores, few epochs) or full (README settings, 3 seeds)`, 'quick')
    .option('--data <dir>', 'data folder (default: $SCNN_DATA, ../shared/data, or the `scnn data fetch` cache)')
    .option('--domains <list>', `comma-separated subset of ${DOMAIN_NAMES.join(',')}`)
    .option('--out <dir>', 'results folder: <domain>.json, plots, REPORT.md (default: apps/bench/results/<profile>)')
    .option('--force', 'rerun domains whose config, data and code did not change')
    .option('--no-layers', 'skip the layer benchmark')
    .action(async (options: BenchOptions) => {
      if (!PROFILE_NAMES.includes(options.profile as ProfileName)) throw new UsageError(`--profile expects ${PROFILE_NAMES.join(' or ')}, got "${options.profile}"`);
      const domains = options.domains?.split(',').map((d) => d.trim());
      for (const d of domains ?? []) if (!DOMAIN_NAMES.includes(d as DomainName)) throw new UsageError(`--domains: unknown domain "${d}" (expected ${DOMAIN_NAMES.join(', ')})`);
      const controller = new AbortController();
      const onSignal = () => {
        process.stderr.write('\nscnn: stopping after the current step (Ctrl-C again to quit now)\n');
        controller.abort();
        process.once('SIGINT', () => process.exit(130));
      };
      process.once('SIGINT', onSignal);
      const result = await runBench({
        profile: options.profile as ProfileName,
        dataDir: options.data,
        domains: domains as DomainName[] | undefined,
        outDir: options.out ?? path.join('apps', 'bench', 'results', options.profile),
        force: options.force,
        layers: options.layers,
        signal: controller.signal,
        command: `scnn ${process.argv.slice(2).join(' ')}`,
      });
      process.off('SIGINT', onSignal);
      for (const domain of result.domains) {
        console.log(`${domain.domain}: ${domain.status === 'done' ? `${domain.rows.length} runs` : `not run (${domain.note})`}`);
      }
      console.log(`report: ${path.relative(process.cwd(), result.report)}`);
      if (result.aborted) process.exitCode = 130;
    });
}

interface FetchOptions {
  dir?: string;
  domains?: string;
  baseUrl?: string;
  progress: boolean;
}

export function registerDataCommands(program: Command): Command {
  const data = program.command('data').description('the real data sets');
  data
    .command('fetch')
    .description('download the data files from their public source repositories at pinned commits, checking SHA-256')
    .option('--dir <dir>', `target folder (default: ${dataCacheDir()})`)
    .option('--domains <list>', `only these folders: ${DOMAIN_NAMES.join(',')}`)
    .option('--base-url <url>', 'raw-file server, fetched as URL/<repository>/<commit>/<path> (default: $SCNN_DATA_BASE_URL or https://raw.githubusercontent.com)')
    .option('--no-progress', 'no progress bar')
    .action(async (options: FetchOptions) => {
      const domains = options.domains?.split(',').map((d) => d.trim());
      for (const d of domains ?? []) if (!DOMAIN_NAMES.includes(d as DomainName)) throw new UsageError(`--domains: unknown domain "${d}" (expected ${DOMAIN_NAMES.join(', ')})`);
      const result = await fetchData({ dir: options.dir, domains, baseUrl: options.baseUrl, progress: options.progress ? 'auto' : false });
      console.log(`${result.dir}: ${result.downloaded.length} downloaded, ${result.present.length} already present, ${result.failed.length} failed`);
      if (result.failed.length > 0) {
        throw new UsageError(`${result.failed.length} files could not be fetched (first: ${result.failed[0]!.error})`);
      }
    });
  return data;
}
