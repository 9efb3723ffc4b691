// Times `predict` (pair features → network → decoding with the model's own settings) by sequence length
// with a shipped model, after start-up, and reports the peak resident memory; prints a Markdown table.
// Usage: node scripts/bench-predict.mjs [--models scnn,cnn] [--lengths 100,250,500,1000,2000] [--repeats 5]
// (after `pnpm --filter @scnn/rna build`). Lengths ≥ 1000 run once after their warm-up.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createRng, initEngine } from '@scnn/core';
import { decodeStructure, loadStructureModel, pairFeatures, predictPairProbabilities, shippedModelDir, storedDecoding } from '../dist/index.js';

const { values } = parseArgs({ options: { models: { type: 'string', default: 'scnn,cnn' }, lengths: { type: 'string', default: '100,250,500,1000,2000' }, repeats: { type: 'string', default: '5' } } });
const started = performance.now();
const engine = await initEngine();
const startup = (performance.now() - started) / 1000;
const rng = createRng(7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const peakMiB = () => process.resourceUsage().maxRSS / 1024;

console.log(`backend ${engine.backend}, ${os.cpus().length} CPUs, engine start-up ${startup.toFixed(2)} s`);
console.log('| model | decoder | length | pair features (s) | network (s) | decoding (s) | predict total (s) | peak RSS so far (MiB) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const kind of values.models.split(',')) {
  const { net, file: { metadata } } = loadStructureModel(shippedModelDir(kind));
  const decoding = storedDecoding(metadata);
  for (const length of values.lengths.split(',').map(Number)) {
    const sequence = Array.from({ length }, () => 'ACGU'[Math.floor(rng() * 4)]).join('');
    const repeats = length >= 1000 ? 1 : Number(values.repeats);
    await predictPairProbabilities(net, sequence); // warm-up: kernels and memory for this shape
    const times = { features: [], network: [], decoding: [], total: [] };
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      pairFeatures(sequence, net.config.features); // timed alone: predictPairProbabilities computes them again inside
      const t1 = performance.now();
      const probabilities = await predictPairProbabilities(net, sequence);
      const t2 = performance.now();
      decodeStructure(sequence, probabilities, decoding);
      const t3 = performance.now();
      times.features.push((t1 - t0) / 1000);
      times.network.push((t2 - t1) / 1000);
      times.decoding.push((t3 - t2) / 1000);
      times.total.push((t3 - t1) / 1000); // what predict costs: network (features included) + decoding
    }
    const m = (k) => median(times[k]).toFixed(3);
    console.log(`| ${kind} | ${decoding.decoder} | ${length} | ${m('features')} | ${m('network')} | ${m('decoding')} | ${m('total')} | ${peakMiB().toFixed(0)} |`);
  }
}
