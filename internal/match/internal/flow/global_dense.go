package flow

// denseK is how many cheapest unmatched rows each column remembers, so
// that colMin survives rows getting matched without rescanning the column.
const denseK = 16

// globalDense is the global-search engine for a dense cost matrix (row-major,
// n x m). Its Dijkstra is the O(m)-per-row scan of rowDense, started from
// every unmatched row at once through colMin.
type globalDense[T int32 | int64] struct {
	s    *State
	cost []T

	// The cheapest unmatched rows of column j, by (cost, row), are
	// cand[j*K+candPos[j] : j*K+candLen[j]] (rows matched since the list was
	// built are skipped when met).
	cand    []int32
	candLen []uint8
	candPos []uint8
}

// newGlobalDense prepares the engine for the state left by the row-by-row
// phase: it builds the candidate lists of every column from the unmatched
// rows and the initial colMin.
func newGlobalDense[T int32 | int64](s *State, cost []T) *globalDense[T] {
	e := &globalDense[T]{
		s:       s,
		cost:    cost,
		cand:    make([]int32, s.m*denseK),
		candLen: make([]uint8, s.m),
		candPos: make([]uint8, s.m),
	}
	m := s.m
	worst := make([]T, m) // cost of the last candidate of a full list
	for _, r := range s.free {
		row := cost[int(r)*m : int(r)*m+m]
		for j, c := range row {
			if int(e.candLen[j]) == denseK && c >= worst[j] {
				continue
			}
			e.insertCand(j, r, c)
			if int(e.candLen[j]) == denseK {
				worst[j] = cost[int(e.cand[j*denseK+denseK-1])*m+j]
			}
		}
	}
	for j := 0; j < m; j++ {
		e.refreshCol(j)
	}
	return e
}

// insertCand puts row r of cost c into column j's sorted candidate list,
// dropping the last one when the list is full. Rows arrive in increasing
// order or are compared by index, so equal costs stay sorted by row.
func (e *globalDense[T]) insertCand(j int, r int32, c T) {
	m := e.s.m
	list := e.cand[j*denseK : j*denseK+denseK]
	n := int(e.candLen[j])
	p := n
	for p > 0 {
		q := list[p-1]
		cq := e.cost[int(q)*m+j]
		if cq < c || (cq == c && q < r) {
			break
		}
		p--
	}
	if p == denseK {
		return
	}
	if n == denseK {
		n--
	}
	copy(list[p+1:n+1], list[p:n])
	list[p] = r
	e.candLen[j] = uint8(n + 1)
}

// refreshCol sets colMin[j] and colArg[j] to the cheapest unmatched row of
// column j, rebuilding the candidate list from the unmatched rows when all
// its rows are matched.
func (e *globalDense[T]) refreshCol(j int) {
	s := e.s
	base := j * denseK
	pos, n := int(e.candPos[j]), int(e.candLen[j])
	for pos < n && s.freePos[e.cand[base+pos]] < 0 {
		pos++
	}
	if pos == n {
		e.candLen[j], pos, n = 0, 0, 0
		for _, r := range s.free {
			c := e.cost[int(r)*s.m+j]
			if n == denseK {
				q := e.cand[base+n-1]
				if cq := e.cost[int(q)*s.m+j]; c > cq || (c == cq && r > q) {
					continue
				}
			}
			e.insertCand(j, r, c)
			n = int(e.candLen[j])
		}
	}
	e.candPos[j] = uint8(pos)
	if pos == n {
		s.colArg[j] = -1
		s.colMin[j] = inf
		return
	}
	r := e.cand[base+pos]
	s.colArg[j] = r
	s.colMin[j] = int64(e.cost[int(r)*s.m+j])
}

func (e *globalDense[T]) rowMatched(r int32) {
	s := e.s
	for j, a := range s.colArg {
		if a == r {
			e.refreshCol(j)
		}
	}
}

func (e *globalDense[T]) search(limit int64) (int32, int64, bool) {
	s := e.s
	m := s.m
	d, pred, done := s.d[:m], s.pred[:m], s.done[:m]
	colMin, colArg, v := s.colMin[:m], s.colArg[:m], s.v[:m]
	s.doneCols = s.doneCols[:0]
	best, bj := inf, -1
	for j := range d {
		done[j] = false
		pred[j] = colArg[j]
		x := inf
		if colArg[j] >= 0 {
			x = colMin[j] - s.uFree - v[j]
		}
		d[j] = x
		if x < best {
			best, bj = x, j
		}
	}
	for {
		if bj < 0 || best > limit {
			return -1, 0, false
		}
		j := bj
		if s.fill[j] < s.capa[j] {
			return int32(j), best, true
		}
		done[j] = true
		s.doneCols = append(s.doneCols, int32(j))
		dj := best
		off := s.slotOff[j]
		for _, i := range s.slotRow[off : off+s.fill[j]] {
			row := e.cost[int(i)*m : int(i)*m+m]
			best, bj = scanRow(row, dj-s.u[i], i, v, d, pred, done)
		}
	}
}

// scanRow relaxes the arcs of row i, reached at reduced distance base +
// u[i], into every unsettled column, and returns the least tentative
// distance over the unsettled columns and its column (-1 when none).
func scanRow[T int32 | int64](row []T, base int64, i int32, v, d []int64, pred []int32, done []bool) (int64, int) {
	best, bj := inf, -1
	n := len(row)
	v, d, pred, done = v[:n], d[:n], pred[:n], done[:n]
	for j, c := range row {
		if done[j] {
			continue
		}
		r := base + int64(c) - v[j]
		dj := d[j]
		if r < dj {
			d[j] = r
			pred[j] = i
			dj = r
		}
		if dj < best {
			best, bj = dj, j
		}
	}
	return best, bj
}
