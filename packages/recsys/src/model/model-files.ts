// A trained recommender on disk, as core's model folder: `model.json` (architecture, ids, user histories,
// training settings and metrics) beside `weights.ckpt`.
import { loadModelWeights, readModelDescriptor, saveModelFolder } from '@scnn/core';
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
  const histories = dataset.userIds.map((_, u) => [...dataset.train[u]!, ...dataset.validation[u]!, ...dataset.test[u]!]);
  const file: RecommenderFile = { format: MODEL_FILE_FORMAT, version: 1, config: model.config, userIds: dataset.userIds, itemIds: dataset.itemIds, histories, metadata };
  await saveModelFolder(dir, model, file);
}

export function loadRecommender(dir: string): LoadedRecommender {
  const file = readModelDescriptor<RecommenderFile>(dir, MODEL_FILE_FORMAT);
  const model = createCosRec(file.config);
  loadModelWeights(model, dir);
  return { model, file };
}
