package flow

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrRange is wrapped by the error Build returns when the weights
// could overflow its int64 arithmetic; bipartite.ErrRange is this one.
var ErrRange = errors.New("match: bipartite matching weights out of range")

// denseMaxBytes bounds the memory of a dense cost matrix; bigger
// problems use adjacency lists whatever their density.
const denseMaxBytes = 1 << 29

// Tuning holds the internal choices of the solver that do not change the
// result, only the way to it (tests vary them).
type Tuning struct {
	Layout Layout
	// BidsPerRow bounds the auction of reduceRows, in bids per row to
	// place (see there).
	BidsPerRow int
}

// DefaultTuning is what bipartite.Match uses. 32 bids per row came out best
// over dense, capacitated, overloaded and sparse benchmarks.
var DefaultTuning = Tuning{Layout: Auto, BidsPerRow: 32}

// Layout chooses how Build stores a problem.
type Layout int

const (
	Auto         Layout = iota // dense when dense enough, int32 when possible
	ForceSparse                // adjacency lists
	ForceDense64               // int64 matrix when the range allows, else lists
)

// Problem is a compact bipartite b-matching problem: rows 0..n-1 (every
// one of demand at most 1), columns 0..m-1 with capacities >= 1, and arc
// costs equal to minus the scaled integer weights. It is held either as a
// dense row-major matrix (int32 when the costs allow) or as adjacency lists
// sorted by column.
type Problem struct {
	n, m   int
	capa   []int32
	hasArc []bool // rows with at least one arc
	tuning Tuning

	dense32 []int32
	dense64 []int64
	// big is the cost a dense matrix holds for a missing arc, far above the
	// cost of any path of real arcs; 0 when no arc is missing.
	big int64

	rowStart []int32
	adjCol   []int32
	adjCost  []int64
}

// Size returns the numbers of rows and columns.
func (p *Problem) Size() (rows, cols int) { return p.n, p.m }

// Capacity returns the capacity of every column (the problem's own slice;
// callers only read it).
func (p *Problem) Capacity() []int32 { return p.capa }

// Tuning returns the tuning p was built with.
func (p *Problem) Tuning() Tuning { return p.tuning }

// Dense reports whether p is stored as a dense matrix rather than as
// adjacency lists.
func (p *Problem) Dense() bool { return p.dense32 != nil || p.dense64 != nil }

// Arcs supplies the arcs of a problem to Build. each calls yield once
// per arc (row, column, scaled weight); an arc may repeat, and then the
// largest weight counts. fill, when set, lowers every entry of an n x m
// cost matrix (int32 or int64) to the least cost of its pair, the same as
// each would but without a call per arc.
type Arcs struct {
	Each func(yield func(r, c int32, w int64))
	Fill func(mat any, m int)
}

// checkRange reports whether costs of absolute value up to a keep every
// dual value and distance of the engines on n rows and m columns well
// inside int64: they stay within about 8(n+m+2)*a (see flow.go).
func checkRange(a int64, n, m int) bool {
	return a <= (int64(1)<<61)/(8*(int64(n)+int64(m)+2))
}

// Build stores the arcs as a dense matrix when they cover at least a
// quarter of the n x m pairs and the matrix fits denseMaxBytes, else as
// adjacency lists. count bounds the number of arcs (repeats included),
// maxAbs the absolute scaled weights.
func Build(n, m int, capa []int32, count int, maxAbs int64, arcs Arcs, tuning Tuning) (*Problem, error) {
	layout := tuning.Layout
	if !checkRange(max(maxAbs, 1), n, m) {
		return nil, fmt.Errorf("%w: scaled weights up to %d on %d x %d nodes could overflow int64 (limit %d)",
			ErrRange, maxAbs, n, m, (int64(1)<<61)/(8*(int64(n)+int64(m)+2)))
	}
	p := &Problem{n: n, m: m, capa: capa, hasArc: make([]bool, n), tuning: tuning}
	cells := n * m
	if n == 0 || m == 0 || layout == ForceSparse || (layout == Auto && count < cells/4) {
		p.buildSparse(arcs)
		return p, nil
	}
	big := (4*int64(n+m)+4)*max(maxAbs, 1) + 1
	if layout == Auto && maxAbs < math.MaxInt32 && cells <= denseMaxBytes/4 {
		sentinel := int32(math.MaxInt32)
		if big < math.MaxInt32 {
			sentinel = int32(big)
		}
		mat := fillDense(n, m, sentinel, arcs)
		missing := markArcs(mat, m, sentinel, p.hasArc)
		switch {
		case !missing:
			p.dense32 = mat
		case int64(sentinel) == big && checkRange(big, n, m):
			p.dense32, p.big = mat, big
		case checkRange(big, n, m) && cells <= denseMaxBytes/8:
			p.dense64 = make([]int64, cells)
			for k, c := range mat {
				p.dense64[k] = int64(c)
				if c == sentinel {
					p.dense64[k] = big
				}
			}
			p.big = big
		default:
			p.buildSparse(denseArcs(mat, m, sentinel))
		}
		return p, nil
	}
	if cells > denseMaxBytes/8 {
		p.buildSparse(arcs)
		return p, nil
	}
	mat := fillDense(n, m, inf, arcs)
	switch missing := markArcs(mat, m, inf, p.hasArc); {
	case !missing:
		p.dense64 = mat
	case checkRange(big, n, m):
		for k, c := range mat {
			if c == inf {
				mat[k] = big
			}
		}
		p.dense64, p.big = mat, big
	default:
		p.buildSparse(denseArcs(mat, m, inf))
	}
	return p, nil
}

// fillDense returns the n x m matrix of least costs (minus the largest
// weight of each pair), sentinel where no arc exists.
func fillDense[T int32 | int64](n, m int, sentinel T, arcs Arcs) []T {
	mat := make([]T, n*m)
	for k := range mat {
		mat[k] = sentinel
	}
	if arcs.Fill != nil {
		arcs.Fill(mat, m)
		return mat
	}
	arcs.Each(func(r, c int32, w int64) {
		k := int(r)*m + int(c)
		mat[k] = min(mat[k], T(-w))
	})
	return mat
}

// markArcs sets hasArc from a dense n x m matrix and reports whether
// any pair has no arc (holds sentinel).
func markArcs[T int32 | int64](mat []T, m int, sentinel T, hasArc []bool) bool {
	missing := false
	for i := range hasArc {
		for _, c := range mat[i*m : i*m+m] {
			if c == sentinel {
				missing = true
			} else {
				hasArc[i] = true
			}
		}
	}
	return missing
}

// denseArcs lists the arcs of a dense matrix (entries other than
// sentinel) as weights.
func denseArcs[T int32 | int64](mat []T, m int, sentinel T) Arcs {
	return Arcs{Each: func(yield func(r, c int32, w int64)) {
		for i := 0; i*m < len(mat); i++ {
			for j, c := range mat[i*m : i*m+m] {
				if c != sentinel {
					yield(int32(i), int32(j), -int64(c))
				}
			}
		}
	}}
}

// buildSparse stores the arcs as adjacency lists sorted by column, one arc
// per pair (the least cost).
func (p *Problem) buildSparse(arcs Arcs) {
	each := arcs.Each
	type arc struct {
		c int32
		a int64
	}
	start := make([]int32, p.n+1)
	each(func(r, _ int32, _ int64) { start[r+1]++ })
	for i := 0; i < p.n; i++ {
		start[i+1] += start[i]
	}
	all := make([]arc, start[p.n])
	next := slices.Clone(start[:p.n])
	each(func(r, c int32, w int64) {
		all[next[r]] = arc{c, -w}
		next[r]++
	})
	p.rowStart = make([]int32, p.n+1)
	p.adjCol = make([]int32, 0, len(all))
	p.adjCost = make([]int64, 0, len(all))
	for i := 0; i < p.n; i++ {
		row := all[start[i]:start[i+1]]
		slices.SortFunc(row, func(x, y arc) int {
			if x.c != y.c {
				return int(x.c - y.c)
			}
			switch {
			case x.a < y.a:
				return -1
			case x.a > y.a:
				return 1
			}
			return 0
		})
		for k, a := range row {
			if k > 0 && a.c == row[k-1].c {
				continue
			}
			p.adjCol = append(p.adjCol, a.c)
			p.adjCost = append(p.adjCost, a.a)
		}
		p.rowStart[i+1] = int32(len(p.adjCol))
		p.hasArc[i] = len(row) > 0
	}
}

// Solve runs both phases of the min-cost-flow solver (see flow.go) with the
// engines that suit the storage and returns the final state.
func (p *Problem) Solve(mode Mode) *State {
	s := newState(p.n, p.m, p.capa, p.hasArc)
	mode.costCap = int64(1) << 61
	if p.big > 0 {
		mode.costCap = p.big / 2
	}
	switch {
	case p.dense32 != nil:
		solveDense(s, p.dense32, p.Perfect(), p.tuning.BidsPerRow, mode)
	case p.dense64 != nil:
		solveDense(s, p.dense64, p.Perfect(), p.tuning.BidsPerRow, mode)
	default:
		l := newRowSparse(s, p.rowStart, p.adjCol, p.adjCost)
		l.reduceRows(p.tuning.BidsPerRow)
		s.runRows(l)
		l.reset()
		s.run(newGlobalSparse(s, p.rowStart, p.adjCol, p.adjCost), mode)
	}
	return s
}

// solveDense runs both phases on a dense matrix.
func solveDense[T int32 | int64](s *State, cost []T, perfect bool, bidsPerRow int, mode Mode) {
	l := &rowDense[T]{s: s, cost: cost, perfect: perfect}
	if perfect && !slices.ContainsFunc(s.capa, func(c int32) bool { return c > 1 }) {
		// Only without capacities: a reduced column holds one row at the
		// price of its cheapest row, far from the price that fills its
		// seats, and the auction then needs many rises; measured about
		// 2x slower on complete random instances with capacity 5.
		l.reduceColumns()
	}
	l.reduceRows(bidsPerRow)
	s.runRows(l)
	s.run(newGlobalDense(s, cost), mode)
}

// Perfect reports whether every optimum matches every row and fills every
// column: the matrix is complete (kept arcs only have positive weight
// without MaxCardinality, any weight with it) and the rows exactly fill
// the capacities, so any assignment of rows to column slots is a matching
// and adding a pair never lowers the total.
func (p *Problem) Perfect() bool {
	if p.big != 0 || (p.dense32 == nil && p.dense64 == nil) {
		return false
	}
	slots := 0
	for _, c := range p.capa {
		slots += int(c)
	}
	return slots == p.n
}

// Weight returns the scaled weight of the arc (r, c), which must exist.
func (p *Problem) Weight(r, c int32) int64 {
	switch {
	case p.dense32 != nil:
		return -int64(p.dense32[int(r)*p.m+int(c)])
	case p.dense64 != nil:
		return -p.dense64[int(r)*p.m+int(c)]
	}
	lo, hi := p.rowStart[r], p.rowStart[r+1]
	k, _ := slices.BinarySearch(p.adjCol[lo:hi], c)
	return -p.adjCost[int(lo)+k]
}

// ArcsFrom calls yield for every real arc of weight at least t, row by
// row.
func (p *Problem) ArcsFrom(t int64, yield func(r, c int32, w int64)) {
	switch {
	case p.dense32 != nil:
		denseArcsFrom(p.dense32, p.m, p.big, t, yield)
	case p.dense64 != nil:
		denseArcsFrom(p.dense64, p.m, p.big, t, yield)
	default:
		for i := 0; i < p.n; i++ {
			for k := p.rowStart[i]; k < p.rowStart[i+1]; k++ {
				if w := -p.adjCost[k]; w >= t {
					yield(int32(i), p.adjCol[k], w)
				}
			}
		}
	}
}

func denseArcsFrom[T int32 | int64](mat []T, m int, big, t int64, yield func(r, c int32, w int64)) {
	for i := 0; i*m < len(mat); i++ {
		for j, c := range mat[i*m : i*m+m] {
			if big > 0 && int64(c) == big {
				continue
			}
			if w := -int64(c); w >= t {
				yield(int32(i), int32(j), w)
			}
		}
	}
}
