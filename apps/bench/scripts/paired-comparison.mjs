// Paired comparison of two models scored item by item on the same test items: each model's mean and the
// mean difference B − A, with 95% percentile bootstrap intervals over items, and how many items each wins. Reads the
// `rows` of `scnn rna evaluate --json` or of packages/protein/scripts/val-per-chain.mjs.
// Usage: node scripts/paired-comparison.mjs A.json B.json --metric f1 [--resamples 10000] [--seed 1]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createRng } from '@scnn/core';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { metric: { type: 'string', default: 'f1' }, resamples: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
if (positionals.length !== 2) throw new Error('give two JSON files: A.json B.json');
const [a, b] = positionals.map((file) => {
  const rows = JSON.parse(fs.readFileSync(file, 'utf8')).rows;
  if (!Array.isArray(rows)) throw new Error(`${file}: no "rows" array`);
  return new Map(rows.map((r) => [r.id, r[values.metric]]));
});
const ids = [...a.keys()].filter((id) => b.has(id) && Number.isFinite(a.get(id)) && Number.isFinite(b.get(id)));
if (ids.length === 0) throw new Error(`no item has a finite "${values.metric}" in both files`);
const diffs = ids.map((id) => b.get(id) - a.get(id));
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const random = createRng(values.seed); // core's seeded generator, so the intervals are reproducible
// one set of resamples for A, B and B − A, so the three intervals describe the same bootstrap
const resamples = Number(values.resamples);
const columns = { a: ids.map((id) => a.get(id)), b: ids.map((id) => b.get(id)), diff: diffs };
const sampled = { a: [], b: [], diff: [] };
for (let r = 0; r < resamples; r++) {
  const sums = { a: 0, b: 0, diff: 0 };
  for (let k = 0; k < ids.length; k++) {
    const i = Math.floor(random() * ids.length);
    for (const key of Object.keys(sums)) sums[key] += columns[key][i];
  }
  for (const key of Object.keys(sums)) sampled[key].push(sums[key] / ids.length);
}
const f = (x) => x.toFixed(4);
const interval = (key) => {
  const sorted = [...sampled[key]].sort((x, y) => x - y);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `[${f(at(0.025))}, ${f(at(0.975))}]`;
};
console.log(`| metric | items | A | A 95% | B | B 95% | B − A | B − A 95% | B wins | ties | A wins |`);
console.log(`|---|---:|---:|---|---:|---|---:|---|---:|---:|---:|`);
console.log(
  `| ${values.metric} | ${ids.length} | ${f(mean(columns.a))} | ${interval('a')} | ${f(mean(columns.b))} | ${interval('b')} | ${f(mean(diffs))} | ${interval('diff')} | ${diffs.filter((d) => d > 0).length} | ${diffs.filter((d) => d === 0).length} | ${diffs.filter((d) => d < 0).length} |`,
);
