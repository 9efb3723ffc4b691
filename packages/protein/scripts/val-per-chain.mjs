// Per-chain contact precision of a model on the cgdms val list, as JSON rows for
// apps/bench/scripts/paired-comparison.mjs (the README's means hide how much single chains move).
// Usage: node scripts/val-per-chain.mjs --data ../shared/data/protein/cgdms (--model scnn|cnn | --model-dir DIR) > rows.json
// (after `pnpm build`)
import { parseArgs } from 'node:util';
import { initEngine } from '@scnn/core';
import { contactMetrics, loadCgdmsList, loadContactModel, predictContacts, shippedContactModelDir } from '../dist/index.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, model: { type: 'string', default: 'scnn' }, 'model-dir': { type: 'string' } } });
if (!values.data) throw new Error('--data DIR (the cgdms folder) is required');
await initEngine();
const dir = values['model-dir'] ?? shippedContactModelDir(values.model);
const { net } = loadContactModel(dir);
const rows = [];
for (const chain of loadCgdmsList(values.data, 'val')) {
  const m = contactMetrics(await predictContacts(net, chain.sequence, chain.secondaryStructure), chain.truth);
  const row = { id: chain.id, L: chain.sequence.length };
  for (const range of ['short', 'medium', 'long']) for (const k of ['L/1', 'L/2', 'L/5', 'L/10']) row[`${range} ${k}`] = m[range][k];
  rows.push(row);
}
console.log(JSON.stringify({ model: dir, rows }));
