package flow

// This file holds the state and the two drivers of the min-cost-flow
// solver behind bipartite.Match.
//
// The problem: rows (left nodes, demand at most 1) and columns (right
// nodes, capacity capa[j] >= 1), arc costs a(i,j) = -(scaled weight).
// Dual values u (rows) and v (columns) keep every reduced cost
// a(i,j) - u[i] - v[j] >= 0 and matched arcs at 0, in int64.
//
// Phase 1 (runRows, engines rowDense / rowSparse) is the shortest
// augmenting path method of Jonker-Volgenant and scipy's
// linear_sum_assignment, row by row, on the assignment problem where every
// row also has a private "stay unmatched" column of cost 0. Each row in
// turn gets the cheapest alternating path to a column with spare capacity
// or to some row's "unmatched" column (that row then drops out). This is
// exact for that assignment problem, so at the end the matching has
// maximum weight (a row left unmatched is never reconsidered: more rows
// only mean more competition). Invariants: an unprocessed or unmatched row
// has u = 0, a matched one u <= 0 (its "unmatched" arc has reduced cost
// -u >= 0), a column with spare capacity has v = 0, a full one v <= 0.
// Before the searches, reduceRows (JV's augmenting row reduction, an
// auction) places most rows for one scan each, keeping these invariants.
// When every row and every seat must end up matched ("perfect", see
// Problem.Perfect) both sides are equality constraints: the duals are
// free in sign, rows get no "unmatched" column, and rowDense also runs
// JV's column reduction first. With MaxCardinality the weights arrive
// shifted up (bipartite's input.setRange) so that phase 1 already takes nearly every
// augmenting path.
//
// Phase 2 (run, engines globalDense / globalSparse) continues with successive
// shortest paths from ALL unmatched rows at once (a super source) to any
// column with spare capacity (a super sink). The phase-1 matching is a
// minimum-cost flow of its value with the duals above (unmatched rows share
// u = uFree = 0), so after every further augmentation the matching is a
// minimum-cost one among those of its size, and path costs never
// decrease. That gives every objective:
//
//   - maximum weight, then most pairs: take further paths while their cost
//     is <= 0 (zero-cost paths add pairs without losing weight);
//   - maximum cardinality, then weight: take paths while any exists;
//   - at least k pairs, then weight: take paths while fewer than k pairs,
//     then while their cost is <= 0.
//
// In phase 2 unmatched rows keep one shared dual uFree (they are all
// sources at distance 0, so they all shift alike), so the distance from the
// super source to column j through unmatched row i is a(i,j) - uFree -
// v[j], and the Dijkstra start values come from colMin[j], the least cost
// into j from an unmatched row, kept up to date as rows get matched
// (unmatched rows never come back in phase 2). The real cost of a path is
// its reduced length plus uFree, and uFree equals the cost of the last
// path, so every dual stays within a few (n+m)*maxCost (see checkRange).

// inf marks an unreached column; every real distance is far below it.
const inf = int64(1) << 62

// Mode says when phase 2 stops augmenting.
type Mode struct {
	MaxCard bool // augment while any path exists
	MinCard int  // augment while fewer pairs than this, whatever the cost
	// costCap: a path whose real cost reaches it uses a missing arc of a
	// dense matrix (see Problem.big) and is never taken.
	costCap int64
}

// State is the assignment, the duals and the search workspace shared by
// the engines.
type State struct {
	n, m int
	capa []int32 // capacity of each column, >= 1

	// Rows of column j occupy slotRow[slotOff[j] : slotOff[j]+fill[j]].
	slotOff []int32
	fill    []int32
	slotRow []int32
	rowCol  []int32 // column of a matched row, -1 when unmatched
	rowSlot []int32
	card    int

	u     []int64 // dual of a matched (or, in phase 1, any) row
	v     []int64 // dual of a column
	uFree int64   // phase 2: dual shared by every unmatched row

	free      []int32 // the unmatched rows that have an arc
	freePos   []int32 // position of a row in free, -1 when absent
	processed []bool  // phase 1: the row got its place (matched or left out for good)

	colMin []int64 // phase 2: least cost into a column from an unmatched row
	colArg []int32 // that row (smallest index among equal), -1 when none

	// Search workspace: tentative distances, the row a column was reached
	// from, the settled columns in order.
	d        []int64
	pred     []int32
	done     []bool
	doneCols []int32
}

// Card returns the number of matched rows.
func (s *State) Card() int { return s.card }

// RowCol returns the column of every row, -1 for an unmatched one. The
// slice is the state's own; callers only read it.
func (s *State) RowCol() []int32 { return s.rowCol }

// rowEngine is a phase-1 search strategy over an State.
type rowEngine interface {
	// searchFrom runs Dijkstra from the unmatched row r (at distance 0,
	// its arcs at reduced cost a - u[r] - v). It returns the first column
	// with spare capacity it settles, or -1 and the row whose "unmatched"
	// column is nearer (r itself when r had best stay unmatched), and the
	// distance of that end. It fills d, pred and doneCols.
	searchFrom(r int32) (end, skipRow int32, dist int64)
}

// globalEngine is a phase-2 search strategy over an State.
type globalEngine interface {
	// search runs Dijkstra from all unmatched rows and returns the first
	// column with spare capacity it settles and that column's reduced
	// distance, or ok=false when no column with spare capacity lies within
	// reduced distance limit. It fills d, pred and doneCols.
	search(limit int64) (end int32, dist int64, ok bool)
	// rowMatched updates colMin/colArg (and any index of them) after row r
	// left the unmatched set and after the duals changed.
	rowMatched(r int32)
}

// newState returns the state of an empty assignment. hasArc tells which
// rows have at least one arc; the others never enter the free list.
func newState(n, m int, capa []int32, hasArc []bool) *State {
	s := &State{
		n: n, m: m, capa: capa,
		slotOff:   make([]int32, m+1),
		fill:      make([]int32, m),
		rowCol:    make([]int32, n),
		rowSlot:   make([]int32, n),
		u:         make([]int64, n),
		v:         make([]int64, m),
		freePos:   make([]int32, n),
		processed: make([]bool, n),
		colMin:    make([]int64, m),
		colArg:    make([]int32, m),
		d:         make([]int64, m),
		pred:      make([]int32, m),
		done:      make([]bool, m),
	}
	for j := 0; j < m; j++ {
		s.slotOff[j+1] = s.slotOff[j] + capa[j]
	}
	s.slotRow = make([]int32, s.slotOff[m])
	for i := 0; i < n; i++ {
		s.rowCol[i] = -1
		s.freePos[i] = -1
		if hasArc[i] {
			s.addFree(int32(i))
		}
	}
	return s
}

// runRows is phase 1: every row with an arc, in order, gets its shortest
// augmenting path or stays unmatched.
func (s *State) runRows(e rowEngine) {
	for r := int32(0); int(r) < s.n; r++ {
		if s.freePos[r] < 0 || s.processed[r] {
			continue
		}
		s.processed[r] = true
		end, skipRow, dist := e.searchFrom(r)
		if dist >= inf {
			continue // no path and no "unmatched" option (not for perfect problems)
		}
		s.u[r] += dist
		s.shiftDuals(dist)
		switch {
		case end >= 0:
			s.augment(end)
			s.dropFree(r)
		case skipRow != r:
			s.augmentSkip(skipRow)
			s.dropFree(r)
			s.addFree(skipRow)
		}
	}
}

// run is phase 2: it augments along shortest paths from all unmatched rows
// until mode says stop.
func (s *State) run(e globalEngine, mode Mode) {
	for len(s.free) > 0 {
		// The real cost of a path is its reduced length plus uFree.
		limit := mode.costCap - 1 - s.uFree
		if !mode.MaxCard && s.card >= mode.MinCard {
			limit = min(limit, -s.uFree)
		}
		end, dist, ok := e.search(limit)
		if !ok {
			return
		}
		s.shiftDuals(dist)
		s.uFree += dist
		root := s.augment(end)
		s.dropFree(root)
		s.u[root] = s.uFree
		e.rowMatched(root)
	}
}

// shiftDuals lowers the duals of the columns settled before the path end
// (and raises those of their rows) so that reduced costs stay >= 0 and the
// new path is tight; dist is the reduced length of the path.
func (s *State) shiftDuals(dist int64) {
	for _, j := range s.doneCols {
		delta := dist - s.d[j]
		if delta == 0 {
			continue
		}
		s.v[j] -= delta
		off := s.slotOff[j]
		for _, i := range s.slotRow[off : off+s.fill[j]] {
			s.u[i] += delta
		}
	}
}

// augment flips the path that ends in column end and returns the unmatched
// row it started from, now matched. Every column on the path keeps its
// fill except end, which gains one row.
func (s *State) augment(end int32) int32 {
	j := end
	slot := s.slotOff[j] + s.fill[j]
	s.fill[j]++
	s.card++
	i := s.pred[j]
	for {
		prevCol, prevSlot := s.rowCol[i], s.rowSlot[i]
		s.slotRow[slot] = i
		s.rowCol[i] = j
		s.rowSlot[i] = slot
		if prevCol < 0 {
			return i
		}
		j, slot = prevCol, prevSlot
		i = s.pred[j]
	}
}

// augmentSkip flips the path that ends with row out leaving its column:
// every row on the path moves one column along it, the root gets matched
// and out becomes unmatched; the number of pairs does not change.
func (s *State) augmentSkip(out int32) {
	j, slot := s.rowCol[out], s.rowSlot[out]
	s.rowCol[out] = -1
	for {
		i := s.pred[j]
		prevCol, prevSlot := s.rowCol[i], s.rowSlot[i]
		s.slotRow[slot] = i
		s.rowCol[i] = j
		s.rowSlot[i] = slot
		if prevCol < 0 {
			return
		}
		j, slot = prevCol, prevSlot
	}
}

// addFree puts row r in the unmatched list.
func (s *State) addFree(r int32) {
	s.freePos[r] = int32(len(s.free))
	s.free = append(s.free, r)
}

// dropFree removes row r from the unmatched list.
func (s *State) dropFree(r int32) {
	p := s.freePos[r]
	last := s.free[len(s.free)-1]
	s.free[p] = last
	s.freePos[last] = p
	s.free = s.free[:len(s.free)-1]
	s.freePos[r] = -1
}

// place matches the unmatched row i to column j, which has spare capacity.
func (s *State) place(i, j int32) {
	slot := s.slotOff[j] + s.fill[j]
	s.fill[j]++
	s.card++
	s.slotRow[slot] = i
	s.rowCol[i] = j
	s.rowSlot[i] = slot
	s.dropFree(i)
}

// swapHolder gives the slot of row out in column j to the unmatched row
// in; out becomes unmatched and unprocessed, with dual 0.
func (s *State) swapHolder(j, out, in int32) {
	slot := s.rowSlot[out]
	s.slotRow[slot] = in
	s.rowCol[in] = j
	s.rowSlot[in] = slot
	s.dropFree(in)
	s.rowCol[out] = -1
	s.u[out] = 0
	s.processed[out] = false
	s.addFree(out)
}
