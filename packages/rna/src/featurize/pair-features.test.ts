import { describe, expect, it } from 'vitest';
import { PAIR_FEATURE_CHANNELS, PAIR_FEATURE_COUNT, pairFeatures } from './pair-features.js';

describe('pairFeatures', () => {
  it('is symmetric in i and j for every channel, unknown letters included', () => {
    const sequence = 'GACUNNRGUCA';
    const n = sequence.length;
    const f = pairFeatures(sequence);
    expect(f.length).toBe(n * n * PAIR_FEATURE_COUNT);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let c = 0; c < PAIR_FEATURE_COUNT; c++) expect(f[(i * n + j) * PAIR_FEATURE_COUNT + c]).toBe(f[(j * n + i) * PAIR_FEATURE_COUNT + c]);
  });

  it('one pair channel per cell; canonical and distance channels', () => {
    const f = pairFeatures('GAAAAC');
    const at = (i: number, j: number, name: string) => f[(i * 6 + j) * PAIR_FEATURE_COUNT + PAIR_FEATURE_CHANNELS.indexOf(name as never)];
    expect(at(0, 5, 'pair CG')).toBe(1);
    expect(at(0, 5, 'canonical')).toBe(1);
    expect(at(0, 1, 'pair AG')).toBe(1);
    expect(at(0, 1, 'canonical')).toBe(0);
    expect(at(0, 3, 'too close')).toBe(1);
    expect(at(0, 5, 'too close')).toBe(0);
    expect(at(0, 5, 'log distance')).toBeCloseTo(Math.log(6) / Math.log(2001), 6);
    for (let cell = 0; cell < 36; cell++) expect(f.slice(cell * PAIR_FEATURE_COUNT, cell * PAIR_FEATURE_COUNT + 15).reduce((a, b) => a + b, 0)).toBe(1);
    expect(PAIR_FEATURE_CHANNELS.slice(0, 5)).toEqual(['pair AA', 'pair AC', 'pair AG', 'pair AU', 'pair AN']);
  });
});
