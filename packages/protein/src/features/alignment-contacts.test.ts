import { describe, expect, it } from 'vitest';
import { alignmentWeight, combineWithAlignment, pairRanks } from './alignment-contacts.js';

describe('pairRanks', () => {
  it('gives each pair its rank in (0, 1], symmetric, ties sharing the mean rank', () => {
    // pairs (0,1)=0.2, (0,2)=0.9, (1,2)=0.2
    const scores = new Float32Array([0, 0.2, 0.9, 0.2, 0, 0.2, 0.9, 0.2, 0]);
    const ranks = pairRanks(scores, 3);
    expect(ranks[2]).toBeCloseTo(1);
    expect(ranks[1]).toBeCloseTo(1.5 / 3);
    expect(ranks[5]).toBeCloseTo(1.5 / 3);
    expect(ranks[3]).toBe(ranks[1]);
    expect(ranks[0]).toBe(0);
    expect(() => pairRanks(new Float32Array(5), 3)).toThrow(/L×L/);
  });
});

describe('combineWithAlignment', () => {
  const model = new Float32Array([0, 0.9, 0.1, 0.9, 0, 0.5, 0.1, 0.5, 0]);
  const coupling = new Float32Array([0, -1, 3, -1, 0, 1, 3, 1, 0]);
  it('is the model ranks at weight 0 and the coupling ranks at weight 1', () => {
    expect(combineWithAlignment(model, { coupling, effectiveRows: 1, length: 3 }, { weight: 0 }).scores).toEqual(pairRanks(model, 3));
    expect(combineWithAlignment(model, { coupling, effectiveRows: 1, length: 3 }, { weight: 1 }).scores).toEqual(pairRanks(coupling, 3));
    expect(() => combineWithAlignment(model, { coupling, effectiveRows: 1, length: 3 }, { weight: 2 })).toThrow(/\[0, 1\]/);
  });
  it('weights the alignment by its depth: Neff / (Neff + L)', () => {
    expect(alignmentWeight(300, 100)).toBeCloseTo(0.75);
    const { weight } = combineWithAlignment(model, { coupling, effectiveRows: 3, length: 3 });
    expect(weight).toBeCloseTo(0.5);
  });
});
