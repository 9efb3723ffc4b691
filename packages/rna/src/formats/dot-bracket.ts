// Dot-bracket files (bpRNA's .dbn): records of `>id`, the sequence line, the structure line (an
// RNAfold-style trailing energy "(-12.30)" is ignored). Pseudoknots as [], {}, <> and letter pairs.
import { RnaParseError } from '../errors.js';
import { dotBracketFromPartners, isBracketProblem, partnersFromDotBracket } from '../structure.js';
import { type ParseOptions, type RnaRecord, checkedSequence, splitLines } from './records.js';

export function parseDotBracket(text: string, options: ParseOptions = {}): RnaRecord[] {
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string, column?: number): never => {
    throw new RnaParseError({ format: 'dot-bracket', source, line, column, message });
  };
  const lines = splitLines(text)
    .map((content, index) => ({ content: content.trim(), line: index + 1 }))
    .filter((l) => l.content !== '' && !l.content.startsWith('#'));
  const records: RnaRecord[] = [];
  for (let k = 0; k < lines.length; ) {
    const header = lines[k]!;
    let id = `seq${records.length + 1}`;
    if (header.content.startsWith('>')) {
      id = header.content.slice(1).trim().split(/\s+/)[0] || id;
      k++;
    }
    const sequenceLine = lines[k];
    const structureLine = lines[k + 1];
    if (!sequenceLine || sequenceLine.content.startsWith('>')) return fail(header.line, `record "${id}" has no sequence line`);
    if (!structureLine || structureLine.content.startsWith('>')) return fail(sequenceLine.line, `record "${id}" has no structure line after its sequence`);
    k += 2;
    const { sequence, unknownPositions } = checkedSequence(sequenceLine.content, 'dot-bracket', source, sequenceLine.line);
    const structure = structureLine.content.replace(/\s+\(\s*[-+]?\d+(\.\d+)?\s*\)$/, '');
    if (structure.length !== sequence.length) {
      fail(structureLine.line, `structure has ${structure.length} characters, the sequence ${sequence.length}`);
    }
    const partners = partnersFromDotBracket(structure);
    if (isBracketProblem(partners)) return fail(structureLine.line, partners.message, partners.position + 1);
    records.push({ id, sequence, partners, line: header.line, unknownPositions });
  }
  return records;
}

export function writeDotBracket(records: (Pick<RnaRecord, 'id' | 'sequence'> & { partners: Int32Array })[]): string {
  return records.map((r) => `>${r.id}\n${r.sequence}\n${dotBracketFromPartners(r.partners)}\n`).join('');
}
