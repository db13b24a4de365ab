package synth

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// NearestNeighbours returns n people placed at random in the unit square,
// each linked to (about) its deg nearest neighbours, found among the points
// of the 5 x 5 grid cells around it. Closer people score higher:
// w = 100 / (1 + 40 d) plus up to 9 points of noise, an integer.
func NearestNeighbours(tb testing.TB, n, deg int, seed uint64) []graph.Edge {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	xs, ys := make([]float64, n), make([]float64, n)
	side := max(int(math.Sqrt(float64(n)/8)), 1)
	cells := make([][]int, side*side)
	cellOf := func(x float64) int { return min(int(x*float64(side)), side-1) }
	for i := range n {
		xs[i], ys[i] = rng.Float64(), rng.Float64()
		c := cellOf(xs[i])*side + cellOf(ys[i])
		cells[c] = append(cells[c], i)
	}
	type cand struct {
		v int
		d float64
	}
	var pairs [][2]int
	var cands []cand
	for u := range n {
		cands = cands[:0]
		cx, cy := cellOf(xs[u]), cellOf(ys[u])
		for dx := -2; dx <= 2; dx++ {
			for dy := -2; dy <= 2; dy++ {
				x, y := cx+dx, cy+dy
				if x < 0 || y < 0 || x >= side || y >= side {
					continue
				}
				for _, v := range cells[x*side+y] {
					if v != u {
						cands = append(cands, cand{v, math.Hypot(xs[u]-xs[v], ys[u]-ys[v])})
					}
				}
			}
		}
		slices.SortFunc(cands, func(a, b cand) int { return cmp.Compare(a.d, b.d) })
		for _, c := range cands[:min(deg, len(cands))] {
			pairs = append(pairs, [2]int{min(u, c.v), max(u, c.v)})
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	pairs = slices.Compact(pairs)
	edges := make([]graph.Edge, len(pairs))
	for i, p := range pairs {
		d := math.Hypot(xs[p[0]]-xs[p[1]], ys[p[0]]-ys[p[1]])
		edges[i] = graph.Edge{U: p[0], V: p[1], W: math.Floor(100/(1+40*d)) + float64(rng.IntN(10))}
	}
	return edges
}
