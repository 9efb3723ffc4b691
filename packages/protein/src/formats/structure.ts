// Protein structures as plain records: chains of residues with their atoms' coordinates. Readers
// (PDB, mmCIF, the cgdms per-chain files, ProteinNet) fill these; contact maps are built from them.
export type Vec3 = [number, number, number];

export interface Residue {
  /** One-letter code ('X' when the name is not a known amino acid). */
  aa: string;
  /** Residue name as in the file (three letters), when the format has one. */
  name3?: string;
  /** Author residue number and insertion code, when the format has them. */
  number?: number;
  insertionCode?: string;
  /** Atom name → coordinates (Å). A residue with no coordinates is a masked position. */
  atoms: Map<string, Vec3>;
}

export interface Chain {
  id: string;
  residues: Residue[];
}

export interface ProteinStructure {
  source: string;
  chains: Chain[];
  /** Models after the first (NMR ensembles): not read. */
  skippedModels: number;
  /** Alternate locations other than the first of each atom: not read. */
  skippedAltLocs: number;
}

export function sequenceOf(chain: Chain): string {
  return chain.residues.map((r) => r.aa).join('');
}
