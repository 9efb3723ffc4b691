// Readers for the interaction files of sequential recommendation. Syntax only: each reader turns text
// into per-user item sequences in time order, with the line every item came from; id remapping and
// splits happen in data/.
//   'movielens'  user<TAB>item<TAB>rating<TAB>timestamp (u.data; `::` as in ratings.dat also accepted):
//                ordered by time, ties by item id
//   'pairs'      user item [rating] per line (Caser's train/test files, SASRec's `user item`): file order
//   'sequences'  user i1 i2 ... one user per line (S3Rec/ICLRec Amazon files): line order
import fs from 'node:fs';
import { InvalidArgumentError } from '@scnn/core';
import { ParseError } from '../errors.js';

export type InteractionFormat = 'movielens' | 'pairs' | 'sequences';
export const INTERACTION_FORMATS: readonly InteractionFormat[] = ['movielens', 'pairs', 'sequences'];

export interface ParseInteractionsOptions {
  /** File format. @default detected from the content (see detectInteractionFormat) */
  format?: InteractionFormat;
  /** Name used in errors and warnings. @default '<string>' */
  source?: string;
  /** Turn warnings (skipped duplicate users in 'sequences') into errors. @default false */
  strict?: boolean;
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface InteractionLog {
  format: InteractionFormat;
  source: string;
  /** Raw user id → raw item ids in time order. Users keep their order of first appearance. */
  sequences: Map<string, string[]>;
  /** Interactions read. */
  interactions: number;
  /** Lines read, and how many were blank or `#` comments (skipped). */
  lines: number;
  blankLines: number;
  warnings: ParseWarning[];
}

const ID = /^[^\s]+$/;

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function isSkipped(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/**
 * Guesses the format from the first 200 content lines: tab- or `::`-separated with 4 fields →
 * 'movielens'; every line with 2 or 3 fields and some user on several lines → 'pairs'; otherwise
 * (variable field counts, one line per user) → 'sequences'.
 */
export function detectInteractionFormat(text: string): InteractionFormat {
  const sample = splitLines(text.slice(0, 1 << 16)).filter((l) => !isSkipped(l)).slice(0, 200);
  if (sample.length === 0) return 'pairs';
  if (sample.every((l) => l.trim().split(/\t|::/).length === 4)) return 'movielens';
  const fields = sample.map((l) => l.trim().split(/\s+/));
  const users = new Set(fields.map((f) => f[0]));
  const smallRows = fields.every((f) => f.length === 2 || f.length === 3);
  const sameCount = fields.every((f) => f.length === fields[0]!.length);
  if (smallRows && sameCount && users.size < fields.length) return 'pairs';
  return 'sequences';
}

interface TimedItem {
  item: string;
  time: number;
  line: number;
}

function compareItemIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parses an interaction file's text (format detected unless given). */
export function parseInteractions(text: string, options: ParseInteractionsOptions = {}): InteractionLog {
  const format = options.format ?? detectInteractionFormat(text);
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string): never => {
    throw new ParseError({ format, source, line, message });
  };
  const lines = splitLines(text);
  const warnings: ParseWarning[] = [];
  const sequences = new Map<string, string[]>();
  let blankLines = 0;
  let interactions = 0;

  if (format === 'movielens') {
    const timed = new Map<string, TimedItem[]>();
    lines.forEach((raw, index) => {
      const line = index + 1;
      if (isSkipped(raw)) return void blankLines++;
      const fields = raw.trim().split(/\t|::/);
      if (fields.length !== 4) fail(line, `expected 4 fields "user item rating timestamp" separated by tabs or "::", got ${fields.length}`);
      const [user, item, rating, timestamp] = fields as [string, string, string, string];
      if (!ID.test(user) || !ID.test(item)) fail(line, 'user and item ids must be non-empty and without spaces');
      if (!Number.isFinite(Number(rating)) || rating.trim() === '') fail(line, `rating "${rating}" is not a number`);
      const time = Number(timestamp);
      if (!Number.isFinite(time) || timestamp.trim() === '') fail(line, `timestamp "${timestamp}" is not a number`);
      let list = timed.get(user);
      if (!list) timed.set(user, (list = []));
      list.push({ item, time, line });
      interactions++;
    });
    for (const [user, list] of timed) {
      list.sort((a, b) => a.time - b.time || compareItemIds(a.item, b.item));
      sequences.set(user, list.map((t) => t.item));
    }
  } else if (format === 'pairs') {
    lines.forEach((raw, index) => {
      const line = index + 1;
      if (isSkipped(raw)) return void blankLines++;
      const fields = raw.trim().split(/\s+/);
      if (fields.length < 2 || fields.length > 3) fail(line, `expected "user item" or "user item rating", got ${fields.length} fields`);
      if (fields.length === 3 && !Number.isFinite(Number(fields[2]))) fail(line, `rating "${fields[2]}" is not a number`);
      const [user, item] = fields as [string, string];
      let list = sequences.get(user);
      if (!list) sequences.set(user, (list = []));
      list.push(item);
      interactions++;
    });
  } else if (format === 'sequences') {
    lines.forEach((raw, index) => {
      const line = index + 1;
      if (isSkipped(raw)) return void blankLines++;
      const [user, ...items] = raw.trim().split(/\s+/) as [string, ...string[]];
      if (items.length === 0) fail(line, `user "${user}" has no items (expected "user item1 item2 ...")`);
      const existing = sequences.get(user);
      if (existing) {
        const message = `user "${user}" appears again; its items are appended to the earlier line's`;
        if (options.strict) fail(line, message);
        warnings.push({ line, message });
        existing.push(...items);
      } else {
        sequences.set(user, items);
      }
      interactions += items.length;
    });
  } else {
    throw new InvalidArgumentError('format', format, INTERACTION_FORMATS.join(' | '));
  }
  return { format, source, sequences, interactions, lines: lines.length, blankLines, warnings };
}

/** Reads and parses an interaction file. */
export function readInteractions(file: string, options: Omit<ParseInteractionsOptions, 'source'> = {}): InteractionLog {
  return parseInteractions(fs.readFileSync(file, 'utf8'), { ...options, source: file });
}
