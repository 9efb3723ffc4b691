// The ArchiveII CSV (sincFold): `id,sequence,structure,base_pairs,len` with `base_pairs` a JSON list of
// 1-based [i, j] pairs (quoted). The family is the id's prefix before the first "_" (5s, 16s, tRNA, ...).
import { RnaParseError } from '../errors.js';
import { partnersFromPairs } from '../structure.js';
import { type ParseOptions, type RnaRecord, checkedSequence, splitLines } from './records.js';

export interface FamilyRecord extends RnaRecord {
  family: string;
}

/** One CSV line into fields (double quotes, "" escapes; no line breaks inside fields). */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

export function parseArchiveIICsv(text: string, options: ParseOptions = {}): FamilyRecord[] {
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string): never => {
    throw new RnaParseError({ format: 'archiveii-csv', source, line, message });
  };
  const lines = splitLines(text);
  const header = splitCsvLine(lines[0] ?? '') ?? [];
  const column = (name: string) => header.indexOf(name);
  const [idColumn, sequenceColumn, pairsColumn] = [column('id'), column('sequence'), column('base_pairs')];
  if (idColumn < 0 || sequenceColumn < 0 || pairsColumn < 0) fail(1, `header must name the columns id, sequence and base_pairs (got "${(lines[0] ?? '').slice(0, 60)}")`);
  const lengthColumn = column('len');
  const records: FamilyRecord[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = k + 1;
    if (lines[k]!.trim() === '') continue;
    const fields = splitCsvLine(lines[k]!);
    if (!fields) return fail(line, 'unterminated quoted field');
    if (fields.length !== header.length) fail(line, `expected ${header.length} fields, got ${fields.length}`);
    const id = fields[idColumn]!.trim();
    if (id === '') fail(line, 'empty id');
    const { sequence, unknownPositions } = checkedSequence(fields[sequenceColumn]!.trim(), 'archiveii-csv', source, line);
    if (lengthColumn >= 0 && Number(fields[lengthColumn]) !== sequence.length) fail(line, `len says ${fields[lengthColumn]}, the sequence has ${sequence.length} bases`);
    let pairs: unknown;
    try {
      pairs = JSON.parse(fields[pairsColumn]!);
    } catch {
      return fail(line, 'base_pairs is not a JSON list of [i, j] pairs');
    }
    if (!Array.isArray(pairs) || !pairs.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => Number.isInteger(v)))) fail(line, 'base_pairs is not a JSON list of [i, j] pairs');
    let partners: Int32Array;
    try {
      partners = partnersFromPairs(sequence.length, (pairs as [number, number][]).map(([i, j]) => [i - 1, j - 1] as const));
    } catch (error) {
      return fail(line, `base_pairs: ${(error as Error).message}`);
    }
    records.push({ id, family: id.split('_')[0]!, sequence, partners, line, unknownPositions });
  }
  return records;
}
