package rotation

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/internal/adjacency"
)

// weightSteps caps the weight phase: 1000 proposals per node and round,
// between 20,000 and 2,000,000.
func weightSteps(n, rounds int) int {
	return min(max(1000*n*rounds, 20_000), 2_000_000)
}

// swapWeight is the change of the total weight of the meetings if a and b
// (in different groups of round r) traded places.
func (s *golf) swapWeight(g *adjacency.Graph, r int, a, b int32) float64 {
	d := 0.0
	for _, x := range s.mem[r][s.of[r][a]] {
		if x != a {
			d += g.Weight(int(x), int(b)) - g.Weight(int(x), int(a))
		}
	}
	for _, y := range s.mem[r][s.of[r][b]] {
		if y != b {
			d += g.Weight(int(y), int(a)) - g.Weight(int(y), int(b))
		}
	}
	return d
}

// improveWeight raises the total weight of the meetings by simulated
// annealing over swaps inside rounds. The annealed value is the weight minus
// a penalty per repeated meeting (the largest pair weight times k-1), so the
// search may cross schedules with a repeat to reach better repeat-free ones,
// while the schedule kept is the best seen: fewest repeated meetings first,
// then most weight; it never has more repeated meetings than the start. A
// proposal swaps a random player a, in a random round, with a member of the
// group of one of a's neighbours (usually) or with a random player. The
// temperature falls geometrically from a start calibrated on the instance
// to a thousandth of it.
//
// It is long for the same reason as tabu: one hot loop of swap proposals with
// inline bookkeeping.
func (s *golf) improveWeight(g *adjacency.Graph, rng *rand.Rand, deadline time.Time) {
	n, R := s.n, len(s.of)
	steps := weightSteps(n, R)
	maxW, meanW := 0.0, 0.0
	for _, a := range g.Arcs {
		maxW = max(maxW, math.Abs(a.W))
		meanW += math.Abs(a.W)
	}
	if maxW == 0 {
		return // all weights are 0
	}
	meanW /= float64(len(g.Arcs))
	k := 0
	for _, sz := range s.sizes {
		k = max(k, sz)
	}
	penalty := maxW * float64(max(k-1, 1))
	propose := func() (r int, a, b int32, ok bool) {
		r = rng.IntN(R)
		a = int32(rng.IntN(n))
		arcs := g.ArcsOf(int(a))
		if len(arcs) > 0 && rng.IntN(8) != 0 {
			x := arcs[rng.IntN(len(arcs))].To
			m := s.mem[r][s.of[r][x]]
			b = m[rng.IntN(len(m))]
			if b == x && len(m) > 1 {
				b = m[(rng.IntN(len(m)-1)+int(s.at[r][x])+1)%len(m)]
			}
		} else {
			b = int32(rng.IntN(n))
		}
		return r, a, b, s.of[r][a] != s.of[r][b]
	}
	value := func(r int, a, b int32) float64 {
		return s.swapWeight(g, r, a, b) - penalty*float64(s.swapDelta(r, a, b))
	}
	// Start where a typical worsening swap is taken with probability about
	// 30% (at a tenth of the mean weight if no sampled swap worsens).
	worse, count := 0.0, 0
	for range 1000 {
		if r, a, b, ok := propose(); ok {
			if d := value(r, a, b); d < 0 {
				worse -= d
				count++
			}
		}
	}
	t0 := meanW / 10
	if count > 0 {
		t0 = worse / float64(count) / 1.2
	}
	temp := t0
	cool := math.Pow(1e-3, 1/float64(steps))
	weight := 0.0 // relative to the start
	bestConf, bestWeight := s.conf, 0.0
	bestSnap := s.snapshot()
	check := max(steps/2048, 64)
	for i := 0; i < steps; i++ {
		if i%check == 0 {
			if i%(64*check) == 0 && time.Now().After(deadline) {
				break
			}
			if s.conf < bestConf || (s.conf == bestConf && weight > bestWeight) {
				bestConf, bestWeight = s.conf, weight
				bestSnap = s.snapshot()
			}
		}
		temp *= cool
		r, a, b, ok := propose()
		if !ok {
			continue
		}
		dw := s.swapWeight(g, r, a, b)
		dc := s.swapDelta(r, a, b)
		if d := dw - penalty*float64(dc); d < 0 && rng.Float64() >= math.Exp(d/temp) {
			continue
		}
		s.swap(r, a, b)
		weight += dw
	}
	if s.conf > bestConf || (s.conf == bestConf && weight < bestWeight) {
		s.restore(bestSnap)
	}
}
