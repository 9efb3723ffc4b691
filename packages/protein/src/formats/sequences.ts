// Sequences and alignments: FASTA, A3M (first record the query; lower-case letters are insertions and
// are removed; '.' too) and aligned FASTA (upper case and '-' gaps, every row the query's length).
// `readAlignmentRows` streams a file line by line, so a 10,000-sequence alignment never sits in memory
// as text.
import fs from 'node:fs';
import readline from 'node:readline';
import { ProteinParseError } from '../errors.js';

export interface SequenceRecord {
  id: string;
  sequence: string;
  line: number;
}

export function parseProteinFasta(text: string, options: { source?: string } = {}): SequenceRecord[] {
  const source = options.source ?? '<string>';
  const records: SequenceRecord[] = [];
  let current: SequenceRecord | null = null;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('#')) return;
    if (trimmed.startsWith('>')) {
      const id = trimmed.slice(1).trim().split(/\s+/)[0] ?? '';
      if (id === '') throw new ProteinParseError({ format: 'fasta', source, line, message: 'header ">" without an id' });
      records.push((current = { id, sequence: '', line }));
      return;
    }
    if (!current) throw new ProteinParseError({ format: 'fasta', source, line, message: 'sequence before the first ">" header' });
    const part = trimmed.replace(/\s+/g, '');
    const bad = part.search(/[^A-Za-z*-]/);
    if (bad >= 0) throw new ProteinParseError({ format: 'fasta', source, line, column: raw.indexOf(part[bad]!) + 1, message: `"${part[bad]}" is not an amino-acid letter` });
    current.sequence += part.replace(/\*$/, '');
  });
  for (const r of records) if (r.sequence === '') throw new ProteinParseError({ format: 'fasta', source, line: r.line, message: `record "${r.id}" has no sequence` });
  return records;
}

/** An alignment row as aligned to the query: insertions (lower case, '.') removed, upper case and '-'. */
export function alignedRow(raw: string): string {
  return raw.replace(/[a-z.]/g, '');
}

export interface AlignmentReadOptions {
  source?: string;
  /** Called with each aligned row (the query first), all of the query's length. */
  onRow: (row: string, index: number) => void;
}

/** The line-driven core shared by the text and the streaming alignment readers. */
function alignmentReader(source: string, onRow: (row: string, index: number) => void) {
  let current: string[] | null = null;
  let headerLine = 0;
  let query: string | undefined;
  let rows = 0;
  const fail = (line: number, message: string): never => {
    throw new ProteinParseError({ format: 'a3m', source, line, message });
  };
  const finish = () => {
    if (!current) return;
    const row = alignedRow(current.join(''));
    if (row.length === 0) fail(headerLine, 'record without a sequence');
    const bad = row.search(/[^A-Z-]/);
    if (bad >= 0) fail(headerLine, `"${row[bad]}" is not an amino-acid letter or gap`);
    query ??= row;
    if (row.length !== query.length) fail(headerLine, `aligned row has ${row.length} columns, the query ${query.length}`);
    onRow(row, rows++);
  };
  return {
    line(raw: string, lineNumber: number) {
      const trimmed = raw.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      if (trimmed.startsWith('>')) {
        finish();
        current = [];
        headerLine = lineNumber;
      } else {
        if (!current) fail(lineNumber, 'sequence before the first ">" header');
        current!.push(trimmed);
      }
    },
    end(): { query: string; rows: number } {
      finish();
      if (query === undefined) return fail(1, 'no sequences');
      return { query, rows };
    },
  };
}

/** An A3M or aligned-FASTA text: every row aligned to the query (the first). */
export function parseAlignment(text: string, options: { source?: string } = {}): string[] {
  const rows: string[] = [];
  const reader = alignmentReader(options.source ?? '<string>', (row) => rows.push(row));
  text.split(/\r\n|\r|\n/).forEach((raw, index) => reader.line(raw, index + 1));
  reader.end();
  return rows;
}

/** Streams an A3M or aligned-FASTA file; returns the query and the row count. */
export async function readAlignmentRows(file: string, options: AlignmentReadOptions): Promise<{ query: string; rows: number }> {
  const reader = alignmentReader(options.source ?? file, options.onRow);
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const raw of lines) reader.line(raw, ++lineNumber);
  return reader.end();
}
