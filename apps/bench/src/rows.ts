// The result rows every domain writes, one per (domain, dataset, model, seed).
export type DomainName = 'recsys' | 'rna' | 'protein';
export const DOMAIN_NAMES: readonly DomainName[] = ['recsys', 'rna', 'protein'];

export interface BenchRow {
  domain: DomainName;
  dataset: string;
  profile: string;
  model: 'cnn' | 'scnn';
  seed: number;
  params: { total: number; conv: number };
  /** The domain's metrics on its test split, at the best validation epoch. */
  metrics: Record<string, number>;
  secondsPerEpoch: number;
  /** Seconds to score the whole test split. */
  inferenceSeconds: number;
  backend: string;
  epochs: number;
  bestEpoch: number | null;
}

/** A reference without parameters (e.g. contacts by sequence separation alone), on a domain's test data. */
export interface BaselineRow {
  dataset: string;
  name: string;
  metrics: Record<string, number>;
}

/** results/<domain>.json */
export interface DomainResult {
  domain: DomainName;
  profile: string;
  /** Hash of the config, data and code that produced the rows; a rerun with the same hash is skipped. */
  inputsHash: string;
  /** 'partial': interrupted, or still running; never reused by a rerun. */
  status: 'done' | 'partial';
  /** Why a domain has no rows. */
  note?: string;
  /** The domain's headline metric (the plot's y axis). */
  primaryMetric?: string;
  rows: BenchRow[];
  baselines?: BaselineRow[];
  seconds: number;
  date: string;
  /** The git commit the rows were computed at (absent in results written before it was recorded). */
  commit?: string;
  /** Set in a report for a domain this command did not run: its last results in the folder, shown as they are. */
  kept?: boolean;
}
