// One entry point for every format: chosen by the file extension (or given), read from disk.
import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from '@scnn/core';
import { type FamilyRecord, parseArchiveIICsv } from './archiveii-csv.js';
import { parseBpseq } from './bpseq.js';
import { parseCt } from './ct.js';
import { parseDotBracket } from './dot-bracket.js';
import { parseFasta } from './fasta.js';
import type { RnaRecord } from './records.js';

export type RnaFormat = 'fasta' | 'dot-bracket' | 'bpseq' | 'ct' | 'archiveii-csv';
export const RNA_FORMATS: readonly RnaFormat[] = ['fasta', 'dot-bracket', 'bpseq', 'ct', 'archiveii-csv'];

const EXTENSIONS: Record<string, RnaFormat> = {
  '.fa': 'fasta',
  '.fasta': 'fasta',
  '.fna': 'fasta',
  '.dbn': 'dot-bracket',
  '.db': 'dot-bracket',
  '.dot': 'dot-bracket',
  '.bpseq': 'bpseq',
  '.ct': 'ct',
  '.csv': 'archiveii-csv',
};

export function formatOfFile(file: string): RnaFormat | undefined {
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

export function parseRna(text: string, format: RnaFormat, source = '<string>'): (RnaRecord | FamilyRecord)[] {
  switch (format) {
    case 'fasta':
      return parseFasta(text, { source });
    case 'dot-bracket':
      return parseDotBracket(text, { source });
    case 'bpseq':
      return [parseBpseq(text, { source, id: path.basename(source).replace(/\.[^.]+$/, '') })];
    case 'ct':
      return parseCt(text, { source });
    case 'archiveii-csv':
      return parseArchiveIICsv(text, { source });
    default:
      throw new InvalidArgumentError('format', format, RNA_FORMATS.join(' | '));
  }
}

/** Reads a file in the given format, or the one its extension names. */
export function readRna(file: string, format?: RnaFormat): (RnaRecord | FamilyRecord)[] {
  const chosen = format ?? formatOfFile(file);
  if (!chosen) throw new InvalidArgumentError('format', path.extname(file) || file, `one of ${RNA_FORMATS.join(', ')} (or an extension ${Object.keys(EXTENSIONS).join(' ')})`);
  return parseRna(fs.readFileSync(file, 'utf8'), chosen, file);
}
