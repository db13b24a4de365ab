package flow

// globalSparse is the global-search engine for a sparse graph in adjacency lists: Dijkstra
// with binary heaps. Its start values (colMin - uFree - v, one per column)
// live in an indexed heap kept across searches, so a search costs only the
// arcs and columns it touches, never a pass over all columns.
type globalSparse struct {
	s *State

	rowStart []int32 // arcs of row i: rowStart[i] .. rowStart[i+1]
	adjCol   []int32
	adjCost  []int64
	colStart []int32 // arcs into column j: colStart[j] .. colStart[j+1]
	inRow    []int32
	inCost   []int64

	src     *indexHeap // columns with an unmatched neighbour, by colMin - v
	work    lazyHeap   // distances found by relaxing arcs of matched rows
	touched []int32    // columns whose d or done changed in this search
	popped  []int32    // columns taken out of src in this search
}

// newGlobalSparse prepares the engine over the arcs given in row order
// (rowStart, adjCol, adjCost) for the state left by the row-by-row phase; it
// builds the column lists, colMin and the start heap.
func newGlobalSparse(s *State, rowStart, adjCol []int32, adjCost []int64) *globalSparse {
	e := &globalSparse{s: s, rowStart: rowStart, adjCol: adjCol, adjCost: adjCost}
	n, m := s.n, s.m
	e.colStart = make([]int32, m+1)
	for _, j := range adjCol {
		e.colStart[j+1]++
	}
	for j := 0; j < m; j++ {
		e.colStart[j+1] += e.colStart[j]
	}
	e.inRow = make([]int32, len(adjCol))
	e.inCost = make([]int64, len(adjCol))
	next := make([]int32, m)
	copy(next, e.colStart[:m])
	for i := 0; i < n; i++ {
		for k := rowStart[i]; k < rowStart[i+1]; k++ {
			j := adjCol[k]
			e.inRow[next[j]] = int32(i)
			e.inCost[next[j]] = adjCost[k]
			next[j]++
		}
	}
	e.src = newIndexHeap(m)
	for j := 0; j < m; j++ {
		s.d[j] = inf
		s.done[j] = false
		e.refreshCol(int32(j))
	}
	return e
}

// refreshCol recomputes colMin[j] and colArg[j] from the arcs into j and
// puts j in the start heap with its current key (or takes it out).
func (e *globalSparse) refreshCol(j int32) {
	s := e.s
	best, arg := inf, int32(-1)
	for k := e.colStart[j]; k < e.colStart[j+1]; k++ {
		r := e.inRow[k]
		if s.freePos[r] < 0 {
			continue
		}
		if c := e.inCost[k]; c < best || (c == best && r < arg) {
			best, arg = c, r
		}
	}
	s.colMin[j], s.colArg[j] = best, arg
	e.rekey(j)
}

// rekey moves column j in the start heap to its current key.
func (e *globalSparse) rekey(j int32) {
	s := e.s
	if s.colArg[j] < 0 {
		e.src.remove(j)
		return
	}
	e.src.set(j, s.colMin[j]-s.v[j])
}

func (e *globalSparse) rowMatched(r int32) {
	s := e.s
	for k := e.rowStart[r]; k < e.rowStart[r+1]; k++ {
		if j := e.adjCol[k]; s.colArg[j] == r {
			e.refreshCol(j)
		}
	}
	for _, j := range s.doneCols {
		e.rekey(j)
	}
	for _, j := range e.popped {
		e.rekey(j)
	}
}

// touch records that column j's search state must be reset next time.
func (e *globalSparse) touch(j int32) {
	if e.s.d[j] == inf && !e.s.done[j] {
		e.touched = append(e.touched, j)
	}
}

func (e *globalSparse) search(limit int64) (int32, int64, bool) {
	s := e.s
	for _, j := range e.touched {
		s.d[j] = inf
		s.done[j] = false
	}
	e.touched = e.touched[:0]
	e.popped = e.popped[:0]
	e.work = e.work[:0]
	s.doneCols = s.doneCols[:0]
	for {
		for len(e.src.heap) > 0 && s.done[e.src.top()] {
			j := e.src.top()
			e.src.remove(j)
			e.popped = append(e.popped, j)
		}
		for len(e.work) > 0 && (s.done[e.work[0].j] || e.work[0].d != s.d[e.work[0].j]) {
			e.work.pop()
		}
		j, dj, fromSrc := int32(-1), inf, false
		if len(e.src.heap) > 0 {
			j = e.src.top()
			dj = e.src.key[j] - s.uFree
			fromSrc = true
		}
		if len(e.work) > 0 && (j < 0 || itemLess(e.work[0], distItem{dj, j})) {
			j, dj, fromSrc = e.work[0].j, e.work[0].d, false
		}
		if j < 0 || dj > limit {
			return -1, 0, false
		}
		if fromSrc {
			e.src.remove(j)
			e.popped = append(e.popped, j)
			if dj < s.d[j] {
				e.touch(j)
				s.d[j] = dj
				s.pred[j] = s.colArg[j]
			}
		} else {
			e.work.pop()
		}
		e.touch(j)
		s.done[j] = true
		if s.fill[j] < s.capa[j] {
			return j, dj, true
		}
		s.doneCols = append(s.doneCols, j)
		off := s.slotOff[j]
		for _, i := range s.slotRow[off : off+s.fill[j]] {
			base := dj - s.u[i]
			lo, hi := e.rowStart[i], e.rowStart[i+1]
			cols, costs := e.adjCol[lo:hi], e.adjCost[lo:hi]
			for k, j2 := range cols {
				if s.done[j2] {
					continue
				}
				if nd := base + costs[k] - s.v[j2]; nd < s.d[j2] {
					e.touch(j2)
					s.d[j2] = nd
					s.pred[j2] = i
					e.work.push(distItem{nd, j2})
				}
			}
		}
	}
}
