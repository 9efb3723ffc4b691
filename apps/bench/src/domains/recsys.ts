// recsys: CosRec vs SCosRec on each data set of the profile, every seed, trained with validation-based
// model selection and scored on the test split (full catalogue).
import path from 'node:path';
import { formatSeconds } from '@scnn/core';
import { loadDataset, trainRecommender } from '@scnn/recsys';
import type { Profile } from '../profiles.js';
import type { BenchRow } from '../rows.js';

export interface DomainRunOptions {
  profile: Profile;
  dataDir: string;
  backend: string;
  signal?: AbortSignal;
  log: (line: string) => void;
  /** Called after each finished run (the harness saves partial results). */
  onRow?: (row: BenchRow) => void;
  /** Rows an interrupted run with the same inputs finished: reused, not run again. */
  finished?: BenchRow[];
}

/** The finished row of (model, seed[, dataset]) from an interrupted run, if any. */
export function finishedRow(finished: BenchRow[] | undefined, model: BenchRow['model'], seed: number, dataset?: string): BenchRow | undefined {
  return finished?.find((r) => r.model === model && r.seed === seed && (dataset === undefined || r.dataset === dataset));
}

export function recsysDataFiles(profile: Profile): string[] {
  return profile.recsys.datasets.map((d) => d.file);
}

export async function runRecsys({ profile, dataDir, backend, signal, log, onRow, finished }: DomainRunOptions): Promise<BenchRow[]> {
  const { datasets, epochs, patience, seeds } = profile.recsys;
  const rows: BenchRow[] = [];
  const total = datasets.length * seeds.length * 2;
  const started = performance.now();
  const loaded = datasets.map((config) => loadDataset({ kind: 'time-split', file: path.join(dataDir, config.file) }).dataset);
  // seeds outermost: an interrupted full run still has every data set and model at the first seeds
  for (const seed of seeds) {
    for (const [index, config] of datasets.entries()) {
      const dataset = loaded[index]!;
      for (const model of ['cnn', 'scnn'] as const) {
        if (signal?.aborted) return rows;
        const reused = finishedRow(finished, model, seed, config.name);
        if (reused) {
          rows.push(reused);
          onRow?.(reused);
          continue;
        }
        const done = rows.length;
        const eta = done === 0 ? '' : `, about ${formatSeconds(((performance.now() - started) / 1000 / done) * (total - done))} left`;
        log(`[recsys ${done + 1}/${total}] ${config.name} ${model === 'scnn' ? 'SCosRec' : 'CosRec'} seed ${seed}${eta}`);
        const trained = await trainRecommender({
          dataset,
          kind: model,
          epochs,
          earlyStopping: patience > 0 ? { patience } : false,
          seed,
          progress: 'auto',
          signal,
        });
        if (signal?.aborted || !trained.test) {
          trained.model.dispose();
          return rows;
        }
        const params = trained.model.parameters();
        const { phase: _phase, users: _users, usersWithoutTargets: _u, targetsInHistory: _t, seconds, ...metrics } = trained.test;
        const row: BenchRow = {
          domain: 'recsys',
          dataset: config.name,
          profile: profile.name,
          model,
          seed,
          params: { total: params.total, conv: params.conv },
          metrics,
          secondsPerEpoch: trained.secondsPerEpoch,
          inferenceSeconds: seconds,
          backend,
          epochs: trained.state.epoch,
          bestEpoch: trained.bestEpoch,
        };
        rows.push(row);
        onRow?.(row);
        trained.model.dispose();
      }
    }
  }
  return rows;
}
