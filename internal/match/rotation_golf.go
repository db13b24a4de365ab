package match

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"time"
)

// rotGolf is a schedule of rounds of groups under local search that
// minimises repeated meetings (the social golfer problem). Meetings are
// counted in a dense n x n table, history pairs counting as one meeting.
type rotGolf struct {
	n      int
	rounds int
	sizes  []int       // group sizes, the same every round
	of     [][]int32   // of[r][p] = group of p in round r
	at     [][]int32   // at[r][p] = index of p in mem[r][of[r][p]]
	mem    [][][]int32 // mem[r][g] = members of group g in round r
	cnt    []uint16    // cnt[p*n+q] = meetings of p and q
	conf   int         // sum over pairs of max(0, cnt-1)
}

// rotNewGolf returns an empty schedule (no rounds placed yet) with the
// history counted.
func rotNewGolf(n, rounds int, sizes []int, history [][2]int) *rotGolf {
	s := &rotGolf{n: n, rounds: rounds, sizes: sizes, cnt: make([]uint16, n*n)}
	for _, h := range history {
		a, b := h[0], h[1]
		if s.cnt[a*n+b] == 0 {
			s.cnt[a*n+b], s.cnt[b*n+a] = 1, 1
		}
	}
	return s
}

// addRound appends a round given as groups (sizes must match s.sizes in
// some order) and counts its meetings.
func (s *rotGolf) addRound(groups [][]int32) {
	n := s.n
	of := make([]int32, n)
	at := make([]int32, n)
	mem := make([][]int32, len(groups))
	for g, m := range groups {
		mem[g] = slices.Clone(m)
		for i, p := range m {
			of[p], at[p] = int32(g), int32(i)
			for _, q := range m[:i] {
				s.meet(int(p), int(q), +1)
			}
		}
	}
	s.of = append(s.of, of)
	s.at = append(s.at, at)
	s.mem = append(s.mem, mem)
}

// meet adds d (+1 or -1) meetings to the pair (p, q) and keeps conf.
func (s *rotGolf) meet(p, q int, d int) {
	i, j := p*s.n+q, q*s.n+p
	if d > 0 {
		if s.cnt[i] >= 1 {
			s.conf++
		}
		s.cnt[i]++
		s.cnt[j]++
		return
	}
	if s.cnt[i] >= 2 {
		s.conf--
	}
	s.cnt[i]--
	s.cnt[j]--
}

// swapDelta is the change of conf if a and b (different groups of round r)
// traded places.
func (s *rotGolf) swapDelta(r int, a, b int32) int {
	n := int(s.n)
	ga, gb := s.of[r][a], s.of[r][b]
	ra, rb := s.cnt[int(a)*n:int(a)*n+n], s.cnt[int(b)*n:int(b)*n+n]
	d := 0
	for _, x := range s.mem[r][ga] {
		if x != a {
			if ra[x] >= 2 {
				d--
			}
			if rb[x] >= 1 {
				d++
			}
		}
	}
	for _, y := range s.mem[r][gb] {
		if y != b {
			if rb[y] >= 2 {
				d--
			}
			if ra[y] >= 1 {
				d++
			}
		}
	}
	return d
}

// swap trades the places of a and b in round r.
func (s *rotGolf) swap(r int, a, b int32) {
	ga, gb := s.of[r][a], s.of[r][b]
	for _, x := range s.mem[r][ga] {
		if x != a {
			s.meet(int(a), int(x), -1)
			s.meet(int(b), int(x), +1)
		}
	}
	for _, y := range s.mem[r][gb] {
		if y != b {
			s.meet(int(b), int(y), -1)
			s.meet(int(a), int(y), +1)
		}
	}
	s.mem[r][ga][s.at[r][a]], s.mem[r][gb][s.at[r][b]] = b, a
	s.at[r][a], s.at[r][b] = s.at[r][b], s.at[r][a]
	s.of[r][a], s.of[r][b] = gb, ga
}

// moveDelta is the change of conf if a left its group for group gb in round r.
func (s *rotGolf) moveDelta(r int, a int32, gb int32) int {
	n := s.n
	ra := s.cnt[int(a)*n : int(a)*n+n]
	d := 0
	for _, x := range s.mem[r][s.of[r][a]] {
		if x != a && ra[x] >= 2 {
			d--
		}
	}
	for _, y := range s.mem[r][gb] {
		if ra[y] >= 1 {
			d++
		}
	}
	return d
}

// move puts a into group gb in round r.
func (s *rotGolf) move(r int, a int32, gb int32) {
	ga := s.of[r][a]
	for _, x := range s.mem[r][ga] {
		if x != a {
			s.meet(int(a), int(x), -1)
		}
	}
	for _, y := range s.mem[r][gb] {
		s.meet(int(a), int(y), +1)
	}
	m := s.mem[r][ga]
	i := s.at[r][a]
	last := m[len(m)-1]
	m[i] = last
	s.at[r][last] = i
	s.mem[r][ga] = m[:len(m)-1]
	s.at[r][a] = int32(len(s.mem[r][gb]))
	s.mem[r][gb] = append(s.mem[r][gb], a)
	s.of[r][a] = gb
}

// inConflict reports whether p meets someone in its group of round r more
// than once overall.
func (s *rotGolf) inConflict(r int, p int32) bool {
	row := s.cnt[int(p)*s.n : int(p)*s.n+s.n]
	for _, x := range s.mem[r][s.of[r][p]] {
		if x != p && row[x] >= 2 {
			return true
		}
	}
	return false
}

// snapshot copies the group assignment of every round.
func (s *rotGolf) snapshot() [][]int32 {
	out := make([][]int32, len(s.of))
	for r := range s.of {
		out[r] = slices.Clone(s.of[r])
	}
	return out
}

// restore loads an assignment taken by snapshot and recounts meetings.
func (s *rotGolf) restore(snap [][]int32, history [][2]int) {
	clear(s.cnt)
	s.conf = 0
	n := s.n
	for _, h := range history {
		a, b := h[0], h[1]
		if s.cnt[a*n+b] == 0 {
			s.cnt[a*n+b], s.cnt[b*n+a] = 1, 1
		}
	}
	for r := range snap {
		copy(s.of[r], snap[r])
		for g := range s.mem[r] {
			s.mem[r][g] = s.mem[r][g][:0]
		}
		for p, g := range s.of[r] {
			s.at[r][p] = int32(len(s.mem[r][g]))
			s.mem[r][g] = append(s.mem[r][g], int32(p))
		}
		for _, m := range s.mem[r] {
			for i, p := range m {
				for _, q := range m[:i] {
					s.meet(int(p), int(q), +1)
				}
			}
		}
	}
}

// rotBits is a fixed-size bitset.
type rotBits []uint64

func rotNewBits(n int) rotBits { return make(rotBits, (n+63)/64) }

func (b rotBits) set(i int)      { b[i>>6] |= 1 << (i & 63) }
func (b rotBits) unset(i int)    { b[i>>6] &^= 1 << (i & 63) }
func (b rotBits) has(i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }

// rotFreeCount returns |free \ met| for bitsets of equal length.
func rotFreeCount(free, met rotBits) int {
	c := 0
	for i, w := range free {
		c += bits.OnesCount64(w &^ met[i])
	}
	return c
}

// greedyRound builds the next round from the meetings so far with the
// freedom heuristic of Triska and Musliu: each group is filled one member at
// a time with the unplaced player who has met nobody in the group yet and
// leaves the most unplaced players still compatible with the whole group
// (its freedom); a group starts with the most constrained unplaced player.
// Ties are broken at random. When nobody compatible is left, the player with
// the fewest meetings with the group is taken.
func (s *rotGolf) greedyRound(rng *rand.Rand) [][]int32 {
	n := s.n
	met := make([]rotBits, n)
	for p := range n {
		met[p] = rotNewBits(n)
		row := s.cnt[p*n : p*n+n]
		for q, c := range row {
			if c > 0 || q == p {
				met[p].set(q)
			}
		}
	}
	free := rotNewBits(n)
	for p := range n {
		free.set(p)
	}
	compat := rotNewBits(n) // free players compatible with the current group
	order := rng.Perm(n)
	groups := make([][]int32, len(s.sizes))
	for g, size := range s.sizes {
		// Start with the free player of least freedom.
		first, firstFree := -1, 0
		for _, p := range order {
			if !free.has(p) {
				continue
			}
			if f := rotFreeCount(free, met[p]); first < 0 || f < firstFree {
				first, firstFree = p, f
			}
		}
		group := []int32{int32(first)}
		free.unset(first)
		copy(compat, free)
		for i := range compat {
			compat[i] &^= met[first][i]
		}
		for len(group) < size {
			best, bestFree, bestConf := -1, -1, 0
			for _, p := range order {
				if !free.has(p) {
					continue
				}
				conf := 0
				if !compat.has(p) {
					for _, x := range group {
						if met[p].has(int(x)) {
							conf++
						}
					}
				}
				f := 0
				if conf == 0 {
					f = rotFreeCount(compat, met[p])
				}
				if best < 0 || conf < bestConf || (conf == bestConf && f > bestFree) {
					best, bestFree, bestConf = p, f, conf
				}
			}
			group = append(group, int32(best))
			free.unset(best)
			compat.unset(best)
			for i := range compat {
				compat[i] &^= met[best][i]
			}
		}
		groups[g] = group
	}
	return groups
}

// rotGolfParams tune the tabu search.
type rotGolfParams struct {
	tenureMin, tenureMax int
	stall                int // iterations without a new best before a perturbation
	kick                 int // random swaps of a perturbation
}

var rotGolfDefault = rotGolfParams{tenureMin: 4, tenureMax: 14, stall: 2000, kick: 4}

// tabu runs a tabu search over swaps (and moves between groups whose sizes
// differ by one) of players in conflict, in the style of Dotu and Van
// Hentenryck: each iteration applies the best non-tabu move among all moves
// of a player who meets someone in its group more than once; the players of
// an applied move become tabu in that round for a random tenure; a tabu move
// is still taken if it yields a new best. After params.stall iterations
// without a new best the search goes back to the best schedule and makes a
// few random swaps. It stops at zero conflicts, after maxIter iterations or
// at the deadline, and leaves the best schedule found in s.
func (s *rotGolf) tabu(rng *rand.Rand, maxIter int, deadline time.Time, history [][2]int, params rotGolfParams) int {
	n := s.n
	R := len(s.of)
	tabuUntil := make([][]int, R)
	for r := range tabuUntil {
		tabuUntil[r] = make([]int, n)
	}
	pairTabu := make([][]int32, R)
	for r := range pairTabu {
		pairTabu[r] = make([]int32, n*n)
	}
	varSizes := false
	for _, sz := range s.sizes {
		if sz != s.sizes[0] {
			varSizes = true
		}
	}
	best := s.conf
	bestSnap := s.snapshot()
	stall := 0
	type cand struct {
		r    int
		a, b int32 // b < 0: move a into group -b-1
	}
	var ties []cand
	it := 0
	for ; it < maxIter && s.conf > 0; it++ {
		if it&255 == 0 && time.Now().After(deadline) {
			break
		}
		bestD := 1 << 30
		ties = ties[:0]
		for r := range R {
			for a := int32(0); a < int32(n); a++ {
				if !s.inConflict(r, a) {
					continue
				}
				ga := s.of[r][a]
				aTabu := tabuUntil[r][a] > it
				for b := int32(0); b < int32(n); b++ {
					if s.of[r][b] == ga {
						continue
					}
					d := s.swapDelta(r, a, b)
					if d > bestD {
						continue
					}
					isTabu := aTabu || tabuUntil[r][b] > it
					if rotPairTabu {
						isTabu = int(pairTabu[r][int(a)*n+int(b)]) > it
					}
					if isTabu && s.conf+d >= best {
						continue
					}
					if d < bestD {
						bestD = d
						ties = ties[:0]
					}
					ties = append(ties, cand{r, a, b})
				}
				if varSizes {
					for gb := range s.mem[r] {
						if len(s.mem[r][ga]) != len(s.mem[r][gb])+1 {
							continue
						}
						d := s.moveDelta(r, a, int32(gb))
						if d > bestD || (aTabu && s.conf+d >= best) {
							continue
						}
						if d < bestD {
							bestD = d
							ties = ties[:0]
						}
						ties = append(ties, cand{r, a, int32(-gb - 1)})
					}
				}
			}
		}
		if len(ties) > 0 {
			c := ties[rng.IntN(len(ties))]
			tenure := params.tenureMin + rng.IntN(params.tenureMax-params.tenureMin+1)
			if c.b >= 0 {
				s.swap(c.r, c.a, c.b)
				pairTabu[c.r][int(c.a)*n+int(c.b)] = int32(it + tenure)
				pairTabu[c.r][int(c.b)*n+int(c.a)] = int32(it + tenure)
				tabuUntil[c.r][c.b] = it + tenure
			} else {
				s.move(c.r, c.a, -c.b-1)
			}
			tabuUntil[c.r][c.a] = it + tenure
		}
		if s.conf < best {
			best = s.conf
			bestSnap = s.snapshot()
			stall = 0
			continue
		}
		if stall++; stall >= params.stall {
			stall = 0
			s.restore(bestSnap, history)
			for range params.kick {
				r := rng.IntN(R)
				a := int32(rng.IntN(n))
				b := int32(rng.IntN(n))
				if s.of[r][a] != s.of[r][b] {
					s.swap(r, a, b)
				}
			}
		}
	}
	if s.conf > best {
		s.restore(bestSnap, history)
	}
	return it
}

var rotPairTabu = false
