package groups

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/internal/adjacency"
)

// Search effort of Partition, in proposals (swap or move attempts): about
// stepsPerNode per node, at least min(minSteps, minStepsPerNode2
// n^2) in all, shared among restarts whose number falls as n grows.
const (
	stepsPerNode     = 1000
	minSteps         = 3_000_000 // small instances get at least this many in all,
	minStepsPerNode2 = 5000      // or 5000 n^2 if fewer (tiny instances)
	maxRestarts      = 4
	restartNodes     = 4096 // restarts = clamp(restartNodes/n, 1, maxRestarts)
)

// search returns a good partition (node -> group index) with the given
// group sizes: greedy construction, then simulated annealing and steepest
// descent, repeated from new greedy starts for small n; the best is kept.
func search(g *adjacency.Graph, sizes []int, seed int64, deadline time.Time, progress func(done, total float64)) []int32 {
	n := g.N
	restarts := min(max(restartNodes/n, 1), maxRestarts)
	steps := max(stepsPerNode*n, min(minSteps, minStepsPerNode2*n*n)) / restarts
	totalWork := float64(restarts * steps)
	stopped := false
	stop := func() bool {
		if !stopped && time.Now().After(deadline) {
			stopped = true
		}
		return stopped
	}
	var best []int32
	bestTotal := math.Inf(-1)
	for r := range restarts {
		rng := rand.New(rand.NewPCG(uint64(seed), uint64(r)*0x9e3779b97f4a7c15+1))
		s := newState(g, greedy(g, sizes, rng), len(sizes))
		if r == 0 || !stopped {
			done := float64(r * steps)
			s.anneal(rng, steps, stop, func(i int) {
				if progress != nil {
					progress(done+float64(i), totalWork)
				}
			})
			s.descend(stop)
		}
		s.recompute()
		if s.total > bestTotal {
			bestTotal = s.total
			best = slices.Clone(s.of)
		}
		if stopped {
			break
		}
	}
	if progress != nil {
		progress(totalWork, totalWork)
	}
	return best
}

// greedy builds groups one at a time: a seed node taken in random order,
// then repeatedly the unassigned node with the largest total weight to the
// members so far.
func greedy(g *adjacency.Graph, sizes []int, rng *rand.Rand) []int32 {
	n := g.N
	of := make([]int32, n)
	for i := range of {
		of[i] = -1
	}
	order := rng.Perm(n)
	next := 0
	gain := make([]float64, n)
	seen := make([]bool, n)
	var touched []int32
	add := func(v int, gi int) {
		of[v] = int32(gi)
		for _, a := range g.ArcsOf(v) {
			if of[a.To] < 0 {
				if !seen[a.To] {
					seen[a.To] = true
					touched = append(touched, a.To)
				}
				gain[a.To] += a.W
			}
		}
	}
	nextFree := func() int {
		for of[order[next]] >= 0 {
			next++
		}
		return order[next]
	}
	for gi, size := range sizes {
		add(nextFree(), gi)
		for filled := 1; filled < size; filled++ {
			best, bestGain := -1, 0.0
			for _, u := range touched {
				if of[u] < 0 && (best < 0 || gain[u] > bestGain) {
					best, bestGain = int(u), gain[u]
				}
			}
			if best < 0 || bestGain <= 0 {
				best = nextFree()
			}
			add(best, gi)
		}
		for _, u := range touched {
			gain[u] = 0
			seen[u] = false
		}
		touched = touched[:0]
	}
	return of
}

// anneal runs simulated annealing for the given number of proposals. A
// proposal picks a random node v and a target node x, usually one of v's
// neighbours, and tries either moving v into x's group (when the sizes
// allow) or swapping v with another member of x's group. The temperature
// falls geometrically from a start calibrated on the instance to a
// hundredth of it. The best partition seen at the checkpoints is restored
// at the end if the final one is worse.
//
// It is long because it is the hot loop of the search: the move and swap
// proposals, their deltas and the acceptance rule share local state and are
// kept inline for speed.
func (s *state) anneal(rng *rand.Rand, steps int, stop func() bool, tick func(int)) {
	g := s.g
	n := g.N
	varSizes := false
	for _, m := range s.mem {
		if len(m) != len(s.mem[0]) {
			varSizes = true
		}
	}
	// propose draws a random proposal: v, u (-1 for a move), the target group
	// b, and the proposal's delta with the partial sums needed to apply it.
	propose := func() (v, u int, b int32, delta, svb, sua, wvu float64, ok bool) {
		v = rng.IntN(n)
		a := s.of[v]
		arcs := g.ArcsOf(v)
		var x int
		if len(arcs) > 0 && rng.IntN(8) != 0 {
			x = int(arcs[rng.IntN(len(arcs))].To)
		} else {
			x = rng.IntN(n)
		}
		b = s.of[x]
		if b == a {
			return
		}
		if varSizes && s.canMove(a, b) && rng.IntN(2) == 0 {
			svb, _ = s.sumTo(v, b, -1)
			return v, -1, b, svb - s.own[v], svb, 0, 0, true
		}
		mb := s.mem[b]
		u = x
		if len(mb) > 1 {
			u = int(mb[rng.IntN(len(mb)-1)])
			if u == x {
				u = int(mb[len(mb)-1])
			}
		}
		svb, wvu = s.sumTo(v, b, u)
		sua, _ = s.sumTo(u, a, -1)
		return v, u, b, svb + sua - s.own[v] - s.own[u] - 2*wvu, svb, sua, wvu, true
	}
	// Calibrate: at the start temperature a typical worsening proposal is
	// accepted with probability e^-1.2, about 30%, when there are at least
	// 10,000 proposals per node to rebuild from such disorder; with fewer
	// (large instances) the start is up to 10 times cooler, which keeps more
	// of the greedy structure (measured on 10,000 nodes, 1,000 per node).
	worse, count := 0.0, 0
	for range 2000 {
		if _, _, _, d, _, _, _, ok := propose(); ok && d < 0 {
			worse -= d
			count++
		}
	}
	if count == 0 {
		return
	}
	perNode := float64(steps) / float64(n)
	t0 := worse / float64(count) / (1.2 * min(max(10000/perNode, 1), 10))
	t1 := t0 / 100
	cool := math.Pow(t1/t0, 1/float64(steps))
	temp := t0
	best := slices.Clone(s.of)
	bestTotal := s.total
	checkpoint := max(steps/64, 1)
	for i := 0; i < steps; i++ {
		if i&8191 == 0 && stop() {
			break
		}
		if i%checkpoint == 0 {
			if s.total > bestTotal {
				bestTotal = s.total
				copy(best, s.of)
			}
			tick(i)
		}
		temp *= cool
		v, u, b, delta, svb, sua, wvu, ok := propose()
		if !ok {
			continue
		}
		if delta < 0 && rng.Float64() >= math.Exp(delta/temp) {
			continue
		}
		if u < 0 {
			s.applyMove(v, b, svb)
		} else {
			s.applySwap(v, u, svb, sua, wvu)
		}
	}
	s.recompute()
	if bestTotal > s.total {
		s.load(best)
	}
}

// load replaces the partition by of (same group count).
func (s *state) load(of []int32) {
	copy(s.of, of)
	for gi := range s.mem {
		s.mem[gi] = s.mem[gi][:0]
	}
	for v, gi := range s.of {
		s.at[v] = int32(len(s.mem[gi]))
		s.mem[gi] = append(s.mem[gi], int32(v))
	}
	s.recompute()
}

// descend applies the best improving swap or move of each node in turn until
// a full pass finds none. For node v in group a it scores every swap with a
// member of a group holding one of v's neighbours, every swap with a
// neighbour of a member of a, and every allowed move into a neighbour's
// group; all other swaps and moves cannot gain when weights are not
// negative. Scratch sums are tagged with the node being examined, so they
// never need clearing.
//
// It is long for the same reason as anneal: one hot loop with inline move and
// swap steps.
func (s *state) descend(stop func() bool) {
	g := s.g
	n := g.N
	sv := make([]float64, len(s.mem)) // sv[b] = sumTo(v, b)
	svTag := make([]int32, len(s.mem))
	ta := make([]float64, n) // ta[u] = sumTo(u, a)
	taTag := make([]int32, n)
	wv := make([]float64, n) // wv[u] = w(v, u)
	wvTag := make([]int32, n)
	for i := range svTag {
		svTag[i] = -1
	}
	for i := range taTag {
		taTag[i], wvTag[i] = -1, -1
	}
	var groupsSeen, nodesSeen []int32
	eps := 1e-9 * (1 + maxAbs(g))
	for pass := 0; pass < 1000; pass++ {
		improved := false
		for v := 0; v < n; v++ {
			if stop() {
				return
			}
			tag := int32(v)
			a := s.of[v]
			groupsSeen, nodesSeen = groupsSeen[:0], nodesSeen[:0]
			for _, arc := range g.ArcsOf(v) {
				wv[arc.To], wvTag[arc.To] = arc.W, tag
				b := s.of[arc.To]
				if svTag[b] != tag {
					svTag[b], sv[b] = tag, 0
					groupsSeen = append(groupsSeen, b)
				}
				sv[b] += arc.W
			}
			for _, x := range s.mem[a] {
				for _, arc := range g.ArcsOf(int(x)) {
					if taTag[arc.To] != tag {
						taTag[arc.To], ta[arc.To] = tag, 0
						nodesSeen = append(nodesSeen, arc.To)
					}
					ta[arc.To] += arc.W
				}
			}
			get := func(vals []float64, tags []int32, i int32) float64 {
				if tags[i] == tag {
					return vals[i]
				}
				return 0
			}
			bestDelta, bestU, bestB := eps, -2, int32(-1)
			try := func(u int32) {
				b := s.of[u]
				if b == a {
					return
				}
				d := get(sv, svTag, b) + get(ta, taTag, u) - s.own[v] - s.own[u] - 2*get(wv, wvTag, u)
				if d > bestDelta {
					bestDelta, bestU, bestB = d, int(u), b
				}
			}
			for _, b := range groupsSeen {
				if b == a {
					continue
				}
				for _, u := range s.mem[b] {
					try(u)
				}
				if s.canMove(a, b) {
					if d := sv[b] - s.own[v]; d > bestDelta {
						bestDelta, bestU, bestB = d, -1, b
					}
				}
			}
			for _, u := range nodesSeen {
				try(u)
			}
			switch {
			case bestU == -1:
				s.applyMove(v, bestB, sv[bestB])
				improved = true
			case bestU >= 0:
				u := int32(bestU)
				s.applySwap(v, bestU, get(sv, svTag, bestB), get(ta, taTag, u), get(wv, wvTag, u))
				improved = true
			}
		}
		if !improved {
			break
		}
	}
	s.recompute()
}

// maxAbs returns the largest absolute edge weight.
func maxAbs(g *adjacency.Graph) float64 {
	m := 0.0
	for _, a := range g.Arcs {
		m = max(m, math.Abs(a.W))
	}
	return m
}
