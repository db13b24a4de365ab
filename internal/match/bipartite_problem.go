package match

import (
	"fmt"
	"math"
	"slices"
)

// bpDenseMaxBytes bounds the memory of a dense cost matrix; bigger
// problems use adjacency lists whatever their density.
const bpDenseMaxBytes = 1 << 29

// bpTuning holds the internal choices of the solver that do not change the
// result, only the way to it (tests vary them).
type bpTuning struct {
	layout bpLayout
	// bidsPerRow bounds the auction of lsaReduceRows, in bids per row to
	// place (see there).
	bidsPerRow int
}

// bpDefaultTuning is what Bipartite uses. 32 bids per row came out best
// over dense, capacitated, overloaded and sparse benchmarks.
var bpDefaultTuning = bpTuning{layout: bpAuto, bidsPerRow: 32}

// bpLayout chooses how bpBuild stores a problem.
type bpLayout int

const (
	bpAuto         bpLayout = iota // dense when dense enough, int32 when possible
	bpForceSparse                  // adjacency lists
	bpForceDense64                 // int64 matrix when the range allows, else lists
)

// bpProblem is a compact bipartite b-matching problem: rows 0..n-1 (every
// one of demand at most 1), columns 0..m-1 with capacities >= 1, and arc
// costs equal to minus the scaled integer weights. It is held either as a
// dense row-major matrix (int32 when the costs allow) or as adjacency lists
// sorted by column.
type bpProblem struct {
	n, m   int
	capa   []int32
	hasArc []bool // rows with at least one arc
	tuning bpTuning

	dense32 []int32
	dense64 []int64
	// big is the cost a dense matrix holds for a missing arc, far above the
	// cost of any path of real arcs; 0 when no arc is missing.
	big int64

	rowStart []int32
	adjCol   []int32
	adjCost  []int64
}

// bpArcs supplies the arcs of a problem to bpBuild. each calls yield once
// per arc (row, column, scaled weight); an arc may repeat, and then the
// largest weight counts. fill, when set, lowers every entry of an n x m
// cost matrix (int32 or int64) to the least cost of its pair, the same as
// each would but without a call per arc.
type bpArcs struct {
	each func(yield func(r, c int32, w int64))
	fill func(mat any, m int)
}

// bpCheckRange reports whether costs of absolute value up to a keep every
// dual value and distance of the engines on n rows and m columns well
// inside int64: they stay within about 8(n+m+2)*a (see mcf.go).
func bpCheckRange(a int64, n, m int) bool {
	return a <= (int64(1)<<61)/(8*(int64(n)+int64(m)+2))
}

// bpBuild stores the arcs as a dense matrix when they cover at least a
// quarter of the n x m pairs and the matrix fits bpDenseMaxBytes, else as
// adjacency lists. count bounds the number of arcs (repeats included),
// maxAbs the absolute scaled weights.
func bpBuild(n, m int, capa []int32, count int, maxAbs int64, arcs bpArcs, tuning bpTuning) (*bpProblem, error) {
	layout := tuning.layout
	if !bpCheckRange(max(maxAbs, 1), n, m) {
		return nil, fmt.Errorf("%w: scaled weights up to %d on %d x %d nodes could overflow int64 (limit %d)",
			ErrBipartiteRange, maxAbs, n, m, (int64(1)<<61)/(8*(int64(n)+int64(m)+2)))
	}
	p := &bpProblem{n: n, m: m, capa: capa, hasArc: make([]bool, n), tuning: tuning}
	cells := n * m
	if n == 0 || m == 0 || layout == bpForceSparse || (layout == bpAuto && count < cells/4) {
		p.buildSparse(arcs)
		return p, nil
	}
	big := (4*int64(n+m)+4)*max(maxAbs, 1) + 1
	if layout == bpAuto && maxAbs < math.MaxInt32 && cells <= bpDenseMaxBytes/4 {
		sentinel := int32(math.MaxInt32)
		if big < math.MaxInt32 {
			sentinel = int32(big)
		}
		mat := bpFillDense(n, m, sentinel, arcs)
		missing := bpMarkArcs(mat, m, sentinel, p.hasArc)
		switch {
		case !missing:
			p.dense32 = mat
		case int64(sentinel) == big && bpCheckRange(big, n, m):
			p.dense32, p.big = mat, big
		case bpCheckRange(big, n, m) && cells <= bpDenseMaxBytes/8:
			p.dense64 = make([]int64, cells)
			for k, c := range mat {
				p.dense64[k] = int64(c)
				if c == sentinel {
					p.dense64[k] = big
				}
			}
			p.big = big
		default:
			p.buildSparse(bpDenseArcs(mat, m, sentinel))
		}
		return p, nil
	}
	if cells > bpDenseMaxBytes/8 {
		p.buildSparse(arcs)
		return p, nil
	}
	mat := bpFillDense(n, m, mcfInf, arcs)
	switch missing := bpMarkArcs(mat, m, mcfInf, p.hasArc); {
	case !missing:
		p.dense64 = mat
	case bpCheckRange(big, n, m):
		for k, c := range mat {
			if c == mcfInf {
				mat[k] = big
			}
		}
		p.dense64, p.big = mat, big
	default:
		p.buildSparse(bpDenseArcs(mat, m, mcfInf))
	}
	return p, nil
}

// bpFillDense returns the n x m matrix of least costs (minus the largest
// weight of each pair), sentinel where no arc exists.
func bpFillDense[T int32 | int64](n, m int, sentinel T, arcs bpArcs) []T {
	mat := make([]T, n*m)
	for k := range mat {
		mat[k] = sentinel
	}
	if arcs.fill != nil {
		arcs.fill(mat, m)
		return mat
	}
	arcs.each(func(r, c int32, w int64) {
		k := int(r)*m + int(c)
		mat[k] = min(mat[k], T(-w))
	})
	return mat
}

// bpMarkArcs sets hasArc from a dense n x m matrix and reports whether
// any pair has no arc (holds sentinel).
func bpMarkArcs[T int32 | int64](mat []T, m int, sentinel T, hasArc []bool) bool {
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

// bpDenseArcs lists the arcs of a dense matrix (entries other than
// sentinel) as weights.
func bpDenseArcs[T int32 | int64](mat []T, m int, sentinel T) bpArcs {
	return bpArcs{each: func(yield func(r, c int32, w int64)) {
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
func (p *bpProblem) buildSparse(arcs bpArcs) {
	each := arcs.each
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

// solve runs both phases of the min-cost-flow solver (see mcf.go) with the
// engines that suit the storage and returns the final state.
func (p *bpProblem) solve(mode mcfMode) *mcfState {
	s := newMCFState(p.n, p.m, p.capa, p.hasArc)
	mode.costCap = int64(1) << 61
	if p.big > 0 {
		mode.costCap = p.big / 2
	}
	switch {
	case p.dense32 != nil:
		bpSolveDense(s, p.dense32, p.perfect(), p.tuning.bidsPerRow, mode)
	case p.dense64 != nil:
		bpSolveDense(s, p.dense64, p.perfect(), p.tuning.bidsPerRow, mode)
	default:
		l := newLSASparse(s, p.rowStart, p.adjCol, p.adjCost)
		l.reduceRows(p.tuning.bidsPerRow)
		s.runRows(l)
		l.reset()
		s.run(newMCFSparse(s, p.rowStart, p.adjCol, p.adjCost), mode)
	}
	return s
}

// bpSolveDense runs both phases on a dense matrix.
func bpSolveDense[T int32 | int64](s *mcfState, cost []T, perfect bool, bidsPerRow int, mode mcfMode) {
	l := &lsaDense[T]{s: s, cost: cost, perfect: perfect}
	if perfect && !slices.ContainsFunc(s.capa, func(c int32) bool { return c > 1 }) {
		// Only without capacities: a reduced column holds one row at the
		// price of its cheapest row, far from the price that fills its
		// seats, and the auction then needs many rises; measured about
		// 2x slower on complete random instances with capacity 5.
		l.reduceColumns()
	}
	l.reduceRows(bidsPerRow)
	s.runRows(l)
	s.run(newMCFDense(s, cost), mode)
}

// perfect reports whether every optimum matches every row and fills every
// column: the matrix is complete (kept arcs only have positive weight
// without MaxCardinality, any weight with it) and the rows exactly fill
// the capacities, so any assignment of rows to column slots is a matching
// and adding a pair never lowers the total.
func (p *bpProblem) perfect() bool {
	if p.big != 0 || (p.dense32 == nil && p.dense64 == nil) {
		return false
	}
	slots := 0
	for _, c := range p.capa {
		slots += int(c)
	}
	return slots == p.n
}

// weight returns the scaled weight of the arc (r, c), which must exist.
func (p *bpProblem) weight(r, c int32) int64 {
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

// arcsFrom calls yield for every real arc of weight at least t, row by
// row.
func (p *bpProblem) arcsFrom(t int64, yield func(r, c int32, w int64)) {
	switch {
	case p.dense32 != nil:
		bpDenseArcsFrom(p.dense32, p.m, p.big, t, yield)
	case p.dense64 != nil:
		bpDenseArcsFrom(p.dense64, p.m, p.big, t, yield)
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

func bpDenseArcsFrom[T int32 | int64](mat []T, m int, big, t int64, yield func(r, c int32, w int64)) {
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
