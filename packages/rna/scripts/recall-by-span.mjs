// Recall and precision of the shipped models by pair span (j − i), on a random sample of labelled data:
// how much the 80-nt training windows cost on long-range pairs.
// node packages/rna/scripts/recall-by-span.mjs [FILE.dbn] [--size 300] [--model-dir DIR ...]   (after `pnpm build`;
// without --model-dir, the shipped cnn and scnn). Each model decodes with its own settings (model.json).
import { parseArgs } from 'node:util';
import { initEngine } from '@scnn/core';
import { decodeStructure, loadStructureModel, predictPairProbabilities, readRna, sampleRecords, shippedModelDir, storedDecoding } from '../dist/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { size: { type: 'string', default: '300' }, seed: { type: 'string', default: '7' }, 'model-dir': { type: 'string', multiple: true } } });
const file = positionals[0] ?? new URL('../../../../shared/data/rna/bprna/VL0.dbn', import.meta.url).pathname;
await initEngine();
const records = sampleRecords(readRna(file).filter((r) => r.partners), Number(values.size), Number(values.seed));
const bins = [0, 20, 40, 80, 160, Infinity];
const binOf = (span) => bins.findIndex((b, k) => span >= b && span < bins[k + 1]);
console.log(`${file}: ${records.length} sequences`);
console.log('| model | span | true pairs | recall | precision |');
console.log('|---|---|---:|---:|---:|');
const models = values['model-dir'] ? values['model-dir'].map((dir) => [dir, dir]) : ['cnn', 'scnn'].map((kind) => [kind, shippedModelDir(kind)]);
for (const [name, dir] of models) {
  const { net, file: model } = loadStructureModel(dir);
  const decoding = storedDecoding(model.metadata);
  const hit = bins.map(() => 0), truth = bins.map(() => 0), predicted = bins.map(() => 0);
  for (const r of records) {
    const p = decodeStructure(r.sequence, await predictPairProbabilities(net, r.sequence), decoding);
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
    console.log(`| ${name} | ${bins[k]}–${bins[k + 1] === Infinity ? '' : bins[k + 1] - 1} | ${truth[k]} | ${(hit[k] / truth[k]).toFixed(3)} | ${(hit[k] / predicted[k]).toFixed(3)} |`);
  }
}
