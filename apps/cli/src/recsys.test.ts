import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-cli-recsys-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function scnn(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const stderr = result.stderr.split('\n').filter((line) => line && !/absl::InitializeLog|oneDNN custom operations|^=+$|Hi, looks like|^\s*$/.test(line));
  return { status: result.status, stdout: result.stdout, stderr };
}

// 40 users walking cycles over 30 items, one user per line; plus a malformed copy
const data = path.join(dir, 'cycles.txt');
fs.writeFileSync(data, Array.from({ length: 40 }, (_, u) => `u${u} ${Array.from({ length: 12 }, (_, t) => `i${(u * 7 + t) % 30}`).join(' ')}`).join('\n') + '\n');
const bad = path.join(dir, 'bad.data');
fs.writeFileSync(bad, '1\t10\t5\t300\n1\t11\t4\tnoon\n');

describe('scnn recsys', () => {
  const out = path.join(dir, 'model');

  it('train → evaluate --json → recommend --json, end to end', () => {
    const train = scnn(['recsys', 'train', '--data', data, '--model', 'scnn', '--epochs', '2', '--out', out, '--no-progress']);
    expect(train.status).toBe(0);
    expect(train.stdout).toMatch(/SCosRec: \d+ parameters, 531456 convolutional \(67\.8% of the plain CNN's 783616\)/);
    expect(train.stdout).toContain('| SCosRec (test) |');
    expect(train.stderr.some((l) => l.startsWith('epoch 2: loss'))).toBe(true);
    for (const file of ['model.json', 'weights.ckpt', 'metrics.json', 'checkpoints/last.ckpt', 'checkpoints/log.jsonl']) expect(fs.existsSync(path.join(out, file))).toBe(true);
    const metrics = JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    expect(metrics).toMatchObject({ model: 'scnn', epochsRun: 2, params: { conv: 531456 }, test: { users: 40 } });

    const evaluated = scnn(['recsys', 'evaluate', '--model', out, '--json']);
    expect(evaluated.status).toBe(0);
    const result = JSON.parse(evaluated.stdout);
    expect(result.map).toBeCloseTo(metrics.test.map, 6);
    expect(result.users).toBe(40);

    const recommended = scnn(['recsys', 'recommend', '--model', out, '--user', 'u3', '-k', '4', '--json']);
    expect(recommended.status).toBe(0);
    expect(JSON.parse(recommended.stdout).recommendations).toHaveLength(4);

    const bySequence = scnn(['recsys', 'recommend', '--model', out, '--items', 'i1,i2,zzz', '-k', '2']);
    expect(bySequence.status).toBe(0);
    expect(bySequence.stdout.split('\n')[0]).toBe('rank\titem\tscore');
    expect(bySequence.stderr).toEqual(['scnn: 1 unknown item ids left out: zzz']);
  });

  it.each([
    [['recsys', 'train', '--data', bad, '--out', path.join(dir, 'x')], /bad\.data:2: timestamp "noon" is not a number \(movielens\)$/],
    [['recsys', 'train', '--out', path.join(dir, 'x')], /give --data FILE, or --train FILE --test FILE/],
    [['recsys', 'train', '--data', path.join(dir, 'missing.txt'), '--out', path.join(dir, 'x')], /--data: no such file/],
    [['recsys', 'train', '--data', data, '--model', 'rnn', '--out', path.join(dir, 'x')], /--model expects cnn \(CosRec\) or scnn/],
    [['recsys', 'train', '--data', data, '--epochs', '0', '--out', path.join(dir, 'x')], /--epochs expects an integer ≥ 1/],
    [['recsys', 'evaluate', '--model', path.join(dir, 'nothing')], /model\.json: not found/],
    [['recsys', 'recommend', '--model', path.join(dir, 'nothing'), '--user', '1'], /model\.json: not found/],
    [['recsys', 'recommend', '--model', path.join(dir, 'model')], /give --user ID or --items/],
  ])('user error %j exits 2 with one line', (args, message) => {
    const { status, stderr } = scnn(args);
    expect(status).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
  });
});
