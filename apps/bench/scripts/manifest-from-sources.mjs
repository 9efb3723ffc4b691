// Builds data-manifest.json from ../shared/data/SOURCES.md (+ the cgdms SHA256SUMS): one entry per
// file with its public repository, commit, path, size and SHA-256, for `scnn data fetch`.
// Usage: node scripts/manifest-from-sources.mjs [DATA_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(process.argv[2] ?? path.join(here, '../../../../shared/data'));
const sources = fs.readFileSync(path.join(dataDir, 'SOURCES.md'), 'utf8');
const files = [];
for (const line of sources.split('\n')) {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length < 8 || !cells[1].startsWith('`')) continue;
  const [, file, repository, commit, repoPath, bytes, sha256, note] = cells;
  const entry = { file: file.replace(/`/g, ''), repository, commit, path: repoPath.replace(/`/g, ''), bytes: Number(bytes), sha256 };
  // the published u.data carries one header line that the reference copy drops
  if (/one added header line/.test(note ?? '')) entry.transform = 'drop-first-line';
  files.push(entry);
}
// folders of many files (cgdms chains) are stored compactly: one [name, bytes, sha256] row each
const folders = [];
const cgdms = /(\d+) files, each `([^`]+)<name>` in ([\w.-]+\/[\w.-]+) at ([0-9a-f]{40})/.exec(sources);
const sumsFile = path.join(dataDir, 'protein/cgdms/SHA256SUMS');
if (cgdms && fs.existsSync(sumsFile)) {
  const [, , prefix, repository, commit] = cgdms;
  const folder = { folder: 'protein/cgdms/train_val/', repository, commit, path: prefix, files: [] };
  folders.push(folder);
  for (const line of fs.readFileSync(sumsFile, 'utf8').split('\n')) {
    const [sha256, name] = line.trim().split(/\s+/);
    if (!sha256 || !name) continue;
    const base = path.basename(name);
    folder.files.push([base, fs.statSync(path.join(dataDir, folder.folder, base)).size, sha256]);
  }
}
const lines = (rows) => rows.map((r) => '  ' + JSON.stringify(r)).join(',\n');
const text = `{
 "source": "SOURCES.md of the shared data folder",
 "files": [
${lines(files)}
 ],
 "folders": [
${folders.map((f) => `  {"folder": ${JSON.stringify(f.folder)}, "repository": ${JSON.stringify(f.repository)}, "commit": ${JSON.stringify(f.commit)}, "path": ${JSON.stringify(f.path)}, "files": [\n${f.files.map((r) => '   ' + JSON.stringify(r)).join(',\n')}\n  ]}`).join(',\n')}
 ]
}
`;
JSON.parse(text);
fs.writeFileSync(path.join(here, '..', 'data-manifest.json'), text);
console.log(`data-manifest.json: ${files.length} files and ${folders.reduce((n, f) => n + f.files.length, 0)} in folders`);
