package rotation

import (
	"cmp"
	"errors"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/groups"
	"github.com/mentormesh/mentormesh/internal/match/internal/adjacency"
)

// Options configures Schedule.
type Options struct {
	// Size is the group size: 2 for pairs, k (up to 50) for groups. When k
	// does not divide n the rounds use the sizes documented on groups.Partition; for
	// pairs with odd n one node sits each round out.
	Size int
	// Rounds is the number of rounds R to schedule, at least 1.
	Rounds int
	// History lists pairs that met before and should not meet again; each
	// counts as one earlier meeting. Repeated entries count once.
	History [][2]int
	// Seed makes the schedule reproducible: the same input, seed and budget
	// give the same schedule unless the budget cuts the search short.
	Seed int64
	// Budget caps the wall-clock time of the local search (added field: the
	// search for repeat-free group schedules needs a cap). 0 means 2 s plus
	// 1 ms per node. The search normally stops earlier, after a number of
	// steps fixed by the input, or as soon as it cannot improve.
	Budget time.Duration
}

// Result is a schedule of rounds.
type Result struct {
	// Rounds[r] lists the groups of round r (pairs when Size is 2); each
	// group is sorted and the groups are sorted by their first member. Every
	// node is in exactly one group per round, except a node sitting the
	// round out (pairs with odd n), which is in none.
	Rounds [][][]int
	// Repeats is the number of unordered pairs that meet more than once,
	// counting a History entry as a meeting before the first round.
	Repeats int
	// Total is the sum of W over every meeting of a pair in the schedule (a
	// pair meeting twice counts twice).
	Total float64
}

// ErrInput is wrapped by every error Schedule returns for input it
// cannot use.
var ErrInput = errors.New("match: rotation: bad input")

// defaultBudget is the default search budget for n nodes.
func defaultBudget(n int) time.Duration {
	return 2*time.Second + time.Duration(n)*time.Millisecond
}

// Schedule plans opt.Rounds rounds in which the nodes 0..n-1 meet in
// pairs or groups, so that no pair meets twice (History counting as a
// meeting) and, among such schedules, the total weight of the meetings is
// high. A pair without an edge has weight 0.
//
// Pairs: without weights or history the circle (round-robin) method gives
// n-1 rounds without a repeat for even n and n rounds for odd n (one node
// sits out each round); the node labels are shuffled by the seed. With
// weights or history the labels of the circle method are chosen by local
// search (fewest history pairs, then most weight, over the rounds used), and
// the schedule is then repaired and improved as for groups.
//
// Groups: when n = k^d for a prime power k the rounds start from the
// parallel classes of the affine geometry AG(d, k), which reach the social
// golfer bound without a repeat; otherwise each round is built greedily with
// the freedom heuristic of Triska and Musliu (place players who can still
// meet the most others). Then a
// tabu search over swaps of players in conflict (Dotu and Van Hentenryck)
// removes repeated meetings, and a last phase improves the weight with swaps
// that add no repeated meeting. The social golfer bound ⌊(n-1)/(k-1)⌋ limits
// the rounds possible without repeats; tight instances near it (such as 32
// players in groups of 4 over 10 rounds) are beyond this search, which then
// returns its fewest repeats. With weights the rounds come best first.
//
// Beyond 2048 nodes a dense meeting table would be too large: pairs then keep
// the relabelled circle method without the later phases, and groups (other
// than affine geometries) are built by a randomised greedy that avoids
// earlier pairs but ignores weights.
//
// When no repeat-free schedule is found the search minimises the number of
// repeated meetings (each meeting of a pair beyond its first) and Repeats
// reports the pairs concerned; rounds beyond what the circle method allows
// repeat its rounds in order. Repeats and Total are recounted from the
// returned schedule. Parallel edges keep the largest weight. Schedule
// returns an error wrapping ErrInput when Size is outside 2..50, n
// is negative, Rounds is below 1, the budget is negative, or an edge or
// History entry is invalid (out of range, self-pair, non-finite weight).
func Schedule(n int, edges []graph.Edge, opt Options) (Result, error) {
	switch {
	case opt.Size < 2 || opt.Size > 50:
		return Result{}, fmt.Errorf("%w: size %d is outside 2..50", ErrInput, opt.Size)
	case n < 0:
		return Result{}, fmt.Errorf("%w: %d nodes", ErrInput, n)
	case opt.Rounds < 1:
		return Result{}, fmt.Errorf("%w: %d rounds, want at least 1", ErrInput, opt.Rounds)
	case opt.Budget < 0:
		return Result{}, fmt.Errorf("%w: negative budget", ErrInput)
	}
	g, err := adjacency.New(n, edges)
	if err != nil {
		return Result{}, fmt.Errorf("%w: %w", ErrInput, err)
	}
	for i, h := range opt.History {
		if h[0] < 0 || h[0] >= n || h[1] < 0 || h[1] >= n || h[0] == h[1] {
			return Result{}, fmt.Errorf("%w: history entry %d (%d, %d) is not a pair of nodes in 0..%d", ErrInput, i, h[0], h[1], n-1)
		}
	}
	if n < 2 {
		return Result{Rounds: make([][][]int, opt.Rounds)}, nil
	}
	budget := opt.Budget
	if budget == 0 {
		budget = defaultBudget(n)
	}
	p := &problem{
		n:        n,
		k:        opt.Size,
		rounds:   opt.Rounds,
		g:        g,
		history:  opt.History,
		weighted: len(edges) > 0,
		sizes:    groups.Sizes(n, opt.Size),
		rng:      rand.New(rand.NewPCG(uint64(opt.Seed), 0x5eed)),
		deadline: time.Now().Add(budget),
	}
	sched := p.solve()
	if p.weighted {
		bestFirst(g, sched)
	}
	return result(g, opt.History, sched), nil
}

// problem holds one Schedule call.
type problem struct {
	n, k, rounds int
	g            *adjacency.Graph
	history      [][2]int
	weighted     bool
	sizes        []int // group sizes of every round
	rng          *rand.Rand
	deadline     time.Time
}

// solve returns the schedule as groups per round.
func (p *problem) solve() [][][]int32 {
	var sched [][][]int32
	switch {
	case p.k == 2 && len(p.history) == 0 && !p.weighted:
		return circle(p.n, p.rounds, p.rng.Perm(p.n))
	case p.k == 2:
		sched = circle(p.n, p.rounds, relabel(p))
	default:
		sched = affine(p.n, p.k, p.rounds, p.rng) // nil unless n = k^d
	}
	if !dense(p.n) {
		if len(sched) < p.rounds {
			sched = append(sched, greedyLarge(p, sched)...)
		}
		return sched
	}
	s := newGolf(p.n, p.sizes, p.history)
	for _, round := range sched {
		s.addRound(round)
	}
	for len(s.of) < p.rounds {
		s.addRound(s.greedyRound(p.rng))
	}
	if s.conf > 0 {
		s.tabu(p.rng, tabuIterations(p.n, p.rounds), p.deadline, conflictFloor(p), golfDefault)
	}
	// With pairs and at least N-1 rounds every pair meets anyway: swaps can
	// only add repeats, so the weight phase is skipped.
	full := p.k == 2 && p.rounds >= p.n+p.n%2-1
	if p.weighted && !full {
		s.improveWeight(p.g, p.rng, p.deadline)
	}
	return s.groups()
}

// bestFirst orders the rounds by their total weight, best first (stable),
// so that a schedule played in order gives the good meetings early; the
// order does not change which pairs meet or how often.
func bestFirst(g *adjacency.Graph, sched [][][]int32) {
	weight := func(round [][]int32) float64 {
		w := 0.0
		for _, grp := range round {
			for i, a := range grp {
				for _, b := range grp[:i] {
					w += g.Weight(int(a), int(b))
				}
			}
		}
		return w
	}
	type scored struct {
		round [][]int32
		w     float64
	}
	all := make([]scored, len(sched))
	for r, round := range sched {
		all[r] = scored{round, weight(round)}
	}
	slices.SortStableFunc(all, func(a, b scored) int { return cmp.Compare(b.w, a.w) })
	for r := range sched {
		sched[r] = all[r].round
	}
}

// result sorts the schedule for output and recounts Repeats and Total
// from it.
//
// It is long because sorting the rounds and recounting meetings happen in one
// pass over the schedule, with the meeting table (bitset or map) shared by
// both.
func result(g *adjacency.Graph, history [][2]int, sched [][][]int32) Result {
	n := g.N
	res := Result{Rounds: make([][][]int, len(sched))}
	// Pairs met at least once and at least twice: bitsets over a*n+b (a < b)
	// when small, else a map of meeting counts.
	var once, twice bitSet
	var counts map[[2]int]int
	if dense(n) {
		once, twice = newBitSet(n*n), newBitSet(n*n)
	} else {
		counts = map[[2]int]int{}
	}
	meet := func(a, b int) {
		if a > b {
			a, b = b, a
		}
		if once != nil {
			i := a*n + b
			if once.has(i) {
				twice.set(i)
			}
			once.set(i)
			return
		}
		counts[[2]int{a, b}]++
	}
	seen := map[[2]int]bool{} // a history pair counts once however often listed
	for _, h := range history {
		key := [2]int{min(h[0], h[1]), max(h[0], h[1])}
		if !seen[key] {
			seen[key] = true
			meet(key[0], key[1])
		}
	}
	weighted := len(g.Arcs) > 0
	byFirst := make([][]int, n) // groups of a round indexed by first member
	for r, round := range sched {
		size := 0
		for _, grp := range round {
			size += len(grp)
		}
		flat := make([]int, 0, size)
		count := 0
		for _, grp := range round {
			if len(grp) < 2 {
				continue // sits the round out
			}
			start := len(flat)
			for _, v := range grp {
				flat = append(flat, int(v))
			}
			m := flat[start:len(flat):len(flat)]
			slices.Sort(m)
			for i, a := range m {
				for _, b := range m[i+1:] {
					meet(a, b)
					if weighted {
						res.Total += g.Weight(a, b)
					}
				}
			}
			byFirst[m[0]] = m
			count++
		}
		out := make([][]int, 0, count)
		for v, m := range byFirst {
			if m != nil {
				out = append(out, m)
				byFirst[v] = nil
			}
		}
		res.Rounds[r] = out
	}
	for _, w := range twice {
		res.Repeats += bits.OnesCount64(w)
	}
	for _, c := range counts {
		if c > 1 {
			res.Repeats++
		}
	}
	return res
}
