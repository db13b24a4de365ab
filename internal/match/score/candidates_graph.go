package score

import (
	"cmp"
	"errors"
	"slices"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// CandidateGraph is candidate lists turned into solver input.
//
// Bipartite formats (the directional ones, see Format): Left holds the
// people indexes of the mentees, Right those of the mentors (advisers),
// Capacity[j] is Right[j]'s Profile.Capacity (1 when not positive), and an
// Edge{U, V, W} joins Left[U] and Right[V].
//
// One-pool formats: Left holds every person (Left[i] == i), Right and
// Capacity are nil, and an Edge{U, V, W} joins persons U < V.
//
// Edges are the union of both ends' lists, each pair once, sorted by (U, V);
// W is the pair's score (0..100).
type CandidateGraph struct {
	Bipartite bool
	Left      []int
	Right     []int
	Capacity  []int
	Edges     []graph.Edge
}

// Graph turns the candidate lists into solver input for the same people the
// set was built from. It fails when people does not match the set's length.
func (cs *CandidateSet) Graph(people []Profile) (CandidateGraph, error) {
	if len(people) != len(cs.Lists) {
		return CandidateGraph{}, errors.New("match: candidate graph: people and lists differ in length")
	}
	var g CandidateGraph
	if !cs.Format.Directional() {
		g.Left = make([]int, len(people))
		for i := range g.Left {
			g.Left[i] = i
		}
		for i, list := range cs.Lists {
			for _, c := range list {
				u, v := i, c.Partner
				if u > v {
					u, v = v, u
				}
				g.Edges = append(g.Edges, graph.Edge{U: u, V: v, W: c.Score})
			}
		}
		g.Edges = sortEdges(g.Edges)
		return g, nil
	}
	g.Bipartite = true
	node := make([]int, len(people))
	for i := range people {
		switch sideOf(cs.Format, people[i].Role) {
		case sideLeft:
			node[i] = len(g.Left)
			g.Left = append(g.Left, i)
		case sideRight:
			node[i] = len(g.Right)
			g.Right = append(g.Right, i)
			g.Capacity = append(g.Capacity, max(1, people[i].Capacity))
		default:
			node[i] = -1
		}
	}
	for i, list := range cs.Lists {
		if node[i] < 0 {
			continue
		}
		left := sideOf(cs.Format, people[i].Role) == sideLeft
		for _, c := range list {
			if left {
				g.Edges = append(g.Edges, graph.Edge{U: node[i], V: node[c.Partner], W: c.Score})
			} else {
				g.Edges = append(g.Edges, graph.Edge{U: node[c.Partner], V: node[i], W: c.Score})
			}
		}
	}
	g.Edges = sortEdges(g.Edges)
	return g, nil
}

// sortEdges sorts by (U, V) and drops repeated pairs (both ends list
// the pair with the same score).
func sortEdges(es []graph.Edge) []graph.Edge {
	slices.SortFunc(es, func(a, b graph.Edge) int {
		return cmp.Or(cmp.Compare(a.U, b.U), cmp.Compare(a.V, b.V))
	})
	return slices.CompactFunc(es, func(a, b graph.Edge) bool { return a.U == b.U && a.V == b.V })
}
