#!/usr/bin/env node
// Sums the vitest JSON reports (test-results.json) of every package and app into the one line CI
// reads: "N passed, N failed". A package whose tests did not run at all counts as one failure.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const group of ['packages', 'apps']) {
  const dir = path.join(root, group);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir)) {
    const pkg = path.join(dir, name);
    const manifest = path.join(pkg, 'package.json');
    if (!fs.existsSync(manifest) || !JSON.parse(fs.readFileSync(manifest, 'utf8')).scripts?.test) continue;
    const report = path.join(pkg, 'test-results.json');
    if (!fs.existsSync(report)) {
      console.error(`${group}/${name}: no test report (its tests did not run)`);
      failed += 1;
      continue;
    }
    const result = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += result.numPassedTests ?? 0;
    failed += (result.numFailedTests ?? 0) + (result.numRuntimeErrorTests ?? 0);
    skipped += (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
    // a file that failed to load has no tests but fails the run
    for (const file of result.testResults ?? []) if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
