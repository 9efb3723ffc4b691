// The loop the rna and protein benches share: for each seed, train the CNN then its SCNN twin, score it,
// and hand each finished row to the harness at once (with an ETA for the rest).
import { formatSeconds } from '@scnn/core';
import type { BenchRow, DomainName } from '../rows.js';
import { type DomainRunOptions, finishedRow } from './recsys.js';

/** What one training + scoring gives: the row less what the loop fills in. */
export type TwinRun = Omit<BenchRow, 'domain' | 'profile' | 'model' | 'seed' | 'backend'>;

export async function runTwinsPerSeed(
  domain: DomainName,
  label: string,
  seeds: number[],
  { profile, backend, signal, log, onRow, finished }: DomainRunOptions,
  trainAndScore: (model: 'cnn' | 'scnn', seed: number) => Promise<TwinRun | undefined>,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const total = seeds.length * 2;
  const started = performance.now();
  for (const seed of seeds) {
    for (const model of ['cnn', 'scnn'] as const) {
      if (signal?.aborted) return rows;
      const reused = finishedRow(finished, model, seed);
      if (reused) {
        rows.push(reused);
        onRow?.(reused);
        continue;
      }
      const eta = rows.length === 0 ? '' : `, about ${formatSeconds(((performance.now() - started) / 1000 / rows.length) * (total - rows.length))} left`;
      log(`[${domain} ${rows.length + 1}/${total}] ${label} ${model.toUpperCase()} seed ${seed}${eta}`);
      const run = await trainAndScore(model, seed);
      if (!run || signal?.aborted) return rows;
      const row: BenchRow = { domain, profile: profile.name, model, seed, backend, ...run };
      rows.push(row);
      onRow?.(row);
    }
  }
  return rows;
}
