// @scnn/recsys: CosRec and SCosRec for sequential recommendation, from interaction files to
// trained models, full-catalogue ranking metrics and top-k recommendations.
export { DatasetError, ParseError } from './errors.js';
export {
  INTERACTION_FORMATS,
  detectInteractionFormat,
  parseInteractions,
  readInteractions,
  type InteractionFormat,
  type InteractionLog,
  type ParseInteractionsOptions,
  type ParseWarning,
} from './formats/interactions.js';
export { PADDING_ITEM, fromSplitFiles, splitByTime, type DatasetSummary, type RecDataset, type TimeSplitOptions } from './data/dataset.js';
export { loadDataset, type DatasetSpec, type LoadedDataset } from './data/load-dataset.js';
export { lastItems, makeWindows, sampleNegatives, type TrainingWindows } from './data/windows.js';
export {
  REC_MODEL_KINDS,
  createCosRec,
  resolveCosRecConfig,
  type CosRecConfig,
  type CosRecModel,
  type RecModelKind,
  type ResolvedCosRecConfig,
} from './model/cosrec.js';
export { MODEL_FILE_FORMAT, loadRecommender, saveRecommender, type LoadedRecommender, type RecommenderFile } from './model/model-files.js';
export {
  RANKING_CUTOFFS,
  RANKING_METRIC_NAMES,
  RankingAccumulator,
  rankTargets,
  userRankingMetrics,
  type RankingMetrics,
} from './metrics/ranking.js';
export { evaluateRanking, historyAt, type EvaluateOptions, type EvaluationPhase, type EvaluationResult } from './evaluate.js';
export { recommend, type Recommendation, type RecommendOptions, type RecommendResult } from './recommend.js';
export {
  targetsVersusNegativesLoss,
  trainRecommender,
  type TrainRecommenderOptions,
  type TrainedRecommender,
} from './training/train-recommender.js';
export { benchmarkEpochs, type EpochBenchmarkOptions, type EpochBenchmarkRow } from './benchmark/epoch-benchmark.js';
