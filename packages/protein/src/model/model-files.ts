// A trained contact model on disk (core's model folder: model.json + weights.ckpt); shipped models live
// in the package's `weights/` folder.
import { type PairNetKind, type ResidualPairNet, type ResolvedResidualPairNetConfig, loadModelWeights, readModelDescriptor, saveModelFolder, shippedModelFolder } from '@scnn/core';
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

/** Folder of a model shipped with the package (weights/cnn, weights/scnn), if it is there. */
export function shippedContactModelDir(kind: PairNetKind): string | undefined {
  return shippedModelFolder(import.meta.url, kind);
}
