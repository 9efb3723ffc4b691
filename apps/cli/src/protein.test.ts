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
const pdb = path.join(dir, 'helix.pdb');
fs.writeFileSync(
  pdb,
  helix(30, 0)
    .map((line, k) => {
      const v = line.split(' ').map(Number);
      return (['N', 'CA', 'C'] as const).map((name, a) => `ATOM  ${String(3 * k + a + 1).padStart(5)}  ${name.padEnd(3)} ALA A${String(k + 1).padStart(4)}    ${v.slice(3 * a, 3 * a + 3).map((x) => x.toFixed(3).padStart(8)).join('')}  1.00  0.00           ${name[0]}`).join('\n');
    })
    .join('\n') + '\nEND\n',
);
const fasta = path.join(dir, 'q.fa');
fs.writeFileSync(fasta, '>q\nMKVLAAGEELLKRLAEAGKK\n');

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

  it.each([
    [['protein', 'train', '--data', dir, '--out', path.join(dir, 'x')], /has no train\.txt/],
    [['protein', 'evaluate', path.join(dir, 'none.pdb'), '--model-dir', path.join(dir, 'model')], /no such file/],
    [['protein', 'predict', fasta, '--model', 'rnn'], /--model expects cnn or scnn/],
  ])('user error %j exits 2 with one line', (args, message) => {
    const { status, stderr } = scnn(args);
    expect(status).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
  });
});
