// Synthetic data for tests: every user walks a cycle of items from their own starting point, so the
// next items are fully determined by the last ones (a model that learns anything ranks them first).
import { parseInteractions } from './formats/interactions.js';
import { splitByTime, type RecDataset } from './data/dataset.js';

export function cyclicDataset({ users = 60, items = 40, length = 14 } = {}): RecDataset {
  const lines: string[] = [];
  for (let u = 0; u < users; u++) {
    const start = (u * 7) % items;
    lines.push(`u${u} ${Array.from({ length }, (_, t) => `i${(start + t) % items}`).join(' ')}`);
  }
  return splitByTime(parseInteractions(lines.join('\n'), { format: 'sequences' }));
}

/** A CosRec small enough to train in a test. */
export const TINY_ARCHITECTURE = { dims: 8, blockChannels: [8, 16] as [number, number], fcDims: 12, dropout: 0.1 };
