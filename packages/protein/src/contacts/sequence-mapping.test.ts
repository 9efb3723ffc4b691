import { describe, expect, it } from 'vitest';
import type { Chain, Residue } from '../formats/structure.js';
import { cropSquare, mapChainToSequence } from './sequence-mapping.js';

const residue = (aa: string, number?: number): Residue => ({ aa, number, atoms: new Map([['CA', [number ?? 0, 0, 0]]]) });

describe('mapChainToSequence', () => {
  it('places residues by their numbers when they index the target (a CASP domain)', () => {
    const chain: Chain = { id: 'A', residues: [...'KLMN'].map((aa, k) => residue(aa, k + 3)) };
    const m = mapChainToSequence(chain, 'GAKLMNPQ');
    expect(m.method).toBe('numbering');
    expect([...m.targetIndex]).toEqual([2, 3, 4, 5]);
    expect([m.first, m.last, m.placed, m.identical]).toEqual([2, 5, 4, 4]);
    expect(m.chain.residues.map((r) => r.atoms.size)).toEqual([0, 0, 1, 1, 1, 1, 0, 0]);
  });

  it('aligns when the numbers do not index the target, keeping a missing residue masked', () => {
    // numbered from 101 with residue "M" absent from the structure
    const chain: Chain = { id: 'A', residues: [...'AKLNPQ'].map((aa, k) => residue(aa, 101 + k)) };
    const m = mapChainToSequence(chain, 'GGAKLMNPQ');
    expect(m.method).toBe('alignment');
    expect([...m.targetIndex]).toEqual([2, 3, 4, 6, 7, 8]);
    expect(m.chain.residues[5]!.atoms.size).toBe(0);
    expect(m.identical).toBe(6);
  });

  it('rejects a chain that places nothing', () => {
    expect(() => mapChainToSequence({ id: 'A', residues: [] }, 'AK')).toThrow(/align/);
  });
});

describe('cropSquare', () => {
  it('takes the [first, last] block', () => {
    const m = Float32Array.from({ length: 16 }, (_, k) => k);
    expect([...cropSquare(m, 4, 1, 2)]).toEqual([5, 6, 9, 10]);
  });
});
