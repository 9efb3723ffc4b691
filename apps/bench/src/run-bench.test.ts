import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Profile } from './profiles.js';
import type { DomainResult } from './rows.js';
import { runBench } from './run-bench.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-bench-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const dataDir = path.join(root, 'data');
fs.mkdirSync(path.join(dataDir, 'recsys'), { recursive: true });
const writeData = (shift: number) =>
  fs.writeFileSync(path.join(dataDir, 'recsys/cycles.txt'), Array.from({ length: 30 }, (_, u) => `u${u} ${Array.from({ length: 12 }, (_, t) => `i${(u * 7 + t + shift) % 25}`).join(' ')}`).join('\n') + '\n');
writeData(0);
fs.mkdirSync(path.join(dataDir, 'rna/bprna'), { recursive: true });
for (const split of ['TR0', 'VL0', 'TS0']) {
  fs.writeFileSync(path.join(dataDir, `rna/bprna/${split}.dbn`), Array.from({ length: 6 }, (_, k) => `>${split}_${k}\nGGG${'A'.repeat(3 + (k % 3))}CCC\n(((${'.'.repeat(3 + (k % 3))})))\n`).join(''));
}

const tiny: Profile = {
  name: 'quick',
  recsys: { datasets: [{ name: 'cycles', file: 'recsys/cycles.txt' }], epochs: 1, patience: 0, seeds: [0] },
  rna: { epochs: 1, samplesPerEpoch: 6, validationSize: 3, testSize: 4, seeds: [0] },
  protein: { trainSize: 2, epochs: 1, seeds: [0] },
  layers: { sizes: [8], channels: [4], repeats: 1 },
};

describe('runBench', () => {
  const outDir = path.join(root, 'results');
  const lines: string[] = [];
  const run = () => runBench({ profile: tiny, dataDir, outDir, domains: ['recsys', 'rna'], log: (l) => lines.push(l) });

  it('writes results/<domain>.json rows, plots and REPORT.md for each domain', async () => {
    const result = await run();
    const recsys = JSON.parse(fs.readFileSync(path.join(outDir, 'recsys.json'), 'utf8')) as DomainResult;
    expect(recsys.status).toBe('done');
    expect(recsys.rows.map((r) => [r.dataset, r.model, r.seed])).toEqual([
      ['cycles', 'cnn', 0],
      ['cycles', 'scnn', 0],
    ]);
    for (const row of recsys.rows) {
      expect(Object.keys(row).sort()).toEqual(['backend', 'bestEpoch', 'dataset', 'domain', 'epochs', 'inferenceSeconds', 'metrics', 'model', 'params', 'profile', 'secondsPerEpoch', 'seed']);
      expect(row.metrics.map).toBeGreaterThan(0);
      expect(row.secondsPerEpoch).toBeGreaterThan(0);
    }
    expect(recsys.rows[1]!.params.conv / recsys.rows[0]!.params.conv).toBeCloseTo(531456 / 783616, 6);
    const rna = result.domains.find((d) => d.domain === 'rna')!;
    expect(rna.rows.map((r) => [r.dataset, r.model])).toEqual([
      ['bpRNA TS0 (first 4)', 'cnn'],
      ['bpRNA TS0 (first 4)', 'scnn'],
    ]);
    expect(Object.keys(rna.rows[0]!.metrics)).toEqual(['f1', 'precision', 'recall', 'mcc', 'f1 ±1']);
    const report = fs.readFileSync(path.join(outDir, 'REPORT.md'), 'utf8');
    expect(report).toContain('| cycles | SCNN | 0 |');
    expect(report).toContain('| bpRNA TS0 (first 4) | SCNN | 0 |');
    expect(fs.existsSync(path.join(outDir, 'rna-params-vs-f1.png'))).toBe(true);
    expect(report).toContain('## Layer benchmark');
    const png = fs.readFileSync(path.join(outDir, 'recsys-params-vs-map.png'));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(fs.readFileSync(path.join(outDir, 'recsys-params-vs-map.svg'), 'utf8')).toMatch(/^<svg[\s\S]*convolution parameters[\s\S]*<\/svg>$/);
  });

  it('a rerun skips a domain whose config, data and code did not change, and reruns when the data changes', async () => {
    lines.length = 0;
    await run();
    expect(lines.some((l) => l.startsWith('recsys: config, data and code unchanged'))).toBe(true);
    expect(lines.some((l) => l.startsWith('rna: config, data and code unchanged'))).toBe(true);
    writeData(3);
    lines.length = 0;
    await run();
    expect(lines.some((l) => l.startsWith('[recsys 1/2] cycles CosRec seed 0'))).toBe(true);
  });

  it('a command that runs some domains keeps the others\' last results in the report, marked as not rerun', async () => {
    lines.length = 0;
    const result = await runBench({ profile: tiny, dataDir, outDir, domains: ['rna'], log: (l) => lines.push(l), layers: false });
    expect(result.domains.map((d) => [d.domain, d.kept ?? false])).toEqual([
      ['recsys', true],
      ['rna', false],
    ]);
    const report = fs.readFileSync(path.join(outDir, 'REPORT.md'), 'utf8');
    expect(report.indexOf('## recsys')).toBeLessThan(report.indexOf('## rna'));
    expect(report).toMatch(/## recsys[^#]*Not rerun by this command: the results in the folder from \d{4}-\d\d-\d\d/);
    expect(report).not.toMatch(/## rna[^#]*Not rerun by this command/);
    expect(report).toContain('| cycles | SCNN | 0 |');
  });

  it('Ctrl-C after the first run keeps that run on disk as partial; a rerun reuses it and runs only the rest', async () => {
    const controller = new AbortController();
    const outDir3 = path.join(root, 'interrupted');
    const interruptedLines: string[] = [];
    const log = (line: string) => {
      interruptedLines.push(line);
      if (line.startsWith('[recsys 2/2]')) controller.abort();
    };
    const result = await runBench({ profile: tiny, dataDir, outDir: outDir3, domains: ['recsys'], signal: controller.signal, log, layers: false });
    expect(result.aborted).toBe(true);
    const saved = JSON.parse(fs.readFileSync(path.join(outDir3, 'recsys.json'), 'utf8')) as DomainResult;
    expect([saved.status, saved.rows.length, saved.rows[0]!.model]).toEqual(['partial', 1, 'cnn']);
    expect(fs.readFileSync(path.join(outDir3, 'REPORT.md'), 'utf8')).toContain('**Partial: the runs that finished;');
    const lines2: string[] = [];
    await runBench({ profile: tiny, dataDir, outDir: outDir3, domains: ['recsys'], log: (l) => lines2.push(l), layers: false });
    expect(lines2).toContain('recsys: resuming an interrupted run; reusing its 1 finished runs');
    expect(lines2.some((l) => l.startsWith('[recsys 1/2]'))).toBe(false);
    expect(lines2.some((l) => l.startsWith('[recsys 2/2] cycles SCosRec seed 0'))).toBe(true);
    const resumed = JSON.parse(fs.readFileSync(path.join(outDir3, 'recsys.json'), 'utf8')) as DomainResult;
    expect(resumed.status).toBe('done');
    expect(resumed.rows.map((r) => r.model)).toEqual(['cnn', 'scnn']);
    expect(resumed.rows[0]).toEqual(saved.rows[0]);
    // --force starts over
    const lines3: string[] = [];
    await runBench({ profile: tiny, dataDir, outDir: outDir3, domains: ['recsys'], log: (l) => lines3.push(l), layers: false, force: true });
    expect(lines3.some((l) => l.startsWith('[recsys 1/2]'))).toBe(true);
  });

  it('a run aborted before any run finished writes no domain file, only the report', async () => {
    const controller = new AbortController();
    controller.abort();
    const outDir2 = path.join(root, 'aborted');
    const result = await runBench({ profile: tiny, dataDir, outDir: outDir2, domains: ['recsys'], signal: controller.signal, log: () => {} });
    expect(result.aborted).toBe(true);
    expect(fs.existsSync(path.join(outDir2, 'recsys.json'))).toBe(false);
    expect(fs.existsSync(path.join(outDir2, 'REPORT.md'))).toBe(true);
  });
});
