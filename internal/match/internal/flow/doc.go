// Package flow solves the min-cost-flow problem behind bipartite
// b-matching: rows of demand at most 1, columns with capacities, integer
// arc weights. It is internal to the matching engine; the bipartite
// package validates and scales the input and calls Build and
// Problem.Solve.
//
// Guarantees: exact. Solve returns a b-matching that, by Mode, has the
// largest total weight and then the most pairs (weights must be positive
// in this mode, as the bipartite package ensures), or the most pairs and
// then the largest total (MaxCard), or at least MinCard pairs and then the
// largest total. All arithmetic is int64; Build refuses weights whose
// duals could overflow (ErrRange).
//
// Method: phase 1 is the shortest augmenting path method of
// Jonker-Volgenant (scipy's linear_sum_assignment), row by row after JV's
// auction-like row reduction; phase 2 runs successive shortest paths from
// all unmatched rows at once (see flow.go). A problem is stored as a dense
// cost matrix when its arcs cover at least a quarter of the pairs,
// otherwise as adjacency lists searched with binary heaps.
//
// Complexity: O(n^2 m) time in the worst case on a dense n x m problem,
// O(n E log m) on a sparse one with E arcs; O(n m) or O(n + m + E) memory.
// Random instances run far below the worst case.
package flow
