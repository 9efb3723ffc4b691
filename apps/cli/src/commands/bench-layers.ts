import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BackendName, type LayerBenchmarkRow, availableBackends, benchmarkLayers, createProgress, parseBackendName } from '@scnn/core';
import type { Command } from 'commander';
import { UsageError, parseIntegerList } from '../errors.js';

interface BenchLayersOptions {
  json?: boolean;
  out?: string;
  backends?: string;
  sizes: string;
  channels: string;
  repeats: string;
  batch: string;
  progress: boolean;
}

export function formatLayerTable(rows: LayerBenchmarkRow[]): string {
  const header = '| backend | layer | L | C | plain conv2d (ms) | symmetric (ms) | ratio |';
  const rule = '|---|---|---:|---:|---:|---:|---:|';
  const lines = rows.map((r) => `| ${r.backend} | ${r.layer} | ${r.L} | ${r.C} | ${r.plainMs.toFixed(1)} | ${r.symmetricMs.toFixed(1)} | ${r.ratio.toFixed(2)} |`);
  return [header, rule, ...lines].join('\n');
}

export function registerBenchLayersCommand(bench: Command): void {
  bench
    .command('layers')
    .description('forward+backward time of each symmetric layer against a plain conv2d of the same shape, per backend (median of repeats)')
    .option('--json', 'print an array of rows {backend, layer, L, C, plainMs, symmetricMs, ratio}')
    .option('--out <file>', 'also write the JSON rows to this file')
    .option('--backends <list>', 'comma-separated backends (default: every available one)')
    .option('--sizes <list>', 'map sizes L', '64,128,256')
    .option('--channels <list>', 'channel counts C', '32,64')
    .option('--repeats <n>', 'timed runs per measurement (after one warm-up)', '9')
    .option('--batch <n>', 'batch size', '1')
    .option('--no-progress', 'no progress output')
    .action(async (options: BenchLayersOptions) => {
      const sizes = parseIntegerList('--sizes', options.sizes);
      const channels = parseIntegerList('--channels', options.channels);
      if (channels.some((c) => c % 2 !== 0)) throw new UsageError(`--channels must be even (the generating layer splits them in halves), got "${options.channels}"`);
      const [repeats] = parseIntegerList('--repeats', options.repeats);
      const [batch] = parseIntegerList('--batch', options.batch);
      const available = await availableBackends();
      const backends: BackendName[] = options.backends ? options.backends.split(',').map((b) => parseBackendName(b.trim(), '--backends')) : available;
      for (const b of backends) if (!available.includes(b)) throw new UsageError(`backend "${b}" is not available here (available: ${available.join(', ')})`);
      const progress = createProgress(options.progress ? 'auto' : false);
      progress.start(backends.length * sizes.length * channels.length * 2, 'bench layers');
      let done = 0;
      const rows = await benchmarkLayers({
        backends,
        sizes,
        channels,
        repeats,
        batch,
        onRow: (row) => progress.update(++done, { [`${row.backend} L${row.L} C${row.C}`]: `${row.ratio.toFixed(2)}x` }),
      });
      progress.stop();
      if (options.out) {
        fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        fs.writeFileSync(options.out, JSON.stringify(rows, null, 2) + '\n');
      }
      if (options.json) {
        console.log(JSON.stringify(rows));
        return;
      }
      console.log(`Layer benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, batch ${batch}, 3×3 kernels, median of ${repeats}`);
      console.log(formatLayerTable(rows));
    });
}
