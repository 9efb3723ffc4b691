// rna: the CNN and its SCNN twin trained on bpRNA TR0 windows, selected (epoch and decoding settings)
// on VL0 F1, scored on TS0.
import path from 'node:path';
import { meanMetrics, predictStructure, readRna, sampleRecords, scoreStructure, trainStructureModel } from '@scnn/rna';
import type { Profile } from '../profiles.js';
import type { BenchRow } from '../rows.js';
import type { DomainRunOptions } from './recsys.js';
import { runTwinsPerSeed } from './twins.js';

export const RNA_FILES = ['rna/bprna/TR0.dbn', 'rna/bprna/VL0.dbn', 'rna/bprna/TS0.dbn'];

export async function runRna(options: DomainRunOptions & { profile: Profile }): Promise<BenchRow[]> {
  const labelled = (file: string) => readRna(path.join(options.dataDir, file)).map((r) => ({ sequence: r.sequence, partners: r.partners! }));
  const [train, validation, test] = RNA_FILES.map(labelled) as [ReturnType<typeof labelled>, ReturnType<typeof labelled>, ReturnType<typeof labelled>];
  const { epochs, samplesPerEpoch, validationSize, testSize, seeds } = options.profile.rna;
  const testSet = testSize == null ? test : test.slice(0, testSize);
  return runTwinsPerSeed('rna', 'bpRNA', seeds, options, async (model, seed) => {
    const trained = await trainStructureModel({ train, validation: sampleRecords(validation, validationSize), architecture: { kind: model }, epochs, samplesPerEpoch, seed, progress: 'auto', signal: options.signal });
    if (options.signal?.aborted) return undefined;
    const t0 = performance.now();
    const scored = [];
    for (const example of testSet) scored.push(scoreStructure((await predictStructure(trained.net, example.sequence, trained.decoding)).partners, example.partners));
    const exact = meanMetrics(scored.map((s) => s.exact));
    const shifted = meanMetrics(scored.map((s) => s.shifted));
    const params = trained.net.parameters();
    return {
      dataset: testSize == null ? 'bpRNA TS0' : `bpRNA TS0 (first ${testSet.length})`,
      params: { total: params.total, conv: params.conv },
      metrics: { f1: exact.f1, precision: exact.precision, recall: exact.recall, mcc: exact.mcc, 'f1 ±1': shifted.f1 },
      secondsPerEpoch: trained.secondsPerEpoch,
      inferenceSeconds: (performance.now() - t0) / 1000,
      epochs: trained.state.epoch,
      bestEpoch: trained.bestEpoch,
    };
  });
}
