"""Reference for general matching: networkx.max_weight_matching.

Usage: /usr/bin/python3 nx_matching.py EDGES
EDGES is an edge file as "mentormesh solve general" reads it (integer node
names and weights, optional "n m" header). Prints
"total=<T> pairs=<P> solve_seconds=<S>"; solve_seconds times
max_weight_matching alone (maxcardinality=False), not the parsing.
"""
import sys
import time

import networkx as nx


def main():
    g = nx.Graph()
    first = True
    with open(sys.argv[1]) as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            if first and len(parts) == 2:
                g.add_nodes_from(range(int(parts[0])))
                first = False
                continue
            first = False
            u, v, w = parts
            g.add_edge(int(u), int(v), weight=int(w))
    t = time.perf_counter()
    matching = nx.max_weight_matching(g, maxcardinality=False)
    elapsed = time.perf_counter() - t
    total = sum(g[u][v]["weight"] for u, v in matching)
    print(f"total={total} pairs={len(matching)} solve_seconds={elapsed:.4f}")


if __name__ == "__main__":
    main()
