// rna: the CNN and its SCNN twin trained on bpRNA TR0 windows, selected (epoch and decoding threshold)
// on VL0 F1, scored on TS0.
import path from 'node:path';
import { formatSeconds } from '@scnn/core';
import { meanMetrics, predictStructure, readRna, scoreStructure, trainStructureModel } from '@scnn/rna';
import type { Profile } from '../profiles.js';
import type { BenchRow } from '../rows.js';
import type { DomainRunOptions } from './recsys.js';

export const RNA_FILES = ['rna/bprna/TR0.dbn', 'rna/bprna/VL0.dbn', 'rna/bprna/TS0.dbn'];

export async function runRna({ profile, dataDir, backend, signal, log, onRow }: DomainRunOptions & { profile: Profile }): Promise<BenchRow[]> {
  const labelled = (file: string) => readRna(path.join(dataDir, file)).map((r) => ({ sequence: r.sequence, partners: r.partners! }));
  const [train, validation, test] = RNA_FILES.map(labelled) as [ReturnType<typeof labelled>, ReturnType<typeof labelled>, ReturnType<typeof labelled>];
  const { epochs, samplesPerEpoch, validationSize, testSize, seeds } = profile.rna;
  const testSet = testSize == null ? test : test.slice(0, testSize);
  const rows: BenchRow[] = [];
  const total = seeds.length * 2;
  const started = performance.now();
  for (const seed of seeds) {
    for (const model of ['cnn', 'scnn'] as const) {
      if (signal?.aborted) return rows;
      const eta = rows.length === 0 ? '' : `, about ${formatSeconds(((performance.now() - started) / 1000 / rows.length) * (total - rows.length))} left`;
      log(`[rna ${rows.length + 1}/${total}] bpRNA ${model.toUpperCase()} seed ${seed}${eta}`);
      const trained = await trainStructureModel({ train, validation: validation.slice(0, validationSize), architecture: { kind: model }, epochs, samplesPerEpoch, seed, progress: 'auto', signal });
      if (signal?.aborted) return rows;
      const t0 = performance.now();
      const scored = [];
      for (const example of testSet) scored.push(scoreStructure((await predictStructure(trained.net, example.sequence, { threshold: trained.threshold })).partners, example.partners));
      const exact = meanMetrics(scored.map((s) => s.exact));
      const shifted = meanMetrics(scored.map((s) => s.shifted));
      const params = trained.net.parameters();
      const row: BenchRow = {
        domain: 'rna',
        dataset: testSize == null ? 'bpRNA TS0' : `bpRNA TS0 (first ${testSet.length})`,
        profile: profile.name,
        model,
        seed,
        params: { total: params.total, conv: params.conv },
        metrics: { f1: exact.f1, precision: exact.precision, recall: exact.recall, mcc: exact.mcc, 'f1 ±1': shifted.f1 },
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
