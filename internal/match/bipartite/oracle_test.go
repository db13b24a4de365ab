package bipartite

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/internal/flow"
)

// hungarian returns, for the n x m cost matrix a (n <= m, rows 1..n,
// columns 1..m, row and column 0 unused), the column of each row in a
// minimum-cost assignment of every row. It is the textbook O(n^2 m)
// Hungarian method, written independently of the solver under test.
func hungarian(a [][]int64, n, m int) []int {
	const inf = int64(1) << 60
	u, v := make([]int64, n+1), make([]int64, m+1)
	p, way := make([]int, m+1), make([]int, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]int64, m+1)
		used := make([]bool, m+1)
		for j := range minv {
			minv[j] = inf
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				if cur := a[i0][j] - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	col := make([]int, n+1)
	for j := 1; j <= m; j++ {
		col[p[j]] = j
	}
	return col
}

// oracle solves small-to-medium instances with integer weights exactly
// by hungarian on the matrix with one column per capacity unit plus
// "unmatched" columns, for the objective of opt (see Match).
//
// It is long because it builds and solves the expanded assignment matrix in
// one place, so that the oracle reads as one independent algorithm.
func oracle(tb testing.TB, nLeft, nRight int, edges []graph.Edge, capacity []int, opt Options) optimum {
	tb.Helper()
	best := map[[2]int]int64{}
	for _, e := range edges {
		k := [2]int{e.U, e.V}
		if w, ok := best[k]; !ok || int64(e.W) > w {
			best[k] = int64(e.W)
		}
	}
	var slots []int // right node of each capacity unit
	for v := 0; v < nRight; v++ {
		c := 1
		if capacity != nil {
			c = min(capacity[v], nLeft)
		}
		for ; c > 0; c-- {
			slots = append(slots, v)
		}
	}
	var maxAbs int64 = 1
	for _, w := range best {
		maxAbs = max(maxAbs, w, -w)
	}
	p := int64(nLeft) + 1
	const forbidden = int64(1) << 50
	// solve maximises (cardFirst: pairs, then) weight, then pairs, over the
	// edges allowed, with at least minCard pairs.
	solve := func(allowed func(w int64) bool, cardFirst bool, minCard int) (optimum, bool) {
		dummies := nLeft - minCard
		m := len(slots) + dummies
		if nLeft == 0 || m < nLeft {
			return optimum{}, nLeft == 0
		}
		dummyCost := int64(0)
		if cardFirst {
			dummyCost = 2*int64(nLeft)*maxAbs*p + 1
		}
		a := make([][]int64, nLeft+1)
		for i := range a {
			a[i] = make([]int64, m+1)
		}
		for u := 0; u < nLeft; u++ {
			for s, v := range slots {
				a[u+1][s+1] = forbidden
				if w, ok := best[[2]int{u, v}]; ok && allowed(w) {
					a[u+1][s+1] = -w*p - 1
				}
			}
			for d := len(slots); d < m; d++ {
				a[u+1][d+1] = dummyCost
			}
		}
		col := hungarian(a, nLeft, m)
		var o optimum
		var total int64
		bottleneck := int64(1) << 62
		for u := 0; u < nLeft; u++ {
			s := col[u+1] - 1
			if s >= len(slots) {
				continue
			}
			if a[u+1][s+1] == forbidden {
				return optimum{}, false
			}
			w := best[[2]int{u, slots[s]}]
			o.card++
			total += w
			bottleneck = min(bottleneck, w)
		}
		o.total = float64(total)
		if o.card > 0 {
			o.bottleneck = float64(bottleneck)
		}
		return o, true
	}
	kept := func(w int64) bool { return opt.MaxCardinality || w > 0 }
	plain, _ := solve(kept, opt.MaxCardinality, 0)
	if !opt.Fair || plain.card == 0 {
		return plain
	}
	k := plain.card
	var weights []int64
	for _, w := range best {
		if kept(w) {
			weights = append(weights, w)
		}
	}
	slices.Sort(weights)
	weights = slices.Compact(weights)
	above := func(t int64) func(int64) bool { return func(w int64) bool { return kept(w) && w >= t } }
	// The largest threshold whose edges still hold k pairs.
	lo, hi := 0, len(weights)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if o, _ := solve(above(weights[mid]), true, 0); o.card >= k {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	o, ok := solve(above(weights[lo]), opt.MaxCardinality, k)
	if !ok {
		tb.Fatalf("oracle: no matching of %d pairs above %d", k, weights[lo])
	}
	return o
}

func TestBipartite_MediumAgainstHungarian(t *testing.T) {
	kinds := []struct {
		name string
		draw func(rng *rand.Rand) float64
	}{
		{"ties", func(rng *rand.Rand) float64 { return float64(1 + rng.IntN(4)) }},
		{"wide", func(rng *rand.Rand) float64 { return float64(1 + rng.IntN(10000)) }},
		{"signed", func(rng *rand.Rand) float64 { return float64(rng.IntN(71) - 20) }},
	}
	for _, kind := range kinds {
		t.Run(kind.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(5, uint64(len(kind.name))))
			for iter := 0; iter < 60; iter++ {
				nLeft, nRight := 8+rng.IntN(30), 3+rng.IntN(18)
				p := []float64{0.15, 0.4, 1}[iter%3]
				perfect := iter%4 == 3
				if perfect {
					p = 1
					if iter%8 == 3 {
						nRight = nLeft + rng.IntN(3)
					}
				}
				edges, capacity := randomInstance(rng, nLeft, nRight, p, func() float64 { return kind.draw(rng) })
				if perfect {
					capacity = perfectCapacity(rng, nLeft, nRight, iter%8 == 3)
					if kind.name != "signed" && !isPerfect(t, nLeft, nRight, edges, capacity) {
						t.Fatalf("iter %d: instance does not take the perfect path", iter)
					}
				}
				for _, opt := range allOptions {
					want := oracle(t, nLeft, nRight, edges, capacity, opt)
					for _, l := range layouts {
						res, err := solve(nLeft, nRight, edges, capacity, opt, l.tuning)
						if err != nil {
							t.Fatalf("iter %d %+v %s: %v", iter, opt, l.name, err)
						}
						checkValid(t, nLeft, nRight, edges, capacity, opt, res)
						got := optimum{len(res.Pairs), res.Total, res.Bottleneck}
						if msg := compare(got, want, opt, 0, true); msg != "" {
							t.Fatalf("iter %d %+v %s: %s (nLeft %d nRight %d capacity %v)", iter, opt, l.name, msg, nLeft, nRight, capacity)
						}
					}
				}
			}
		})
	}
}

// perfectCapacity returns capacities summing to nLeft (so a complete
// graph is a "perfect" problem, see flow.Problem.Perfect): all 1 when ones and
// nRight >= nLeft, else random.
func perfectCapacity(rng *rand.Rand, nLeft, nRight int, ones bool) []int {
	capacity := make([]int, nRight)
	if ones && nRight >= nLeft {
		for v := range nLeft {
			capacity[v] = 1
		}
		rng.Shuffle(nRight, func(i, j int) { capacity[i], capacity[j] = capacity[j], capacity[i] })
		return capacity
	}
	for range nLeft {
		capacity[rng.IntN(nRight)]++
	}
	return capacity
}

// isPerfect reports whether the plain problem of the instance is stored
// as a perfect one (see flow.Problem.Perfect).
func isPerfect(tb testing.TB, nLeft, nRight int, edges []graph.Edge, capacity []int) bool {
	tb.Helper()
	in, err := readInput(nLeft, nRight, edges, capacity, false)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := in.build(edges, flow.DefaultTuning)
	if err != nil {
		tb.Fatal(err)
	}
	return p.Perfect()
}
