// Contact maps from coordinates: residues i and j are in contact when their Cβ atoms are closer than
// 8 Å (Cα for glycine). When Cβ is missing, a virtual Cβ is placed from N, Cα and C with ideal geometry
// (the trRosetta formula); a residue without those atoms is masked (its row and column are unknown,
// never counted as a non-contact).
import type { Chain, Residue, Vec3 } from '../formats/structure.js';

export type RepresentativeKind = 'CB' | 'CA' | 'virtual-CB';

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** Virtual Cβ from backbone N, Cα, C (trRosetta: −0.58273431·a + 0.56802827·b − 0.54067466·c + Cα). */
export function virtualCb(n: Vec3, ca: Vec3, c: Vec3): Vec3 {
  const b = sub(ca, n);
  const cc = sub(c, ca);
  const a = cross(b, cc);
  return [0, 1, 2].map((k) => -0.58273431 * a[k]! + 0.56802827 * b[k]! - 0.54067466 * cc[k]! + ca[k]!) as Vec3;
}

/** The atom that stands for a residue in a contact map, or undefined (masked). */
export function representativeAtom(residue: Residue): { position: Vec3; kind: RepresentativeKind } | undefined {
  if (residue.aa === 'G') {
    const ca = residue.atoms.get('CA');
    return ca ? { position: ca, kind: 'CA' } : undefined;
  }
  const cb = residue.atoms.get('CB');
  if (cb) return { position: cb, kind: 'CB' };
  const [n, ca, c] = [residue.atoms.get('N'), residue.atoms.get('CA'), residue.atoms.get('C')];
  return n && ca && c ? { position: virtualCb(n, ca, c), kind: 'virtual-CB' } : undefined;
}

export interface ContactMap {
  length: number;
  /** Row-major L×L distances (Å); NaN where either residue is masked. */
  distances: Float32Array;
  /** Row-major L×L: 1 contact, 0 not. Masked cells are 0: check `mask`. */
  contacts: Uint8Array;
  /** Per residue: 1 when it has a representative atom. */
  mask: Uint8Array;
  /** How many residues used each kind of atom. */
  representatives: Record<RepresentativeKind | 'masked', number>;
}

export function contactMap(chain: Pick<Chain, 'residues'>, threshold = 8): ContactMap {
  const n = chain.residues.length;
  const atoms = chain.residues.map(representativeAtom);
  const representatives = { CB: 0, CA: 0, 'virtual-CB': 0, masked: 0 };
  const mask = new Uint8Array(n);
  atoms.forEach((atom, i) => {
    representatives[atom ? atom.kind : 'masked']++;
    mask[i] = atom ? 1 : 0;
  });
  const distances = new Float32Array(n * n).fill(Number.NaN);
  const contacts = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = atoms[i];
    if (!a) continue;
    for (let j = i; j < n; j++) {
      const b = atoms[j];
      if (!b) continue;
      const d = Math.hypot(a.position[0] - b.position[0], a.position[1] - b.position[1], a.position[2] - b.position[2]);
      distances[i * n + j] = distances[j * n + i] = d;
      if (d < threshold) contacts[i * n + j] = contacts[j * n + i] = 1;
    }
  }
  return { length: n, distances, contacts, mask, representatives };
}
