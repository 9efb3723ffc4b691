// Amino acids: three-letter names to one-letter codes (modified residues that PDB files mark as
// HETATM map to their parent: MSE → M, ...), and the 21-letter alphabet of features (20 + unknown/gap).
export const AMINO_ACIDS = 'ARNDCQEGHILKMFPSTWYV';
/** Index of the 21st channel: unknown residue or alignment gap. */
export const UNKNOWN_RESIDUE = 20;

const THREE_TO_ONE: Record<string, string> = {
  ALA: 'A', ARG: 'R', ASN: 'N', ASP: 'D', CYS: 'C', GLN: 'Q', GLU: 'E', GLY: 'G', HIS: 'H', ILE: 'I',
  LEU: 'L', LYS: 'K', MET: 'M', PHE: 'F', PRO: 'P', SER: 'S', THR: 'T', TRP: 'W', TYR: 'Y', VAL: 'V',
  // common modified residues, as their parent amino acid
  MSE: 'M', SEP: 'S', TPO: 'T', PTR: 'Y', HYP: 'P', MLY: 'K', CSO: 'C', SEC: 'C', PYL: 'K', CME: 'C',
};

/** One-letter code of a residue name; undefined for anything that is not an amino acid (water, ligands). */
export function oneLetter(name3: string): string | undefined {
  return THREE_TO_ONE[name3.toUpperCase()];
}

/** Channel 0..19 of an amino acid letter, 20 for anything else (X, B, Z, U, O, gap). */
export function residueChannel(letter: string): number {
  const k = AMINO_ACIDS.indexOf(letter.toUpperCase());
  return k < 0 ? UNKNOWN_RESIDUE : k;
}
