package general

import (
	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// newSolver builds the solver for the deduplicated edges with scaled
// weights w: the CSR adjacency with weights times 4, singleton blossoms,
// and initial duals of half the largest incident weight (feasible: every
// edge is covered by its two ends).
func newSolver(n int, edges []graph.Edge, w []int64) *solver {
	s := &solver{n: int32(n)}
	s.edges = make([]edgeRec, len(edges))
	deg := make([]int32, n+1)
	for i, e := range edges {
		s.edges[i] = edgeRec{int32(e.U), int32(e.V), 4 * w[i]}
		deg[e.U]++
		deg[e.V]++
	}
	s.start = make([]int32, n+1)
	for v := 0; v < n; v++ {
		s.start[v+1] = s.start[v] + deg[v]
	}
	m2 := int(s.start[n])
	s.arcs = make([]arc, m2)
	pos := deg[:n]
	copy(pos, s.start[:n])
	for i, e := range s.edges {
		a := pos[e.u]
		s.arcs[a] = arc{e.v, int32(i), e.w}
		pos[e.u]++
		a = pos[e.v]
		s.arcs[a] = arc{e.u, int32(i), e.w}
		pos[e.v]++
	}

	s.mate = make([]int32, n)
	s.group = make([]int32, n)
	s.pot = make([]int64, n)
	s.next = make([]int32, n)
	s.grp = make([]group, n)
	nb := 2 * n
	s.bgroup = make([]int32, nb)
	s.bparent = make([]int32, nb)
	s.base = make([]int32, nb)
	s.size = make([]int32, nb)
	s.heir = make([]int32, nb)
	s.tree = make([]int32, nb)
	s.lu = make([]int32, nb)
	s.lv = make([]int32, nb)
	s.zc = make([]int64, nb)
	s.first = make([]int32, nb)
	s.last = make([]int32, nb)
	s.childs = make([][]int32, nb)
	s.ends = make([][]pair, nb)
	s.mark = make([]uint32, nb)
	s.treeList = make([][]int32, n)
	s.rootP = make([]int64, n)
	for b := range s.bparent {
		s.bgroup[b] = -1
		s.bparent[b] = -1
		s.lu[b] = -1
		s.lv[b] = -1
	}
	for v := int32(0); v < s.n; v++ {
		s.mate[v] = -1
		s.group[v] = v
		s.grp[v].b = v
		s.bgroup[v] = v
		s.next[v] = -1
		s.base[v] = v
		s.size[v] = 1
		s.first[v], s.last[v] = v, v
		var best int64
		for _, a := range s.arcs[s.start[v]:s.start[v+1]] {
			best = max(best, a.w)
		}
		s.pot[v] = best / 2
	}
	for b := 2*s.n - 1; b >= s.n; b-- {
		s.freeIDs = append(s.freeIDs, b)
	}
	return s
}
