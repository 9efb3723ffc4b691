// Where the real data sets are: --data DIR, else $SCNN_DATA, else ../shared/data beside the project
// when it exists, else the cache that `scnn data fetch` fills. Each candidate must hold the files a
// domain needs; the error lists every place looked at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScnnError } from '@scnn/core';

export class DataNotFoundError extends ScnnError {
  override readonly name = 'DataNotFoundError';

  static override isInstance(error: unknown): error is DataNotFoundError {
    return ScnnError.isInstance(error) && error.name === 'DataNotFoundError';
  }
}

/** The cache folder `scnn data fetch` writes to: $SCNN_CACHE_DIR, else $XDG_CACHE_HOME/scnn/data, else ~/.cache/scnn/data. */
export function dataCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCNN_CACHE_DIR) return path.join(env.SCNN_CACHE_DIR, 'data');
  return path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'scnn', 'data');
}

/** The project's sibling data folder (…/shared/data next to the repository root), found from `from` upwards. */
export function sharedDataDir(from = process.cwd()): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, '..', 'shared', 'data');
    if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml')) && fs.existsSync(candidate)) return path.resolve(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface ResolveDataOptions {
  /** --data DIR. */
  dataDir?: string;
  /** Files (relative to the data folder) that must exist, e.g. ['recsys/ml-100k/u.data']. */
  required?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface ResolvedData {
  dir: string;
  /** Which rule chose it. */
  from: '--data' | 'SCNN_DATA' | 'shared' | 'cache';
}

export function resolveDataDir(options: ResolveDataOptions = {}): ResolvedData {
  const env = options.env ?? process.env;
  const required = options.required ?? [];
  const holds = (dir: string) => fs.existsSync(dir) && required.every((file) => fs.existsSync(path.join(dir, file)));
  const missing = (dir: string) => required.filter((file) => !fs.existsSync(path.join(dir, file)));
  // an explicit choice is never silently replaced by another folder
  for (const [value, from] of [
    [options.dataDir, '--data'],
    [env.SCNN_DATA, 'SCNN_DATA'],
  ] as const) {
    if (!value) continue;
    const dir = path.resolve(value);
    if (!fs.existsSync(dir)) throw new DataNotFoundError(`${from} ${dir} does not exist`);
    if (!holds(dir)) throw new DataNotFoundError(`${from} ${dir} lacks ${missing(dir).slice(0, 3).join(', ')}${missing(dir).length > 3 ? ', …' : ''}`);
    return { dir, from };
  }
  const looked: string[] = [];
  const shared = sharedDataDir(options.cwd);
  if (shared) {
    if (holds(shared)) return { dir: shared, from: 'shared' };
    looked.push(shared);
  }
  const cache = dataCacheDir(env);
  if (holds(cache)) return { dir: cache, from: 'cache' };
  looked.push(cache);
  throw new DataNotFoundError(`no data found (looked in ${looked.join(' and ')}): pass --data DIR, set SCNN_DATA, or run \`scnn data fetch\``);
}
