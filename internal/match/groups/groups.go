package groups

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/internal/adjacency"
)

// Options configures Partition.
type Options struct {
	// Size is the wanted group size k, 2..50.
	Size int
	// Seed makes the search reproducible: the same input, seed and budget give
	// the same result unless the budget cuts the search short.
	Seed int64
	// Budget caps the wall-clock time of the local search. 0 means the default
	// of 2 s plus 1 ms per node. The search normally stops earlier, after a
	// number of steps proportional to n, so that results do not depend on the
	// speed of the machine; the budget only matters for very large inputs or a
	// deliberately small cap.
	Budget time.Duration
	// Progress, when not nil, is called from time to time from the calling
	// goroutine with the work done so far and the total planned work.
	Progress func(done, total float64)
}

// Result is a partition of the nodes into groups.
type Result struct {
	// Groups holds every node 0..n-1 exactly once; each group is sorted and
	// the groups are sorted by their first member.
	Groups [][]int
	// Total is the sum of W over all pairs that share a group.
	Total float64
	// Bound is an upper bound on the best possible Total (Bound >= Total), so
	// that 1 - Total/Bound bounds the gap to the optimum from above.
	Bound float64
}

// Partition partitions the nodes 0..n-1 into groups of opt.Size members,
// maximising the total weight of the pairs that share a group. A pair without
// an edge has weight 0; negative weights are allowed and push the pair apart.
//
// Group sizes: when k divides n every group has k members. Otherwise the
// nodes are split into groups of k plus groups of k-1 or groups of k plus
// groups of k+1, whichever needs fewer groups of the wrong size; on a tie the
// smaller groups (k-1) win, so no group is larger than asked unless needed.
// When neither split exists (small n, such as 7 nodes in groups of 5), the
// nodes are split as evenly as possible into ⌊n/k⌋ or ⌈n/k⌉ groups, whichever
// keeps the sizes closer to k (the smaller groups on a tie). n < k gives one
// group of n nodes.
//
// The problem is NP-hard: Partition builds a greedy partition and improves it by
// simulated annealing over swaps and moves, followed by a steepest-descent
// pass; restarts are used for small n. The result is deterministic for a
// given seed unless opt.Budget stops the search early. Bound is the smaller
// of two Lagrangian bounds: each node keeps its best k'-1 shares of the pair
// weights (k' the largest group size, the shares tuned by subgradient steps),
// and, when the candidate groups are few enough to enumerate (up to about
// 400,000, e.g. 30 nodes in groups of 5), the relaxation of the
// set-partitioning model with a price on every node.
//
// Parallel edges (the same pair in either orientation) keep the largest
// weight, and Total counts that weight once. Partition returns an error when
// opt.Size is outside 2..50, n or opt.Budget is negative, or an edge is a
// self-loop, names a node outside 0..n-1 or has a weight that is NaN or
// infinite.
func Partition(n int, edges []graph.Edge, opt Options) (Result, error) {
	if opt.Size < 2 || opt.Size > 50 {
		return Result{}, fmt.Errorf("match: group size %d is outside 2..50", opt.Size)
	}
	if n < 0 {
		return Result{}, fmt.Errorf("match: negative node count %d", n)
	}
	if opt.Budget < 0 {
		return Result{}, errors.New("match: negative group budget")
	}
	g, err := adjacency.New(n, edges)
	if err != nil {
		return Result{}, err
	}
	if n == 0 {
		return Result{Groups: [][]int{}}, nil
	}
	sizes := Sizes(n, opt.Size)
	budget := opt.Budget
	if budget == 0 {
		budget = 2*time.Second + time.Duration(n)*time.Millisecond
	}
	deadline := time.Now().Add(budget)

	var of []int32
	if len(sizes) == 1 {
		of = make([]int32, n)
	} else {
		of = search(g, sizes, opt.Seed, deadline, opt.Progress)
	}
	res := Result{Groups: collect(of, len(sizes))}
	res.Total = total(g, of)
	if len(sizes) == 1 {
		res.Bound = res.Total // the only partition there is
	} else {
		boundDeadline := deadline.Add(budget / 4)
		res.Bound = bound(g, sizes, res.Total, boundDeadline)
		own := newState(g, of, len(sizes)).own
		if b, ok := setBound(g, sizes, own, res.Total, boundDeadline); ok {
			res.Bound = min(res.Bound, b)
		}
	}
	if res.Bound < res.Total {
		// The relaxation is a valid bound; only rounding can put it below.
		res.Bound = res.Total
	}
	return res, nil
}

// Sizes returns the group sizes for n nodes in groups of about k, largest
// first, following the rule documented on Partition.
func Sizes(n, k int) []int {
	if n == 0 {
		return nil
	}
	if n <= k {
		return []int{n}
	}
	q, r := n/k, n%k
	sizes := make([]int, 0, q+1)
	fill := func(count, size int) {
		for range count {
			sizes = append(sizes, size)
		}
	}
	upOK := r <= q       // q groups: r of k+1, the rest of k
	downOK := k-r <= q+1 // q+1 groups: k-r of k-1, the rest of k
	switch {
	case r == 0:
		fill(q, k)
	case downOK && (!upOK || k-r <= r):
		fill(q+1-(k-r), k)
		fill(k-r, k-1)
	case upOK:
		fill(r, k+1)
		fill(q-r, k)
	default:
		// Neither split exists: spread evenly over q or q+1 groups.
		dev := func(groups int) int {
			lo := n / groups
			hi := (n + groups - 1) / groups
			return max(abs(hi-k), abs(lo-k))
		}
		groups := q + 1
		if dev(q) < dev(q+1) {
			groups = q
		}
		base, extra := n/groups, n%groups
		fill(extra, base+1)
		fill(groups-extra, base)
	}
	return sizes
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// collect turns a node -> group assignment into sorted groups sorted by
// their first member.
func collect(of []int32, groups int) [][]int {
	out := make([][]int, groups)
	for v, gi := range of {
		out[gi] = append(out[gi], v) // nodes visited in increasing order
	}
	out = slices.DeleteFunc(out, func(m []int) bool { return len(m) == 0 })
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// total sums the weights of the edges whose ends share a group.
func total(g *adjacency.Graph, of []int32) float64 {
	total := 0.0
	for u := 0; u < g.N; u++ {
		for _, a := range g.ArcsOf(u) {
			if int(a.To) > u && of[a.To] == of[u] {
				total += a.W
			}
		}
	}
	return total
}
