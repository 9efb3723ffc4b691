import { createRng } from '@scnn/core';
import { describe, expect, it } from 'vitest';
import { RankingAccumulator, rankTargets, userRankingMetrics } from './ranking.js';

describe('rankTargets', () => {
  it('equals ranks from a full sort, with exclusions and the padding column left out', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(rng() * 60);
      const scores = Float32Array.from({ length: n }, () => Math.round(rng() * 1000) / 10);
      const excluded = new Set<number>();
      for (let i = 1; i < n; i++) if (rng() < 0.2) excluded.add(i);
      const targets = [...new Set(Array.from({ length: 1 + Math.floor(rng() * 5) }, () => 1 + Math.floor(rng() * (n - 1))))];
      const candidates = Array.from({ length: n - 1 }, (_, i) => i + 1).filter((i) => !excluded.has(i));
      const expected = targets.map((t) => (excluded.has(t) ? Infinity : 1 + candidates.filter((c) => scores[c]! > scores[t]!).length));
      expect(rankTargets(scores, targets, excluded)).toEqual(expected);
    }
  });
});

describe('userRankingMetrics', () => {
  it('computes AP over the full ranking, precision, recall, HR and NDCG by hand', () => {
    // targets at ranks 1, 3 and 12; a fourth target was in the history (a miss)
    const m = userRankingMetrics([3, 1, 12, Infinity]);
    expect(m.map).toBeCloseTo((1 / 1 + 2 / 3 + 3 / 12) / 4, 12);
    expect(m['precision@1']).toBe(1);
    expect(m['precision@5']).toBeCloseTo(2 / 5, 12);
    expect(m['recall@10']).toBeCloseTo(2 / 4, 12);
    expect(m['hr@10']).toBe(1);
    const ideal = 1 + 1 / Math.log2(3) + 1 / Math.log2(4) + 1 / Math.log2(5);
    expect(m['ndcg@10']).toBeCloseTo((1 + 1 / Math.log2(4)) / ideal, 12);
  });

  it('averages over users', () => {
    const acc = new RankingAccumulator();
    acc.add(userRankingMetrics([1]));
    acc.add(userRankingMetrics([20]));
    const r = acc.result();
    expect(r.users).toBe(2);
    expect(r.map).toBeCloseTo((1 + 1 / 20) / 2, 12);
    expect(r['hr@10']).toBe(0.5);
  });
});
