// A trained structure model on disk: `model.json` (architecture, training settings, metrics) beside
// `weights.ckpt` (core's weight file). The shipped models live in the package's `weights/` folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckpointError, restoreWeights, saveWeights } from '@scnn/core';
import { type PairNet, type PairNetKind, type ResolvedPairNetConfig, createPairNet } from './pair-net.js';

export const STRUCTURE_MODEL_FORMAT = 'scnn-rna-model';

export interface StructureModelFile {
  format: typeof STRUCTURE_MODEL_FORMAT;
  version: 1;
  config: ResolvedPairNetConfig;
  metadata: Record<string, unknown>;
}

export async function saveStructureModel(dir: string, net: PairNet, metadata: Record<string, unknown>): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await saveWeights(net.model, path.join(dir, 'weights.ckpt'), { format: STRUCTURE_MODEL_FORMAT });
  const file: StructureModelFile = { format: STRUCTURE_MODEL_FORMAT, version: 1, config: net.config, metadata };
  const target = path.join(dir, 'model.json');
  fs.writeFileSync(`${target}.tmp-${process.pid}`, JSON.stringify(file, null, 1) + '\n');
  fs.renameSync(`${target}.tmp-${process.pid}`, target);
}

export function loadStructureModel(dir: string): { net: PairNet; file: StructureModelFile } {
  const jsonFile = path.join(dir, 'model.json');
  if (!fs.existsSync(jsonFile)) throw new CheckpointError(jsonFile, 'not found');
  const file = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as StructureModelFile;
  if (file.format !== STRUCTURE_MODEL_FORMAT || file.version !== 1) throw new CheckpointError(jsonFile, `is not a ${STRUCTURE_MODEL_FORMAT} v1 file`);
  const net = createPairNet(file.config);
  restoreWeights(net.model, path.join(dir, 'weights.ckpt'));
  return { net, file };
}

/** Folder of a model shipped with the package (weights/cnn, weights/scnn), if it is there. */
export function shippedModelDir(kind: PairNetKind): string | undefined {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'weights', kind);
    if (fs.existsSync(path.join(candidate, 'model.json'))) return candidate;
    if (fs.existsSync(path.join(dir, 'package.json')) || path.dirname(dir) === dir) return undefined;
  }
}
