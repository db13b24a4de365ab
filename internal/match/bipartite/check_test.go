package bipartite

import (
	"math"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// optimum is the value of an optimal b-matching found by brute force.
type optimum struct {
	card       int
	total      float64
	bottleneck float64
}

// brute enumerates every b-matching of a small instance and returns the
// optimum of the objective opt selects (see Match), comparing totals
// within tol.
//
// It is long because it is one plain enumeration, kept in one piece so that
// the oracle is easy to check by eye.
func brute(tb testing.TB, nLeft, nRight int, edges []graph.Edge, capacity []int, opt Options, tol float64) optimum {
	tb.Helper()
	best := map[[2]int]float64{}
	for _, e := range edges {
		k := [2]int{e.U, e.V}
		if w, ok := best[k]; !ok || e.W > w {
			best[k] = e.W
		}
	}
	options := make([][]graph.Edge, nLeft)
	for k, w := range best {
		if opt.MaxCardinality || w > 0 {
			options[k[0]] = append(options[k[0]], graph.Edge{U: k[0], V: k[1], W: w})
		}
	}
	capOf := func(v int) int {
		if capacity == nil {
			return 1
		}
		return capacity[v]
	}
	var all []optimum
	used := make([]int, nRight)
	var rec func(u, card int, total, bottleneck float64)
	rec = func(u, card int, total, bottleneck float64) {
		if u == nLeft {
			if card == 0 {
				bottleneck = 0
			}
			all = append(all, optimum{card, total, bottleneck})
			return
		}
		rec(u+1, card, total, bottleneck)
		for _, e := range options[u] {
			if used[e.V] < capOf(e.V) {
				used[e.V]++
				rec(u+1, card+1, total+e.W, min(bottleneck, e.W))
				used[e.V]--
			}
		}
	}
	rec(0, 0, 0, math.Inf(1))
	// better reports whether a beats b on the keys in order: "c" card,
	// "t" total (within tol), "b" bottleneck.
	better := func(a, b optimum, keys string) bool {
		for _, k := range keys {
			switch k {
			case 'c':
				if a.card != b.card {
					return a.card > b.card
				}
			case 't':
				if math.Abs(a.total-b.total) > tol {
					return a.total > b.total
				}
			case 'b':
				if a.bottleneck != b.bottleneck {
					return a.bottleneck > b.bottleneck
				}
			}
		}
		return false
	}
	argmax := func(keys string, ok func(optimum) bool) optimum {
		var top optimum
		found := false
		for _, o := range all {
			if ok(o) && (!found || better(o, top, keys)) {
				top, found = o, true
			}
		}
		return top
	}
	any := func(optimum) bool { return true }
	plainKeys := "tc"
	if opt.MaxCardinality {
		plainKeys = "ct"
	}
	plain := argmax(plainKeys, any)
	if !opt.Fair || plain.card == 0 {
		return plain
	}
	k := plain.card
	return argmax("btc", func(o optimum) bool { return o.card >= k })
}

// checkValid fails the test unless res is a b-matching of the input with
// consistent Total and Bottleneck, and returns nothing else.
func checkValid(tb testing.TB, nLeft, nRight int, edges []graph.Edge, capacity []int, opt Options, res Result) {
	tb.Helper()
	best := map[[2]int]float64{}
	for _, e := range edges {
		k := [2]int{e.U, e.V}
		if w, ok := best[k]; !ok || e.W > w {
			best[k] = e.W
		}
	}
	if res.Pairs == nil {
		tb.Fatalf("Pairs is nil")
	}
	leftUsed := make([]bool, nLeft)
	rightUsed := make([]int, nRight)
	total, bottleneck := 0.0, math.Inf(1)
	for k, e := range res.Pairs {
		if k > 0 && (res.Pairs[k-1].U > e.U || (res.Pairs[k-1].U == e.U && res.Pairs[k-1].V >= e.V)) {
			tb.Fatalf("pairs not sorted by (U, V): %v", res.Pairs)
		}
		if e.U < 0 || e.U >= nLeft || e.V < 0 || e.V >= nRight {
			tb.Fatalf("pair %v out of range", e)
		}
		w, ok := best[[2]int{e.U, e.V}]
		if !ok || w != e.W {
			tb.Fatalf("pair %v is not an input edge of best weight (best %v, present %v)", e, w, ok)
		}
		if !opt.MaxCardinality && e.W <= 0 {
			tb.Fatalf("pair %v has weight <= 0 without MaxCardinality", e)
		}
		if leftUsed[e.U] {
			tb.Fatalf("left node %d matched twice: %v", e.U, res.Pairs)
		}
		leftUsed[e.U] = true
		rightUsed[e.V]++
		c := 1
		if capacity != nil {
			c = capacity[e.V]
		}
		if rightUsed[e.V] > c {
			tb.Fatalf("right node %d used %d times, capacity %d: %v", e.V, rightUsed[e.V], c, res.Pairs)
		}
		total += e.W
		bottleneck = min(bottleneck, e.W)
	}
	if len(res.Pairs) == 0 {
		bottleneck = 0
	}
	if total != res.Total {
		tb.Fatalf("Total %v, sum of pairs %v", res.Total, total)
	}
	if bottleneck != res.Bottleneck {
		tb.Fatalf("Bottleneck %v, least pair weight %v", res.Bottleneck, bottleneck)
	}
}
