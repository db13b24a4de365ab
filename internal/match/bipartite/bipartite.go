package bipartite

import (
	"errors"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/internal/flow"
)

// Options selects the objective of Match.
type Options struct {
	// MaxCardinality first maximises the number of pairs, then the total
	// weight among the matchings of that size. Edges of zero or negative
	// weight are then taken when a maximum-cardinality matching needs them.
	MaxCardinality bool
	// Fair first maximises the smallest weight in the matching (the
	// bottleneck), then the total weight, among the matchings with at least
	// as many pairs as the plain optimum has (see Match). With
	// MaxCardinality too the order is: cardinality, bottleneck, total.
	Fair bool
}

// Result is a b-matching returned by Match.
type Result struct {
	// Pairs holds the chosen edges sorted by (U, V): every left node at most
	// once, every right node v at most capacity[v] times. W is the input
	// weight of the edge (the largest one when the input repeats a pair).
	Pairs []graph.Edge
	// Total is the sum of W over Pairs, added in the order of Pairs.
	Total float64
	// Bottleneck is the smallest W in Pairs, 0 when Pairs is empty.
	Bottleneck float64
}

// ErrInput is wrapped by every error Match returns for a bad
// argument: a negative or too large node count, a capacity slice of the
// wrong length or with a negative entry, a node out of range, a NaN or
// infinite weight.
var ErrInput = errors.New("match: invalid bipartite matching input")

// ErrRange is wrapped by the error Match returns when the
// scaled integer weights are too large for its exact int64 arithmetic.
var ErrRange = flow.ErrRange

// Match returns an optimal b-matching of the bipartite graph with left
// nodes (mentees) 0..nLeft-1, right nodes (mentors) 0..nRight-1 and the
// given edges: every left node is matched at most once and right node v at
// most capacity[v] times (nil capacity means 1 for every right node; 0 is
// allowed). The objectives, all exact:
//
//   - plain: the largest total weight; edges with W <= 0 are never chosen,
//     so nodes may stay unmatched. Among the matchings of largest total the
//     result has the most pairs.
//   - MaxCardinality: the most pairs, then the largest total among those
//     (edges of any sign are used).
//   - Fair: let k be the number of pairs of the plain (or MaxCardinality)
//     optimum above, i.e. the most pairs a maximum-weight matching can have
//     (with MaxCardinality, the maximum cardinality). Among the matchings
//     with at least k pairs (of positive weight without MaxCardinality)
//     Fair returns one whose smallest weight is as large as possible, and
//     among those one of the largest total, then the most pairs. It does so
//     by searching the largest threshold t such that the edges of weight
//     >= t still hold k pairs (Hopcroft-Karp), then solving on those edges.
//     So nobody gets a partner worse than needed to keep k people matched;
//     the total may be lower than the plain optimum.
//
// The optimisation runs in int64 on scaled weights: every weight is
// multiplied by the smallest power of ten from 1 to 1e9 that makes all of
// them integers within a relative 1e-9, so integer and decimal weights are
// solved exactly. When no such power exists the weights are multiplied by
// 1e9 and rounded, so weights closer than about 1e-9 may be treated as
// equal. The result reports the input weights.
//
// The solver (package internal/flow) is the shortest augmenting path method of
// Jonker-Volgenant and scipy's linear_sum_assignment on the min-cost-flow
// network, row by row after JV's auction-like row reduction (and column
// reduction when every row and seat must be filled), then successive
// shortest paths from all unmatched rows at once for the pairs the
// objective still asks for; duals are exact int64. It works on a dense
// cost matrix (4 or 8 bytes per pair, at most 512 MB), scanned in O(m) per
// row, when the kept edges cover at least a quarter of the pairs, else on
// adjacency lists with binary heaps. Worst case O(n^2 m) time on a dense
// n x m problem, O(n E log m) on a sparse one; random instances run far
// below that. When the input repeats a pair, the largest weight counts.
//
// Match never panics on bad input: it returns an error wrapping
// ErrInput for a negative node count, a count above 2^30, a
// capacity slice whose length is not nRight or with a negative entry, a
// node out of range or a NaN or infinite weight, and one wrapping
// ErrRange when a scaled weight exceeds 2^53 in absolute value or
// when the int64 duals could overflow: the largest absolute scaled weight
// (with MaxCardinality, the scaled range max - min) must stay below about
// 2^58 / (nLeft + nRight), e.g. 2.8e13 for 10,000 nodes. The result is
// deterministic: it depends only on the arguments, not even on the order
// of the edges.
func Match(nLeft, nRight int, edges []graph.Edge, capacity []int, opt Options) (Result, error) {
	return solve(nLeft, nRight, edges, capacity, opt, flow.DefaultTuning)
}

// solve is Match with the internal choices of tuning (tests use it to
// run every engine on the same instances).
func solve(nLeft, nRight int, edges []graph.Edge, capacity []int, opt Options, tuning flow.Tuning) (Result, error) {
	in, err := readInput(nLeft, nRight, edges, capacity, opt.MaxCardinality)
	if err != nil {
		return Result{}, err
	}
	p, err := in.build(edges, tuning)
	if err != nil {
		return Result{}, err
	}
	s := p.Solve(flow.Mode{MaxCard: opt.MaxCardinality})
	if opt.Fair && s.Card() > 0 {
		if s, err = fair(p, s, opt.MaxCardinality); err != nil {
			return Result{}, err
		}
	}
	return in.result(edges, s), nil
}
