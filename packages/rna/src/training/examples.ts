// Training examples: random windows of the sequence (pairs leaving the window dropped), padded to one
// size per batch with a mask, so training cost is bounded by the window, not the sequence length.
import { createRng, shuffleInPlace } from '@scnn/core';
import { DEFAULT_PAIR_FEATURE_SET, type PairFeatureSet, pairFeatureCount, pairFeatures } from '../featurize/pair-features.js';

export interface StructureExample {
  sequence: string;
  partners: Int32Array;
}

/**
 * A seeded random subset of `size` records, in their original order. Files are often grouped by source
 * (bpRNA VL0 lists all 101 CRW records first, then RFAM), so the first records are no sample of the rest.
 */
export function sampleRecords<T>(records: readonly T[], size: number, seed = 0): T[] {
  if (size >= records.length) return [...records];
  const order = Int32Array.from(records.keys());
  shuffleInPlace(order, createRng(seed));
  return Array.from(order.subarray(0, size)).sort((a, b) => a - b).map((i) => records[i]!);
}

/** The window [start, start + size) of an example (the whole example when shorter). */
export function cropExample(example: StructureExample, size: number, rng: () => number): StructureExample {
  const n = example.sequence.length;
  if (n <= size) return example;
  const start = Math.floor(rng() * (n - size + 1));
  const partners = new Int32Array(size).fill(-1);
  for (let i = 0; i < size; i++) {
    const j = example.partners[start + i]! - start;
    if (j >= 0 && j < size) partners[i] = j;
  }
  return { sequence: example.sequence.slice(start, start + size), partners };
}

export interface StructureBatchArrays {
  size: number;
  features: Float32Array;
  labels: Float32Array;
  mask: Float32Array;
}

/** Features, 0/1 pair labels and a mask of real cells, each [batch, size, size, ·], zero-padded. */
export function batchArrays(examples: StructureExample[], size: number, set: PairFeatureSet = DEFAULT_PAIR_FEATURE_SET): StructureBatchArrays {
  const C = pairFeatureCount(set);
  const features = new Float32Array(examples.length * size * size * C);
  const labels = new Float32Array(examples.length * size * size);
  const mask = new Float32Array(examples.length * size * size);
  examples.forEach((example, b) => {
    const n = example.sequence.length;
    const f = pairFeatures(example.sequence, set);
    for (let i = 0; i < n; i++) {
      features.set(f.subarray(i * n * C, (i + 1) * n * C), ((b * size + i) * size) * C);
      mask.fill(1, (b * size + i) * size, (b * size + i) * size + n);
      const j = example.partners[i]!;
      if (j >= 0) labels[(b * size + i) * size + j] = 1;
    }
  });
  return { size, features, labels, mask };
}
