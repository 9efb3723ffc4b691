// FASTA: `>id description` then the sequence over one or more lines. Blank lines and `;` comments are
// skipped; whitespace inside sequence lines is ignored.
import { RnaParseError } from '../errors.js';
import { type ParseOptions, type RnaRecord, checkedSequence, splitLines } from './records.js';

export function parseFasta(text: string, options: ParseOptions = {}): RnaRecord[] {
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string, column?: number): never => {
    throw new RnaParseError({ format: 'fasta', source, line, column, message });
  };
  const records: RnaRecord[] = [];
  let current: { id: string; line: number; parts: string[] } | null = null;
  const finish = () => {
    if (!current) return;
    if (current.parts.length === 0) fail(current.line, `record "${current.id}" has no sequence`);
    const { sequence, unknownPositions } = checkedSequence(current.parts.join(''), 'fasta', source, current.line);
    records.push({ id: current.id, sequence, line: current.line, unknownPositions });
  };
  splitLines(text).forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '' || trimmed.startsWith(';')) return;
    if (trimmed.startsWith('>')) {
      finish();
      const id = trimmed.slice(1).trim().split(/\s+/)[0] ?? '';
      if (id === '') fail(line, 'header ">" without an id');
      current = { id, line, parts: [] };
      return;
    }
    if (!current) return fail(line, 'sequence before the first ">" header');
    const part = trimmed.replace(/\s+/g, '');
    const bad = part.search(/[^A-Za-z]/);
    if (bad >= 0) fail(line, `"${part[bad]}" is not a nucleotide letter`, rawLine.indexOf(part[bad]!) + 1);
    current.parts.push(part);
  });
  finish();
  return records;
}

/** FASTA text, 80 columns per sequence line. */
export function writeFasta(records: Pick<RnaRecord, 'id' | 'sequence'>[]): string {
  return records.map((r) => `>${r.id}\n${r.sequence.match(/.{1,80}/g)!.join('\n')}\n`).join('');
}
