// A trained contact model on disk (core's model folder: model.json + weights.ckpt); shipped models live
// in the package's `weights/` folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PairNetKind, type ResidualPairNet, type ResolvedResidualPairNetConfig, loadModelWeights, readModelDescriptor, saveModelFolder } from '@scnn/core';
import { createContactNet } from './contact-net.js';

export const CONTACT_MODEL_FORMAT = 'scnn-protein-model';

export interface ContactModelFile {
  format: typeof CONTACT_MODEL_FORMAT;
  version: 1;
  config: ResolvedResidualPairNetConfig;
  metadata: Record<string, unknown>;
}

export async function saveContactModel(dir: string, net: ResidualPairNet, metadata: Record<string, unknown>): Promise<void> {
  const file: ContactModelFile = { format: CONTACT_MODEL_FORMAT, version: 1, config: net.config, metadata };
  await saveModelFolder(dir, net.model, file);
}

export function loadContactModel(dir: string): { net: ResidualPairNet; file: ContactModelFile } {
  const file = readModelDescriptor<ContactModelFile>(dir, CONTACT_MODEL_FORMAT);
  const net = createContactNet(file.config);
  loadModelWeights(net.model, dir);
  return { net, file };
}

export function shippedContactModelDir(kind: PairNetKind): string | undefined {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'weights', kind);
    if (fs.existsSync(path.join(candidate, 'model.json'))) return candidate;
    if (fs.existsSync(path.join(dir, 'package.json')) || path.dirname(dir) === dir) return undefined;
  }
}
