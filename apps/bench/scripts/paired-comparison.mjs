// Paired comparison of two models scored item by item on the same test items: the mean difference B − A
// with a 95% percentile bootstrap interval over items, and how many items each model wins. Reads the
// `rows` of `scnn rna evaluate --json` or of packages/protein/scripts/val-per-chain.mjs.
// Usage: node scripts/paired-comparison.mjs A.json B.json --metric f1 [--resamples 10000] [--seed 1]
import fs from 'node:fs';
import { parseArgs } from 'node:util';

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
// mulberry32: a seeded generator, so the interval is reproducible
let state = Number(values.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const resampled = Array.from({ length: Number(values.resamples) }, () => {
  let sum = 0;
  for (let k = 0; k < diffs.length; k++) sum += diffs[Math.floor(random() * diffs.length)];
  return sum / diffs.length;
}).sort((x, y) => x - y);
const quantile = (q) => resampled[Math.min(resampled.length - 1, Math.floor(q * resampled.length))];
const f = (x) => x.toFixed(4);
console.log(`| metric | items | A | B | B − A | 95% interval | B wins | ties | A wins |`);
console.log(`|---|---:|---:|---:|---:|---|---:|---:|---:|`);
console.log(`| ${values.metric} | ${ids.length} | ${f(mean(ids.map((id) => a.get(id))))} | ${f(mean(ids.map((id) => b.get(id))))} | ${f(mean(diffs))} | [${f(quantile(0.025))}, ${f(quantile(0.975))}] | ${diffs.filter((d) => d > 0).length} | ${diffs.filter((d) => d === 0).length} | ${diffs.filter((d) => d < 0).length} |`);
