import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-cli-protein-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function scnn(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const stderr = result.stderr.split('\n').filter((line) => line && !/absl::InitializeLog|oneDNN custom operations|^=+$|Hi, looks like|^\s*$/.test(line));
  return { status: result.status, stdout: result.stdout, stderr };
}

// a tiny cgdms folder: helices (3.6 residues per turn) of 30 residues
const helix = (n: number, phase: number) =>
  Array.from({ length: n }, (_, k) => {
    const angle = (k * 100 * Math.PI) / 180 + phase;
    const ca = [2.3 * Math.cos(angle), 2.3 * Math.sin(angle), 1.5 * k];
    const atom = (dr: number, dz: number) => [(2.3 + dr) * Math.cos(angle), (2.3 + dr) * Math.sin(angle), 1.5 * k + dz];
    return [...atom(-0.4, -0.9), ...ca, ...atom(-0.3, 0.9), ...atom(1.5, 0)].map((v) => v.toFixed(3)).join(' ');
  });
const cgdms = path.join(dir, 'cgdms');
fs.mkdirSync(path.join(cgdms, 'train_val'), { recursive: true });
const ids = ['1AAA_A', '1BBB_A', '1CCC_A', '1DDD_A'];
ids.forEach((id, k) => fs.writeFileSync(path.join(cgdms, 'train_val', `${id}.txt`), ['MKVLAAGEELLKRLAEAGKKLLEEAAKRLG', 'CHHHHHHHHHHHHHHHHHHHHHHHHHHHHC', ...helix(30, k)].join('\n') + '\n'));
fs.writeFileSync(path.join(cgdms, 'train.txt'), ids.slice(0, 3).join('\n') + '\n');
fs.writeFileSync(path.join(cgdms, 'val.txt'), ids[3] + '\n');
const sequence = 'MKVLAAGEELLKRLAEAGKKLLEEAAKRLG';
const name3: Record<string, string> = { M: 'MET', K: 'LYS', V: 'VAL', L: 'LEU', A: 'ALA', G: 'GLY', E: 'GLU', R: 'ARG' };
/** A PDB file of residues from..to (1-based, numbered as in `sequence`) of the helix. */
function writePdb(file: string, from = 1, to = 30): string {
  const lines = helix(30, 0).flatMap((line, k) => {
    if (k + 1 < from || k + 1 > to) return [];
    const v = line.split(' ').map(Number);
    return (['N', 'CA', 'C'] as const).map((name, a) => `ATOM  ${String(3 * k + a + 1).padStart(5)}  ${name.padEnd(3)} ${name3[sequence[k]!]} A${String(k + 1).padStart(4)}    ${v.slice(3 * a, 3 * a + 3).map((x) => x.toFixed(3).padStart(8)).join('')}  1.00  0.00           ${name[0]}`);
  });
  fs.writeFileSync(file, `${lines.join('\n')}\nEND\n`);
  return file;
}
const pdb = writePdb(path.join(dir, 'helix.pdb'));
const domain = writePdb(path.join(dir, 'domain.pdb'), 6, 25);
const fasta = path.join(dir, 'q.fa');
fs.writeFileSync(fasta, `>q\n${sequence}\n`);
const short = path.join(dir, 'short.fa');
fs.writeFileSync(short, '>s\nMKVLAAGEELLKRLAEAGKK\n');
const other = path.join(dir, 'other.fa');
fs.writeFileSync(other, '>o\nWPWPWPWPWYWYWYWYWYWC\n');
// an alignment of the query: 40 rows where columns 3 and 17 change together
const msa = path.join(dir, 'q.a3m');
const pairs = ['LE', 'IK', 'VD', 'FR'];
fs.writeFileSync(
  msa,
  [`>q\n${sequence}`, ...Array.from({ length: 40 }, (_, r) => {
    const row = [...sequence];
    row[2] = pairs[r % 4]![0]!;
    row[16] = pairs[r % 4]![1]!;
    row[(r * 7) % 30] = 'W';
    return `>r${r}\n${row.join('')}`;
  })].join('\n') + '\n',
);

describe('scnn protein', () => {
  const out = path.join(dir, 'model');

  it('train → evaluate (model and RR file) → predict', () => {
    const train = scnn(['protein', 'train', '--data', cgdms, '--out', out, '--channels', '4', '--epochs', '1', '--no-progress']);
    expect(train.status).toBe(0);
    expect(train.stdout).toMatch(/^scnn: \d+ parameters, \d+ convolutional \(6\d\.\d% of the plain CNN's \d+\)/);
    expect(train.stdout).toContain('| separation only (val) | long |');
    const evaluated = scnn(['protein', 'evaluate', pdb, '--model-dir', out, '--json']);
    expect(evaluated.status).toBe(0);
    expect(Object.keys(JSON.parse(evaluated.stdout))).toEqual(['short', 'medium', 'long', 'L']);
    const predicted = scnn(['protein', 'predict', fasta, '--model-dir', out, '--out', path.join(dir, 'q.rr')]);
    expect(predicted.status).toBe(0);
    const rr = fs.readFileSync(path.join(dir, 'q.rr'), 'utf8');
    expect(rr.split('\n').slice(0, 3)).toEqual(['PFRMAT RR', 'TARGET q', 'MODEL 1']);
    const fromRr = scnn(['protein', 'evaluate', pdb, '--prediction', path.join(dir, 'q.rr'), '--json']);
    expect(fromRr.status).toBe(0);
    expect(JSON.parse(fromRr.stdout).L).toBe(30);
  });

  it('scores a domain on its target sequence, mixes in an alignment, and plots', () => {
    const onTarget = scnn(['protein', 'evaluate', domain, '--model-dir', out, '--sequence', fasta]);
    expect(onTarget.status).toBe(0);
    expect(onTarget.stdout).toContain('L = 20,');
    expect(onTarget.stdout).toContain('placed on target positions 6–25 by numbering (20/20 identical)');
    const mixed = scnn(['protein', 'evaluate', pdb, '--model-dir', out, '--msa', msa, '--json']);
    expect(mixed.status).toBe(0);
    expect(JSON.parse(mixed.stdout).L).toBe(30);
    const coupling = scnn(['protein', 'evaluate', pdb, '--model-dir', out, '--msa', msa, '--msa-weight', '1', '--coupling', 'covariance']);
    expect(coupling.stdout).toMatch(/41 rows, [\d.]+ effective; covariance coupling weight 1\.000/);
    expect(coupling.stdout).toContain(`| ${path.basename(out)} + ${path.basename(msa)} | long |`); // the model's name, not its folder path
    const plot = path.join(dir, 'q.svg');
    const predicted = scnn(['protein', 'predict', fasta, '--model-dir', out, '--msa', msa, '--plot', plot, '--structure', pdb]);
    expect(predicted.status).toBe(0);
    expect(predicted.stderr.join('\n')).toMatch(/mean-field coupling weight Neff\/\(Neff\+L\) = 0\.\d+/);
    expect(predicted.stdout.split('\n').filter((l) => /^\d+ \d+ 0 8 /.test(l))).toHaveLength(150); // the best 5L
    expect(fs.readFileSync(plot, 'utf8')).toMatch(/^<svg/);
    // by the coupling alone, the co-varying columns 3 and 17 come first
    const byCoupling = scnn(['protein', 'predict', fasta, '--model-dir', out, '--msa', msa, '--msa-weight', '1']);
    expect(byCoupling.stdout.split('\n').find((l) => /^\d+ \d+ 0 8 /.test(l))).toBe('3 17 0 8 1.0000');
  });

  it.each([
    [['protein', 'train', '--data', dir, '--out', path.join(dir, 'x')], /has no train\.txt/],
    [['protein', 'predict', short, '--model-dir', path.join(dir, 'model'), '--msa', msa], /--msa: the alignment's query \(30 columns\) is not the sequence being predicted \(20 residues\)/],
    [['protein', 'predict', fasta, '--model-dir', path.join(dir, 'model'), '--plot', 'map.jpg'], /--plot expects a \.svg or \.png/],
    [['protein', 'evaluate', pdb, '--model-dir', path.join(dir, 'model'), '--msa', msa, '--msa-weight', '2'], /--msa-weight/],
    [['protein', 'evaluate', pdb, '--model-dir', path.join(dir, 'model'), '--sequence', other], /structure and target sequence disagree/],
    [['protein', 'evaluate', path.join(dir, 'none.pdb'), '--model-dir', path.join(dir, 'model')], /no such file/],
    [['protein', 'predict', fasta, '--model', 'rnn'], /--model expects cnn or scnn/],
  ])('user error %j exits 2 with one line', (args, message) => {
    const { status, stderr } = scnn(args);
    expect(status).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
  });
});
