package flow

// rowDense is the phase-1 engine for a dense cost matrix (row-major,
// n x m): Dijkstra from one row in O(m) per row scanned, as in scipy's
// linear_sum_assignment. Settle the column of least distance; if it has
// spare capacity the path ends there, else scan the rows it holds over all
// unsettled columns; stop early when some scanned row's "unmatched" column
// is nearer than every unsettled column.
type rowDense[T int32 | int64] struct {
	s    *State
	cost []T
	// perfect: every row and every column slot ends up matched (a complete
	// matrix whose rows exactly fill the capacities), so both sides are
	// equality constraints: the duals are free in sign, no row has an
	// "unmatched" option, and Jonker-Volgenant's column reduction applies.
	perfect bool
}

func (e *rowDense[T]) searchFrom(r int32) (int32, int32, int64) {
	s := e.s
	m := s.m
	d, pred, done, v := s.d[:m], s.pred[:m], s.done[:m], s.v[:m]
	s.doneCols = s.doneCols[:0]
	for j := range d {
		d[j] = inf
		done[j] = false
	}
	// The "unmatched" column of a row reached at distance x lies at
	// x - u[row]; for r that is -u[r] = 0.
	skipDist, skipRow := -s.u[r], r
	if e.perfect {
		skipDist = inf
	}
	best, bj := scanRow(e.cost[int(r)*m:int(r)*m+m], -s.u[r], r, v, d, pred, done)
	for {
		if bj < 0 || best > skipDist {
			return -1, skipRow, skipDist
		}
		j := bj
		if s.fill[j] < s.capa[j] {
			return int32(j), -1, best
		}
		done[j] = true
		s.doneCols = append(s.doneCols, int32(j))
		dj := best
		off := s.slotOff[j]
		for _, i := range s.slotRow[off : off+s.fill[j]] {
			base := dj - s.u[i]
			if base < skipDist && !e.perfect {
				skipDist, skipRow = base, i
			}
			row := e.cost[int(i)*m : int(i)*m+m]
			best, bj = scanRow(row, base, i, v, d, pred, done)
		}
	}
}

// reduceRows runs the augmenting row reduction (reduceRows) with one
// O(m) row scan per bid.
func (e *rowDense[T]) reduceRows(bidsPerRow int) {
	m := e.s.m
	v := e.s.v[:m]
	reduceRows(e.s, e.perfect, bidsPerRow, func(i int32) (a1, a2 int64, j1, j2 int) {
		a1, a2, j1, j2 = inf, inf, -1, -1
		for j, c := range e.cost[int(i)*m : int(i)*m+m] {
			if h := int64(c) - v[j]; h < a2 {
				if h < a1 {
					a2, j2, a1, j1 = a1, j1, h, j
				} else {
					a2, j2 = h, j
				}
			}
		}
		return a1, a2, j1, j2
	})
}

// reduceColumns is Jonker-Volgenant's column reduction and reduction
// transfer, for a perfect problem only (it gives columns that may end with
// spare capacity a nonzero dual). Every column's dual becomes its least
// cost, and the row of that cost, when still unmatched, takes the column
// (columns in decreasing order, as in JV). A row that was the cheapest of
// exactly one column then moves that column's dual down to its
// second-cheapest reduced cost, so that later bids start near equilibrium.
func (e *rowDense[T]) reduceColumns() {
	s := e.s
	m := s.m
	least := make([]int64, m)
	arg := make([]int32, m)
	for j := range least {
		least[j] = inf
	}
	for i := 0; i < s.n; i++ {
		for j, c := range e.cost[i*m : i*m+m] {
			if int64(c) < least[j] {
				least[j], arg[j] = int64(c), int32(i)
			}
		}
	}
	times := make([]int32, s.n) // columns whose cheapest row is i
	for j := m - 1; j >= 0; j-- {
		s.v[j] = least[j]
		i := arg[j]
		times[i]++
		if s.rowCol[i] < 0 {
			s.place(i, int32(j))
			s.u[i] = 0
			s.processed[i] = true
		}
	}
	for i := int32(0); int(i) < s.n; i++ {
		j1 := s.rowCol[i]
		if j1 < 0 || times[i] != 1 || s.fill[j1] != 1 {
			continue
		}
		second := inf
		for j, c := range e.cost[int(i)*m : int(i)*m+m] {
			if h := int64(c) - s.v[j]; int32(j) != j1 && h < second {
				second = h
			}
		}
		if second < inf {
			s.v[j1] -= second
			s.u[i] = second
		}
	}
}
