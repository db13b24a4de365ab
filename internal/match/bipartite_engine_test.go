package match

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestMCFRun_GlobalPhaseFromEmpty runs phase 2 alone, from the empty
// matching, on both engines: with weights <= 0 the zero duals are already
// feasible, so successive shortest paths from all unmatched rows must
// reach a maximum-cardinality matching of largest weight by themselves.
// This drives the dense engine's candidate lists through many rebuilds.
func TestMCFRun_GlobalPhaseFromEmpty(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for iter := 0; iter < 40; iter++ {
		nLeft, nRight := 20+rng.IntN(40), 2+rng.IntN(12)
		p := []float64{0.3, 0.7, 1}[iter%3]
		edges, capacity := bpRandomInstance(rng, nLeft, nRight, p, func() float64 { return -float64(rng.IntN(50)) })
		opt := BipartiteOptions{MaxCardinality: true}
		want := bpOracle(t, nLeft, nRight, edges, capacity, opt)
		in, err := bpReadInput(nLeft, nRight, edges, capacity, true)
		if err != nil {
			t.Fatal(err)
		}
		in.shift, in.maxAbs = 0, max(in.maxAbs, 1) // keep costs >= 0
		for _, l := range bpLayouts[:3] {
			prob, err := in.build(edges, l.tuning)
			if err != nil {
				t.Fatal(err)
			}
			s := newMCFState(prob.n, prob.m, prob.capa, prob.hasArc)
			mode := mcfMode{maxCard: true, costCap: int64(1) << 61}
			if prob.big > 0 {
				mode.costCap = prob.big / 2
			}
			switch {
			case prob.dense32 != nil:
				s.run(newMCFDense(s, prob.dense32), mode)
			case prob.dense64 != nil:
				s.run(newMCFDense(s, prob.dense64), mode)
			default:
				s.run(newMCFSparse(s, prob.rowStart, prob.adjCol, prob.adjCost), mode)
			}
			res := in.result(edges, s)
			bpCheckValid(t, nLeft, nRight, edges, capacity, opt, res)
			got := bpOptimum{len(res.Pairs), res.Total, res.Bottleneck}
			if msg := bpCompare(got, want, opt, 0, true); msg != "" {
				t.Fatalf("iter %d %s: %s", iter, l.name, msg)
			}
		}
	}
}

// TestBipartite_HugeWeightsOnSparseFallback checks that weights too large
// for a dense matrix with missing pairs (the cost standing for a missing
// pair would overflow) fall back to adjacency lists and still give the
// optimum: the same instance with weights 1e12 times smaller has the same
// optimal matchings.
func TestBipartite_HugeWeightsOnSparseFallback(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	for iter := 0; iter < 20; iter++ {
		nLeft, nRight := 10+rng.IntN(10), 5+rng.IntN(5)
		small, capacity := bpRandomInstance(rng, nLeft, nRight, 0.6, func() float64 { return float64(2000 + rng.IntN(2001)) })
		huge := make([]Edge, len(small))
		for k, e := range small {
			huge[k] = Edge{U: e.U, V: e.V, W: e.W * 1e12}
		}
		in, err := bpReadInput(nLeft, nRight, huge, capacity, false)
		if err != nil {
			t.Fatal(err)
		}
		prob, err := in.build(huge, bpDefaultTuning)
		if err != nil {
			t.Fatal(err)
		}
		if missing := len(in.rowOrig)*len(in.colOrig) > in.arcs; missing && (prob.dense32 != nil || prob.dense64 != nil) {
			t.Fatalf("iter %d: want adjacency lists, got a dense matrix", iter)
		}
		for _, opt := range bpAllOptions {
			a, err := Bipartite(nLeft, nRight, small, capacity, opt)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Bipartite(nLeft, nRight, huge, capacity, opt)
			if err != nil {
				t.Fatal(err)
			}
			bpCheckValid(t, nLeft, nRight, huge, capacity, opt, b)
			if len(a.Pairs) != len(b.Pairs) || math.Abs(a.Total*1e12-b.Total) > 1e-12*b.Total || a.Bottleneck*1e12 != b.Bottleneck {
				t.Fatalf("iter %d %+v: %d pairs total %v, scaled instance %d pairs total %v", iter, opt, len(b.Pairs), b.Total, len(a.Pairs), a.Total)
			}
		}
	}
}
