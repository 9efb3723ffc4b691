// A trained structure model on disk (core's model folder: model.json + weights.ckpt). The shipped
// models live in the package's `weights/` folder.
import path from 'node:path';
import { CheckpointError, loadModelWeights, readModelDescriptor, saveModelFolder, shippedModelFolder } from '@scnn/core';
import { DECODERS, type Decoder } from '../decode/decode.js';
import { PAIR_FEATURE_SETS, pairFeatureCount } from '../featurize/pair-features.js';
import { DEFAULT_DECODING, type DecodingSettings } from '../training/select-decoding.js';
import { type PairNet, type PairNetKind, type ResolvedPairNetConfig, createPairNet } from './pair-net.js';

export const STRUCTURE_MODEL_FORMAT = 'scnn-rna-model';

export interface StructureModelFile {
  format: typeof STRUCTURE_MODEL_FORMAT;
  version: 1;
  config: ResolvedPairNetConfig;
  metadata: Record<string, unknown>;
}

/** The decoding settings a model chose on validation data (its model.json metadata), else DEFAULT_DECODING. */
export function storedDecoding(metadata: Record<string, unknown>): DecodingSettings {
  return {
    decoder: DECODERS.includes(metadata.decoder as Decoder) ? (metadata.decoder as Decoder) : DEFAULT_DECODING.decoder,
    threshold: typeof metadata.threshold === 'number' ? metadata.threshold : DEFAULT_DECODING.threshold,
    lonelyPairs: typeof metadata.lonelyPairs === 'boolean' ? metadata.lonelyPairs : DEFAULT_DECODING.lonelyPairs,
  };
}

export async function saveStructureModel(dir: string, net: PairNet, metadata: Record<string, unknown>): Promise<void> {
  const file: StructureModelFile = { format: STRUCTURE_MODEL_FORMAT, version: 1, config: net.config, metadata };
  await saveModelFolder(dir, net.model, file);
}

export function loadStructureModel(dir: string): { net: PairNet; file: StructureModelFile } {
  const file = readModelDescriptor<StructureModelFile>(dir, STRUCTURE_MODEL_FORMAT);
  // models saved before feature sets existed were trained on the 18 'basic' channels
  const features = file.config.features ?? 'basic';
  if (!PAIR_FEATURE_SETS.includes(features)) throw new CheckpointError(path.join(dir, 'model.json'), `has unknown pair features '${features}' (expected ${PAIR_FEATURE_SETS.join(' | ')})`);
  if (file.config.inputChannels !== pairFeatureCount(features)) {
    throw new CheckpointError(path.join(dir, 'model.json'), `has config.inputChannels ${file.config.inputChannels}, but the '${features}' pair features have ${pairFeatureCount(features)} channels`);
  }
  const net = createPairNet({ ...file.config, features });
  loadModelWeights(net.model, dir);
  return { net, file: { ...file, config: net.config } };
}

/** Folder of a model shipped with the package (weights/cnn, weights/scnn), if it is there. */
export function shippedModelDir(kind: PairNetKind): string | undefined {
  return shippedModelFolder(import.meta.url, kind);
}
