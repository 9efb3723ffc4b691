// Validation scores of trained model folders (their model.json), one row per run and mean ± sd per
// model (kind and channels) over the runs given, e.g. the seeds of `scnn protein train --seed N`.
// Usage: node scripts/summarize-runs.mjs DIR... [--metrics "long L/5,long L/2"]   (after `pnpm build`)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { meanAndDeviation } from '../dist/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { metrics: { type: 'string' } } });
if (positionals.length === 0) throw new Error('give one or more model folders (each with a model.json)');

/** Numeric leaves of an object as "a b" keys: { long: { 'L/5': x } } → { 'long L/5': x }. */
function flatten(object, prefix = '') {
  return Object.entries(object ?? {}).flatMap(([key, value]) => {
    const name = prefix ? `${prefix} ${key}` : key;
    return typeof value === 'number' ? [[name, value]] : value && typeof value === 'object' ? flatten(value, name) : [];
  });
}

const runs = positionals.map((dir) => {
  const { config, metadata } = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  // protein keeps its validation scores in `validation`, rna in `validationMetrics` (`validation` is the file)
  const scores = Object.fromEntries(flatten(typeof metadata.validation === 'object' ? metadata.validation : metadata.validationMetrics));
  return { dir, model: `${metadata.kind ?? config.kind} ${metadata.settings?.channels ?? config.channels} ch`, conv: metadata.params?.conv, seed: metadata.settings?.seed, bestEpoch: metadata.bestEpoch, scores };
});
const metrics = values.metrics ? values.metrics.split(',').map((m) => m.trim()) : Object.keys(runs[0].scores).filter((m) => m !== 'L');
for (const m of metrics) for (const run of runs) if (!(m in run.scores)) throw new Error(`${run.dir}/model.json has no validation score "${m}" (it has: ${Object.keys(run.scores).join(', ')})`);

const fmt = (x) => x.toFixed(3);
console.log(`| model | conv parameters | seed | best epoch | ${metrics.join(' | ')} |`);
console.log(`|---|---:|---:|---:|${metrics.map(() => '---:').join('|')}|`);
for (const run of runs) console.log(`| ${run.model} | ${run.conv ?? ''} | ${run.seed ?? ''} | ${run.bestEpoch ?? ''} | ${metrics.map((m) => fmt(run.scores[m])).join(' | ')} |`);
console.log('');
console.log(`| model | runs | ${metrics.map((m) => `${m} (mean ± sd)`).join(' | ')} |`);
console.log(`|---|---:|${metrics.map(() => '---:').join('|')}|`);
for (const model of [...new Set(runs.map((r) => r.model))]) {
  const group = runs.filter((r) => r.model === model);
  const cells = metrics.map((m) => {
    const { mean, sd } = meanAndDeviation(group.map((r) => r.scores[m]));
    return sd === null ? fmt(mean) : `${fmt(mean)} ± ${fmt(sd)}`;
  });
  console.log(`| ${model} | ${group.length} | ${cells.join(' | ')} |`);
}
