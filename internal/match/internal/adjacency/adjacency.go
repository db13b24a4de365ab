// Package adjacency holds the undirected weighted graph that the groups
// and rotation solvers build from an edge list: compressed adjacency lists
// sorted by neighbour, plus a dense weight matrix for up to 1,024 nodes.
// New validates the edges and merges parallel ones in O(n + m log m);
// Weight is O(1) with the matrix, O(log degree) without.
package adjacency

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// denseLimit is the largest node count for which a dense n x n weight
// matrix is kept (8 MiB of float64 at the limit); above it weights are looked
// up by binary search in the sorted adjacency lists.
const denseLimit = 1024

// Arc is one direction of an undirected edge.
type Arc struct {
	To int32
	W  float64
}

// Graph is an undirected weighted graph in compressed adjacency form,
// each node's arcs sorted by neighbour, shared by the groups and rotation
// solvers.
type Graph struct {
	N     int
	Start []int // arcs of u are Arcs[Start[u]:Start[u+1]]
	Arcs  []Arc
	Dense []float64 // N*N weights when N <= denseLimit, else nil
}

// New validates edges and builds the graph. It rejects self-loops,
// nodes outside 0..n-1 and non-finite weights; parallel edges (the same pair
// in either orientation) keep the largest weight.
func New(n int, edges []graph.Edge) (*Graph, error) {
	g := &Graph{N: n, Start: make([]int, n+1)}
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
		g.Start[e.U+1]++
		g.Start[e.V+1]++
	}
	for u := 0; u < n; u++ {
		g.Start[u+1] += g.Start[u]
	}
	g.Arcs = make([]Arc, 2*len(edges))
	next := slices.Clone(g.Start[:n])
	for _, e := range edges {
		g.Arcs[next[e.U]] = Arc{int32(e.V), e.W}
		next[e.U]++
		g.Arcs[next[e.V]] = Arc{int32(e.U), e.W}
		next[e.V]++
	}
	// Sort each node's arcs and merge parallel edges (keeping the largest
	// weight), compacting the arc array in place.
	out := 0
	begin := 0
	for u := 0; u < n; u++ {
		arcs := g.Arcs[begin:g.Start[u+1]]
		begin = g.Start[u+1]
		slices.SortFunc(arcs, func(a, b Arc) int {
			if a.To != b.To {
				return int(a.To) - int(b.To)
			}
			return cmp.Compare(b.W, a.W) // largest weight first
		})
		g.Start[u] = out
		for i, a := range arcs {
			if i > 0 && a.To == arcs[i-1].To {
				continue
			}
			g.Arcs[out] = a
			out++
		}
	}
	g.Start[n] = out
	g.Arcs = g.Arcs[:out]
	if n <= denseLimit {
		g.Dense = make([]float64, n*n)
		for u := 0; u < n; u++ {
			for _, a := range g.ArcsOf(u) {
				g.Dense[u*n+int(a.To)] = a.W
			}
		}
	}
	return g, nil
}

// ArcsOf returns u's arcs, sorted by neighbour.
func (g *Graph) ArcsOf(u int) []Arc {
	return g.Arcs[g.Start[u]:g.Start[u+1]]
}

// Weight returns the weight of the pair (u, v), 0 when there is no edge.
// Without a dense matrix it searches u's arcs, so callers that look up many
// pairs of one node pass that node first and keep its arcs in cache.
func (g *Graph) Weight(u, v int) float64 {
	if g.Dense != nil {
		return g.Dense[u*g.N+v]
	}
	arcs := g.ArcsOf(u)
	lo, hi := 0, len(arcs)
	t := int32(v)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if arcs[mid].To < t {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(arcs) && arcs[lo].To == t {
		return arcs[lo].W
	}
	return 0
}
