import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');

function scnn(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  // TensorFlow's own start-up lines go to stderr too; keep only ours and commander's
  const stderr = result.stderr
    .split('\n')
    .filter((line) => line && !/absl::InitializeLog|oneDNN custom operations|^=+$|Hi, looks like|^\s*$/.test(line));
  return { status: result.status, stdout: result.stdout, stderr };
}

describe('scnn', () => {
  it('--version prints the version', () => {
    const { status, stdout } = scnn(['--version']);
    expect(status).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([[['--help']], [['backend', '--help']], [['bench', '--help']], [['bench', 'layers', '--help']]])('%j prints usage and exits 0', (args) => {
    const { status, stdout } = scnn(args);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: scnn');
  });

  it('backend prints the backend and why; --json gives an object', () => {
    const text = scnn(['backend']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^backend: (tensorflow|wasm|cpu)\nwhy: /);
    const forced = scnn(['backend', '--json'], { SCNN_BACKEND: 'wasm' });
    expect(JSON.parse(forced.stdout)).toMatchObject({ backend: 'wasm' });
  });

  it.each([
    [['nope'], /unknown command 'nope'/],
    [['backend', '--colour'], /unknown option '--colour'/],
    [['bench', 'layers', '--sizes', '64,x'], /--sizes expects positive integers/],
    [['bench', 'layers', '--channels', '3'], /--channels must be even/],
    [['bench', 'layers', '--backends', 'gpu'], /--backends: "gpu"/],
  ])('user error %j exits 2 with one line, no stack', (args, message) => {
    const { status, stderr } = scnn(args);
    expect(status).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
  });

  it('an unknown SCNN_BACKEND exits 2 with one line', () => {
    const { status, stderr } = scnn(['backend'], { SCNN_BACKEND: 'gpu' });
    expect(status).toBe(2);
    expect(stderr).toEqual(['scnn: Invalid SCNN_BACKEND: "gpu" (expected one of tensorflow, wasm, cpu)']);
  });

  it('bench layers --json prints one row per backend, layer, L and C', () => {
    const { status, stdout } = scnn(['bench', 'layers', '--json', '--no-progress', '--backends', 'cpu', '--sizes', '12', '--channels', '4', '--repeats', '1']);
    expect(status).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows.map((r: { layer: string }) => r.layer)).toEqual(['symmetricConv2d', 'symmetryGeneratingConv2d']);
    for (const row of rows) {
      expect(row).toMatchObject({ backend: 'cpu', L: 12, C: 4 });
      expect(row.ratio).toBeCloseTo(row.symmetricMs / row.plainMs, 10);
    }
  });
});
