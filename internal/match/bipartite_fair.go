package match

import (
	"fmt"
	"slices"
)

// bpFair returns the Fair optimum (see Bipartite) given the plain optimum
// plain of problem p: k = plain.card pairs are required; the bottleneck is
// the largest threshold t such that the arcs of weight >= t still hold k
// pairs, found by binary search with bpHK; then the weight is maximised on
// those arcs with at least k pairs (exactly the maximum cardinality, which
// is k, when maxCard).
func bpFair(p *bpProblem, plain *mcfState, maxCard bool) (*mcfState, error) {
	k := plain.card
	lo := int64(1<<63 - 1) // the plain optimum's bottleneck: feasible
	for r, c := range plain.rowCol {
		if c >= 0 {
			lo = min(lo, p.weight(int32(r), c))
		}
	}
	g := bpCollectArcs(p, lo)
	// No matching of k pairs has a bottleneck above the k-th largest of
	// the rows' best weights.
	best := make([]int64, 0, p.n)
	for i := 0; i < p.n; i++ {
		if g.rowStart[i] < g.rowStart[i+1] {
			best = append(best, g.w[g.rowStart[i]])
		}
	}
	slices.Sort(best)
	hi := best[len(best)-k]
	h := newBPHK(p.n, p.m, p.capa, g.rowStart, g.col, g.w)
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
		for i := 0; i < p.n; i++ {
			for a := g.rowStart[i]; a < g.rowStart[i+1] && g.w[a] >= lo; a++ {
				yield(int32(i), g.col[a], g.w[a])
			}
		}
	}
	q, err := bpBuild(p.n, p.m, p.capa, arcs, maxAbs, bpArcs{each: each}, p.tuning)
	if err != nil {
		return nil, err
	}
	s := q.solve(mcfMode{maxCard: maxCard, minCard: k})
	if s.card < k {
		return nil, fmt.Errorf("match: internal error: fair solve kept %d of %d pairs", s.card, k)
	}
	return s, nil
}

// bpArcList is a graph in adjacency lists, each row's arcs by weight
// descending (then column ascending).
type bpArcList struct {
	rowStart []int32
	col      []int32
	w        []int64
}

// bpCollectArcs returns the arcs of p of weight at least t.
func bpCollectArcs(p *bpProblem, t int64) *bpArcList {
	g := &bpArcList{rowStart: make([]int32, p.n+1)}
	p.arcsFrom(t, func(r, c int32, w int64) {
		g.rowStart[r+1]++
		g.col = append(g.col, c)
		g.w = append(g.w, w)
	})
	for i := 0; i < p.n; i++ {
		g.rowStart[i+1] += g.rowStart[i]
		lo, hi := g.rowStart[i], g.rowStart[i+1]
		bpSortArcs(g.col[lo:hi], g.w[lo:hi])
	}
	return g
}

// bpSortArcs sorts one row's arcs by weight descending, then column.
func bpSortArcs(col []int32, w []int64) {
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
