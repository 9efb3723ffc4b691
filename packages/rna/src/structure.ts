// Secondary structures as partner tables: partners[i] = j when bases i and j pair (0-based), -1 when
// unpaired. Dot-bracket text ↔ partner tables, with pseudoknots as (), [], {}, <> and letter pairs
// Aa, Bb, ... (upper case opens, lower case closes).
export type Partners = Int32Array;

const OPEN = '([{<';
const CLOSE = ')]}>';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Why a dot-bracket string is not a structure: 0-based position and message. */
export interface BracketProblem {
  position: number;
  message: string;
}

/** Partner table of a dot-bracket string, or the first problem found. */
export function partnersFromDotBracket(text: string): Partners | BracketProblem {
  const partners = new Int32Array(text.length).fill(-1);
  const stacks = new Map<string, number[]>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '.' || c === '-' || c === ',' || c === ':' || c === '_') continue;
    let kind: string;
    let opening: boolean;
    const open = OPEN.indexOf(c);
    const close = CLOSE.indexOf(c);
    if (open >= 0) [kind, opening] = [OPEN[open]!, true];
    else if (close >= 0) [kind, opening] = [OPEN[close]!, false];
    else if (LETTERS.includes(c)) [kind, opening] = [c, true];
    else if (LETTERS.includes(c.toUpperCase())) [kind, opening] = [c.toUpperCase(), false];
    else return { position: i, message: `unexpected character "${c}" in the structure (expected . ( ) [ ] { } < > or letter pairs)` };
    let stack = stacks.get(kind);
    if (!stack) stacks.set(kind, (stack = []));
    if (opening) {
      stack.push(i);
    } else {
      const j = stack.pop();
      if (j === undefined) return { position: i, message: `unbalanced bracket "${c}" at position ${i + 1}: nothing to close` };
      partners[i] = j;
      partners[j] = i;
    }
  }
  for (const [kind, stack] of stacks) {
    if (stack.length > 0) return { position: stack[stack.length - 1]!, message: `unbalanced bracket "${kind}" at position ${stack[stack.length - 1]! + 1}: never closed` };
  }
  return partners;
}

export function isBracketProblem(value: Partners | BracketProblem): value is BracketProblem {
  return !(value instanceof Int32Array);
}

/** Pairs (i < j, 0-based) of a partner table. */
export function pairsOf(partners: Partners): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < partners.length; i++) if (partners[i]! > i) pairs.push([i, partners[i]!]);
  return pairs;
}

/** A partner table from pairs; throws on a base used twice or a pair out of range. */
export function partnersFromPairs(length: number, pairs: Iterable<readonly [number, number]>): Partners {
  const partners = new Int32Array(length).fill(-1);
  for (const [a, b] of pairs) {
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= length || b >= length || a === b) throw new RangeError(`pair (${a + 1}, ${b + 1}) is out of range for length ${length}`);
    if (partners[a] !== -1 || partners[b] !== -1) throw new RangeError(`base ${partners[a] !== -1 ? a + 1 : b + 1} is paired twice`);
    partners[a] = b;
    partners[b] = a;
  }
  return partners;
}

/**
 * Dot-bracket text of a partner table. Pairs, scanned left to right, each go to the first page of
 * mutually non-crossing pairs they do not cross; pages are written as (), [], {}, <>, then Aa, Bb, ...
 */
export function dotBracketFromPartners(partners: Partners): string {
  const out = new Array<string>(partners.length).fill('.');
  const pages: [number, number][][] = [];
  const crosses = (p: [number, number], q: [number, number]) => (p[0] < q[0] && q[0] < p[1] && p[1] < q[1]) || (q[0] < p[0] && p[0] < q[1] && q[1] < p[1]);
  for (const pair of pairsOf(partners)) {
    let page = pages.findIndex((members) => !members.some((m) => crosses(m, pair)));
    if (page < 0) page = pages.push([]) - 1;
    pages[page]!.push(pair);
  }
  if (pages.length > 4 + LETTERS.length) throw new RangeError(`structure needs ${pages.length} bracket kinds (at most ${4 + LETTERS.length})`);
  pages.forEach((members, page) => {
    const [open, close] = page < 4 ? [OPEN[page]!, CLOSE[page]!] : [LETTERS[page - 4]!, LETTERS[page - 4]!.toLowerCase()];
    for (const [i, j] of members) {
      out[i] = open;
      out[j] = close;
    }
  });
  return out.join('');
}
