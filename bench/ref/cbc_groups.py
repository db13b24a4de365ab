"""Reference for groups: the set-partitioning ILP solved by CBC through PuLP.

Usage: /usr/bin/python3 cbc_groups.py EDGES K [TIME_LIMIT_SECONDS]
EDGES is a circ_* file ("n k" header, then "i j w" for pairs; missing pairs
weigh 0). Every K-subset of the n nodes is a column whose value is the total
weight of its pairs; each node is covered exactly once; maximise. Needs
K to divide n. Prints "total=<T> groups=<G> solve_seconds=<S> status=<S>";
solve_seconds times the CBC run (model written and solved), not building
the columns. With a time limit the status may be "Not Solved"/feasible only.
"""
import itertools
import sys
import time

import pulp


def main():
    path, k = sys.argv[1], int(sys.argv[2])
    limit = float(sys.argv[3]) if len(sys.argv) > 3 else None
    w = {}
    n = 0
    first = True
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            if first and len(parts) == 2:
                n = int(parts[0])
                first = False
                continue
            first = False
            i, j, x = int(parts[0]), int(parts[1]), float(parts[2])
            w[(min(i, j), max(i, j))] = x
            n = max(n, i + 1, j + 1)
    if n % k:
        sys.exit(f"cbc_groups: {k} does not divide {n}")
    groups = list(itertools.combinations(range(n), k))
    value = [sum(w.get(p, 0.0) for p in itertools.combinations(g, 2)) for g in groups]
    prob = pulp.LpProblem("groups", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{i}", cat="Binary") for i in range(len(groups))]
    prob += pulp.lpSum(v * xi for v, xi in zip(value, x))
    cover = [[] for _ in range(n)]
    for i, g in enumerate(groups):
        for node in g:
            cover[node].append(x[i])
    for node in range(n):
        prob += pulp.lpSum(cover[node]) == 1
    solver = pulp.COIN_CMD(path="/usr/bin/cbc", msg=False, timeLimit=limit)
    t = time.perf_counter()
    prob.solve(solver)
    elapsed = time.perf_counter() - t
    chosen = [i for i in range(len(groups)) if (x[i].value() or 0) > 0.5]
    total = sum(value[i] for i in chosen)
    status = pulp.LpStatus[prob.status].replace(" ", "_")
    print(f"total={total:g} groups={len(chosen)} solve_seconds={elapsed:.4f} status={status}")


if __name__ == "__main__":
    main()
