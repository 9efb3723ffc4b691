// Every parser, fed thousands of generated and mutated inputs, either parses or throws ProteinParseError.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ProteinParseError } from '../errors.js';
import { parseCgdms } from './cgdms.js';
import { parseMmcif } from './mmcif.js';
import { parsePdb } from './pdb.js';
import { parseProteinNet } from './proteinnet.js';
import { parseAlignment, parseProteinFasta } from './sequences.js';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', '__fixtures__', name), 'utf8');
const RUNS = 1500;

function mutated(valid: string[]): fc.Arbitrary<string> {
  const alphabet = fc.constantFrom(...'ACDEFGHIKLMNPQRSTVWYXacgt-.>#[]+ 0123456789\t\r\n\'"_loop:ATOMHETMODEL'.split(''));
  const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'replace', 'cut'), fc.nat(), alphabet);
  return fc.tuple(fc.constantFrom(...valid), fc.array(edit, { maxLength: 5 })).map(([text, edits]) => {
    let out = text;
    for (const [kind, at, c] of edits) {
      const k = out.length === 0 ? 0 : at % out.length;
      if (kind === 'insert') out = out.slice(0, k) + c + out.slice(k);
      else if (kind === 'delete') out = out.slice(0, k) + out.slice(k + 1);
      else if (kind === 'replace') out = out.slice(0, k) + c + out.slice(k + 1);
      else out = out.slice(0, k);
    }
    return out;
  });
}

const cgdmsSample = ['MKV', 'CHE', '0 0 0 1.4 0 0 2 1.4 0 1 -1 -1', '3.8 0 0 5.2 0 0 5.8 1.4 0 5 -1 -1', '7.6 0 0 9 0 0 9.6 1.4 0 9 -1 -1'].join('\n');
const proteinNetSample = ['[ID]', 'x', '[PRIMARY]', 'MK', '[TERTIARY]', '0 1 2 3 4 5', '0 0 0 0 0 0', '0 0 0 0 0 0', '[MASK]', '+-', ''].join('\n');

const parsers: [string, (text: string) => unknown, string[]][] = [
  ['pdb', (t) => parsePdb(t), [fixture('altloc-insertion.pdb'), fixture('two-models.pdb')]],
  ['mmcif', (t) => parseMmcif(t), [fixture('small.cif')]],
  ['a3m', (t) => parseAlignment(t), [fixture('insertions.a3m')]],
  ['fasta', (t) => parseProteinFasta(t), ['>p1 x\nMKVLA\nGG\n>p2\nWYV*\n']],
  ['cgdms', (t) => parseCgdms(t), [cgdmsSample]],
  ['proteinnet', (t) => parseProteinNet(t), [proteinNetSample]],
];

function parsesOrThrowsTyped(parse: (text: string) => unknown) {
  return (text: string) => {
    try {
      parse(text);
    } catch (error) {
      if (!ProteinParseError.isInstance(error)) throw error;
    }
  };
}

describe.each(parsers)('%s parser', (_name, parse, valid) => {
  it('reads its valid samples', () => {
    for (const text of valid) parse(text);
  });

  it(`parses or throws ProteinParseError on ${RUNS} mutated inputs`, () => {
    fc.assert(fc.property(mutated(valid), parsesOrThrowsTyped(parse)), { numRuns: RUNS });
  });

  it(`parses or throws ProteinParseError on ${RUNS} arbitrary strings`, () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), parsesOrThrowsTyped(parse)), { numRuns: RUNS });
  });
});
