// protein: the CNN and its SCNN twin trained on the cgdms train list, selected and scored on its val
// list (top-L/k precision per range), beside the separation-only baseline.
import path from 'node:path';
import { type ContactMetrics, contactMetrics, evaluateContacts, loadCgdmsList, meanContactMetrics, separationScores, trainContactModel } from '@scnn/protein';
import type { Profile } from '../profiles.js';
import type { BaselineRow, BenchRow } from '../rows.js';
import type { DomainRunOptions } from './recsys.js';
import { runTwinsPerSeed } from './twins.js';

export const PROTEIN_FILES = ['protein/cgdms/train.txt', 'protein/cgdms/val.txt'];
const DATASET = 'cgdms val';

const metricsOf = (m: ContactMetrics) => ({ 'long L/5': m.long['L/5'], 'long L/2': m.long['L/2'], 'medium L/5': m.medium['L/5'], 'short L/5': m.short['L/5'], f1: m.atThreshold.f1 });

export async function runProtein(options: DomainRunOptions & { profile: Profile }): Promise<BenchRow[]> {
  const dir = path.join(options.dataDir, 'protein/cgdms');
  const allTrain = loadCgdmsList(dir, 'train');
  const validation = loadCgdmsList(dir, 'val');
  const { trainSize, epochs, seeds } = options.profile.protein;
  const train = trainSize == null ? allTrain : allTrain.slice(0, trainSize);
  return runTwinsPerSeed('protein', 'cgdms', seeds, options, async (model, seed) => {
    const trained = await trainContactModel({ train, validation, architecture: { kind: model }, epochs, seed, progress: 'auto', signal: options.signal });
    if (options.signal?.aborted) return undefined;
    const t0 = performance.now();
    const m = await evaluateContacts(trained.net, validation);
    const params = trained.net.parameters();
    return {
      dataset: DATASET,
      params: { total: params.total, conv: params.conv },
      metrics: metricsOf(m),
      secondsPerEpoch: trained.secondsPerEpoch,
      inferenceSeconds: (performance.now() - t0) / 1000,
      epochs: trained.state.epoch,
      bestEpoch: trained.bestEpoch,
    };
  });
}

/** Pairs scored by sequence separation alone (1 / |i − j|), on the same chains and metrics. */
export function proteinBaselines(dataDir: string): BaselineRow[] {
  const validation = loadCgdmsList(path.join(dataDir, 'protein/cgdms'), 'val');
  const m = meanContactMetrics(validation.map((e) => contactMetrics(separationScores(e.sequence.length), e.truth)));
  return [{ dataset: DATASET, name: 'separation only', metrics: metricsOf(m) }];
}
