// @scnn/protein: protein contact maps with symmetric CNNs: structure and alignment formats, contact maps
// from coordinates, CASP contact metrics and the separation baseline, alignment features, the CNN and
// SCNN contact models with their training, and the combination with an alignment's coupling scores.
export { ProteinParseError } from './errors.js';
export { AMINO_ACIDS, UNKNOWN_RESIDUE, oneLetter, residueChannel } from './residues.js';
export { sequenceOf, type Chain, type ProteinStructure, type Residue, type Vec3 } from './formats/structure.js';
export { parsePdb } from './formats/pdb.js';
export { parseMmcif } from './formats/mmcif.js';
export { parseCgdms, type CgdmsChain } from './formats/cgdms.js';
export { parseProteinNet, type ProteinNetRecord } from './formats/proteinnet.js';
export { alignedRow, parseAlignment, parseProteinFasta, readAlignmentRows, type AlignmentReadOptions, type SequenceRecord } from './formats/sequences.js';
export { contactMap, representativeAtom, virtualCb, type ContactMap, type RepresentativeKind } from './contacts/contact-map.js';
export { SEPARATION_RANGES, TOP_FRACTIONS, contactMetrics, separationScores, type ContactMetrics, type SeparationRange, type TopPrecision } from './metrics/contact-metrics.js';
export { ALPHABET_SIZE, alignmentFeatures, createAlignmentEncoder, weightedCounts, type AlignmentFeatureOptions, type AlignmentFeatures, type EncodedAlignment, type WeightedCounts } from './features/alignment-features.js';
export { PROTEIN_PAIR_CHANNELS, proteinPairFeatures } from './featurize/pair-features.js';
export { createContactNet, type ContactNetConfig } from './model/contact-net.js';
export { evaluateContacts, meanContactMetrics, predictContacts, trainContactModel, type ContactExample, type TrainContactsOptions } from './training/train-contacts.js';
export { CONTACT_MODEL_FORMAT, loadContactModel, saveContactModel, shippedContactModelDir, type ContactModelFile } from './model/model-files.js';
export { parseRr, rrSequence, writeRr, type RrContact, type WriteRrOptions } from './formats/rr.js';
export { loadCgdmsList } from './training/cgdms-data.js';
export { cropSquare, mapChainToSequence, type SequenceMapping, type SequenceMappingOptions } from './contacts/sequence-mapping.js';
export { alignmentWeight, combineWithAlignment, pairRanks, readAlignmentCouplings, type AlignmentCouplingOptions, type AlignmentCouplings } from './features/alignment-contacts.js';
export { invertSpd, meanFieldCouplings, type MeanFieldCouplings, type MeanFieldOptions } from './features/mean-field-dca.js';
