package rotation

import (
	"math/bits"
	"math/rand/v2"
	"slices"
)

// denseLimit is the largest node count for which Schedule keeps a dense
// table of meeting counts (8 MiB at the limit) and runs the local search.
const denseLimit = 2048

func dense(n int) bool { return n <= denseLimit }

// golf is a schedule of rounds of groups under local search that
// minimises repeated meetings (the social golfer problem). Meetings are
// counted in a dense n x n table, a history pair counting as one meeting.
type golf struct {
	n       int
	sizes   []int       // group sizes, the same every round
	history [][2]int    // pairs that met before the first round
	of      [][]int32   // of[r][p] = group of p in round r
	at      [][]int32   // at[r][p] = index of p in mem[r][of[r][p]]
	mem     [][][]int32 // mem[r][g] = members of group g in round r
	cnt     []uint16    // cnt[p*n+q] = meetings of p and q
	conf    int         // repeated meetings: sum over pairs of max(0, cnt-1)
}

// newGolf returns a schedule without rounds, the history counted.
func newGolf(n int, sizes []int, history [][2]int) *golf {
	s := &golf{n: n, sizes: sizes, history: history, cnt: make([]uint16, n*n)}
	s.countHistory()
	return s
}

func (s *golf) countHistory() {
	n := s.n
	for _, h := range s.history {
		a, b := h[0], h[1]
		if s.cnt[a*n+b] == 0 {
			s.cnt[a*n+b], s.cnt[b*n+a] = 1, 1
		}
	}
}

// addRound appends a round given as groups and counts its meetings.
func (s *golf) addRound(groups [][]int32) {
	of := make([]int32, s.n)
	at := make([]int32, s.n)
	mem := make([][]int32, len(groups))
	for g, m := range groups {
		mem[g] = slices.Clone(m)
		for i, p := range m {
			of[p], at[p] = int32(g), int32(i)
			for _, q := range m[:i] {
				s.meet(p, q, +1)
			}
		}
	}
	s.of = append(s.of, of)
	s.at = append(s.at, at)
	s.mem = append(s.mem, mem)
}

// groups returns a copy of the schedule as groups per round.
func (s *golf) groups() [][][]int32 {
	out := make([][][]int32, len(s.mem))
	for r, round := range s.mem {
		for _, m := range round {
			out[r] = append(out[r], slices.Clone(m))
		}
	}
	return out
}

// meet adds d (+1 or -1) meetings to the pair (p, q), keeping conf.
func (s *golf) meet(p, q int32, d int) {
	i, j := int(p)*s.n+int(q), int(q)*s.n+int(p)
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

// row returns p's meeting counts.
func (s *golf) row(p int32) []uint16 {
	return s.cnt[int(p)*s.n : int(p)*s.n+s.n]
}

// swapDelta is the change of conf if a and b (in different groups of round
// r) traded places.
func (s *golf) swapDelta(r int, a, b int32) int {
	ra, rb := s.row(a), s.row(b)
	d := 0
	for _, x := range s.mem[r][s.of[r][a]] {
		if x != a {
			if ra[x] >= 2 {
				d--
			}
			if rb[x] >= 1 {
				d++
			}
		}
	}
	for _, y := range s.mem[r][s.of[r][b]] {
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
func (s *golf) swap(r int, a, b int32) {
	ga, gb := s.of[r][a], s.of[r][b]
	for _, x := range s.mem[r][ga] {
		if x != a {
			s.meet(a, x, -1)
			s.meet(b, x, +1)
		}
	}
	for _, y := range s.mem[r][gb] {
		if y != b {
			s.meet(b, y, -1)
			s.meet(a, y, +1)
		}
	}
	s.mem[r][ga][s.at[r][a]], s.mem[r][gb][s.at[r][b]] = b, a
	s.at[r][a], s.at[r][b] = s.at[r][b], s.at[r][a]
	s.of[r][a], s.of[r][b] = gb, ga
}

// moveDelta is the change of conf if a left its group for group gb in
// round r.
func (s *golf) moveDelta(r int, a int32, gb int32) int {
	ra := s.row(a)
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
func (s *golf) move(r int, a int32, gb int32) {
	ga := s.of[r][a]
	for _, x := range s.mem[r][ga] {
		if x != a {
			s.meet(a, x, -1)
		}
	}
	for _, y := range s.mem[r][gb] {
		s.meet(a, y, +1)
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

// inConflict reports whether p meets someone of its group in round r more
// than once in all.
func (s *golf) inConflict(r int, p int32) bool {
	row := s.row(p)
	for _, x := range s.mem[r][s.of[r][p]] {
		if x != p && row[x] >= 2 {
			return true
		}
	}
	return false
}

// snapshot copies the group of every player in every round.
func (s *golf) snapshot() [][]int32 {
	out := make([][]int32, len(s.of))
	for r := range s.of {
		out[r] = slices.Clone(s.of[r])
	}
	return out
}

// restore loads a snapshot and recounts the meetings.
func (s *golf) restore(snap [][]int32) {
	clear(s.cnt)
	s.conf = 0
	s.countHistory()
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
					s.meet(p, q, +1)
				}
			}
		}
	}
}

// bitSet is a fixed-size bitset.
type bitSet []uint64

func newBitSet(n int) bitSet { return make(bitSet, (n+63)/64) }

func (b bitSet) set(i int)      { b[i>>6] |= 1 << (i & 63) }
func (b bitSet) unset(i int)    { b[i>>6] &^= 1 << (i & 63) }
func (b bitSet) has(i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }

// andNotCount returns |b \ c|.
func (b bitSet) andNotCount(c bitSet) int {
	n := 0
	for i, w := range b {
		n += bits.OnesCount64(w &^ c[i])
	}
	return n
}

// freedomLimit is the largest n for which greedyRound uses the freedom
// heuristic (O(n^3/64) per round); larger schedules take the first
// compatible player.
const freedomLimit = 256

// greedyRound builds the next round from the meetings so far. Up to
// freedomLimit players it uses the freedom heuristic of Triska and
// Musliu: a group starts with the most constrained unplaced player, then
// repeatedly takes the unplaced player who has met nobody in the group and
// leaves the most unplaced players compatible with the whole group. Beyond
// that it takes the first compatible player in a random order. When nobody
// compatible is left, the player with the fewest meetings with the group is
// taken. Ties are broken by a random order.
func (s *golf) greedyRound(rng *rand.Rand) [][]int32 {
	n := s.n
	met := make([]bitSet, n) // met[p] holds p and everyone p has met
	for p := range n {
		met[p] = newBitSet(n)
		for q, c := range s.row(int32(p)) {
			if c > 0 || q == p {
				met[p].set(q)
			}
		}
	}
	free := newBitSet(n)
	for p := range n {
		free.set(p)
	}
	compat := newBitSet(n) // free players who met nobody in the group
	order := rng.Perm(n)
	freedom := n <= freedomLimit
	groups := make([][]int32, len(s.sizes))
	for g, size := range s.sizes {
		first, firstFree := -1, 0
		for _, p := range order {
			if !free.has(p) {
				continue
			}
			if !freedom {
				first = p
				break
			}
			if f := free.andNotCount(met[p]); first < 0 || f < firstFree {
				first, firstFree = p, f
			}
		}
		group := []int32{int32(first)}
		free.unset(first)
		for i := range compat {
			compat[i] = free[i] &^ met[first][i]
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
					if !freedom {
						best, bestConf = p, 0
						break
					}
					f = compat.andNotCount(met[p])
				}
				if best < 0 || conf < bestConf || (conf == bestConf && f > bestFree) {
					best, bestFree, bestConf = p, f, conf
				}
			}
			group = append(group, int32(best))
			free.unset(best)
			for i := range compat {
				compat[i] &^= met[best][i]
			}
			compat.unset(best)
		}
		groups[g] = group
	}
	return groups
}
