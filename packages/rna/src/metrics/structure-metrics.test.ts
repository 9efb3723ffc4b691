import { describe, expect, it } from 'vitest';
import { partnersFromPairs } from '../structure.js';
import { meanMetrics, scoreStructure } from './structure-metrics.js';

const structure = (n: number, pairs: [number, number][]) => partnersFromPairs(n, pairs);

describe('scoreStructure', () => {
  it('precision, recall, F1 and MCC of pair sets, by hand', () => {
    const truth = structure(20, [[0, 19], [1, 18], [2, 17], [3, 16]]);
    const predicted = structure(20, [[0, 19], [1, 18], [5, 12]]);
    const { exact } = scoreStructure(predicted, truth);
    expect(exact.precision).toBeCloseTo(2 / 3, 12);
    expect(exact.recall).toBeCloseTo(2 / 4, 12);
    expect(exact.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 12);
    const [tp, fp, fn] = [2, 1, 2];
    const tn = (20 * 19) / 2 - tp - fp - fn;
    expect(exact.mcc).toBeCloseTo((tp * tn - fp * fn) / Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)), 12);
  });

  it('the ±1 shift allowance accepts a pair off by one on either side', () => {
    const truth = structure(20, [[2, 15], [3, 14]]);
    const predicted = structure(20, [[2, 16], [4, 14]]);
    const scored = scoreStructure(predicted, truth);
    expect(scored.exact.f1).toBe(0);
    expect(scored.shifted.f1).toBe(1);
  });

  it('empty structures: both empty score 1, one empty scores 0', () => {
    expect(scoreStructure(structure(8, []), structure(8, [])).exact.f1).toBe(1);
    expect(scoreStructure(structure(8, []), structure(8, [[0, 7]])).exact.f1).toBe(0);
    expect(scoreStructure(structure(8, [[0, 7]]), structure(8, [])).exact.precision).toBe(0);
  });

  it('averages per sequence', () => {
    const a = scoreStructure(structure(10, [[0, 9]]), structure(10, [[0, 9]])).exact;
    const b = scoreStructure(structure(10, []), structure(10, [[0, 9]])).exact;
    expect(meanMetrics([a, b])).toMatchObject({ f1: 0.5, precision: 0.5, recall: 0.5, n: 2 });
  });
});
