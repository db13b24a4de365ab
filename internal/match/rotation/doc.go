// Package rotation schedules rounds of pairs or groups in which people
// meet without meeting anyone twice (rotational pairings, flash mentoring
// rounds, rotating circles), counting the program's history as earlier
// meetings and preferring heavy pairs.
//
// Method: pairs use the circle (round-robin) method with labels chosen by
// local search; groups start from the parallel classes of the affine
// geometry AG(d, k) when n = k^d for a prime power k, else from greedy
// rounds by the freedom heuristic; a tabu search over swaps then removes
// repeated meetings and a last phase raises the weight (see Schedule).
//
// Guarantees: exact where a construction exists (pairs: n-1 rounds without
// a repeat for even n, n for odd n; groups with n = k^d up to the social
// golfer bound); a heuristic otherwise, bounded by the social golfer bound
// floor((n-1)/(k-1)) rounds without a repeat. Result.Repeats reports the
// repeats the search could not avoid, recounted from the schedule.
// Deterministic for a seed unless Options.Budget cuts the search short.
//
// Complexity: the constructions are O(R n) for R rounds; the tabu and
// weight phases take a number of steps fixed by the input and at most the
// budget (2 s plus 1 ms per node by default), each O(k) with a dense
// n x n meeting table up to 2,048 nodes.
package rotation
