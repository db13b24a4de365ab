// Package bipartite solves b-matching on bipartite graphs: mentees (left
// nodes, matched at most once) to mentors (right nodes, each up to its
// capacity), as mentoring, reverse, shadow and flash programs and advisory
// boards need. Match maximises the total weight, or with
// Options.MaxCardinality first the number of pairs, and with Options.Fair
// first the smallest weight of the pairs (the bottleneck).
//
// Method: the weights are scaled to int64 and solved as a min-cost flow
// (package internal/flow: Jonker-Volgenant shortest augmenting paths, then
// successive shortest paths from all unmatched mentees); Fair finds the
// best bottleneck by binary search with Hopcroft-Karp generalised to
// capacities, then solves on the edges at or above it.
//
// Guarantees: exact for every objective, for integer and decimal weights
// (see Match); deterministic, independent of the order of the edges.
//
// Complexity: O(n^2 m) time in the worst case on a dense n x m problem,
// O(n E log m) on a sparse one with E edges; Fair adds O(log W) rounds of
// Hopcroft-Karp, O(E sqrt(n)) each. Memory is the dense matrix (4 or 8
// bytes a pair, at most 512 MB) or O(n + m + E) for adjacency lists.
package bipartite
