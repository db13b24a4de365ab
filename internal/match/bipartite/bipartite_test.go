package bipartite

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/internal/flow"
)

// layouts are the storages (and auction budgets) every instance is
// solved with.
var layouts = []struct {
	name   string
	tuning flow.Tuning
}{
	{"auto", flow.DefaultTuning},
	{"sparse", flow.Tuning{Layout: flow.ForceSparse, BidsPerRow: 32}},
	{"dense64", flow.Tuning{Layout: flow.ForceDense64, BidsPerRow: 32}},
	{"auto-no-auction", flow.Tuning{Layout: flow.Auto}},
	{"sparse-short-auction", flow.Tuning{Layout: flow.ForceSparse, BidsPerRow: 1}},
}

// allOptions are the four option combinations.
var allOptions = []Options{{}, {MaxCardinality: true}, {Fair: true}, {MaxCardinality: true, Fair: true}}

// randomInstance draws a small instance: each pair is an edge with
// probability p, some pairs repeat, capacities are nil or 0..3.
func randomInstance(rng *rand.Rand, nLeft, nRight int, p float64, weight func() float64) ([]graph.Edge, []int) {
	var edges []graph.Edge
	for u := 0; u < nLeft; u++ {
		for v := 0; v < nRight; v++ {
			if rng.Float64() >= p {
				continue
			}
			edges = append(edges, graph.Edge{U: u, V: v, W: weight()})
			if rng.IntN(5) == 0 {
				edges = append(edges, graph.Edge{U: u, V: v, W: weight()})
			}
		}
	}
	rng.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
	var capacity []int
	if rng.IntN(4) != 0 {
		capacity = make([]int, nRight)
		for v := range capacity {
			capacity[v] = rng.IntN(4)
		}
	}
	return edges, capacity
}

func TestBipartite_RandomSmallAgainstBruteForce(t *testing.T) {
	kinds := []struct {
		name string
		draw func(rng *rand.Rand) float64
		tol  float64 // totals closer than tol are ties
		// exact: weights are exact after scaling, so the number of pairs
		// among equal totals is checked too.
		exact bool
	}{
		{"ties", func(rng *rand.Rand) float64 { return float64(1 + rng.IntN(3)) }, 0, true},
		{"wide", func(rng *rand.Rand) float64 { return float64(1 + rng.IntN(1000)) }, 0, true},
		{"signed", func(rng *rand.Rand) float64 { return float64(rng.IntN(16) - 5) }, 0, true},
		{"decimal", func(rng *rand.Rand) float64 { return float64(rng.IntN(2501)-500) / 100 }, 1e-9, true},
		{"real", func(rng *rand.Rand) float64 { return rng.Float64()*2 - 0.3 }, 1e-6, false},
	}
	densities := []float64{0.3, 0.6, 1}
	for _, kind := range kinds {
		t.Run(kind.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(11, uint64(len(kind.name))))
			for iter := 0; iter < 400; iter++ {
				nLeft, nRight := rng.IntN(7), rng.IntN(6)
				if iter%10 != 0 {
					nLeft, nRight = 1+rng.IntN(6), 1+rng.IntN(5)
				}
				edges, capacity := randomInstance(rng, nLeft, nRight, densities[iter%len(densities)], func() float64 { return kind.draw(rng) })
				for _, opt := range allOptions {
					want := brute(t, nLeft, nRight, edges, capacity, opt, kind.tol)
					for _, l := range layouts {
						res, err := solve(nLeft, nRight, edges, capacity, opt, l.tuning)
						if err != nil {
							t.Fatalf("iter %d %+v %s: %v", iter, opt, l.name, err)
						}
						checkValid(t, nLeft, nRight, edges, capacity, opt, res)
						got := optimum{len(res.Pairs), res.Total, res.Bottleneck}
						if msg := compare(got, want, opt, kind.tol, kind.exact); msg != "" {
							t.Fatalf("iter %d %+v %s: %s\nnLeft %d nRight %d capacity %v\nedges %v\ngot %v",
								iter, opt, l.name, msg, nLeft, nRight, capacity, edges, res.Pairs)
						}
					}
				}
			}
		})
	}
}

// compare returns what differs between a result and the brute-force
// optimum, or "" when they agree.
func compare(got, want optimum, opt Options, tol float64, exact bool) string {
	if math.Abs(got.total-want.total) > tol {
		return fmt.Sprintf("total %v, brute force %v", got.total, want.total)
	}
	if (exact || opt.MaxCardinality) && got.card != want.card {
		return fmt.Sprintf("%d pairs, brute force %d", got.card, want.card)
	}
	if opt.Fair && math.Abs(got.bottleneck-want.bottleneck) > tol {
		return fmt.Sprintf("bottleneck %v, brute force %v", got.bottleneck, want.bottleneck)
	}
	return ""
}

// TestBipartite_Examples checks hand-made instances with known optima;
// most of its length is the table of cases.
func TestBipartite_Examples(t *testing.T) {
	cases := []struct {
		name           string
		nLeft, nRight  int
		edges          []graph.Edge
		capacity       []int
		opt            Options
		wantPairs      []graph.Edge
		wantTotal      float64
		wantBottleneck float64
	}{
		{
			name: "empty", nLeft: 0, nRight: 0,
			wantPairs: []graph.Edge{},
		},
		{
			name: "nodes without edges", nLeft: 3, nRight: 2,
			wantPairs: []graph.Edge{},
		},
		{
			name: "only non-positive edges", nLeft: 2, nRight: 2,
			edges:     []graph.Edge{{U: 0, V: 0, W: 0}, {U: 1, V: 1, W: -2}},
			wantPairs: []graph.Edge{},
		},
		{
			name: "max cardinality takes negative edges", nLeft: 2, nRight: 2,
			edges:     []graph.Edge{{U: 0, V: 0, W: 0}, {U: 1, V: 1, W: -2}},
			opt:       Options{MaxCardinality: true},
			wantPairs: []graph.Edge{{U: 0, V: 0, W: 0}, {U: 1, V: 1, W: -2}}, wantTotal: -2, wantBottleneck: -2,
		},
		{
			name: "capacity two", nLeft: 3, nRight: 2,
			edges:     []graph.Edge{{U: 0, V: 0, W: 5}, {U: 1, V: 0, W: 4}, {U: 2, V: 0, W: 3}, {U: 2, V: 1, W: 1}},
			capacity:  []int{2, 1},
			wantPairs: []graph.Edge{{U: 0, V: 0, W: 5}, {U: 1, V: 0, W: 4}, {U: 2, V: 1, W: 1}}, wantTotal: 10, wantBottleneck: 1,
		},
		{
			name: "capacity zero", nLeft: 2, nRight: 2,
			edges:     []graph.Edge{{U: 0, V: 0, W: 5}, {U: 1, V: 0, W: 4}, {U: 1, V: 1, W: 1}},
			capacity:  []int{0, 1},
			wantPairs: []graph.Edge{{U: 1, V: 1, W: 1}}, wantTotal: 1, wantBottleneck: 1,
		},
		{
			name: "parallel edges keep the best", nLeft: 1, nRight: 1,
			edges:     []graph.Edge{{U: 0, V: 0, W: 2}, {U: 0, V: 0, W: 7}, {U: 0, V: 0, W: -1}},
			wantPairs: []graph.Edge{{U: 0, V: 0, W: 7}}, wantTotal: 7, wantBottleneck: 7,
		},
		{
			name: "ties prefer more pairs", nLeft: 2, nRight: 2,
			edges:     []graph.Edge{{U: 0, V: 0, W: 2}, {U: 0, V: 1, W: 1}, {U: 1, V: 0, W: 1}},
			wantPairs: []graph.Edge{{U: 0, V: 1, W: 1}, {U: 1, V: 0, W: 1}}, wantTotal: 2, wantBottleneck: 1,
		},
		{
			// Plain: 10+1 = 11 leaves mentee 1 with weight 1. Fair keeps
			// two pairs and lifts the worst to 5: 5+5.
			name: "fair lifts the worst pair", nLeft: 2, nRight: 2,
			edges:     []graph.Edge{{U: 0, V: 0, W: 10}, {U: 0, V: 1, W: 5}, {U: 1, V: 0, W: 5}, {U: 1, V: 1, W: 1}},
			opt:       Options{Fair: true},
			wantPairs: []graph.Edge{{U: 0, V: 1, W: 5}, {U: 1, V: 0, W: 5}}, wantTotal: 10, wantBottleneck: 5,
		},
		{
			name: "decimal weights", nLeft: 2, nRight: 2,
			edges:     []graph.Edge{{U: 0, V: 0, W: 0.1}, {U: 0, V: 1, W: 0.25}, {U: 1, V: 0, W: 0.5}, {U: 1, V: 1, W: 0.3}},
			wantPairs: []graph.Edge{{U: 0, V: 1, W: 0.25}, {U: 1, V: 0, W: 0.5}}, wantTotal: 0.75, wantBottleneck: 0.25,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, l := range layouts {
				res, err := solve(tc.nLeft, tc.nRight, tc.edges, tc.capacity, tc.opt, l.tuning)
				if err != nil {
					t.Fatalf("%s: %v", l.name, err)
				}
				if !slices.Equal(res.Pairs, tc.wantPairs) || res.Total != tc.wantTotal || res.Bottleneck != tc.wantBottleneck {
					t.Fatalf("%s: got %v total %v bottleneck %v, want %v total %v bottleneck %v",
						l.name, res.Pairs, res.Total, res.Bottleneck, tc.wantPairs, tc.wantTotal, tc.wantBottleneck)
				}
			}
		})
	}
}

func TestBipartite_Errors(t *testing.T) {
	cases := []struct {
		name          string
		nLeft, nRight int
		edges         []graph.Edge
		capacity      []int
		want          error
	}{
		{"negative left count", -1, 2, nil, nil, ErrInput},
		{"negative right count", 2, -1, nil, nil, ErrInput},
		{"huge count", 1 << 31, 1, nil, nil, ErrInput},
		{"capacity length", 2, 2, nil, []int{1}, ErrInput},
		{"negative capacity", 2, 2, nil, []int{1, -1}, ErrInput},
		{"left out of range", 2, 2, []graph.Edge{{U: 2, V: 0, W: 1}}, nil, ErrInput},
		{"negative left", 2, 2, []graph.Edge{{U: -1, V: 0, W: 1}}, nil, ErrInput},
		{"right out of range", 2, 2, []graph.Edge{{U: 0, V: 2, W: 1}}, nil, ErrInput},
		{"NaN", 2, 2, []graph.Edge{{U: 0, V: 0, W: math.NaN()}}, nil, ErrInput},
		{"+Inf", 2, 2, []graph.Edge{{U: 0, V: 0, W: math.Inf(1)}}, nil, ErrInput},
		{"-Inf", 2, 2, []graph.Edge{{U: 0, V: 0, W: math.Inf(-1)}}, nil, ErrInput},
		{"huge weight", 2, 2, []graph.Edge{{U: 0, V: 0, W: 1e30}}, nil, ErrRange},
		{"huge decimal", 2, 2, []graph.Edge{{U: 0, V: 0, W: 1e12 + 0.5}, {U: 1, V: 1, W: 0.123456789123}}, nil, ErrRange},
		{"dual overflow", 100, 100, diagonal(100, 1<<52), nil, ErrRange},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, opt := range allOptions {
				_, err := Match(tc.nLeft, tc.nRight, tc.edges, tc.capacity, opt)
				if !errors.Is(err, tc.want) {
					t.Fatalf("%+v: error %v, want %v", opt, err, tc.want)
				}
			}
		})
	}
}

// diagonal returns the edges (i, i, w) for i < n.
func diagonal(n int, w float64) []graph.Edge {
	edges := make([]graph.Edge, n)
	for i := range edges {
		edges[i] = graph.Edge{U: i, V: i, W: w}
	}
	return edges
}

// TestBipartite_OrderIndependent checks determinism: the same instance with
// its edges shuffled gives the very same result, on every storage.
func TestBipartite_OrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for iter := 0; iter < 40; iter++ {
		nLeft, nRight := 5+rng.IntN(30), 3+rng.IntN(20)
		edges, capacity := randomInstance(rng, nLeft, nRight, 0.5, func() float64 { return float64(rng.IntN(5)) })
		for _, opt := range allOptions {
			for _, l := range layouts {
				first, err := solve(nLeft, nRight, edges, capacity, opt, l.tuning)
				if err != nil {
					t.Fatal(err)
				}
				shuffled := slices.Clone(edges)
				rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
				again, err := solve(nLeft, nRight, shuffled, capacity, opt, l.tuning)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(first.Pairs, again.Pairs) {
					t.Fatalf("iter %d %+v %s: results differ\n%v\n%v", iter, opt, l.name, first.Pairs, again.Pairs)
				}
			}
		}
	}
}
