// Every parser, fed thousands of generated and mutated inputs, either parses or throws RnaParseError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RnaParseError } from '../errors.js';
import { dotBracketFromPartners, pairsOf, partnersFromDotBracket, partnersFromPairs } from '../structure.js';
import { parseArchiveIICsv } from './archiveii-csv.js';
import { parseBpseq, writeBpseq } from './bpseq.js';
import { parseCt, writeCt } from './ct.js';
import { parseDotBracket, writeDotBracket } from './dot-bracket.js';
import { parseFasta, writeFasta } from './fasta.js';

const RUNS = 1500;

/** A random structure (nested and crossing pairs) over a random sequence. */
const structureArbitrary = fc
  .tuple(fc.integer({ min: 1, max: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }), fc.array(fc.constantFrom('A', 'C', 'G', 'U', 'N'), { minLength: 60, maxLength: 60 }))
  .map(([length, rawPairs, letters]) => {
    const used = new Set<number>();
    const pairs: [number, number][] = [];
    for (const [a, b] of rawPairs) {
      const [i, j] = [a % length, b % length];
      if (i === j || used.has(i) || used.has(j)) continue;
      used.add(i).add(j);
      pairs.push(i < j ? [i, j] : [j, i]);
    }
    return { id: 'r', sequence: letters.slice(0, length).join(''), partners: partnersFromPairs(length, pairs) };
  });

/** Valid text, then up to 4 edits: insert, delete or replace a character (from a nasty alphabet). */
function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const alphabet = fc.constantFrom(...'ACGUTNacgu()[]{}<>.Aa>0123456789 -\t\r\n,"\'#;:xyz'.split(''));
  const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'replace'), fc.nat(), alphabet);
  return fc.tuple(valid, fc.array(edit, { maxLength: 4 })).map(([text, edits]) => {
    let out = text;
    for (const [kind, at, c] of edits) {
      const k = out.length === 0 ? 0 : at % out.length;
      out = kind === 'insert' ? out.slice(0, k) + c + out.slice(k) : kind === 'delete' ? out.slice(0, k) + out.slice(k + 1) : out.slice(0, k) + c + out.slice(k + 1);
    }
    return out;
  });
}

function parsesOrThrowsTyped(parse: (text: string) => unknown) {
  return (text: string) => {
    try {
      parse(text);
    } catch (error) {
      if (!RnaParseError.isInstance(error)) throw error;
    }
  };
}

const parsers: [string, (text: string) => unknown, fc.Arbitrary<string>][] = [
  ['fasta', (t) => parseFasta(t), structureArbitrary.map((r) => writeFasta([r]))],
  ['dot-bracket', (t) => parseDotBracket(t), structureArbitrary.map((r) => writeDotBracket([r]))],
  ['bpseq', (t) => parseBpseq(t), structureArbitrary.map((r) => writeBpseq(r))],
  ['ct', (t) => parseCt(t), structureArbitrary.map((r) => writeCt(r))],
  [
    'archiveii-csv',
    (t) => parseArchiveIICsv(t),
    structureArbitrary.map((r) => `id,sequence,structure,base_pairs,len\nfam_${r.id},${r.sequence},${dotBracketFromPartners(r.partners)},"${JSON.stringify(pairsOf(r.partners).map(([i, j]) => [i + 1, j + 1]))}",${r.sequence.length}\n`),
  ],
];

describe.each(parsers)('%s parser', (_name, parse, valid) => {
  it('reads every generated valid record', () => {
    fc.assert(
      fc.property(valid, (text) => {
        expect(() => parse(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it(`parses or throws RnaParseError on ${RUNS} mutated inputs`, () => {
    fc.assert(fc.property(mutated(valid), parsesOrThrowsTyped(parse)), { numRuns: RUNS });
  });

  it(`parses or throws RnaParseError on ${RUNS} arbitrary strings`, () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), parsesOrThrowsTyped(parse)), { numRuns: RUNS });
  });
});

describe('dot-bracket ↔ partners', () => {
  it('writing then reading any structure gives it back', () => {
    fc.assert(
      fc.property(structureArbitrary, ({ partners }) => {
        expect(partnersFromDotBracket(dotBracketFromPartners(partners))).toEqual(partners);
      }),
      { numRuns: 1000 },
    );
  });
});
