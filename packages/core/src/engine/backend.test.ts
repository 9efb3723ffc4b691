import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError, InvalidArgumentError } from '../errors.js';
import { availableBackends, initEngine, parseBackendName } from './backend.js';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the built package in a fresh process with the given environment. */
function engineIn(env: Record<string, string>) {
  const script = `import('@scnn/core').then(async (core) => { try { const info = await core.initEngine(); console.log(JSON.stringify(info)); } catch (e) { console.log(JSON.stringify({ error: e.name, message: e.message })); } })`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: packageRoot, env: { ...process.env, ...env }, encoding: 'utf8' });
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

describe('backend selection', () => {
  it('picks the first available of tensorflow > wasm > cpu and says why', async () => {
    const available = await availableBackends();
    const info = engineIn({ SCNN_BACKEND: '' });
    expect(info.backend).toBe(available[0]);
    expect(info.reason.length).toBeGreaterThan(10);
  });

  it.each(['cpu', 'wasm'])('SCNN_BACKEND=%s forces that backend', (name) => {
    const info = engineIn({ SCNN_BACKEND: name });
    expect(info.backend).toBe(name);
    expect(info.reason).toContain('SCNN_BACKEND');
  });

  it('an unknown SCNN_BACKEND fails loudly with a typed error', () => {
    const info = engineIn({ SCNN_BACKEND: 'webgpu' });
    expect(info.error).toBe('InvalidArgumentError');
    expect(info.message).toContain('webgpu');
  });

  it('parseBackendName names the argument and the value', () => {
    expect(parseBackendName('cpu')).toBe('cpu');
    expect(() => parseBackendName('gpu', 'backend')).toThrowError(InvalidArgumentError);
    expect(() => parseBackendName('gpu', 'backend')).toThrowError(/backend: "gpu"/);
  });

  it('switching backends in one process works', async () => {
    const info = await initEngine({ backend: 'cpu' });
    expect(info.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(BackendUnavailableError.isInstance(new BackendUnavailableError('x', 'y'))).toBe(true);
  });
});
