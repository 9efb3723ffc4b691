// A trained model on disk: `model.json` (a descriptor with a format name and version, the architecture
// and whatever metadata the domain keeps) beside `weights.ckpt` (saveWeights), both written atomically.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckpointError } from '../errors.js';
import { restoreWeights, saveWeights, type Trainable } from './train.js';

export interface ModelDescriptor {
  format: string;
  version: number;
}

export async function saveModelFolder(dir: string, model: Pick<Trainable, 'weights'>, descriptor: ModelDescriptor): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await saveWeights(model, path.join(dir, 'weights.ckpt'), { format: descriptor.format });
  const target = path.join(dir, 'model.json');
  const tmp = `${target}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(descriptor, null, 1) + '\n');
  fs.renameSync(tmp, target);
}

/** Reads and checks `dir/model.json` (format and version). */
export function readModelDescriptor<T extends ModelDescriptor>(dir: string, format: string, version = 1): T {
  const file = path.join(dir, 'model.json');
  if (!fs.existsSync(file)) throw new CheckpointError(file, 'not found');
  let descriptor: T;
  try {
    descriptor = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (cause) {
    throw new CheckpointError(file, 'is not valid JSON', { cause });
  }
  if (descriptor.format !== format || descriptor.version !== version) throw new CheckpointError(file, `is not a ${format} v${version} file`);
  return descriptor;
}

/** Loads `dir/weights.ckpt` into a model built from the descriptor. */
export function loadModelWeights(model: Pick<Trainable, 'weights'>, dir: string): void {
  restoreWeights(model, path.join(dir, 'weights.ckpt'));
}

/**
 * The folder `weights/<name>` of the package that holds `moduleUrl` (pass `import.meta.url`), when it
 * has a model.json: how a domain package finds the weights it ships.
 */
export function shippedModelFolder(moduleUrl: string, name: string): string | undefined {
  for (let dir = path.dirname(fileURLToPath(moduleUrl)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'weights', name);
    if (fs.existsSync(path.join(candidate, 'model.json'))) return candidate;
    if (fs.existsSync(path.join(dir, 'package.json')) || path.dirname(dir) === dir) return undefined;
  }
}
