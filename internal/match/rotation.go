package match

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// RotationOptions tune Rotation.
type RotationOptions struct {
	Size    int      // 2 for pairs, k for groups of k (k-1 or k+1 where n is not a multiple)
	Rounds  int      // R, at least 1
	History [][2]int // pairs that met before and should not meet again
	Seed    int64
	// Budget bounds the group search (0: 2 s); pairs need no search.
	Budget time.Duration
}

// RotationResult is a schedule of rounds.
type RotationResult struct {
	// Rounds[r] lists the groups of round r (pairs when Size is 2), each
	// sorted; with an odd number of people in pairs one person sits out.
	Rounds [][][]int
	// Repeats counts the unordered pairs that meet more than once, a
	// meeting in History counting as one.
	Repeats int
	// Total is the sum of the weights of the pairs that meet.
	Total float64
}

// ErrRotationInput reports input Rotation cannot use.
var ErrRotationInput = errors.New("match: rotation: bad input")

// Rotation schedules R rounds in which nobody meets the same person twice,
// as far as possible, also counting History as meetings.
//
// Pairs without history use the circle method, which gives n-1 rounds
// (n rounds for odd n, one sitting out each round) without a repeat; among
// a few seeded relabellings it keeps the one whose first R rounds have the
// largest total weight, and orders the rounds best first, so good pairs
// come early and later rounds stay possible. Pairs with history are
// matched round by round by maximum-cardinality, maximum-weight matching
// over the pairs that have not met; only when no partner is left is a
// repeat made. Groups are built by the freedom heuristic and improved by a
// tabu search on repeated pairs (the social golfer problem), aiming at
// floor((n-1)/(k-1)) rounds. Missing edges weigh 0.
func Rotation(n int, edges []Edge, opt RotationOptions) (RotationResult, error) {
	switch {
	case n < 0:
		return RotationResult{}, fmt.Errorf("%w: %d nodes", ErrRotationInput, n)
	case opt.Size < 2:
		return RotationResult{}, fmt.Errorf("%w: size %d, want at least 2", ErrRotationInput, opt.Size)
	case opt.Rounds < 1:
		return RotationResult{}, fmt.Errorf("%w: %d rounds, want at least 1", ErrRotationInput, opt.Rounds)
	}
	w := map[[2]int]float64{}
	for _, e := range edges {
		if e.U < 0 || e.V < 0 || e.U >= n || e.V >= n || e.U == e.V {
			return RotationResult{}, fmt.Errorf("%w: edge %d-%d outside 0..%d", ErrRotationInput, e.U, e.V, n-1)
		}
		k := rotKey(e.U, e.V)
		if old, ok := w[k]; !ok || e.W > old {
			w[k] = e.W
		}
	}
	for _, h := range opt.History {
		if h[0] < 0 || h[1] < 0 || h[0] >= n || h[1] >= n || h[0] == h[1] {
			return RotationResult{}, fmt.Errorf("%w: history pair %d-%d outside 0..%d", ErrRotationInput, h[0], h[1], n-1)
		}
	}
	var rounds [][][]int
	switch {
	case n < 2:
		rounds = make([][][]int, opt.Rounds)
	case opt.Size == 2 && len(opt.History) == 0:
		rounds = rotCircle(n, opt.Rounds, w, opt.Seed)
	case opt.Size == 2:
		var err error
		if rounds, err = rotGreedyPairs(n, opt.Rounds, w, opt.History); err != nil {
			return RotationResult{}, err
		}
	default:
		rounds = rotGroups(n, opt)
	}
	res := RotationResult{Rounds: rounds}
	met := map[[2]int]int{}
	for _, h := range opt.History {
		met[rotKey(h[0], h[1])] = 1
	}
	for _, round := range rounds {
		for _, g := range round {
			slices.Sort(g)
			for i := range g {
				for j := i + 1; j < len(g); j++ {
					k := rotKey(g[i], g[j])
					met[k]++
					res.Total += w[k]
				}
			}
		}
		slices.SortFunc(round, func(a, b []int) int { return a[0] - b[0] })
	}
	for _, c := range met {
		if c > 1 {
			res.Repeats++
		}
	}
	return res, nil
}

func rotKey(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

// rotCircle is the circle method: player 0 stays, the others turn one place
// each round. With odd n a dummy joins and its partner sits out. With
// weights, a few seeded relabellings are tried and the rounds are ordered
// by total weight, best first; only the rounds used are built.
func rotCircle(n, rounds int, w map[[2]int]float64, seed int64) [][][]int {
	m := n + n%2
	tries := 1
	if len(w) > 0 {
		tries = 8
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x726f74))
	// pair returns the i-th pair of round r under a labelling.
	pair := func(label []int, r, i int) (int, int) {
		at := func(slot int) int {
			if slot == 0 {
				return label[0]
			}
			return label[1+(slot-1+r)%(m-1)]
		}
		return at(i), at(m - 1 - i)
	}
	var bestLabel, bestOrder []int
	bestTotal := -1.0
	for try := 0; try < tries; try++ {
		label := make([]int, m)
		for i := range label {
			label[i] = i
		}
		if try > 0 {
			rng.Shuffle(m, func(i, j int) { label[i], label[j] = label[j], label[i] })
		}
		sums := make([]float64, m-1)
		if len(w) > 0 {
			for r := range sums {
				for i := 0; i < m/2; i++ {
					if a, b := pair(label, r, i); a < n && b < n {
						sums[r] += w[rotKey(a, b)]
					}
				}
			}
		}
		order := make([]int, m-1)
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			switch {
			case sums[a] > sums[b]:
				return -1
			case sums[a] < sums[b]:
				return 1
			}
			return 0
		})
		total := 0.0
		for r := 0; r < rounds; r++ {
			total += sums[order[r%(m-1)]]
		}
		if total > bestTotal {
			bestLabel, bestOrder, bestTotal = label, order, total
		}
	}
	sched := make([][][]int, rounds)
	for r := range sched {
		idx := bestOrder[r%(m-1)]
		flat := make([]int, 0, m)
		for i := 0; i < m/2; i++ {
			if a, b := pair(bestLabel, idx, i); a < n && b < n {
				flat = append(flat, a, b)
			}
		}
		for i := 0; i+1 < len(flat); i += 2 {
			sched[r] = append(sched[r], flat[i:i+2:i+2])
		}
	}
	return sched
}

func rotClone(round [][]int) [][]int {
	out := make([][]int, len(round))
	for i, g := range round {
		out[i] = slices.Clone(g)
	}
	return out
}

// rotGreedyPairs matches round by round over the pairs that have not met,
// most pairs first, then the best weights; people left without an unmet
// partner are paired with whom they met least.
func rotGreedyPairs(n, rounds int, w map[[2]int]float64, history [][2]int) ([][][]int, error) {
	met := map[[2]int]int{}
	for _, h := range history {
		met[rotKey(h[0], h[1])] = 1
	}
	out := make([][][]int, 0, rounds)
	for r := 0; r < rounds; r++ {
		var edges []Edge
		for a := 0; a < n; a++ {
			for b := a + 1; b < n; b++ {
				k := [2]int{a, b}
				if met[k] == 0 {
					edges = append(edges, Edge{U: a, V: b, W: w[k] + 1})
				}
			}
		}
		gr, err := General(n, edges, GeneralOptions{MaxCardinality: true})
		if err != nil {
			return nil, err
		}
		used := make([]bool, n)
		var round [][]int
		for _, e := range gr.Pairs {
			used[e.U], used[e.V] = true, true
			round = append(round, []int{e.U, e.V})
		}
		var left []int
		for p := range n {
			if !used[p] {
				left = append(left, p)
			}
		}
		for len(left) >= 2 {
			a, bi := left[0], 1
			for i := 2; i < len(left); i++ {
				if met[rotKey(a, left[i])] < met[rotKey(a, left[bi])] {
					bi = i
				}
			}
			round = append(round, []int{a, left[bi]})
			left = append(left[1:bi], left[bi+1:]...)
		}
		for _, g := range round {
			met[rotKey(g[0], g[1])]++
		}
		out = append(out, round)
	}
	return out, nil
}

// rotGroups schedules rounds of groups with the golfer search; it
// minimises repeats only (weights do not steer groups yet).
func rotGroups(n int, opt RotationOptions) [][][]int {
	sizes := grpSizes(n, opt.Size)
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), 0x676f6c66))
	s := rotNewGolf(n, opt.Rounds, sizes, opt.History)
	for range opt.Rounds {
		s.addRound(s.greedyRound(rng))
	}
	budget := opt.Budget
	if budget <= 0 {
		budget = 2 * time.Second
	}
	s.tabu(rng, 2_000_000, time.Now().Add(budget), opt.History, rotGolfDefault)
	out := make([][][]int, opt.Rounds)
	for r := range s.mem {
		for _, g := range s.mem[r] {
			grp := make([]int, len(g))
			for i, p := range g {
				grp[i] = int(p)
			}
			out[r] = append(out[r], grp)
		}
	}
	return out
}
