// The cgdms train / val lists as contact examples (contacts from virtual Cβ; see contactMap).
import fs from 'node:fs';
import path from 'node:path';
import { contactMap } from '../contacts/contact-map.js';
import { parseCgdms } from '../formats/cgdms.js';
import type { ContactExample } from './train-contacts.js';

/** `dir` is the cgdms folder (holding train.txt, val.txt and train_val/). */
export function loadCgdmsList(dir: string, list: 'train' | 'val'): ContactExample[] {
  const ids = fs.readFileSync(path.join(dir, `${list}.txt`), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return ids.map((id) => {
    const file = path.join(dir, 'train_val', `${id}.txt`);
    const chain = parseCgdms(fs.readFileSync(file, 'utf8'), { source: file, id });
    return { id, sequence: chain.sequence, secondaryStructure: chain.secondaryStructure, truth: contactMap(chain) };
  });
}
