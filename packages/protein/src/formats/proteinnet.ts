// ProteinNet text records: [ID], [PRIMARY], [EVOLUTIONARY] (21 rows of L numbers), [TERTIARY] (3 rows of
// 3L numbers: x, y, z of N, CA, C per residue, in picometres), [MASK] (+/- per residue). Coordinates are
// converted to Å; residues masked '-' have no atoms.
import { ProteinParseError } from '../errors.js';
import type { Chain, Vec3 } from './structure.js';

export interface ProteinNetRecord extends Chain {
  sequence: string;
  /** 21 × L position-specific scores, when present. */
  evolutionary?: number[][];
  mask: string;
  line: number;
}

export function parseProteinNet(text: string, options: { source?: string } = {}): ProteinNetRecord[] {
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string): never => {
    throw new ProteinParseError({ format: 'proteinnet', source, line, message });
  };
  const lines = text.split(/\r\n|\r|\n/);
  const records: ProteinNetRecord[] = [];
  let k = 0;
  const numbers = (line: number, expected: number): number[] => {
    const values = (lines[line - 1] ?? '').trim().split(/\s+/).map(Number);
    if (values.length !== expected || values.some((v) => !Number.isFinite(v))) fail(line, `expected ${expected} numbers`);
    return values;
  };
  while (k < lines.length) {
    const tag = lines[k]!.trim();
    if (tag === '') {
      k++;
      continue;
    }
    if (tag !== '[ID]') fail(k + 1, `expected [ID], got "${tag.slice(0, 30)}"`);
    const start = k + 1;
    const id = (lines[k + 1] ?? '').trim();
    if (id === '') fail(k + 2, 'empty id');
    k += 2;
    let sequence = '';
    let evolutionary: number[][] | undefined;
    let coordinates: number[][] | undefined;
    let mask = '';
    while (k < lines.length && lines[k]!.trim() !== '[ID]') {
      const section = lines[k]!.trim();
      const line = k + 1;
      if (section === '') {
        k++;
      } else if (section === '[PRIMARY]') {
        sequence = (lines[k + 1] ?? '').trim().toUpperCase();
        if (!/^[A-Z]+$/.test(sequence)) fail(line + 1, 'the primary sequence must be letters');
        k += 2;
      } else if (section === '[EVOLUTIONARY]') {
        if (!sequence) fail(line, '[EVOLUTIONARY] before [PRIMARY]');
        evolutionary = Array.from({ length: 21 }, (_, r) => numbers(line + 1 + r, sequence.length));
        k += 22;
      } else if (section === '[TERTIARY]') {
        if (!sequence) fail(line, '[TERTIARY] before [PRIMARY]');
        coordinates = Array.from({ length: 3 }, (_, r) => numbers(line + 1 + r, 3 * sequence.length));
        k += 4;
      } else if (section === '[MASK]') {
        mask = (lines[k + 1] ?? '').trim();
        if (mask.length !== sequence.length || /[^+-]/.test(mask)) fail(line + 1, `the mask must be ${sequence.length} characters + or -`);
        k += 2;
      } else {
        fail(line, `unknown section "${section.slice(0, 30)}"`);
      }
    }
    if (!sequence) fail(start, `record "${id}" has no [PRIMARY]`);
    if (!mask) mask = '+'.repeat(sequence.length);
    const residues = [...sequence].map((aa, i) => {
      const atoms = new Map<string, Vec3>();
      if (coordinates && mask[i] === '+') {
        (['N', 'CA', 'C'] as const).forEach((name, a) => {
          const column = 3 * i + a;
          atoms.set(name, [coordinates![0]![column]! / 100, coordinates![1]![column]! / 100, coordinates![2]![column]! / 100]);
        });
      }
      return { aa, atoms };
    });
    records.push({ id, residues, sequence, evolutionary, mask, line: start });
  }
  return records;
}
