package rotation

import (
	"math/rand/v2"
	"time"
)

// golfParams tune the tabu search.
type golfParams struct {
	tenureMin, tenureMax int // a swap stays tabu for a random tenure in this range
	stall                int // iterations without a new best before a perturbation
	kick                 int // random swaps of a perturbation
}

// golfDefault was tuned on 32 players in groups of 4 over 8 and 9 rounds
// and on 18 players in groups of 3 over 8 rounds.
var golfDefault = golfParams{tenureMin: 5, tenureMax: 15, stall: 2000, kick: 4}

// pairTabuLimit bounds the memory of the per-swap tabu table (rounds x
// n x n entries); larger schedules make players tabu instead of swaps.
const pairTabuLimit = 1 << 22

// tabuIterations caps the tabu search: about 2e9 table reads, at least
// 2,000 and at most 200,000 iterations.
func tabuIterations(n, rounds int) int {
	return min(max(2_000_000_000/(rounds*n*n), 2_000), 200_000)
}

// conflictFloor is a lower bound on the repeated meetings of any
// schedule: a player who meets (size-1) others per round over R rounds
// needs that many distinct partners among those not met before; the search
// stops when it reaches the bound.
func conflictFloor(p *problem) int {
	smallest := p.sizes[len(p.sizes)-1]
	for _, s := range p.sizes {
		smallest = min(smallest, s)
	}
	past := make([]int, p.n)
	seen := map[[2]int]bool{}
	for _, h := range p.history {
		key := [2]int{min(h[0], h[1]), max(h[0], h[1])}
		if !seen[key] {
			seen[key] = true
			past[h[0]]++
			past[h[1]]++
		}
	}
	floor := 0
	for v := range p.n {
		floor += max(0, p.rounds*(smallest-1)-(p.n-1-past[v]))
	}
	return floor / 2
}

// tabu runs a tabu search over swaps (and moves between groups whose sizes
// differ by one) of players in conflict, after Dotu and Van Hentenryck:
// every iteration applies the best non-tabu move among all moves of a
// player who meets someone of its group more than once, ties broken at
// random; the swap just made stays tabu in its round for a random tenure
// (or, for large schedules, its players do); a tabu move is still taken if
// it gives a new best. After params.stall iterations without a new best the
// search returns to the best schedule and makes a few random swaps. It stops
// when conf reaches floor, after maxIter iterations or at the deadline, and
// leaves the best schedule found in s.
//
// It is long because it is the hot loop of the repair search: conflict
// selection, the best non-tabu swap, aspiration and restarts share local
// state and are kept inline for speed.
func (s *golf) tabu(rng *rand.Rand, maxIter int, deadline time.Time, floor int, params golfParams) {
	n := s.n
	R := len(s.of)
	// pairTabu[r][a*n+b] is the iteration until which swapping a and b in
	// round r is tabu; playerTabu[r][a] the one until which a may not move
	// (moves, and swaps when the pair table would be too large).
	var pairTabu [][]int32
	if R*n*n <= pairTabuLimit {
		pairTabu = make([][]int32, R)
		for r := range pairTabu {
			pairTabu[r] = make([]int32, n*n)
		}
	}
	playerTabu := make([][]int32, R)
	for r := range playerTabu {
		playerTabu[r] = make([]int32, n)
	}
	isTabu := func(r int, a, b int32, it int) bool {
		if b < 0 {
			return int(playerTabu[r][a]) > it
		}
		if pairTabu != nil {
			return int(pairTabu[r][int(a)*n+int(b)]) > it
		}
		return int(playerTabu[r][a]) > it || int(playerTabu[r][b]) > it
	}
	varSizes := false
	for _, sz := range s.sizes {
		varSizes = varSizes || sz != s.sizes[0]
	}
	best := s.conf
	bestSnap := s.snapshot()
	stall := 0
	type cand struct {
		r    int
		a, b int32 // b < 0: move a into group -b-1
	}
	var ties []cand
	for it := 0; it < maxIter && s.conf > floor; it++ {
		if it&15 == 0 && time.Now().After(deadline) {
			break
		}
		bestD := 1 << 30
		ties = ties[:0]
		consider := func(c cand, d int, tabu bool) {
			if d > bestD || (tabu && s.conf+d >= best) {
				return
			}
			if d < bestD {
				bestD = d
				ties = ties[:0]
			}
			ties = append(ties, c)
		}
		for r := range R {
			for a := int32(0); a < int32(n); a++ {
				if !s.inConflict(r, a) {
					continue
				}
				ga := s.of[r][a]
				for b := int32(0); b < int32(n); b++ {
					if s.of[r][b] != ga {
						consider(cand{r, a, b}, s.swapDelta(r, a, b), isTabu(r, a, b, it))
					}
				}
				if varSizes {
					for gb := range s.mem[r] {
						if len(s.mem[r][ga]) == len(s.mem[r][gb])+1 {
							consider(cand{r, a, int32(-gb - 1)}, s.moveDelta(r, a, int32(gb)), isTabu(r, a, -1, it))
						}
					}
				}
			}
		}
		if len(ties) > 0 {
			c := ties[rng.IntN(len(ties))]
			until := int32(it + params.tenureMin + rng.IntN(params.tenureMax-params.tenureMin+1))
			if c.b >= 0 {
				s.swap(c.r, c.a, c.b)
				if pairTabu != nil {
					pairTabu[c.r][int(c.a)*n+int(c.b)] = until
					pairTabu[c.r][int(c.b)*n+int(c.a)] = until
				} else {
					playerTabu[c.r][c.a], playerTabu[c.r][c.b] = until, until
				}
			} else {
				s.move(c.r, c.a, -c.b-1)
				playerTabu[c.r][c.a] = until
			}
		}
		if s.conf < best {
			best = s.conf
			bestSnap = s.snapshot()
			stall = 0
			continue
		}
		if stall++; stall >= params.stall {
			stall = 0
			s.restore(bestSnap)
			for range params.kick {
				r := rng.IntN(R)
				a, b := int32(rng.IntN(n)), int32(rng.IntN(n))
				if s.of[r][a] != s.of[r][b] {
					s.swap(r, a, b)
				}
			}
		}
	}
	if s.conf > best {
		s.restore(bestSnap)
	}
}
