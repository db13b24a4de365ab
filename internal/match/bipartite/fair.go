package bipartite

import (
	"fmt"
	"slices"

	"github.com/mentormesh/mentormesh/internal/match/internal/flow"
)

// fair returns the Fair optimum (see Match) given the plain optimum
// plain of problem p: k = plain.Card() pairs are required; the bottleneck is
// the largest threshold t such that the arcs of weight >= t still hold k
// pairs, found by binary search with hk; then the weight is maximised on
// those arcs with at least k pairs (exactly the maximum cardinality, which
// is k, when maxCard).
func fair(p *flow.Problem, plain *flow.State, maxCard bool) (*flow.State, error) {
	k := plain.Card()
	n, m := p.Size()
	lo := int64(1<<63 - 1) // the plain optimum's bottleneck: feasible
	for r, c := range plain.RowCol() {
		if c >= 0 {
			lo = min(lo, p.Weight(int32(r), c))
		}
	}
	g := collectArcs(p, lo)
	// No matching of k pairs has a bottleneck above the k-th largest of
	// the rows' best weights.
	best := make([]int64, 0, n)
	for i := 0; i < n; i++ {
		if g.rowStart[i] < g.rowStart[i+1] {
			best = append(best, g.w[g.rowStart[i]])
		}
	}
	slices.Sort(best)
	hi := best[len(best)-k]
	h := newHK(n, m, p.Capacity(), g.rowStart, g.col, g.w)
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if h.reach(mid, k) {
			lo = h.minWeight()
		} else {
			hi = mid - 1
		}
	}
	var maxAbs int64
	arcs := 0
	for _, w := range g.w {
		if w >= lo {
			maxAbs = max(maxAbs, w, -w)
			arcs++
		}
	}
	each := func(yield func(r, c int32, w int64)) {
		for i := 0; i < n; i++ {
			for a := g.rowStart[i]; a < g.rowStart[i+1] && g.w[a] >= lo; a++ {
				yield(int32(i), g.col[a], g.w[a])
			}
		}
	}
	q, err := flow.Build(n, m, p.Capacity(), arcs, maxAbs, flow.Arcs{Each: each}, p.Tuning())
	if err != nil {
		return nil, err
	}
	s := q.Solve(flow.Mode{MaxCard: maxCard, MinCard: k})
	if s.Card() < k {
		return nil, fmt.Errorf("match: internal error: fair solve kept %d of %d pairs", s.Card(), k)
	}
	return s, nil
}

// arcList is a graph in adjacency lists, each row's arcs by weight
// descending (then column ascending).
type arcList struct {
	rowStart []int32
	col      []int32
	w        []int64
}

// collectArcs returns the arcs of p of weight at least t.
func collectArcs(p *flow.Problem, t int64) *arcList {
	n, _ := p.Size()
	g := &arcList{rowStart: make([]int32, n+1)}
	p.ArcsFrom(t, func(r, c int32, w int64) {
		g.rowStart[r+1]++
		g.col = append(g.col, c)
		g.w = append(g.w, w)
	})
	for i := 0; i < n; i++ {
		g.rowStart[i+1] += g.rowStart[i]
		lo, hi := g.rowStart[i], g.rowStart[i+1]
		sortArcs(g.col[lo:hi], g.w[lo:hi])
	}
	return g
}

// sortArcs sorts one row's arcs by weight descending, then column.
func sortArcs(col []int32, w []int64) {
	type arc struct {
		c int32
		w int64
	}
	row := make([]arc, len(col))
	for k := range row {
		row[k] = arc{col[k], w[k]}
	}
	slices.SortFunc(row, func(x, y arc) int {
		switch {
		case x.w > y.w:
			return -1
		case x.w < y.w:
			return 1
		}
		return int(x.c - y.c)
	})
	for k, a := range row {
		col[k], w[k] = a.c, a.w
	}
}
