// Times alignment-feature extraction (streaming read + weights + profile + covariance + APC coupling),
// then mean-field DCA on the same alignment, and prints a table.
// Usage: node scripts/bench-alignment-features.mjs FILE.a3m [FILE.a3m ...]
// (after `pnpm --filter @scnn/protein build`).
import path from 'node:path';
import { initEngine } from '@scnn/core';
import { alignmentFeatures, createAlignmentEncoder, meanFieldCouplings, readAlignmentRows } from '../dist/index.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/bench-alignment-features.mjs FILE.a3m ...');
  process.exit(2);
}
const engine = await initEngine();
console.log('| alignment | rows | L | read (s) | features (s) | total (s) | mean-field DCA (s) | effective rows | peak RSS so far (MiB) | backend |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const file of files) {
  const t0 = performance.now();
  const encoder = createAlignmentEncoder();
  await readAlignmentRows(file, { onRow: (row) => encoder.add(row) });
  const alignment = encoder.finish();
  const t1 = performance.now();
  const features = await alignmentFeatures(alignment);
  const t2 = performance.now();
  await meanFieldCouplings(alignment);
  const t3 = performance.now();
  console.log(`| ${path.basename(file)} | ${alignment.rows} | ${alignment.length} | ${((t1 - t0) / 1000).toFixed(2)} | ${((t2 - t1) / 1000).toFixed(2)} | ${((t2 - t0) / 1000).toFixed(2)} | ${((t3 - t2) / 1000).toFixed(2)} | ${features.effectiveRows.toFixed(1)} | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} | ${engine.backend} |`);
}
