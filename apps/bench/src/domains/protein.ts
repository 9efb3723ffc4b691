// protein: the CNN and its SCNN twin trained on the cgdms train list, selected and scored on its val
// list (top-L/k precision per range), beside the separation-only baseline.
import path from 'node:path';
import { formatSeconds } from '@scnn/core';
import { evaluateContacts, loadCgdmsList, trainContactModel } from '@scnn/protein';
import type { Profile } from '../profiles.js';
import type { BenchRow } from '../rows.js';
import type { DomainRunOptions } from './recsys.js';

export const PROTEIN_FILES = ['protein/cgdms/train.txt', 'protein/cgdms/val.txt'];

export async function runProtein({ profile, dataDir, backend, signal, log, onRow }: DomainRunOptions & { profile: Profile }): Promise<BenchRow[]> {
  const dir = path.join(dataDir, 'protein/cgdms');
  const allTrain = loadCgdmsList(dir, 'train');
  const validation = loadCgdmsList(dir, 'val');
  const { trainSize, epochs, seeds } = profile.protein;
  const train = trainSize == null ? allTrain : allTrain.slice(0, trainSize);
  const rows: BenchRow[] = [];
  const total = seeds.length * 2;
  const started = performance.now();
  for (const seed of seeds) {
    for (const model of ['cnn', 'scnn'] as const) {
      if (signal?.aborted) return rows;
      const eta = rows.length === 0 ? '' : `, about ${formatSeconds(((performance.now() - started) / 1000 / rows.length) * (total - rows.length))} left`;
      log(`[protein ${rows.length + 1}/${total}] cgdms ${model.toUpperCase()} seed ${seed}${eta}`);
      const trained = await trainContactModel({ train, validation, architecture: { kind: model }, epochs, seed, progress: 'auto', signal });
      if (signal?.aborted) return rows;
      const t0 = performance.now();
      const m = await evaluateContacts(trained.net, validation);
      const params = trained.net.parameters();
      const row: BenchRow = {
        domain: 'protein',
        dataset: 'cgdms val',
        profile: profile.name,
        model,
        seed,
        params: { total: params.total, conv: params.conv },
        metrics: { 'long L/5': m.long['L/5'], 'long L/2': m.long['L/2'], 'medium L/5': m.medium['L/5'], 'short L/5': m.short['L/5'], f1: m.atThreshold.f1 },
        secondsPerEpoch: trained.secondsPerEpoch,
        inferenceSeconds: (performance.now() - t0) / 1000,
        backend,
        epochs: trained.state.epoch,
        bestEpoch: trained.bestEpoch,
      };
      rows.push(row);
      onRow?.(row);
    }
  }
  return rows;
}
