import { describe, expect, it } from 'vitest';
import type { ContactMap } from '../contacts/contact-map.js';
import { contactMetrics, separationScores } from './contact-metrics.js';

/** A map of length n with the given contacts (i < j, 0-based) and masked residues. */
function truthMap(n: number, contacts: [number, number][], masked: number[] = []): ContactMap {
  const map: ContactMap = { length: n, distances: new Float32Array(n * n), contacts: new Uint8Array(n * n), mask: new Uint8Array(n).fill(1), representatives: { CB: n, CA: 0, 'virtual-CB': 0, masked: 0 } };
  for (const [i, j] of contacts) map.contacts[i * n + j] = map.contacts[j * n + i] = 1;
  for (const m of masked) map.mask[m] = 0;
  return map;
}

describe('contactMetrics', () => {
  it('top-L/k precision per separation range, masked residues left out', () => {
    const n = 40;
    const truth = truthMap(n, [[0, 30], [1, 29], [2, 8], [5, 20]], [3]);
    const scores = new Float32Array(n * n);
    const set = (i: number, j: number, s: number) => (scores[i * n + j] = scores[j * n + i] = s);
    set(0, 30, 0.99); // long, true
    set(4, 35, 0.98); // long, false
    set(1, 29, 0.97); // long, true
    set(3, 33, 0.999); // long, but residue 3 is masked: ignored
    set(2, 8, 0.9); // short, true
    set(5, 20, 0.2); // medium, true but scored low
    const m = contactMetrics(scores, truth);
    expect(m.L).toBe(40);
    // L/10 = 4 long pairs: (0,30) ✓, (4,35) ✗, (1,29) ✓, then the best of the zero-scored ties ✗
    expect(m.long['L/10']).toBe(2 / 4);
    expect(m.short['L/10']).toBe(1 / 4);
    expect(m.medium['L/10']).toBe(1 / 4);
    expect(m.atThreshold.precision).toBeCloseTo(3 / 4, 12);
    expect(m.atThreshold.recall).toBeCloseTo(3 / 4, 12);
  });

  it('the separation baseline ranks the closest pairs of each range first', () => {
    const n = 30;
    const truth = truthMap(n, Array.from({ length: n - 6 }, (_, i) => [i, i + 6] as [number, number]));
    const m = contactMetrics(separationScores(n), truth);
    expect(m.short['L/1']).toBe(24 / 30); // all 24 separation-6 pairs come first
    expect(m.long['L/5']).toBe(0);
  });
});
