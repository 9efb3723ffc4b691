// Sequence normalisation and the one policy for non-ACGU letters: T → U and lower → upper case;
// IUPAC ambiguity codes (N, Y, R, K, W, S, M, B, D, H, V) and any other letter are kept in the
// sequence and map to the "unknown" input channel of the featurizer (never dropped, never guessed).
// Characters that are not letters (digits, '-', '.', '*', spaces inside a sequence) are errors.

/** The four bases, then the unknown channel. */
export const NUCLEOTIDES = ['A', 'C', 'G', 'U'] as const;
export const UNKNOWN_CHANNEL = 4;

export interface NormalizedSequence {
  sequence: string;
  /** Positions (0-based) holding a letter other than A, C, G, U. */
  unknownPositions: number[];
  /** 0-based position of the first character that is not a letter, or -1. */
  invalidAt: number;
}

export function normalizeSequence(raw: string): NormalizedSequence {
  const upper = raw.toUpperCase().replace(/T/g, 'U');
  const unknownPositions: number[] = [];
  let invalidAt = -1;
  for (let i = 0; i < upper.length; i++) {
    const c = upper[i]!;
    if (c < 'A' || c > 'Z') {
      if (invalidAt < 0) invalidAt = i;
    } else if (c !== 'A' && c !== 'C' && c !== 'G' && c !== 'U') {
      unknownPositions.push(i);
    }
  }
  return { sequence: upper, unknownPositions, invalidAt };
}

/** Channel of a (normalised) base: 0..3 for A, C, G, U; 4 for anything else. */
export function baseChannel(base: string): number {
  switch (base) {
    case 'A':
      return 0;
    case 'C':
      return 1;
    case 'G':
      return 2;
    case 'U':
      return 3;
    default:
      return UNKNOWN_CHANNEL;
  }
}

/** Watson–Crick (AU, GC) or wobble (GU) pair, in either order. */
export function isCanonicalPair(a: string, b: string): boolean {
  const pair = a < b ? a + b : b + a;
  return pair === 'AU' || pair === 'CG' || pair === 'GU';
}
