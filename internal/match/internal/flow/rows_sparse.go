package flow

// rowSparse is the phase-1 engine for adjacency lists: Dijkstra from one
// row with a binary heap, touching only the arcs it scans.
type rowSparse struct {
	s        *State
	rowStart []int32
	adjCol   []int32
	adjCost  []int64
	work     lazyHeap
	touched  []int32
}

func newRowSparse(s *State, rowStart, adjCol []int32, adjCost []int64) *rowSparse {
	for j := range s.d {
		s.d[j] = inf
		s.done[j] = false
	}
	return &rowSparse{s: s, rowStart: rowStart, adjCol: adjCol, adjCost: adjCost}
}

// relax lowers the tentative distances of the unsettled columns reached by
// the arcs of row i, which lies at base + u[i].
func (e *rowSparse) relax(i int32, base int64) {
	s := e.s
	lo, hi := e.rowStart[i], e.rowStart[i+1]
	cols, costs := e.adjCol[lo:hi], e.adjCost[lo:hi]
	for k, j := range cols {
		if s.done[j] {
			continue
		}
		if nd := base + costs[k] - s.v[j]; nd < s.d[j] {
			if s.d[j] == inf {
				e.touched = append(e.touched, j)
			}
			s.d[j] = nd
			s.pred[j] = i
			e.work.push(distItem{nd, j})
		}
	}
}

func (e *rowSparse) searchFrom(r int32) (int32, int32, int64) {
	s := e.s
	for _, j := range e.touched {
		s.d[j] = inf
		s.done[j] = false
	}
	e.touched = e.touched[:0]
	e.work = e.work[:0]
	s.doneCols = s.doneCols[:0]
	skipDist, skipRow := -s.u[r], r
	e.relax(r, -s.u[r])
	for {
		for len(e.work) > 0 && (s.done[e.work[0].j] || e.work[0].d != s.d[e.work[0].j]) {
			e.work.pop()
		}
		if len(e.work) == 0 || e.work[0].d > skipDist {
			return -1, skipRow, skipDist
		}
		it := e.work.pop()
		j := it.j
		s.done[j] = true
		if s.fill[j] < s.capa[j] {
			return j, -1, it.d
		}
		s.doneCols = append(s.doneCols, j)
		off := s.slotOff[j]
		for _, i := range s.slotRow[off : off+s.fill[j]] {
			base := it.d - s.u[i]
			if base < skipDist {
				skipDist, skipRow = base, i
			}
			e.relax(i, base)
		}
	}
}

// reset leaves the workspace as phase 2 expects it: every d at inf and
// no column settled.
func (e *rowSparse) reset() {
	for _, j := range e.touched {
		e.s.d[j] = inf
		e.s.done[j] = false
	}
	e.touched = e.touched[:0]
}

// reduceRows runs the augmenting row reduction (reduceRows) with one
// scan of a row's arcs per bid.
func (e *rowSparse) reduceRows(bidsPerRow int) {
	v := e.s.v
	reduceRows(e.s, false, bidsPerRow, func(i int32) (a1, a2 int64, j1, j2 int) {
		a1, a2, j1, j2 = inf, inf, -1, -1
		lo, hi := e.rowStart[i], e.rowStart[i+1]
		costs := e.adjCost[lo:hi]
		for k, j := range e.adjCol[lo:hi] {
			if h := costs[k] - v[j]; h < a2 {
				if h < a1 {
					a2, j2, a1, j1 = a1, j1, h, int(j)
				} else {
					a2, j2 = h, int(j)
				}
			}
		}
		return a1, a2, j1, j2
	})
}
