// CASP RR contact lists: `PFRMAT RR` header lines, the sequence (possibly over several lines), then one
// line per predicted contact `i j d1 d2 p` (1-based, distance bounds in Å, probability).
import { ProteinParseError } from '../errors.js';

export interface RrContact {
  i: number;
  j: number;
  probability: number;
}

export interface WriteRrOptions {
  /** TARGET line. @default 'query' */
  target?: string;
  /** @default 0.05 */
  minProbability?: number;
  /** @default 6 */
  minSeparation?: number;
  /** Keep only the best this many contacts. @default all */
  maxContacts?: number;
}

/** Contacts with p ≥ minProbability and separation ≥ minSeparation, best first (1-based). */
export function writeRr(sequence: string, probabilities: ArrayLike<number>, options: WriteRrOptions = {}): string {
  const n = sequence.length;
  const rows: RrContact[] = [];
  for (let i = 0; i < n; i++) for (let j = i + (options.minSeparation ?? 6); j < n; j++) if (probabilities[i * n + j]! >= (options.minProbability ?? 0.05)) rows.push({ i: i + 1, j: j + 1, probability: probabilities[i * n + j]! });
  rows.sort((a, b) => b.probability - a.probability || a.i - b.i || a.j - b.j);
  if (options.maxContacts !== undefined) rows.length = Math.min(rows.length, options.maxContacts);
  return ['PFRMAT RR', `TARGET ${options.target ?? 'query'}`, 'MODEL 1', ...(sequence.match(/.{1,50}/g) ?? []), ...rows.map((r) => `${r.i} ${r.j} 0 8 ${r.probability.toFixed(4)}`), 'END', ''].join('\n');
}

/** Reads an RR file into an L×L probability matrix for a sequence of `length` residues. */
export function parseRr(text: string, length: number, options: { source?: string } = {}): Float32Array {
  const source = options.source ?? '<string>';
  const scores = new Float32Array(length * length);
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (fields.length !== 5 || !/^\d+$/.test(fields[0]!)) return; // headers, sequence, END
    const [i, j, , , p] = fields.map(Number) as [number, number, number, number, number];
    if (!(i >= 1 && j >= 1 && i <= length && j <= length) || !Number.isFinite(p)) throw new ProteinParseError({ format: 'rr', source, line: index + 1, message: `contact "${raw.trim()}" is outside 1..${length} or has no probability` });
    scores[(i - 1) * length + (j - 1)] = scores[(j - 1) * length + (i - 1)] = Math.max(p, scores[(i - 1) * length + (j - 1)]!);
  });
  return scores;
}

/** The target sequence an RR file carries on its own lines between the header and the contacts, if any. */
export function rrSequence(text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim());
  const sequence = lines.filter((l) => /^[A-Za-z]+$/.test(l) && l.toUpperCase() !== 'END').join('');
  return sequence.length > 0 ? sequence.toUpperCase() : undefined;
}
