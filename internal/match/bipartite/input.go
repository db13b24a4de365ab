package bipartite

import (
	"fmt"
	"math"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/internal/flow"
)

// maxScaled bounds a scaled weight: beyond 2^53 a float64 no longer
// holds every integer, so the scaling would not be exact.
const maxScaled = float64(int64(1) << 53)

// maxNodes bounds nLeft and nRight (indices are int32 inside).
const maxNodes = 1 << 30

// input is the validated input of Match and its map to the compact
// problem: only left nodes with a kept edge to a right node of positive
// capacity, and those right nodes. An edge is kept when MaxCardinality is
// set or its weight is positive.
type input struct {
	nLeft   int
	maxCard bool
	scale   float64 // power of ten applied to the weights (see Bipartite)
	shift   int64   // added to every scaled weight (MaxCardinality only)
	maxAbs  int64   // largest absolute scaled, shifted weight

	rowIdx, colIdx   []int32 // input node -> compact index, -1 when dropped
	rowOrig, colOrig []int32 // compact index -> input node
	capa             []int32 // capacity, at most the number of edges into the node
	arcs             int     // kept edges between kept nodes, repeats included
}

// readInput validates the arguments of Match and, in the same pass
// over the edges, finds the scale, the weight range and the kept nodes.
func readInput(nLeft, nRight int, edges []graph.Edge, capacity []int, maxCard bool) (*input, error) {
	switch {
	case nLeft < 0 || nRight < 0:
		return nil, fmt.Errorf("%w: negative node count (%d left, %d right)", ErrInput, nLeft, nRight)
	case nLeft > maxNodes || nRight > maxNodes:
		return nil, fmt.Errorf("%w: node count (%d left, %d right) exceeds %d", ErrInput, nLeft, nRight, maxNodes)
	case capacity != nil && len(capacity) != nRight:
		return nil, fmt.Errorf("%w: %d capacities for %d right nodes", ErrInput, len(capacity), nRight)
	case len(edges) > math.MaxInt32:
		return nil, fmt.Errorf("%w: %d edges exceed %d", ErrInput, len(edges), math.MaxInt32)
	}
	capa := make([]int32, nRight) // capacity clamped to the edge count
	for v := range capa {
		c := 1
		if capacity != nil {
			c = capacity[v]
		}
		if c < 0 {
			return nil, fmt.Errorf("%w: right node %d has negative capacity %d", ErrInput, v, c)
		}
		capa[v] = int32(min(c, math.MaxInt32))
	}
	in := &input{nLeft: nLeft, maxCard: maxCard, rowIdx: make([]int32, nLeft), colIdx: make([]int32, nRight)}
	deg := make([]int32, nRight)
	exp, scale := 0, 1.0
	minW, maxW := math.Inf(1), math.Inf(-1)
	for k := range edges {
		e := &edges[k]
		w := e.W
		switch {
		case uint(e.U) >= uint(nLeft):
			return nil, fmt.Errorf("%w: edge %d has left node %d outside 0..%d", ErrInput, k, e.U, nLeft-1)
		case uint(e.V) >= uint(nRight):
			return nil, fmt.Errorf("%w: edge %d has right node %d outside 0..%d", ErrInput, k, e.V, nRight-1)
		case w-w != 0: // NaN or infinite
			return nil, fmt.Errorf("%w: edge %d (%d, %d) has weight %v", ErrInput, k, e.U, e.V, w)
		case !maxCard && !(w > 0), capa[e.V] == 0:
			continue
		}
		// Raise the power of ten while this weight is not integral; a power
		// that suits the earlier weights suits them times ten too.
		if x := w * scale; x != math.Trunc(x) {
			for exp < 9 && !integral(w*scale) {
				exp++
				scale = math.Pow10(exp)
			}
		}
		minW, maxW = min(minW, w), max(maxW, w)
		deg[e.V]++
		in.rowIdx[e.U] = 1
		in.arcs++
	}
	in.scale = scale
	if in.arcs > 0 {
		if err := in.setRange(minW, maxW); err != nil {
			return nil, err
		}
	}
	for u, r := range in.rowIdx {
		in.rowIdx[u] = -1
		if r != 0 {
			in.rowIdx[u] = int32(len(in.rowOrig))
			in.rowOrig = append(in.rowOrig, int32(u))
		}
	}
	for v := range in.colIdx {
		in.colIdx[v] = -1
		if deg[v] > 0 {
			in.colIdx[v] = int32(len(in.colOrig))
			in.colOrig = append(in.colOrig, int32(v))
			in.capa = append(in.capa, min(capa[v], deg[v]))
		}
	}
	return in, nil
}

// integral reports whether x is an integer within a relative 1e-9.
func integral(x float64) bool {
	return math.Abs(x-math.Round(x)) <= 1e-9*math.Abs(x)
}

// setRange checks the scaled weights in [minW, maxW] and, with
// MaxCardinality, chooses the shift. Shifting every weight by the same
// amount leaves the order of the matchings of one size unchanged, so it is
// free for MaxCardinality; making the weights positive and close together
// (every weight in [K*R+1, (K+1)*R+1] for a range R) lets the row-by-row
// phase already take every augmenting path of up to K+1 pairs, leaving
// little to the global phase (see internal/flow). K is as large as the int64
// bounds allow (and the int32 matrix, when the range alone fits one), up to
// the largest possible number of pairs.
func (in *input) setRange(minW, maxW float64) error {
	lo, hi := math.RoundToEven(minW*in.scale), math.RoundToEven(maxW*in.scale)
	if math.Abs(lo) > maxScaled || math.Abs(hi) > maxScaled {
		return fmt.Errorf("%w: a weight scaled by %g reaches %g, above %g",
			ErrRange, in.scale, max(math.Abs(lo), math.Abs(hi)), maxScaled)
	}
	lo64, hi64 := int64(lo), int64(hi)
	in.maxAbs = max(hi64, -lo64)
	if !in.maxCard {
		return nil
	}
	r := hi64 - lo64
	limit := (int64(1) << 61) / (8*int64(in.nLeft) + 8*int64(len(in.colIdx)) + 16)
	if 2*r+2 < math.MaxInt32 {
		limit = min(limit, math.MaxInt32/2)
	}
	k := int64(min(in.arcs, in.nLeft))
	if r > 0 {
		k = min(k, (limit-1)/r-1)
	}
	k = max(k, 0)
	in.shift = k*r + 1 - lo64
	in.maxAbs = max(in.maxAbs, hi64+in.shift)
	return nil
}

// build stores the kept edges as a compact problem.
func (in *input) build(edges []graph.Edge, tuning flow.Tuning) (*flow.Problem, error) {
	each := func(yield func(r, c int32, w int64)) {
		for k := range edges {
			e := &edges[k]
			if !in.maxCard && !(e.W > 0) {
				continue
			}
			if c := in.colIdx[e.V]; c >= 0 {
				yield(in.rowIdx[e.U], c, int64(math.RoundToEven(e.W*in.scale))+in.shift)
			}
		}
	}
	fill := func(mat any, m int) {
		switch mat := mat.(type) {
		case []int32:
			fillEdges(in, edges, mat, m)
		case []int64:
			fillEdges(in, edges, mat, m)
		}
	}
	return flow.Build(len(in.rowOrig), len(in.colOrig), in.capa, in.arcs, in.maxAbs, flow.Arcs{Each: each, Fill: fill}, tuning)
}

// fillEdges lowers each entry of the compact cost matrix mat (m columns)
// to minus the largest scaled weight of its pair.
func fillEdges[T int32 | int64](in *input, edges []graph.Edge, mat []T, m int) {
	scale, shift, maxCard := in.scale, in.shift, in.maxCard
	rowIdx, colIdx := in.rowIdx, in.colIdx
	for k := range edges {
		e := &edges[k]
		if !maxCard && !(e.W > 0) {
			continue
		}
		c := colIdx[e.V]
		if c < 0 {
			continue
		}
		x := T(-(int64(math.RoundToEven(e.W*scale)) + shift))
		p := &mat[int(rowIdx[e.U])*m+int(c)]
		*p = min(*p, x)
	}
}

// result turns the final assignment into the result, with the input
// weight of each chosen pair (the largest of repeated ones).
func (in *input) result(edges []graph.Edge, s *flow.State) Result {
	res := Result{Pairs: []graph.Edge{}}
	if s.Card() == 0 {
		return res
	}
	mate := make([]int32, in.nLeft)
	best := make([]float64, in.nLeft)
	for u := range mate {
		mate[u] = -1
	}
	for r, c := range s.RowCol() {
		if c >= 0 {
			u := in.rowOrig[r]
			mate[u] = in.colOrig[c]
			best[u] = math.Inf(-1)
		}
	}
	for k := range edges {
		if e := &edges[k]; mate[e.U] == int32(e.V) {
			best[e.U] = max(best[e.U], e.W)
		}
	}
	res.Pairs = make([]graph.Edge, 0, s.Card())
	for u, v := range mate {
		if v >= 0 {
			res.Pairs = append(res.Pairs, graph.Edge{U: u, V: int(v), W: best[u]})
		}
	}
	res.Bottleneck = math.Inf(1)
	for _, e := range res.Pairs {
		res.Total += e.W
		res.Bottleneck = min(res.Bottleneck, e.W)
	}
	return res
}
