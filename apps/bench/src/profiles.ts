// What each profile runs. quick: every domain on real data with few epochs (≤ 15 minutes on 2 cores);
// full: 3 seeds of each twin; its rows are the 3-seed comparison tables in the packages' READMEs (the
// weights the packages ship are trained longer, on one seed).
export type ProfileName = 'quick' | 'full';
export const PROFILE_NAMES: readonly ProfileName[] = ['quick', 'full'];

export interface RecsysDatasetConfig {
  name: string;
  /** Path inside the data folder. */
  file: string;
}

export interface Profile {
  name: ProfileName;
  recsys: { datasets: RecsysDatasetConfig[]; epochs: number; patience: number; seeds: number[] };
  /** bpRNA: windows per epoch from TR0, validation on the first VL0 sequences, test on the first TS0 ones (all when null). */
  rna: { epochs: number; samplesPerEpoch: number; validationSize: number; testSize: number | null; seeds: number[] };
  /** cgdms: training chains (all when null), epochs; validation = the val list. */
  protein: { trainSize: number | null; epochs: number; seeds: number[] };
  layers: { sizes: number[]; channels: number[]; repeats: number };
}

const RECSYS_DATASETS: RecsysDatasetConfig[] = [
  { name: 'ml-100k', file: 'recsys/ml-100k/u.data' },
  { name: 'amazon-beauty', file: 'recsys/amazon/Beauty.txt' },
];

export const PROFILES: Record<ProfileName, Profile> = {
  quick: {
    name: 'quick',
    recsys: { datasets: RECSYS_DATASETS, epochs: 3, patience: 0, seeds: [0] },
    rna: { epochs: 1, samplesPerEpoch: 1000, validationSize: 50, testSize: 200, seeds: [0] },
    protein: { trainSize: 500, epochs: 2, seeds: [0] },
    layers: { sizes: [32, 64], channels: [32], repeats: 3 },
  },
  full: {
    name: 'full',
    recsys: { datasets: RECSYS_DATASETS, epochs: 20, patience: 5, seeds: [0, 1, 2] },
    rna: { epochs: 5, samplesPerEpoch: 2000, validationSize: 150, testSize: null, seeds: [0, 1, 2] },
    protein: { trainSize: null, epochs: 5, seeds: [0, 1, 2] },
    layers: { sizes: [64, 128, 256], channels: [32, 64], repeats: 9 },
  },
};
