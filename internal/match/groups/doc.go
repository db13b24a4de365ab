// Package groups partitions people into groups of about k (peer coaching
// circles) so that the total weight of the pairs sharing a group is as
// large as possible. Sizes says which group sizes n people get.
//
// Method: the problem is NP-hard. Partition builds a greedy partition and
// improves it by simulated annealing over swaps and moves, then steepest
// descent, with restarts for small n. It then computes an upper bound:
// the smaller of a Lagrangian bound (each node keeps its best shares of
// the pair weights, shares tuned by subgradient steps) and, when the
// candidate groups are few enough to enumerate, the relaxation of the
// set-partitioning model.
//
// Guarantees: a heuristic with a bound. Result.Total never exceeds
// Result.Bound, so 1 - Total/Bound bounds the gap to the optimum (on the
// reference circ_* instances the result is the optimum). Deterministic
// for a seed unless Options.Budget cuts the search short.
//
// Complexity: about 1,000 proposals per node (at least 3,000,000 in all
// for small n), each O(k) with the dense matrix (n <= 1,024) or
// O(k log degree) without; the bound is capped at 60,000,000 arc visits.
// Memory O(n + m), plus n^2 weights up to 1,024 nodes.
package groups
