// The cgdms per-chain files: line 1 the sequence, line 2 the predicted 3-state secondary structure
// (H/E/C), then one line per residue with 12 numbers: x y z of N, CA, C and the side-chain centroid (Å).
import { ProteinParseError } from '../errors.js';
import type { Chain, Vec3 } from './structure.js';

export interface CgdmsChain extends Chain {
  sequence: string;
  secondaryStructure: string;
}

const ATOMS = ['N', 'CA', 'C', 'SC'] as const;

export function parseCgdms(text: string, options: { source?: string; id?: string } = {}): CgdmsChain {
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string): never => {
    throw new ProteinParseError({ format: 'cgdms', source, line, message });
  };
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const sequence = (lines[0] ?? '').toUpperCase();
  const secondaryStructure = (lines[1] ?? '').toUpperCase();
  if (!/^[A-Z]+$/.test(sequence)) fail(1, 'line 1 must be the one-letter sequence');
  if (secondaryStructure.length !== sequence.length || !/^[HEC]+$/.test(secondaryStructure)) fail(2, `line 2 must be ${sequence.length} secondary-structure letters H, E or C`);
  if (lines.length - 2 !== sequence.length) fail(Math.min(lines.length, 3), `expected ${sequence.length} coordinate lines (one per residue), got ${lines.length - 2}`);
  const residues = [...sequence].map((aa, i) => {
    const line = i + 3;
    const values = lines[i + 2]!.split(/\s+/).map(Number);
    if (values.length !== 12 || values.some((v) => !Number.isFinite(v))) fail(line, `expected 12 numbers (x y z of N, CA, C, side-chain centroid), got "${lines[i + 2]!.slice(0, 40)}"`);
    const atoms = new Map<string, Vec3>(ATOMS.map((name, k) => [name, [values[3 * k]!, values[3 * k + 1]!, values[3 * k + 2]!]]));
    return { aa, atoms };
  });
  return { id: options.id ?? source, residues, sequence, secondaryStructure };
}
