// PDB (fixed columns): ATOM records, and HETATM records of modified amino acids (MSE, SEP, ...). Only
// the first model is read (NMR ensembles: the count of skipped models is reported); of alternate
// locations only the first met for each atom (blank or 'A') is kept; insertion codes make separate
// residues. Water and ligands are skipped.
import { ProteinParseError } from '../errors.js';
import { oneLetter } from '../residues.js';
import type { Chain, ProteinStructure, Residue, Vec3 } from './structure.js';

export function parsePdb(text: string, options: { source?: string } = {}): ProteinStructure {
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string, column?: number): never => {
    throw new ProteinParseError({ format: 'pdb', source, line, column, message });
  };
  const chains = new Map<string, Chain>();
  let models = 0;
  let inFirstModel = true;
  let skippedAltLocs = 0;
  const altLocKept = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = index + 1;
    const record = raw.slice(0, 6).trimEnd();
    if (record === 'MODEL') {
      models++;
      inFirstModel = models === 1;
      continue;
    }
    if (record === 'ENDMDL') {
      inFirstModel = false;
      continue;
    }
    if (record !== 'ATOM' && record !== 'HETATM') continue;
    if (!inFirstModel) continue;
    if (raw.length < 54) fail(line, `${record} record is ${raw.length} characters long; coordinates need columns 31–54`);
    const atomName = raw.slice(12, 16).trim();
    const altLoc = raw[16] ?? ' ';
    const name3 = raw.slice(17, 20).trim();
    const chainId = raw[21]?.trim() || '_';
    const numberText = raw.slice(22, 26).trim();
    const insertionCode = raw[26]?.trim() ?? '';
    const aa = oneLetter(name3);
    if (record === 'HETATM' && !aa) continue; // water, ligands
    const number = Number(numberText);
    if (numberText === '' || !Number.isInteger(number)) fail(line, `residue number "${numberText}" is not an integer`, 23);
    const coordinates = [raw.slice(30, 38), raw.slice(38, 46), raw.slice(46, 54)].map((field, k) => {
      const value = Number(field);
      if (field.trim() === '' || !Number.isFinite(value)) fail(line, `coordinate ${'xyz'[k]} "${field.trim()}" is not a number`, 31 + 8 * k);
      return value;
    }) as Vec3;
    if (atomName === '') fail(line, 'empty atom name', 13);
    const atomKey = `${chainId}|${number}|${insertionCode}|${atomName}`;
    if (altLoc !== ' ') {
      const kept = altLocKept.get(atomKey);
      if (kept !== undefined && kept !== altLoc) {
        skippedAltLocs++;
        continue;
      }
      altLocKept.set(atomKey, altLoc);
    }
    let chain = chains.get(chainId);
    if (!chain) chains.set(chainId, (chain = { id: chainId, residues: [] }));
    let residue: Residue | undefined = chain.residues[chain.residues.length - 1];
    if (!residue || residue.number !== number || residue.insertionCode !== insertionCode) {
      residue = { aa: aa ?? 'X', name3, number, insertionCode, atoms: new Map() };
      chain.residues.push(residue);
    }
    if (!residue.atoms.has(atomName)) residue.atoms.set(atomName, coordinates);
  }
  return { source, chains: [...chains.values()], skippedModels: Math.max(0, models - 1), skippedAltLocs };
}
