// Where a data set comes from, as plain JSON (stored with a trained model so `evaluate` can reload
// exactly the same split), and the loader that turns that description into a RecDataset.
import { InvalidArgumentError } from '@scnn/core';
import { type InteractionFormat, type InteractionLog, readInteractions } from '../formats/interactions.js';
import { type RecDataset, fromSplitFiles, splitByTime } from './dataset.js';

export type DatasetSpec =
  | { kind: 'time-split'; file: string; format?: InteractionFormat; validation?: number; test?: number }
  | { kind: 'split-files'; train: string; test: string; validation?: string; format?: InteractionFormat };

export interface LoadedDataset {
  dataset: RecDataset;
  /** Parse warnings and skipped lines of every file read. */
  logs: Pick<InteractionLog, 'source' | 'format' | 'lines' | 'blankLines' | 'warnings' | 'interactions'>[];
}

export function loadDataset(spec: DatasetSpec): LoadedDataset {
  const read = (file: string) => readInteractions(file, { format: spec.format });
  const summarize = ({ source, format, lines, blankLines, warnings, interactions }: InteractionLog) => ({ source, format, lines, blankLines, warnings, interactions });
  if (spec.kind === 'time-split') {
    const log = read(spec.file);
    return { dataset: splitByTime(log, { validation: spec.validation, test: spec.test }), logs: [summarize(log)] };
  }
  if (spec.kind === 'split-files') {
    const train = read(spec.train);
    const test = read(spec.test);
    const validation = spec.validation ? read(spec.validation) : undefined;
    return { dataset: fromSplitFiles(train, test, validation), logs: [train, ...(validation ? [validation] : []), test].map(summarize) };
  }
  throw new InvalidArgumentError('spec.kind', (spec as { kind: unknown }).kind, '"time-split" or "split-files"');
}
