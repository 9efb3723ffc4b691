// mmCIF: the `_atom_site` loop (other categories are skipped). Same rules as PDB: first model only,
// first alternate location per atom, modified amino acids kept, water and ligands skipped. Chains by
// auth_asym_id, residues by auth_seq_id + insertion code.
import { ProteinParseError } from '../errors.js';
import { oneLetter } from '../residues.js';
import type { Chain, ProteinStructure, Residue, Vec3 } from './structure.js';

/** Whitespace-separated CIF tokens with '…' / "…" quoting. */
function tokens(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    const quote = line[i];
    if (quote === "'" || quote === '"') {
      let j = i + 1;
      while (j < line.length && !(line[j] === quote && (j + 1 === line.length || /\s/.test(line[j + 1]!)))) j++;
      if (j >= line.length) return null;
      out.push(line.slice(i + 1, j));
      i = j + 1;
    } else {
      let j = i;
      while (j < line.length && !/\s/.test(line[j]!)) j++;
      out.push(line.slice(i, j));
      i = j;
    }
  }
  return out;
}

export function parseMmcif(text: string, options: { source?: string } = {}): ProteinStructure {
  const source = options.source ?? '<string>';
  const fail = (line: number, message: string): never => {
    throw new ProteinParseError({ format: 'mmcif', source, line, message });
  };
  const lines = text.split(/\r\n|\r|\n/);
  let k = 0;
  const columns: string[] = [];
  // find the loop_ whose items are _atom_site.*
  for (; k < lines.length; k++) {
    if (lines[k]!.trim() !== 'loop_') continue;
    let j = k + 1;
    while (j < lines.length && lines[j]!.trim().startsWith('_atom_site.')) columns.push(lines[j++]!.trim().slice('_atom_site.'.length));
    if (columns.length > 0) {
      k = j;
      break;
    }
  }
  if (columns.length === 0) fail(1, 'no _atom_site loop');
  const column = (...names: string[]) => names.map((n) => columns.indexOf(n)).find((c) => c >= 0) ?? -1;
  const c = {
    group: column('group_PDB'),
    atom: column('auth_atom_id', 'label_atom_id'),
    alt: column('label_alt_id'),
    comp: column('auth_comp_id', 'label_comp_id'),
    chain: column('auth_asym_id', 'label_asym_id'),
    number: column('auth_seq_id', 'label_seq_id'),
    insertion: column('pdbx_PDB_ins_code'),
    x: column('Cartn_x'),
    y: column('Cartn_y'),
    z: column('Cartn_z'),
    model: column('pdbx_PDB_model_num'),
  };
  for (const [name, index] of Object.entries(c)) if (index < 0 && !['group', 'alt', 'insertion', 'model'].includes(name)) fail(k, `_atom_site lacks the ${name} column`);
  const chains = new Map<string, Chain>();
  const models = new Set<string>();
  let firstModel: string | undefined;
  let skippedAltLocs = 0;
  const altLocKept = new Map<string, string>();
  for (; k < lines.length; k++) {
    const trimmed = lines[k]!.trim();
    if (trimmed === '#') break; // end of the loop
    if (trimmed === '') continue;
    if (trimmed === 'loop_' || trimmed.startsWith('_') || trimmed.startsWith('data_')) break;
    const row = tokens(trimmed);
    const line = k + 1;
    if (!row) return fail(line, 'unterminated quoted value');
    if (row.length !== columns.length) fail(line, `expected ${columns.length} values, got ${row.length}`);
    const model = c.model >= 0 ? row[c.model]! : '1';
    models.add(model);
    firstModel ??= model;
    if (model !== firstModel) continue;
    const name3 = row[c.comp]!;
    const aa = oneLetter(name3);
    if ((c.group >= 0 && row[c.group] === 'HETATM' && !aa) || (!aa && name3 === 'HOH')) continue;
    const number = Number(row[c.number]);
    if (!Number.isInteger(number)) fail(line, `residue number "${row[c.number]}" is not an integer`);
    const coordinates = [row[c.x]!, row[c.y]!, row[c.z]!].map((v, axis) => {
      const value = Number(v);
      if (!Number.isFinite(value)) fail(line, `coordinate ${'xyz'[axis]} "${v}" is not a number`);
      return value;
    }) as Vec3;
    const chainId = row[c.chain]!;
    const insertion = c.insertion >= 0 && row[c.insertion] !== '?' && row[c.insertion] !== '.' ? row[c.insertion]! : '';
    const atomName = row[c.atom]!;
    const alt = c.alt >= 0 ? row[c.alt]! : '.';
    const atomKey = `${chainId}|${number}|${insertion}|${atomName}`;
    if (alt !== '.' && alt !== '?') {
      const kept = altLocKept.get(atomKey);
      if (kept !== undefined && kept !== alt) {
        skippedAltLocs++;
        continue;
      }
      altLocKept.set(atomKey, alt);
    }
    let chain = chains.get(chainId);
    if (!chain) chains.set(chainId, (chain = { id: chainId, residues: [] }));
    let residue: Residue | undefined = chain.residues[chain.residues.length - 1];
    if (!residue || residue.number !== number || residue.insertionCode !== insertion) {
      residue = { aa: aa ?? 'X', name3, number, insertionCode: insertion, atoms: new Map() };
      chain.residues.push(residue);
    }
    if (!residue.atoms.has(atomName)) residue.atoms.set(atomName, coordinates);
  }
  return { source, chains: [...chains.values()], skippedModels: Math.max(0, models.size - 1), skippedAltLocs };
}
