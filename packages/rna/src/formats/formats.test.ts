import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RnaParseError } from '../errors.js';
import { dotBracketFromPartners, pairsOf } from '../structure.js';
import { parseBpseq, writeBpseq } from './bpseq.js';
import { parseCt, writeCt } from './ct.js';
import { parseDotBracket, writeDotBracket } from './dot-bracket.js';
import { parseFasta, writeFasta } from './fasta.js';
import { readRna } from './read.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', '__fixtures__', name);

function expectParseError(fn: () => unknown, line: number, message: RegExp, column?: number): void {
  try {
    fn();
  } catch (error) {
    expect(RnaParseError.isInstance(error)).toBe(true);
    const e = error as RnaParseError;
    expect(e.line).toBe(line);
    if (column !== undefined) expect(e.column).toBe(column);
    expect(e.message).toMatch(message);
    return;
  }
  throw new Error('expected an RnaParseError');
}

describe('dot-bracket', () => {
  it('reads (), [] and letter-pair pseudoknots, and ignores a trailing energy', () => {
    const [pk, plain] = readRna(fixture('pseudoknot.dbn'));
    expect(pk!.id).toBe('pk1');
    expect(pairsOf(pk!.partners!)).toHaveLength(11);
    expect(pairsOf(pk!.partners!)).toContainEqual([7, 19]); // [ ... ] crossing ( ... )
    expect(pairsOf(pk!.partners!)).toContainEqual([22, 32]); // A ... a
    // the writer puts crossing pairs on the next bracket kind; the letter pairs nest, so they become ()
    expect(dotBracketFromPartners(pk!.partners!)).toBe('((((...[[[..)))).]]]..((((...))))');
    expect(pairsOf(plain!.partners!)).toEqual([
      [0, 8],
      [1, 7],
      [2, 6],
    ]);
  });

  it('names the unbalanced bracket with its line and position', () => {
    expectParseError(() => readRna(fixture('unbalanced-bracket.dbn')), 6, /unbalanced bracket "\)" at position 9: nothing to close/, 9);
  });

  it('rejects a structure whose length differs from the sequence', () => {
    expectParseError(() => readRna(fixture('length-mismatch.dbn')), 3, /structure has 9 characters, the sequence 10/);
  });

  it('writes what it reads', () => {
    const records = readRna(fixture('pseudoknot.dbn'));
    const again = parseDotBracket(writeDotBracket(records.map((r) => ({ ...r, partners: r.partners! }))));
    expect(again.map((r) => [...r.partners!])).toEqual(records.map((r) => [...r.partners!]));
  });
});

describe('bpseq and ct', () => {
  it('bpseq: skips headers, normalises case and T, checks partners point back', () => {
    const record = readRna(fixture('with-header.bpseq'))[0]!;
    expect(record.sequence).toBe('GGGAUACCC');
    expect(pairsOf(record.partners!)).toEqual([
      [0, 8],
      [1, 7],
    ]);
    expectParseError(() => readRna(fixture('partner-mismatch.bpseq')), 3, /base 2 pairs with 8, but 8 pairs with nothing/);
    expect(parseBpseq(writeBpseq({ ...record, partners: record.partners! })).partners).toEqual(record.partners);
  });

  it('ct: several records, unknown letters kept', () => {
    const [first, second] = readRna(fixture('two-records.ct'));
    expect(first!.id).toBe('first');
    expect(pairsOf(first!.partners!)).toHaveLength(3);
    expect(second!.sequence).toBe('ACGUN');
    expect(second!.unknownPositions).toEqual([4]);
    expect(parseCt(writeCt({ ...first!, partners: first!.partners! }))[0]!.partners).toEqual(first!.partners);
  });
});

describe('fasta and the ArchiveII CSV', () => {
  it('fasta: CRLF, multi-line, lower case and T → U; IUPAC letters kept as unknown', () => {
    const [s1, s2] = readRna(fixture('crlf.fasta'));
    expect(s1!.sequence).toBe('ACGUUUGA');
    expect(s2!.sequence).toBe('GGNNRYCC');
    expect(s2!.unknownPositions).toEqual([2, 3, 4, 5]);
    expect(parseFasta(writeFasta([s1!, s2!])).map((r) => r.sequence)).toEqual([s1!.sequence, s2!.sequence]);
    expectParseError(() => readRna(fixture('bad-char.fasta')), 3, /"-" is not a nucleotide letter/, 3);
  });

  it('ArchiveII CSV: 1-based pairs, families from ids, invalid pair lists rejected', () => {
    const records = readRna(fixture('archiveii-small.csv'));
    expect(records.map((r) => [r.id, (r as { family: string }).family, pairsOf(r.partners!).length])).toEqual([
      ['tRNA_test-1', 'tRNA', 3],
      ['5s_x-2', '5s', 2],
    ]);
    expectParseError(() => readRna(fixture('bad-pairs.csv')), 2, /base_pairs: base 1 is paired twice/);
  });
});

const shared = path.resolve(import.meta.dirname, '../../../../../shared/data/rna');
describe.skipIf(!fs.existsSync(shared))('the real data sets', () => {
  it('bpRNA TR0 / VL0 / TS0 and ArchiveII parse completely', () => {
    const count = (file: string) => readRna(path.join(shared, file)).length;
    expect(count('bprna/TR0.dbn')).toBe(10814);
    expect(count('bprna/VL0.dbn')).toBe(1300);
    expect(count('bprna/TS0.dbn')).toBe(1305);
    expect(count('archiveii/archiveII.dbn')).toBe(3966);
    const csv = readRna(path.join(shared, 'archiveii/ArchiveII.csv'));
    expect(csv.length).toBe(3864);
    expect(new Set(csv.map((r) => (r as { family: string }).family)).size).toBe(9);
  });

  it('TR0 has non-ACGU letters, all kept as unknown positions', () => {
    const records = readRna(path.join(shared, 'bprna/TR0.dbn'));
    const unknown = records.reduce((s, r) => s + r.unknownPositions.length, 0);
    expect(unknown).toBeGreaterThan(4000);
    for (const r of records) expect(r.sequence).toMatch(/^[A-Z]+$/);
  });
});
