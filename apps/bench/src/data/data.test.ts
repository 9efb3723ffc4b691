import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataNotFoundError, dataCacheDir, resolveDataDir } from './data-dir.js';
import { type DataManifest, fetchData, loadManifest, manifestFiles } from './fetch-data.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scnn-data-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

describe('resolveDataDir', () => {
  const withFile = (name: string) => {
    const dir = path.join(root, name);
    fs.mkdirSync(path.join(dir, 'recsys'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'recsys/u.data'), 'x');
    return dir;
  };
  const required = ['recsys/u.data'];
  const isolated = { cwd: root, env: { SCNN_CACHE_DIR: path.join(root, 'no-cache') } };

  it('--data first, then SCNN_DATA, then the cache', () => {
    const a = withFile('a');
    const b = withFile('b');
    expect(resolveDataDir({ ...isolated, dataDir: a, required, env: { SCNN_DATA: b } })).toEqual({ dir: a, from: '--data' });
    expect(resolveDataDir({ ...isolated, required, env: { SCNN_DATA: b } })).toEqual({ dir: b, from: 'SCNN_DATA' });
    const cacheRoot = path.join(root, 'cache-root');
    fs.mkdirSync(path.join(cacheRoot, 'data/recsys'), { recursive: true });
    fs.writeFileSync(path.join(cacheRoot, 'data/recsys/u.data'), 'x');
    expect(resolveDataDir({ cwd: root, required, env: { SCNN_CACHE_DIR: cacheRoot } })).toEqual({ dir: path.join(cacheRoot, 'data'), from: 'cache' });
  });

  it('an explicit folder that lacks the files is an error, never silently replaced', () => {
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty, { recursive: true });
    expect(() => resolveDataDir({ ...isolated, dataDir: empty, required })).toThrow(`--data ${empty} lacks recsys/u.data`);
    expect(() => resolveDataDir({ ...isolated, dataDir: path.join(root, 'nope'), required })).toThrow(DataNotFoundError);
  });

  it('no data anywhere: one clear message naming the places and the fix', () => {
    expect(() => resolveDataDir({ ...isolated, required })).toThrow(/no data found \(looked in .*no-cache.*\): pass --data DIR, set SCNN_DATA, or run `scnn data fetch`/);
  });

  it('the cache follows SCNN_CACHE_DIR, then XDG_CACHE_HOME', () => {
    expect(dataCacheDir({ SCNN_CACHE_DIR: '/c' })).toBe('/c/data');
    expect(dataCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/scnn/data');
  });
});

describe('fetchData against a local server', () => {
  const files: Record<string, string> = {
    '/owner/repo/0123/data/a.txt': 'alpha\n',
    '/owner/repo/0123/data/with-header.data': 'user\titem\n1\t2\n',
    '/owner/repo/0123/data/tampered.txt': 'not what the manifest says\n',
    '/other/r/fedc/folder/c1.txt': 'c one\n',
  };
  const requests: string[] = [];
  let server: http.Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url!);
      const body = files[req.url!];
      res.writeHead(body === undefined ? 404 : 200).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const manifest: DataManifest = {
    files: [
      { file: 'recsys/a.txt', repository: 'owner/repo', commit: '0123', path: 'data/a.txt', bytes: 6, sha256: sha('alpha\n') },
      { file: 'recsys/u.data', repository: 'owner/repo', commit: '0123', path: 'data/with-header.data', bytes: 4, sha256: sha('1\t2\n'), transform: 'drop-first-line' },
      { file: 'rna/t.txt', repository: 'owner/repo', commit: '0123', path: 'data/tampered.txt', bytes: 3, sha256: sha('abc') },
      { file: 'rna/missing.txt', repository: 'owner/repo', commit: '0123', path: 'data/missing.txt', bytes: 3, sha256: sha('abc') },
    ],
    folders: [{ folder: 'protein/chains/', repository: 'other/r', commit: 'fedc', path: 'folder/', files: [['c1.txt', 6, sha('c one\n')]] }],
  };

  it('downloads at the pinned commit, verifies SHA-256, applies the header transform, reports failures', async () => {
    const dir = path.join(root, 'fetched');
    const result = await fetchData({ manifest, dir, baseUrl, progress: false });
    expect(result.downloaded.sort()).toEqual(['protein/chains/c1.txt', 'recsys/a.txt', 'recsys/u.data']);
    expect(fs.readFileSync(path.join(dir, 'recsys/u.data'), 'utf8')).toBe('1\t2\n');
    expect(result.failed.map((f) => f.file).sort()).toEqual(['rna/missing.txt', 'rna/t.txt']);
    expect(result.failed.find((f) => f.file === 'rna/t.txt')!.error).toMatch(/checksum mismatch .*expected sha256 ba7816bf/);
    expect(result.failed.find((f) => f.file === 'rna/missing.txt')!.error).toMatch(/answered HTTP 404/);
    expect(fs.existsSync(path.join(dir, 'rna/t.txt'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'recsys')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('a rerun keeps verified files and downloads nothing again; --domains limits the set', async () => {
    const dir = path.join(root, 'fetched');
    requests.length = 0;
    const again = await fetchData({ manifest, dir, baseUrl, progress: false, domains: ['recsys', 'protein'] });
    expect(again.present.sort()).toEqual(['protein/chains/c1.txt', 'recsys/a.txt', 'recsys/u.data']);
    expect(again.downloaded).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('the shipped manifest covers every data file with a 64-hex checksum and pinned commit', () => {
    const entries = manifestFiles(loadManifest());
    expect(entries.length).toBeGreaterThan(2000);
    for (const e of entries) {
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
    }
    expect(entries.find((e) => e.file === 'recsys/ml-100k/u.data')).toMatchObject({ transform: 'drop-first-line' });
  });

  const shared = path.resolve(import.meta.dirname, '../../../../../shared/data');
  it.skipIf(!fs.existsSync(shared))('its checksums match the reference copies in ../shared/data', () => {
    for (const e of loadManifest().files) {
      const file = path.join(shared, e.file);
      expect([e.file, crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')]).toEqual([e.file, e.sha256]);
    }
  });
});
