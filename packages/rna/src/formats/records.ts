// What every reader returns: one record per sequence, with its structure when the format has one.
import { RnaParseError } from '../errors.js';
import { normalizeSequence } from '../sequence.js';
import type { Partners } from '../structure.js';

export interface RnaRecord {
  id: string;
  /** Normalised: upper case, T → U; other letters kept (the featurizer's unknown channel). */
  sequence: string;
  /** Partner table (0-based, -1 unpaired) when the format carries a structure. */
  partners?: Partners;
  /** Line where the record starts in its source. */
  line: number;
  /** Positions of letters other than A, C, G, U. */
  unknownPositions: number[];
}

export interface ParseOptions {
  /** Name used in errors. @default '<string>' */
  source?: string;
}

export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Normalises a sequence or throws with the line and column of the first non-letter. */
export function checkedSequence(raw: string, format: string, source: string, line: number): ReturnType<typeof normalizeSequence> {
  const normalized = normalizeSequence(raw);
  if (normalized.invalidAt >= 0) {
    throw new RnaParseError({ format, source, line, column: normalized.invalidAt + 1, message: `"${raw[normalized.invalidAt]}" is not a nucleotide letter` });
  }
  if (normalized.sequence.length === 0) throw new RnaParseError({ format, source, line, message: 'empty sequence' });
  return normalized;
}
