// Recall and precision of the shipped models by pair span (j − i), on a random sample of labelled data:
// how much the 80-nt training windows cost on long-range pairs.
// node packages/rna/scripts/recall-by-span.mjs [FILE.dbn] [--size 300]   (after `pnpm build`)
import { parseArgs } from 'node:util';
import { initEngine } from '@scnn/core';
import { decodeGreedy, loadStructureModel, predictPairProbabilities, readRna, sampleRecords, shippedModelDir } from '../dist/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { size: { type: 'string', default: '300' }, seed: { type: 'string', default: '7' } } });
const file = positionals[0] ?? new URL('../../../../shared/data/rna/bprna/VL0.dbn', import.meta.url).pathname;
await initEngine();
const records = sampleRecords(readRna(file).filter((r) => r.partners), Number(values.size), Number(values.seed));
const bins = [0, 20, 40, 80, 160, Infinity];
const binOf = (span) => bins.findIndex((b, k) => span >= b && span < bins[k + 1]);
console.log(`${file}: ${records.length} sequences`);
console.log('| model | span | true pairs | recall | precision |');
console.log('|---|---|---:|---:|---:|');
for (const kind of ['cnn', 'scnn']) {
  const { net, file: model } = loadStructureModel(shippedModelDir(kind));
  const decoding = { threshold: model.metadata.threshold ?? 0.5, lonelyPairs: model.metadata.lonelyPairs ?? true };
  const hit = bins.map(() => 0), truth = bins.map(() => 0), predicted = bins.map(() => 0);
  for (const r of records) {
    const p = decodeGreedy(r.sequence, await predictPairProbabilities(net, r.sequence), decoding);
    for (let i = 0; i < p.length; i++) {
      const j = r.partners[i];
      if (j > i) {
        truth[binOf(j - i)]++;
        if (p[i] === j) hit[binOf(j - i)]++;
      }
      if (p[i] > i) predicted[binOf(p[i] - i)]++;
    }
  }
  for (let k = 0; k < bins.length - 1; k++) {
    console.log(`| ${kind} | ${bins[k]}–${bins[k + 1] === Infinity ? '' : bins[k + 1] - 1} | ${truth[k]} | ${(hit[k] / truth[k]).toFixed(3)} | ${(hit[k] / predicted[k]).toFixed(3)} |`);
  }
}
