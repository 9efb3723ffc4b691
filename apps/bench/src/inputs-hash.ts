// A rerun skips a domain whose inputs did not change: the profile's settings, the content of every
// data file it reads, the built code of the packages it runs, and the backend.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built entry file of a workspace package (its code, as this process would load it). */
export function packageEntry(specifier: string): string {
  return fileURLToPath(import.meta.resolve(specifier));
}

export function inputsHash(parts: { settings: unknown; files: string[]; code: string[]; backend: string }): string {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify(parts.settings));
  hash.update(parts.backend);
  for (const file of [...parts.files, ...parts.code]) {
    hash.update(file.split(/[\\/]/).slice(-3).join('/'));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}
