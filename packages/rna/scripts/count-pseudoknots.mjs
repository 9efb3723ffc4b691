// How much of a labelled data set a pseudoknot-free (nested) decoder cannot output: the records with
// crossing pairs, and the pairs that cross at least one other pair.
// Usage: node scripts/count-pseudoknots.mjs FILE... (after `pnpm --filter @scnn/rna build`)
import path from 'node:path';
import { pairsOf, readRna } from '../dist/index.js';

const crosses = ([i, j], [k, l]) => (i < k && k < j && j < l) || (k < i && i < l && l < j);
console.log('| file | records | with crossing pairs | pairs | pairs crossing another |');
console.log('|---|---:|---:|---:|---:|');
for (const file of process.argv.slice(2)) {
  const records = readRna(file).filter((r) => r.partners);
  let withCrossing = 0;
  let pairs = 0;
  let crossing = 0;
  for (const record of records) {
    const list = pairsOf(record.partners);
    const count = list.filter((p) => list.some((q) => crosses(p, q))).length;
    pairs += list.length;
    crossing += count;
    if (count > 0) withCrossing++;
  }
  const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(`| ${path.basename(file)} | ${records.length} | ${withCrossing} (${pct(withCrossing, records.length)}) | ${pairs} | ${crossing} (${pct(crossing, pairs)}) |`);
}
