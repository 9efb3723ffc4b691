// bpseq: one line per base, `index base partner` (1-based, partner 0 = unpaired). Header lines that
// do not start with a number (Filename:, Organism:, # comments) are skipped. Partners must point back.
import { RnaParseError } from '../errors.js';
import { type ParseOptions, type RnaRecord, checkedSequence, splitLines } from './records.js';

export function parseBpseq(text: string, options: ParseOptions & { id?: string } = {}): RnaRecord {
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string): never => {
    throw new RnaParseError({ format: 'bpseq', source, line, message });
  };
  const bases: string[] = [];
  const partnerOf: number[] = [];
  const lineOf: number[] = [];
  let first = 0;
  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === '' || !/^\d/.test(fields[0]!)) return;
    if (fields.length !== 3) fail(line, `expected "index base partner", got ${fields.length} fields`);
    const [position, base, partner] = [Number(fields[0]), fields[1]!, Number(fields[2])];
    if (!Number.isInteger(position) || !Number.isInteger(partner) || partner < 0) fail(line, 'index and partner must be integers ≥ 0');
    if (position !== bases.length + 1) fail(line, `index ${position} out of order (expected ${bases.length + 1})`);
    if (base.length !== 1) fail(line, `base "${base}" is not one letter`);
    if (first === 0) first = line;
    bases.push(base);
    partnerOf.push(partner);
    lineOf.push(line);
  });
  if (bases.length === 0) fail(1, 'no base lines');
  const { sequence, unknownPositions } = checkedSequence(bases.join(''), 'bpseq', source, first);
  const partners = new Int32Array(bases.length).fill(-1);
  partnerOf.forEach((partner, i) => {
    if (partner === 0) return;
    if (partner > bases.length) fail(lineOf[i]!, `partner ${partner} is beyond the last base ${bases.length}`);
    if (partner === i + 1) fail(lineOf[i]!, `base ${i + 1} pairs with itself`);
    if (partnerOf[partner - 1] !== i + 1) fail(lineOf[i]!, `base ${i + 1} pairs with ${partner}, but ${partner} pairs with ${partnerOf[partner - 1] || 'nothing'}`);
    partners[i] = partner - 1;
  });
  return { id: options.id ?? source, sequence, partners, line: first, unknownPositions };
}

export function writeBpseq(record: Pick<RnaRecord, 'sequence'> & { partners: Int32Array }): string {
  return [...record.sequence].map((base, i) => `${i + 1} ${base} ${record.partners[i]! + 1}`).join('\n') + '\n';
}
