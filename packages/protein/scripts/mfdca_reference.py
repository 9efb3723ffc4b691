"""Independent float64 reference for the mean-field DCA in src/features/mean-field-dca.ts (NumPy only).

Prints the long-range (|i - j| >= 24) top-L/1, L/2, L/5 precision of the APC-corrected mfDCA scores
against a PDB structure whose residue numbers index the alignment's query (as the CASP14 domains do), to
compare with `scnn protein evaluate STRUCTURE --msa FILE.a3m --msa-weight 1`.

Usage: python3 packages/protein/scripts/mfdca_reference.py FILE.a3m STRUCTURE.pdb
"""
import re
import sys

import numpy as np

AA = 'ARNDCQEGHILKMFPSTWYV'


def read_a3m(path):
    rows, current = [], None
    for line in open(path):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if line.startswith('>'):
            if current is not None:
                rows.append(current)
            current = ''
        else:
            current += re.sub('[a-z.]', '', line)
    rows.append(current)
    return rows


def mfdca(rows, identity=0.8, lam=0.5):
    q, L = 21, len(rows[0])
    index = {a: i for i, a in enumerate(AA)}
    x = np.array([[index.get(c, 20) for c in r] for r in rows], dtype=np.int64)
    onehot = np.zeros((len(rows), L * q))
    for i in range(L):
        onehot[np.arange(len(rows)), i * q + x[:, i]] = 1
    weights = 1 / ((onehot @ onehot.T) / L >= identity - 1e-9).sum(1)
    neff = weights.sum()
    f1 = (1 - lam) * (weights @ onehot) / neff + lam / q
    f2 = (1 - lam) * ((onehot.T * weights) @ onehot) / neff + lam / q / q
    for i in range(L):
        block = slice(i * q, (i + 1) * q)
        f2[block, block] = np.diag(f1[block])
    keep = [i * q + a for i in range(L) for a in range(q - 1)]
    c = (f2 - np.outer(f1, f1))[np.ix_(keep, keep)]
    e = -np.linalg.inv(c).reshape(L, q - 1, L, q - 1).transpose(0, 2, 1, 3)
    e = e - e.mean(2, keepdims=True) - e.mean(3, keepdims=True) + e.mean((2, 3), keepdims=True)
    s = np.sqrt((e ** 2).sum((2, 3)))
    np.fill_diagonal(s, 0)
    s = s - np.outer(s.sum(0), s.sum(0)) / s.sum() * L / (L - 1)
    np.fill_diagonal(s, 0)
    return s, neff


def representatives(pdb):
    atoms = {}
    for line in open(pdb):
        if line.startswith('ATOM'):
            number, name, residue = int(line[22:26]), line[12:16].strip(), line[17:20]
            if name == 'CB' or (name == 'CA' and residue == 'GLY'):
                atoms[number] = np.array([float(line[30:38]), float(line[38:46]), float(line[46:54])])
    return atoms


def main():
    scores, neff = mfdca(read_a3m(sys.argv[1]))
    atoms = representatives(sys.argv[2])
    first, last = min(atoms) - 1, max(atoms) - 1
    n = last - first + 1  # L = the span the domain covers, as `scnn protein evaluate` scores it
    cells = sorted(((scores[i, j], i, j) for i in range(first, last + 1) for j in range(i + 24, last + 1) if i + 1 in atoms and j + 1 in atoms), reverse=True)
    print(f'Neff {neff:.1f}, L {n}')
    for k in (1, 2, 5):
        top = cells[: max(1, n // k)]
        hits = sum(np.linalg.norm(atoms[i + 1] - atoms[j + 1]) < 8 for _, i, j in top)
        print(f'long L/{k}: {hits / len(top):.3f}')


main()
