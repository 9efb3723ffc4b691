// Connectivity table (.ct): a header `N title`, then N lines `index base previous next partner index`
// (1-based, partner 0 = unpaired). Several records may follow each other. Partners must point back.
import { RnaParseError } from '../errors.js';
import { type ParseOptions, type RnaRecord, checkedSequence, splitLines } from './records.js';

export function parseCt(text: string, options: ParseOptions = {}): RnaRecord[] {
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string): never => {
    throw new RnaParseError({ format: 'ct', source, line, message });
  };
  const lines = splitLines(text)
    .map((content, index) => ({ content: content.trim(), line: index + 1 }))
    .filter((l) => l.content !== '' && !l.content.startsWith('#'));
  const records: RnaRecord[] = [];
  for (let k = 0; k < lines.length; ) {
    const header = lines[k]!;
    const [countText, ...title] = header.content.split(/\s+/);
    const count = Number(countText);
    if (!Number.isInteger(count) || count < 1) fail(header.line, `expected a header "length title", got "${header.content.slice(0, 40)}"`);
    if (lines.length - k - 1 < count) fail(header.line, `header says ${count} bases, the file has ${lines.length - k - 1} lines left`);
    const bases: string[] = [];
    const partnerOf: number[] = [];
    for (let i = 0; i < count; i++) {
      const { content, line } = lines[k + 1 + i]!;
      const fields = content.split(/\s+/);
      if (fields.length < 6) fail(line, `expected 6 fields "index base previous next partner index", got ${fields.length}`);
      const index = Number(fields[0]);
      const partner = Number(fields[4]);
      if (index !== i + 1) fail(line, `index ${fields[0]} out of order (expected ${i + 1})`);
      if (!Number.isInteger(partner) || partner < 0 || partner > count) fail(line, `partner "${fields[4]}" is not in 0..${count}`);
      if (fields[1]!.length !== 1) fail(line, `base "${fields[1]}" is not one letter`);
      bases.push(fields[1]!);
      partnerOf.push(partner);
    }
    const { sequence, unknownPositions } = checkedSequence(bases.join(''), 'ct', source, header.line);
    const partners = new Int32Array(count).fill(-1);
    partnerOf.forEach((partner, i) => {
      if (partner === 0) return;
      const line = lines[k + 1 + i]!.line;
      if (partner === i + 1) fail(line, `base ${i + 1} pairs with itself`);
      if (partnerOf[partner - 1] !== i + 1) fail(line, `base ${i + 1} pairs with ${partner}, but ${partner} pairs with ${partnerOf[partner - 1] || 'nothing'}`);
      partners[i] = partner - 1;
    });
    records.push({ id: title.join(' ') || `seq${records.length + 1}`, sequence, partners, line: header.line, unknownPositions });
    k += count + 1;
  }
  return records;
}

export function writeCt(record: Pick<RnaRecord, 'id' | 'sequence'> & { partners: Int32Array }): string {
  const n = record.sequence.length;
  const rows = [...record.sequence].map((base, i) => `${i + 1} ${base} ${i} ${i + 2 > n ? 0 : i + 2} ${record.partners[i]! + 1} ${i + 1}`);
  return `${n} ${record.id}\n${rows.join('\n')}\n`;
}
