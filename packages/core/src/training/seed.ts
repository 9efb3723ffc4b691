// Seeding. TensorFlow.js has no global seed: its random ops (initializers, dropout) draw their seed
// from Math.random when none is given, so seeding Math.random makes model initialisation and
// training reproducible in one process.
import seedrandom from 'seedrandom';

const nativeRandom = Math.random;

/** A fast seeded generator of uniform numbers in [0, 1). */
export function createRng(seed: number | string): () => number {
  return seedrandom.alea(String(seed));
}

/** A seed derived from a base seed and a sequence of integers (e.g. the epoch). */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of parts) {
    h = Math.imul(h ^ (part + 0x7f4a7c15), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h;
}

/** Seeds Math.random (and so every unseeded tfjs random op). Returns a function that restores it. */
export function seedEverything(seed: number): () => void {
  Math.random = createRng(seed);
  return () => {
    Math.random = nativeRandom;
  };
}

/** Runs `fn` with Math.random seeded (fresh model weights that depend on the seed only), then restores it. */
export function withSeed<T>(seed: number, fn: () => T): T {
  const restore = seedEverything(seed);
  try {
    return fn();
  } finally {
    restore();
  }
}

/** In-place Fisher–Yates shuffle with the given generator. */
export function shuffleInPlace<T>(items: T[] | Int32Array | Uint32Array, rng: () => number): typeof items {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}
