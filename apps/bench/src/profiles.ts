// What each profile runs. quick: every domain on real data with few epochs (≤ 15 minutes on 2 cores);
// full: the settings behind the packages' README tables, 3 seeds.
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
    layers: { sizes: [32, 64], channels: [32], repeats: 3 },
  },
  full: {
    name: 'full',
    recsys: { datasets: RECSYS_DATASETS, epochs: 20, patience: 5, seeds: [0, 1, 2] },
    layers: { sizes: [64, 128, 256], channels: [32, 64], repeats: 9 },
  },
};
