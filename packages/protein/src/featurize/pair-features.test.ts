import { describe, expect, it } from 'vitest';
import { parseRr, writeRr } from '../formats/rr.js';
import { PROTEIN_PAIR_CHANNELS, proteinPairFeatures } from './pair-features.js';

describe('proteinPairFeatures', () => {
  it('is symmetric in i and j for every channel, with and without secondary structure', () => {
    const sequence = 'MKVLAXGWYB';
    const n = sequence.length;
    for (const ss of [undefined, 'CHHHEECCHH']) {
      const f = proteinPairFeatures(sequence, ss);
      expect(f.length).toBe(n * n * PROTEIN_PAIR_CHANNELS);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let c = 0; c < PROTEIN_PAIR_CHANNELS; c++) expect(f[(i * n + j) * PROTEIN_PAIR_CHANNELS + c]).toBe(f[(j * n + i) * PROTEIN_PAIR_CHANNELS + c]);
    }
  });

  it('one-hot sum counts both residues; range flags follow the separation', () => {
    const f = proteinPairFeatures('A'.repeat(30));
    const at = (i: number, j: number, c: number) => f[(i * 30 + j) * PROTEIN_PAIR_CHANNELS + c];
    expect(at(0, 29, 0)).toBe(2); // A + A
    expect(at(0, 29, 21)).toBe(0); // same residue: no difference channel
    expect([at(0, 8, 49), at(0, 15, 50), at(0, 29, 51), at(0, 3, 49)]).toEqual([1, 1, 1, 0]);
  });
});

describe('CASP RR', () => {
  it('writes contacts best first and reads them back as a symmetric matrix', () => {
    const n = 12;
    const p = new Float32Array(n * n);
    p[0 * n + 9] = p[9 * n + 0] = 0.9;
    p[1 * n + 8] = p[8 * n + 1] = 0.4;
    p[2 * n + 4] = p[4 * n + 2] = 0.99; // separation 2: left out
    const text = writeRr('MKVLAAGEELLK', p, { target: 'T' });
    expect(text.split('\n').slice(4, 6)).toEqual(['1 10 0 8 0.9000', '2 9 0 8 0.4000']);
    const back = parseRr(text, n);
    expect(back[9 * n + 0]).toBeCloseTo(0.9, 6);
    expect(back[2 * n + 4]).toBe(0);
    expect(() => parseRr('PFRMAT RR\n1 40 0 8 0.5\n', n, { source: 'x.rr' })).toThrow('x.rr:2: contact "1 40 0 8 0.5" is outside 1..12 or has no probability (rr)');
  });
});
