import { describe, expect, it } from 'vitest';
import { PAIR_FEATURE_CHANNELS, PAIR_FEATURE_SETS, pairFeatureCount, pairFeatures } from './pair-features.js';

describe.each(PAIR_FEATURE_SETS)('pairFeatures (%s)', (set) => {
  const C = pairFeatureCount(set);
  const channel = (name: string) => {
    const c = PAIR_FEATURE_CHANNELS[set].indexOf(name);
    if (c < 0) throw new Error(`no channel ${name}`);
    return c;
  };

  it('is symmetric in i and j for every channel, unknown letters included', () => {
    const sequence = 'GACUNNRGUCA';
    const n = sequence.length;
    const f = pairFeatures(sequence, set);
    expect(f.length).toBe(n * n * C);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let c = 0; c < C; c++) expect(f[(i * n + j) * C + c]).toBe(f[(j * n + i) * C + c]);
  });

  it('one base-pair channel per cell; canonical and distance channels', () => {
    const f = pairFeatures('GAAAAC', set);
    const at = (i: number, j: number, name: string) => f[(i * 6 + j) * C + channel(name)];
    const pairChannels = set === 'basic' ? 15 : 25;
    expect(at(0, 5, 'canonical')).toBe(1);
    expect(at(0, 1, 'canonical')).toBe(0);
    expect(at(0, 3, 'too close')).toBe(1);
    expect(at(0, 5, 'too close')).toBe(0);
    expect(at(0, 5, 'log distance')).toBeCloseTo(Math.log(6) / Math.log(2001), 6);
    for (let cell = 0; cell < 36; cell++) expect(f.slice(cell * C, cell * C + pairChannels).reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('pair feature sets', () => {
  it("'basic' names the unordered pair: (0, 5) of GAAAAC is {C, G} from either side", () => {
    const f = pairFeatures('GAAAAC', 'basic');
    const c = PAIR_FEATURE_CHANNELS.basic.indexOf('pair CG');
    expect(f[(0 * 6 + 5) * 18 + c]).toBe(1);
    expect(f[(5 * 6 + 0) * 18 + c]).toBe(1);
    expect(PAIR_FEATURE_CHANNELS.basic.slice(0, 5)).toEqual(['pair AA', 'pair AC', 'pair AG', 'pair AU', 'pair AN']);
  });

  it("'stacking' tells the 5′ base from the 3′ one: GC and CG pairs are different channels", () => {
    const C = pairFeatureCount('stacking');
    const gc = PAIR_FEATURE_CHANNELS.stacking.indexOf('5′G 3′C');
    const cg = PAIR_FEATURE_CHANNELS.stacking.indexOf('5′C 3′G');
    const a = pairFeatures('GAAAAC', 'stacking');
    const b = pairFeatures('CAAAAG', 'stacking');
    for (const [i, j] of [[0, 5], [5, 0]]) {
      expect(a[(i! * 6 + j!) * C + gc]).toBe(1);
      expect(a[(i! * 6 + j!) * C + cg]).toBe(0);
      expect(b[(i! * 6 + j!) * C + cg]).toBe(1);
    }
  });

  it("'stacking' marks whether the inner (lo + 1, hi − 1) and outer (lo − 1, hi + 1) neighbours can pair", () => {
    // GGAAACU: (1, 5) G·C; inner (2, 4) A·A no; outer (0, 6) G·U wobble yes
    const s = 'GGAAACU';
    const n = s.length;
    const C = pairFeatureCount('stacking');
    const f = pairFeatures(s, 'stacking');
    const at = (i: number, j: number, name: string) => f[(i * n + j) * C + PAIR_FEATURE_CHANNELS.stacking.indexOf(name)];
    expect(at(1, 5, 'canonical')).toBe(1);
    expect(at(1, 5, 'inner neighbour canonical')).toBe(0);
    expect(at(1, 5, 'outer neighbour canonical')).toBe(1);
    expect(at(5, 1, 'outer neighbour canonical')).toBe(1);
    // (0, 6): inner is (1, 5) G·C; there is no outer neighbour at the ends
    expect(at(0, 6, 'inner neighbour canonical')).toBe(1);
    expect(at(0, 6, 'outer neighbour canonical')).toBe(0);
  });

  it('rejects an unknown feature set', () => {
    expect(() => pairFeatures('GAC', 'fancy' as never)).toThrow(/features/);
  });
});
