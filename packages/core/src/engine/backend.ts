// Loads TensorFlow.js and picks the backend: `tensorflow` (@tensorflow/tfjs-node) when its native
// addon loads, else `wasm` (@tensorflow/tfjs-backend-wasm), else `cpu`. SCNN_BACKEND forces one and
// fails loudly when it is unavailable. wasm and cpu get the training kernels they lack.
import * as tf from '@tensorflow/tfjs';
import { BackendUnavailableError, InvalidArgumentError } from '../errors.js';
import { registerDilatedConvGradient } from './dilated-conv-gradient.js';
import { registerTrainingKernels } from './training-kernels.js';

export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  /** Why it loaded or did not. */
  detail: string;
}

export interface EngineInfo {
  /** The backend TensorFlow.js runs on now. */
  backend: BackendName;
  /** One line: why this backend. */
  reason: string;
  /** What was tried, in order. */
  attempts: BackendAttempt[];
  /** tfjs version. */
  tfjsVersion: string;
}

export interface InitEngineOptions {
  /** Force a backend; default `process.env.SCNN_BACKEND`, else the first that loads of tensorflow > wasm > cpu. */
  backend?: BackendName | string;
}

let current: EngineInfo | undefined;
const loaded = new Map<BackendName, BackendAttempt>();

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}

/** Tries to make `name` loadable (imports its package); does not switch to it. */
async function load(name: BackendName): Promise<BackendAttempt> {
  const cached = loaded.get(name);
  if (cached) return cached;
  let attempt: BackendAttempt;
  try {
    if (name === 'tensorflow') {
      process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
      const before = safeCurrentBackend();
      await import('@tensorflow/tfjs-node');
      if (tf.findBackendFactory('tensorflow') == null) throw new Error('tfjs-node loaded but registered no backend');
      // tfjs-node makes itself the active backend on import; keep whatever was active before.
      if (before && before !== 'tensorflow') await tf.setBackend(before);
      attempt = { backend: name, ok: true, detail: '@tensorflow/tfjs-node native addon loaded' };
    } else if (name === 'wasm') {
      await import('@tensorflow/tfjs-backend-wasm');
      registerTrainingKernels('wasm');
      attempt = { backend: name, ok: true, detail: '@tensorflow/tfjs-backend-wasm loaded (one thread in Node; training kernels added)' };
    } else {
      registerTrainingKernels('cpu');
      attempt = { backend: name, ok: true, detail: 'pure-JS cpu backend (training kernels added)' };
    }
  } catch (error) {
    attempt = { backend: name, ok: false, detail: describe(error) };
  }
  loaded.set(name, attempt);
  return attempt;
}

function safeCurrentBackend(): string | undefined {
  try {
    return tf.engine().backendName;
  } catch {
    return undefined;
  }
}

async function activate(name: BackendName): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok) throw new BackendUnavailableError(name, 'tf.setBackend failed to initialise it');
  await tf.ready();
}

export function parseBackendName(value: string, argument = 'SCNN_BACKEND'): BackendName {
  if ((BACKEND_NAMES as readonly string[]).includes(value)) return value as BackendName;
  throw new InvalidArgumentError(argument, value, `one of ${BACKEND_NAMES.join(', ')}`);
}

/**
 * Loads TensorFlow.js on the best available backend (or the forced one) and returns what it chose
 * and why. Calling it again with the same request is cheap.
 */
export async function initEngine(options: InitEngineOptions = {}): Promise<EngineInfo> {
  registerDilatedConvGradient();
  const requested = options.backend ?? (process.env.SCNN_BACKEND || undefined);
  if (current && (requested == null || requested === current.backend)) return current;
  const attempts: BackendAttempt[] = [];
  if (requested != null) {
    const name = parseBackendName(requested, options.backend != null ? 'backend' : 'SCNN_BACKEND');
    const attempt = await load(name);
    attempts.push(attempt);
    if (!attempt.ok) throw new BackendUnavailableError(name, attempt.detail);
    await activate(name);
    const by = options.backend != null ? 'requested by the caller' : 'forced by SCNN_BACKEND';
    current = { backend: name, reason: `${by}; ${attempt.detail}`, attempts, tfjsVersion: tf.version_core };
    return current;
  }
  for (const name of BACKEND_NAMES) {
    const attempt = await load(name);
    attempts.push(attempt);
    if (!attempt.ok) continue;
    try {
      await activate(name);
    } catch (error) {
      attempt.ok = false;
      attempt.detail = describe(error);
      continue;
    }
    const skipped = attempts.filter((a) => !a.ok).map((a) => `${a.backend}: ${a.detail}`);
    const reason = skipped.length === 0 ? `first available of tensorflow > wasm > cpu; ${attempt.detail}` : `${attempt.detail}; skipped ${skipped.join('; ')}`;
    current = { backend: name, reason, attempts, tfjsVersion: tf.version_core };
    return current;
  }
  throw new BackendUnavailableError('cpu', 'no TensorFlow.js backend could be initialised');
}

/** The engine chosen by the last {@link initEngine}, if any. */
export function engineInfo(): EngineInfo | undefined {
  return current;
}

/** Backends that load here, in preference order (loads each package once). */
export async function availableBackends(): Promise<BackendName[]> {
  registerDilatedConvGradient();
  const names: BackendName[] = [];
  for (const name of BACKEND_NAMES) if ((await load(name)).ok) names.push(name);
  return names;
}

/** Switches the active backend (for tests and benchmarks that compare backends). */
export async function useBackend(name: BackendName): Promise<EngineInfo> {
  return initEngine({ backend: name });
}
