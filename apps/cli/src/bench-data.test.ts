import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-cli-bench-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function scnn(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const stderr = result.stderr.split('\n').filter((line) => line && !/absl::InitializeLog|oneDNN custom operations|^=+$|Hi, looks like|^\s*$/.test(line));
  return { status: result.status, stdout: result.stdout, stderr };
}

describe('scnn bench / scnn data', () => {
  it.each([[['bench', '--help']], [['data', 'fetch', '--help']], [['recsys', 'train', '--help']]])('%j prints usage', (args) => {
    const { status, stdout } = scnn(args);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: scnn');
  });

  it.each([
    [['bench', '--profile', 'huge'], /--profile expects quick or full, got "huge"/],
    [['bench', '--domains', 'recsys,dna'], /--domains: unknown domain "dna"/],
    [['bench', '--domains', 'recsys', '--data', path.join(dir, 'nowhere'), '--out', path.join(dir, 'r')], /--data .*nowhere does not exist/],
    [['data', 'fetch', '--domains', 'recsys', '--dir', path.join(dir, 'cache'), '--base-url', 'http://127.0.0.1:9', '--no-progress'], /^scnn: 12 files could not be fetched \(first: recsys\/.*cannot reach http:\/\/127\.0\.0\.1:9\//],
  ])('user error %j exits 2 with one line', (args, message) => {
    const { status, stderr } = scnn(args);
    expect(status).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
  });
});
