"""Reference for dense assignment: scipy.optimize.linear_sum_assignment.

Usage: /usr/bin/python3 scipy_lsa.py MATRIX N M
MATRIX holds the N x M integer weights of bench/gen's "dense" instance as
little-endian int32, row-major: the same weights as its edge file. Prints
"total=<T> pairs=<P> solve_seconds=<S>" for the maximum-weight assignment;
solve_seconds times linear_sum_assignment alone (the matrix is loaded first).
"""
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main():
    path, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    weights = np.fromfile(path, dtype="<i4").reshape(n, m).astype(np.int64)
    t = time.perf_counter()
    rows, cols = linear_sum_assignment(weights, maximize=True)
    elapsed = time.perf_counter() - t
    total = int(weights[rows, cols].sum())
    print(f"total={total} pairs={len(rows)} solve_seconds={elapsed:.4f}")


if __name__ == "__main__":
    main()
