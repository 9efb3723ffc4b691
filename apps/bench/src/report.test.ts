import { describe, expect, it } from 'vitest';
import { formatReport, meanAndDeviation } from './report.js';
import type { BenchRow } from './rows.js';

const row = (model: 'cnn' | 'scnn', seed: number, map: number): BenchRow => ({
  domain: 'recsys',
  dataset: 'd',
  profile: 'full',
  model,
  seed,
  params: { total: model === 'cnn' ? 1000 : 800, conv: model === 'cnn' ? 600 : 400 },
  metrics: { map },
  secondsPerEpoch: 2,
  inferenceSeconds: 0.5,
  backend: 'cpu',
  epochs: 3,
  bestEpoch: 2,
});

describe('report', () => {
  it('mean ± sample standard deviation', () => {
    expect(meanAndDeviation([1, 2, 3])).toEqual({ mean: 2, sd: 1 });
    expect(meanAndDeviation([5])).toEqual({ mean: 5, sd: null });
  });

  it('one table row per (dataset, model) with seeds, conv share and mean ± sd', () => {
    const env = { date: 'today', profile: 'full', backend: 'cpu', tfjsVersion: '4', node: 'v20', cpu: 'x', cores: 2, memoryGiB: 1, versions: {}, dataDir: '/d', command: 'scnn bench' };
    const text = formatReport(env, [{ domain: 'recsys', profile: 'full', inputsHash: 'h', status: 'done', primaryMetric: 'map', rows: [row('cnn', 0, 0.1), row('cnn', 1, 0.2), row('scnn', 0, 0.3), row('scnn', 1, 0.3)], seconds: 60, date: 'today' }], null, { recsys: 'plot' });
    expect(text).toContain('| d | CNN | 0, 1 | 1,000 | 600 | 0.1500 ± 0.0707 | 2.0 ± 0.0 | 0.50 ± 0.00 |');
    expect(text).toContain('| d | SCNN | 0, 1 | 800 | 400 (66.7%) | 0.3000 ± 0.0000 |');
    expect(text).toContain('![parameters vs map](plot.svg)');
  });

  it('a baseline row under the models, with the same metric columns', () => {
    const env = { date: 'today', profile: 'full', backend: 'cpu', tfjsVersion: '4', node: 'v20', cpu: 'x', cores: 2, memoryGiB: 1, versions: {}, dataDir: '/d', command: 'scnn bench' };
    const baselines = [{ dataset: 'd', name: 'separation only', metrics: { map: 0.05 } }];
    const text = formatReport(env, [{ domain: 'protein', profile: 'full', inputsHash: 'h', status: 'done', primaryMetric: 'map', rows: [row('cnn', 0, 0.1)], baselines, seconds: 60, date: 'today' }], null, {});
    const lines = text.split('\n');
    expect(lines[lines.findIndex((l) => l.startsWith('| d | CNN |')) + 1]).toBe('| d | separation only (baseline) | | 0 | 0 | 0.0500 | | |');
  });
});
