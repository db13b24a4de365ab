package match

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// grpDenseLimit is the largest node count for which a dense n x n weight
// matrix is kept (8 MiB of float64 at the limit); above it weights are looked
// up by binary search in the sorted adjacency lists.
const grpDenseLimit = 1024

// grpArc is one direction of an undirected edge.
type grpArc struct {
	to int32
	w  float64
}

// grpGraph is an undirected weighted graph in compressed adjacency form,
// each node's arcs sorted by neighbour, shared by the groups and rotation
// solvers.
type grpGraph struct {
	n     int
	start []int // arcs of u are arcs[start[u]:start[u+1]]
	arcs  []grpArc
	dense []float64 // n*n weights when n <= grpDenseLimit, else nil
}

// grpNewGraph validates edges and builds the graph. It rejects self-loops,
// nodes outside 0..n-1 and non-finite weights; parallel edges (the same pair
// in either orientation) keep the largest weight.
func grpNewGraph(n int, edges []graph.Edge) (*grpGraph, error) {
	g := &grpGraph{n: n, start: make([]int, n+1)}
	for i, e := range edges {
		if e.U < 0 || e.U >= n || e.V < 0 || e.V >= n {
			return nil, fmt.Errorf("match: edge %d (%d, %d) names a node outside 0..%d", i, e.U, e.V, n-1)
		}
		if e.U == e.V {
			return nil, fmt.Errorf("match: edge %d is a self-loop on node %d", i, e.U)
		}
		if math.IsNaN(e.W) || math.IsInf(e.W, 0) {
			return nil, fmt.Errorf("match: edge %d (%d, %d) has a non-finite weight", i, e.U, e.V)
		}
		g.start[e.U+1]++
		g.start[e.V+1]++
	}
	for u := 0; u < n; u++ {
		g.start[u+1] += g.start[u]
	}
	g.arcs = make([]grpArc, 2*len(edges))
	next := slices.Clone(g.start[:n])
	for _, e := range edges {
		g.arcs[next[e.U]] = grpArc{int32(e.V), e.W}
		next[e.U]++
		g.arcs[next[e.V]] = grpArc{int32(e.U), e.W}
		next[e.V]++
	}
	// Sort each node's arcs and merge parallel edges (keeping the largest
	// weight), compacting the arc array in place.
	out := 0
	begin := 0
	for u := 0; u < n; u++ {
		arcs := g.arcs[begin:g.start[u+1]]
		begin = g.start[u+1]
		slices.SortFunc(arcs, func(a, b grpArc) int {
			if a.to != b.to {
				return int(a.to) - int(b.to)
			}
			return cmp.Compare(b.w, a.w) // largest weight first
		})
		g.start[u] = out
		for i, a := range arcs {
			if i > 0 && a.to == arcs[i-1].to {
				continue
			}
			g.arcs[out] = a
			out++
		}
	}
	g.start[n] = out
	g.arcs = g.arcs[:out]
	if n <= grpDenseLimit {
		g.dense = make([]float64, n*n)
		for u := 0; u < n; u++ {
			for _, a := range g.arcsOf(u) {
				g.dense[u*n+int(a.to)] = a.w
			}
		}
	}
	return g, nil
}

// arcsOf returns u's arcs, sorted by neighbour.
func (g *grpGraph) arcsOf(u int) []grpArc {
	return g.arcs[g.start[u]:g.start[u+1]]
}

// weight returns the weight of the pair (u, v), 0 when there is no edge.
// Without a dense matrix it searches u's arcs, so callers that look up many
// pairs of one node pass that node first and keep its arcs in cache.
func (g *grpGraph) weight(u, v int) float64 {
	if g.dense != nil {
		return g.dense[u*g.n+v]
	}
	arcs := g.arcsOf(u)
	lo, hi := 0, len(arcs)
	t := int32(v)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if arcs[mid].to < t {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(arcs) && arcs[lo].to == t {
		return arcs[lo].w
	}
	return 0
}
