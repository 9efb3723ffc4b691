import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactMap, virtualCb } from '../contacts/contact-map.js';
import { ProteinParseError } from '../errors.js';
import { parseCgdms } from './cgdms.js';
import { parseMmcif } from './mmcif.js';
import { parsePdb } from './pdb.js';
import { parseProteinNet } from './proteinnet.js';
import { parseAlignment, parseProteinFasta, readAlignmentRows } from './sequences.js';
import { sequenceOf } from './structure.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', '__fixtures__', name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8');

describe('PDB and mmCIF', () => {
  it('PDB: first alternate location, insertion codes as residues, MSE kept as M, water skipped', () => {
    const structure = parsePdb(read('altloc-insertion.pdb'));
    const chain = structure.chains[0]!;
    expect(sequenceOf(chain)).toBe('AGGM');
    expect(chain.residues.map((r) => `${r.number}${r.insertionCode}`)).toEqual(['1', '2', '2A', '3']);
    expect(chain.residues[0]!.atoms.get('CB')).toEqual([1.9, -0.8, -1.2]);
    expect(structure.skippedAltLocs).toBe(1);
  });

  it('PDB: only the first model is read and the others are counted', () => {
    const structure = parsePdb(read('two-models.pdb'));
    expect(structure.chains[0]!.residues).toHaveLength(2);
    expect(structure.skippedModels).toBe(1);
  });

  it('PDB: a bad coordinate is a typed error with line and column', () => {
    try {
      parsePdb(read('bad-coordinate.pdb'), { source: 'bad.pdb' });
      throw new Error('no error');
    } catch (error) {
      expect(ProteinParseError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe('bad.pdb:2:39: coordinate y "abc.d" is not a number (pdb)');
    }
  });

  it('mmCIF: atom_site loop, first model, first alternate location, water skipped', () => {
    const structure = parseMmcif(read('small.cif'));
    const chain = structure.chains[0]!;
    expect(sequenceOf(chain)).toBe('AG');
    expect(chain.residues[1]!.atoms.get('CA')).toEqual([5, 0, 0]);
    expect([structure.skippedModels, structure.skippedAltLocs]).toEqual([1, 1]);
  });
});

describe('contact maps', () => {
  it('Cβ, Cα for glycine, a virtual Cβ when Cβ is missing, masks for residues without atoms', () => {
    const structure = parsePdb(read('altloc-insertion.pdb'));
    const map = contactMap(structure.chains[0]!);
    // ALA has a CB, the GLYs use CA, MSE has N and CA but no C: masked
    expect(map.representatives).toEqual({ CB: 1, CA: 2, 'virtual-CB': 0, masked: 1 });
    expect([...map.mask]).toEqual([1, 1, 1, 0]);
    expect(map.distances[1 * 4 + 2]).toBeCloseTo(3, 5);
    expect(map.contacts[1 * 4 + 2]).toBe(1);
    expect(Number.isNaN(map.distances[0 * 4 + 3]!)).toBe(true);
  });

  it('a residue without Cβ gets a virtual Cβ 1.52 Å from its Cα, off the backbone plane', () => {
    const residue = parseMmcif(read('small.cif')).chains[0]!.residues[0]!;
    expect(contactMap({ residues: [residue] }).representatives['virtual-CB']).toBe(1);
    const [n, ca, c] = ['N', 'CA', 'C'].map((a) => residue.atoms.get(a)!);
    const cb = virtualCb(n!, ca!, c!);
    expect(Math.hypot(cb[0] - ca![0], cb[1] - ca![1], cb[2] - ca![2])).toBeCloseTo(1.52, 1);
    expect(Math.abs(cb[2])).toBeGreaterThan(0.5); // the backbone lies in z = 0
  });
});

describe('sequences and alignments', () => {
  it('A3M: lower-case insertions and dots removed, rows aligned to the query', () => {
    expect(parseAlignment(read('insertions.a3m'))).toEqual(['MKVL', 'MKVL', '-KVL']);
    expect(() => parseAlignment(read('ragged.a3m'), { source: 'ragged.a3m' })).toThrow('ragged.a3m:3: aligned row has 3 columns, the query 4 (a3m)');
  });

  it('streams an alignment file row by row', async () => {
    const rows: string[] = [];
    const result = await readAlignmentRows(fixture('insertions.a3m'), { onRow: (row) => rows.push(row) });
    expect(result).toEqual({ query: 'MKVL', rows: 3 });
    expect(rows).toEqual(parseAlignment(read('insertions.a3m')));
  });

  it('FASTA: a stop "*" at the end is dropped; other symbols are errors', () => {
    expect(parseProteinFasta('>p\nMKV\nL*\n')[0]!.sequence).toBe('MKVL');
    expect(() => parseProteinFasta('>p\nMK1V\n', { source: 'p.fa' })).toThrow('p.fa:2:3: "1" is not an amino-acid letter (fasta)');
  });
});

const shared = path.resolve(import.meta.dirname, '../../../../../shared/data/protein');
describe.skipIf(!fs.existsSync(shared))('the real data sets', () => {
  it('every cgdms chain parses; the train and val lists name existing chains', () => {
    const dir = path.join(shared, 'cgdms/train_val');
    const files = fs.readdirSync(dir);
    expect(files.length).toBe(2204);
    let residues = 0;
    for (const file of files) residues += parseCgdms(fs.readFileSync(path.join(dir, file), 'utf8'), { source: file }).residues.length;
    expect(residues).toBeGreaterThan(2204 * 20);
    for (const list of ['train.txt', 'val.txt']) {
      const ids = fs.readFileSync(path.join(shared, 'cgdms', list), 'utf8').split('\n').filter(Boolean);
      for (const id of ids) expect(files).toContain(`${id}.txt`);
    }
  });

  it('the CASP14 PDB files and their A3M alignments (10,000+ rows streamed)', async () => {
    for (const target of ['T1034', 'T1042', 'T1055']) {
      const structure = parsePdb(fs.readFileSync(path.join(shared, `casp14/${target}-D1.pdb`), 'utf8'));
      expect(structure.chains[0]!.residues.length).toBeGreaterThan(50);
    }
    const { rows, query } = await readAlignmentRows(path.join(shared, 'casp14/T1034.a3m'), { onRow: () => {} });
    expect(rows).toBeGreaterThan(10000);
    expect(query.length).toBeGreaterThan(100);
  });

  it('the ProteinNet sample: 6 records with PSSMs, coordinates in Å and masks', () => {
    const records = parseProteinNet(fs.readFileSync(path.join(shared, 'proteinnet-sample/testfile.txt'), 'utf8'));
    expect(records).toHaveLength(6);
    for (const r of records) {
      expect(r.evolutionary).toHaveLength(21);
      const map = contactMap(r);
      expect(map.representatives.masked).toBe([...r.mask].filter((m) => m === '-').length);
      // consecutive Cα are 3.8 Å apart: the picometre conversion is right
      const ca = r.residues.map((res) => res.atoms.get('CA')).filter(Boolean) as number[][];
      expect(Math.hypot(ca[1]![0]! - ca[0]![0]!, ca[1]![1]! - ca[0]![1]!, ca[1]![2]! - ca[0]![2]!)).toBeCloseTo(3.8, 0);
    }
  });
});
