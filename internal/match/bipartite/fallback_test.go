package bipartite

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/internal/flow"
)

// TestBipartite_HugeWeightsOnSparseFallback checks that weights too large
// for a dense matrix with missing pairs (the cost standing for a missing
// pair would overflow) fall back to adjacency lists and still give the
// optimum: the same instance with weights 1e12 times smaller has the same
// optimal matchings.
func TestBipartite_HugeWeightsOnSparseFallback(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	for iter := 0; iter < 20; iter++ {
		nLeft, nRight := 10+rng.IntN(10), 5+rng.IntN(5)
		small, capacity := randomInstance(rng, nLeft, nRight, 0.6, func() float64 { return float64(2000 + rng.IntN(2001)) })
		huge := make([]graph.Edge, len(small))
		for k, e := range small {
			huge[k] = graph.Edge{U: e.U, V: e.V, W: e.W * 1e12}
		}
		in, err := readInput(nLeft, nRight, huge, capacity, false)
		if err != nil {
			t.Fatal(err)
		}
		prob, err := in.build(huge, flow.DefaultTuning)
		if err != nil {
			t.Fatal(err)
		}
		if missing := len(in.rowOrig)*len(in.colOrig) > in.arcs; missing && prob.Dense() {
			t.Fatalf("iter %d: want adjacency lists, got a dense matrix", iter)
		}
		for _, opt := range allOptions {
			a, err := Match(nLeft, nRight, small, capacity, opt)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Match(nLeft, nRight, huge, capacity, opt)
			if err != nil {
				t.Fatal(err)
			}
			checkValid(t, nLeft, nRight, huge, capacity, opt, b)
			if len(a.Pairs) != len(b.Pairs) || math.Abs(a.Total*1e12-b.Total) > 1e-12*b.Total || a.Bottleneck*1e12 != b.Bottleneck {
				t.Fatalf("iter %d %+v: %d pairs total %v, scaled instance %d pairs total %v", iter, opt, len(b.Pairs), b.Total, len(a.Pairs), a.Total)
			}
		}
	}
}
