// A trained recommender on disk: `model.json` (architecture, ids, user histories, training settings
// and metrics) beside `weights.ckpt` (core's single-file weight format, written atomically).
import fs from 'node:fs';
import path from 'node:path';
import { CheckpointError, restoreWeights, saveWeights } from '@scnn/core';
import type { RecDataset } from '../data/dataset.js';
import { type CosRecModel, type ResolvedCosRecConfig, createCosRec } from './cosrec.js';

export const MODEL_FILE_FORMAT = 'scnn-recsys-model';

export interface RecommenderFile {
  format: typeof MODEL_FILE_FORMAT;
  version: 1;
  config: ResolvedCosRecConfig;
  /** Dense user index → raw id; dense item index → raw id (index 0: padding ''). */
  userIds: string[];
  itemIds: string[];
  /** Each user's full known history (train, validation, test), for recommending what comes next. */
  histories: number[][];
  /** Free-form: data source, split, training settings, metrics. */
  metadata: Record<string, unknown>;
}

export interface LoadedRecommender {
  model: CosRecModel;
  file: RecommenderFile;
}

export async function saveRecommender(dir: string, model: CosRecModel, dataset: RecDataset, metadata: Record<string, unknown>): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const histories = dataset.userIds.map((_, u) => [...dataset.train[u]!, ...dataset.validation[u]!, ...dataset.test[u]!]);
  const file: RecommenderFile = { format: MODEL_FILE_FORMAT, version: 1, config: model.config, userIds: dataset.userIds, itemIds: dataset.itemIds, histories, metadata };
  await saveWeights(model, path.join(dir, 'weights.ckpt'), { format: MODEL_FILE_FORMAT });
  const target = path.join(dir, 'model.json');
  const tmp = `${target}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(file));
  fs.renameSync(tmp, target);
}

export function loadRecommender(dir: string): LoadedRecommender {
  const jsonFile = path.join(dir, 'model.json');
  if (!fs.existsSync(jsonFile)) throw new CheckpointError(jsonFile, 'not found (train a model with `scnn recsys train --out DIR` first)');
  let file: RecommenderFile;
  try {
    file = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as RecommenderFile;
  } catch (cause) {
    throw new CheckpointError(jsonFile, 'is not valid JSON', { cause });
  }
  if (file.format !== MODEL_FILE_FORMAT || file.version !== 1) throw new CheckpointError(jsonFile, `is not a ${MODEL_FILE_FORMAT} v1 file`);
  const model = createCosRec(file.config);
  restoreWeights(model, path.join(dir, 'weights.ckpt'));
  return { model, file };
}
