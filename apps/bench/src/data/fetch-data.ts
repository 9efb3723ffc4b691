// `scnn data fetch`: downloads the data files from their public source repositories at the commits in
// data-manifest.json (built from the shared data's SOURCES.md), checks each SHA-256, and writes them
// atomically into the cache. Files already present with the right checksum are not downloaded again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProgressOption, ScnnError, createProgress } from '@scnn/core';
import { dataCacheDir } from './data-dir.js';

export interface ManifestFile {
  /** Path in the data folder. */
  file: string;
  repository: string;
  commit: string;
  /** Path in the repository. */
  path: string;
  bytes: number;
  sha256: string;
  /** 'drop-first-line': the published file carries a header line that the reference copy drops. */
  transform?: 'drop-first-line';
}

export interface DataManifest {
  files: ManifestFile[];
  folders?: { folder: string; repository: string; commit: string; path: string; files: [string, number, string][] }[];
}

export class DataFetchError extends ScnnError {
  override readonly name = 'DataFetchError';
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.file = file;
  }

  static override isInstance(error: unknown): error is DataFetchError {
    return ScnnError.isInstance(error) && error.name === 'DataFetchError';
  }
}

/** The manifest shipped with the bench app (found upwards from this module: dist/ or src/data/). */
export function loadManifest(file?: string): DataManifest {
  let found = file;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); !found; ) {
    const candidate = path.join(dir, 'data-manifest.json');
    if (fs.existsSync(candidate)) found = candidate;
    else if (path.dirname(dir) === dir) throw new DataFetchError('data-manifest.json', 'not found beside the bench app');
    else dir = path.dirname(dir);
  }
  return JSON.parse(fs.readFileSync(found, 'utf8')) as DataManifest;
}

/** Every file of the manifest, folders expanded. */
export function manifestFiles(manifest: DataManifest): ManifestFile[] {
  const out = [...manifest.files];
  for (const folder of manifest.folders ?? []) {
    for (const [name, bytes, sha256] of folder.files) {
      out.push({ file: `${folder.folder}${name}`, repository: folder.repository, commit: folder.commit, path: `${folder.path}${name}`, bytes, sha256 });
    }
  }
  return out;
}

export interface FetchDataOptions {
  manifest?: DataManifest;
  /** Target folder. @default dataCacheDir() */
  dir?: string;
  /** Only files under these top folders (recsys, rna, protein). @default all */
  domains?: string[];
  /** Raw-file server: `${baseUrl}/${repository}/${commit}/${path}`. @default $SCNN_DATA_BASE_URL or https://raw.githubusercontent.com */
  baseUrl?: string;
  /** Parallel downloads. @default 4 */
  concurrency?: number;
  progress?: ProgressOption;
  signal?: AbortSignal;
}

export interface FetchDataResult {
  dir: string;
  downloaded: string[];
  /** Already present with the right checksum. */
  present: string[];
  failed: { file: string; error: string }[];
}

const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

function fileIsValid(file: string, entry: ManifestFile): boolean {
  try {
    const stat = fs.statSync(file);
    return stat.size === entry.bytes && sha256(fs.readFileSync(file)) === entry.sha256;
  } catch {
    return false;
  }
}

async function download(entry: ManifestFile, baseUrl: string, signal?: AbortSignal): Promise<Uint8Array> {
  const url = `${baseUrl.replace(/\/$/, '')}/${entry.repository}/${entry.commit}/${entry.path}`;
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (cause) {
    throw new DataFetchError(entry.file, `cannot reach ${url} (${(cause as Error).message})`, { cause });
  }
  if (!response.ok) throw new DataFetchError(entry.file, `${url} answered HTTP ${response.status}`);
  let data = new Uint8Array(await response.arrayBuffer());
  if (entry.transform === 'drop-first-line') {
    const newline = data.indexOf(10);
    data = newline < 0 ? new Uint8Array(0) : data.subarray(newline + 1);
  }
  const got = sha256(data);
  if (got !== entry.sha256) throw new DataFetchError(entry.file, `checksum mismatch for ${url}: expected sha256 ${entry.sha256}, got ${got}`);
  return data;
}

export async function fetchData(options: FetchDataOptions = {}): Promise<FetchDataResult> {
  const dir = path.resolve(options.dir ?? dataCacheDir());
  const baseUrl = options.baseUrl ?? process.env.SCNN_DATA_BASE_URL ?? 'https://raw.githubusercontent.com';
  const entries = manifestFiles(options.manifest ?? loadManifest()).filter((e) => !options.domains || options.domains.includes(e.file.split('/')[0]!));
  const result: FetchDataResult = { dir, downloaded: [], present: [], failed: [] };
  const progress = createProgress(options.progress ?? 'auto');
  progress.start(entries.length, 'data fetch');
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < entries.length && !options.signal?.aborted) {
      const entry = entries[next++]!;
      const target = path.join(dir, entry.file);
      try {
        if (fileIsValid(target, entry)) {
          result.present.push(entry.file);
        } else {
          const data = await download(entry, baseUrl, options.signal);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          const tmp = `${target}.tmp-${process.pid}`;
          fs.writeFileSync(tmp, data);
          fs.renameSync(tmp, target);
          result.downloaded.push(entry.file);
        }
      } catch (error) {
        result.failed.push({ file: entry.file, error: error instanceof Error ? error.message : String(error) });
      }
      progress.update(++done, { failed: result.failed.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  progress.stop();
  return result;
}
