package flow

// skipCol stands for a row's own "unmatched" column in reduceRows.
const skipCol = -2

// reduceRows is the augmenting row reduction of Jonker-Volgenant (two
// passes), an auction that places most rows for one scan of their arcs
// each, before the shortest-path searches of phase 1. best2 returns the
// two cheapest columns of row i by reduced cost c - v (a1 <= a2; -1 and
// inf when missing). It makes at most bidsPerRow bids per row to place
// in all: bidding wars (prices far from equilibrium, as when many more
// rows than seats all want a seat) would take many tiny rises, and the
// rows left over go to the shortest-path searches, which settle them at
// once.
//
// A row takes its cheapest option j1 (reduced cost a1; its "unmatched"
// option costs 0 unless perfect). When j1 is full, the row evicts the
// holder h with the least slack and raises j1's price (lowers v[j1]) by
//
//	delta = min(a2 - a1, least slack of the other holders of j1),
//
// a2 being its second-cheapest option: the other holders' duals rise by
// delta so that they keep a zero reduced cost on j1, which their slack
// (gap to their next-best option, the "unmatched" one included) allows,
// and the new row's dual is a1 + delta, still its least reduced cost. The
// evicted row bids next (or in the next pass when delta = 0). Every move
// keeps the phase-1 invariants (see flow.go): prices only rise on full
// columns, reduced costs stay >= 0, a placed row's dual is <= 0. Slacks are
// tracked as lower bounds: they are set when a row is placed and lowered
// by each rise of its column; other prices only rise, which only widens
// them.
func reduceRows(s *State, perfect bool, bidsPerRow int, best2 func(i int32) (a1, a2 int64, j1, j2 int)) {
	var todo, later []int32
	for r := int32(0); int(r) < s.n; r++ {
		if s.freePos[r] >= 0 && !s.processed[r] {
			todo = append(todo, r)
		}
	}
	slack := make([]int64, s.n) // 0 for rows placed before: a safe bound
	budget := bidsPerRow * len(todo)
	for pass := 0; pass < 2; pass++ {
		later = later[:0]
		for k := 0; k < len(todo); {
			if budget--; budget < 0 {
				return
			}
			i := todo[k]
			k++
			a1, a2, j1, j2 := best2(i)
			if perfect {
				// no "unmatched" option
			} else if 0 < a1 {
				a2, j2, a1, j1 = a1, j1, 0, skipCol
			} else if 0 < a2 {
				a2, j2 = 0, skipCol
			}
			if j1 == -1 || (j2 == -1 && s.fill[j1] == s.capa[j1]) {
				continue // no arc, or no second option to price against
			}
			if a1 == a2 && j1 != skipCol && j2 != -1 && s.fill[j1] == s.capa[j1] {
				j1 = j2 // a tie: take the other one, it may be free
			}
			switch {
			case j1 == skipCol:
				s.processed[i] = true // best left unmatched, for good
			case s.fill[j1] < s.capa[j1]:
				s.processed[i] = true
				s.u[i] = a1
				slack[i] = a2 - a1
				s.place(i, int32(j1))
			default:
				s.processed[i] = true
				out, delta := raise(s, int32(j1), a2-a1, slack)
				s.u[i] = a1 + delta
				slack[i] = a2 - a1 - delta
				s.swapHolder(int32(j1), out, i)
				if delta > 0 {
					k--
					todo[k] = out // out bids at once
				} else {
					later = append(later, out)
				}
			}
		}
		todo, later = later, todo
	}
}

// raise picks the holder of the full column j with the least slack to
// be evicted and raises j's price by as much as the other holders' slacks
// allow, at most want; it returns the holder and the rise.
func raise(s *State, j int32, want int64, slack []int64) (int32, int64) {
	off := s.slotOff[j]
	rows := s.slotRow[off : off+s.fill[j]]
	out := rows[0]
	for _, h := range rows[1:] {
		if slack[h] < slack[out] || (slack[h] == slack[out] && h < out) {
			out = h
		}
	}
	delta := want
	for _, h := range rows {
		if h != out {
			delta = min(delta, slack[h])
		}
	}
	if delta > 0 {
		s.v[j] -= delta
		for _, h := range rows {
			if h != out {
				s.u[h] += delta
				slack[h] -= delta
			}
		}
	}
	return out, delta
}
