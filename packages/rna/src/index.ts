// @scnn/rna: RNA secondary structure with symmetric CNNs: formats (read and write), the sequence policy,
// symmetric pair features, the CNN and its SCNN twin, windowed training, prediction, decoding into valid
// structures, and the metrics.
export { RnaParseError } from './errors.js';
export { NUCLEOTIDES, UNKNOWN_CHANNEL, baseChannel, isCanonicalPair, normalizeSequence, type NormalizedSequence } from './sequence.js';
export { dotBracketFromPartners, isBracketProblem, pairsOf, partnersFromDotBracket, partnersFromPairs, type BracketProblem, type Partners } from './structure.js';
export { type ParseOptions, type RnaRecord } from './formats/records.js';
export { parseFasta, writeFasta } from './formats/fasta.js';
export { parseDotBracket, writeDotBracket } from './formats/dot-bracket.js';
export { parseBpseq, writeBpseq } from './formats/bpseq.js';
export { parseCt, writeCt } from './formats/ct.js';
export { parseArchiveIICsv, splitCsvLine, type FamilyRecord } from './formats/archiveii-csv.js';
export { RNA_FORMATS, formatOfFile, parseRna, readRna, type RnaFormat } from './formats/read.js';
export { DEFAULT_PAIR_FEATURE_SET, PAIR_FEATURE_CHANNELS, PAIR_FEATURE_SETS, pairFeatureCount, pairFeatures, type PairFeatureSet } from './featurize/pair-features.js';
export { decodeGreedy, removeLonelyPairs, type DecodeOptions } from './decode/greedy.js';
export { decodeNested } from './decode/nested.js';
export { DECODERS, decodeStructure, type Decoder, type StructureDecodeOptions } from './decode/decode.js';
export { meanMetrics, scoreStructure, type ScoredStructure, type StructureMetrics } from './metrics/structure-metrics.js';
export { PAIR_NET_KINDS, createPairNet, type PairNet, type PairNetConfig, type PairNetKind, type ResolvedPairNetConfig } from './model/pair-net.js';
export { STRUCTURE_MODEL_FORMAT, loadStructureModel, saveStructureModel, shippedModelDir, storedDecoding, type StructureModelFile } from './model/model-files.js';
export { predictPairProbabilities, predictStructure, type Prediction } from './predict.js';
export { batchArrays, cropExample, sampleRecords, type StructureBatchArrays, type StructureExample } from './training/examples.js';
export { pairLoss, trainStructureModel, validateStructures, type TrainStructureOptions, type TrainedStructureModel } from './training/train-structure.js';
export { DEFAULT_DECODING, selectDecoding, type DecodingSelection, type DecodingSelectionOptions, type DecodingSettings } from './training/select-decoding.js';
