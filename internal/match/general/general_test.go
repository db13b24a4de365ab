package general

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/matchtest"
)

// randomGraph draws a graph on n nodes: each pair is an edge with
// probability p, weighted by weight; with parallel, some pairs repeat.
func randomGraph(rng *rand.Rand, n int, p float64, parallel bool, weight func() float64) []graph.Edge {
	var edges []graph.Edge
	for u := 0; u < n; u++ {
		for v := u + 1; v < n; v++ {
			if rng.Float64() >= p {
				continue
			}
			a, b := u, v
			if rng.IntN(2) == 0 {
				a, b = b, a
			}
			edges = append(edges, graph.Edge{U: a, V: b, W: weight()})
			if parallel && rng.IntN(4) == 0 {
				edges = append(edges, graph.Edge{U: b, V: a, W: weight()})
			}
		}
	}
	rng.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
	return edges
}

func TestGeneral_RandomSmallAgainstBruteForce(t *testing.T) {
	type weights struct {
		name string
		draw func(rng *rand.Rand) float64
		tol  float64
	}
	kinds := []weights{
		{"ties", func(rng *rand.Rand) float64 { return float64(1 + rng.IntN(3)) }, 0},
		{"wide", func(rng *rand.Rand) float64 { return float64(1 + rng.IntN(1000)) }, 0},
		{"signed", func(rng *rand.Rand) float64 { return float64(rng.IntN(21) - 8) }, 0},
		{"decimal", func(rng *rand.Rand) float64 { return float64(rng.IntN(2001)-500) / 100 }, 1e-9},
		{"real", func(rng *rand.Rand) float64 { return rng.Float64()*2 - 0.3 }, 1e-6},
	}
	densities := []float64{0.25, 0.5, 0.8, 1}
	for _, kind := range kinds {
		t.Run(kind.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, uint64(len(kind.name))))
			for iter := 0; iter < 1500; iter++ {
				n := 1 + rng.IntN(10)
				p := densities[iter%len(densities)]
				edges := randomGraph(rng, n, p, iter%3 == 0, func() float64 { return kind.draw(rng) })
				for _, maxCard := range []bool{false, true} {
					opt := Options{MaxCardinality: maxCard}
					res := solveChecked(t, n, edges, opt)
					card, want := brute(t, n, edges, maxCard)
					if maxCard && len(res.Pairs) != card {
						t.Fatalf("iter %d n=%d maxCard: %d pairs, brute force %d\nedges %v\ngot %v", iter, n, len(res.Pairs), card, edges, res.Pairs)
					}
					if math.Abs(res.Total-want) > kind.tol*(1+math.Abs(want)) {
						t.Fatalf("iter %d n=%d maxCard=%v: total %v, brute force %v\nedges %v\ngot %v", iter, n, maxCard, res.Total, want, edges, res.Pairs)
					}
				}
			}
		})
	}
}

func TestGeneral_Errors(t *testing.T) {
	cases := []struct {
		name  string
		n     int
		edges []graph.Edge
		want  error
	}{
		{"negative n", -1, nil, ErrInput},
		{"node too large", 3, []graph.Edge{{U: 0, V: 3, W: 1}}, ErrInput},
		{"negative node", 3, []graph.Edge{{U: -1, V: 2, W: 1}}, ErrInput},
		{"self-loop", 3, []graph.Edge{{U: 0, V: 1, W: 1}, {U: 2, V: 2, W: 5}}, ErrInput},
		{"NaN", 2, []graph.Edge{{U: 0, V: 1, W: math.NaN()}}, ErrInput},
		{"+Inf", 2, []graph.Edge{{U: 0, V: 1, W: math.Inf(1)}}, ErrInput},
		{"-Inf", 2, []graph.Edge{{U: 0, V: 1, W: math.Inf(-1)}}, ErrInput},
		{"huge weight", 2, []graph.Edge{{U: 0, V: 1, W: 1e30}}, ErrRange},
		{"huge decimal", 2, []graph.Edge{{U: 0, V: 1, W: 1e17 + 0.5}, {U: 0, V: 1, W: 0.123456789123}}, ErrRange},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, maxCard := range []bool{false, true} {
				_, err := Match(tc.n, tc.edges, Options{MaxCardinality: maxCard})
				if !errors.Is(err, tc.want) {
					t.Fatalf("maxCard=%v: error %v, want %v", maxCard, err, tc.want)
				}
			}
		})
	}
	t.Run("max cardinality shift too large", func(t *testing.T) {
		edges := []graph.Edge{{U: 0, V: 1, W: 1e14}, {U: 2, V: 3, W: 1}}
		if _, err := Match(1000, edges, Options{}); err != nil {
			t.Fatalf("without MaxCardinality: %v", err)
		}
		_, err := Match(1000, edges, Options{MaxCardinality: true})
		if !errors.Is(err, ErrRange) {
			t.Fatalf("error %v, want ErrRange", err)
		}
	})
}

func TestGeneral_Empty(t *testing.T) {
	for _, n := range []int{0, 1, 5} {
		res, err := Match(n, nil, Options{MaxCardinality: true})
		if err != nil || len(res.Pairs) != 0 || res.Total != 0 || res.Pairs == nil {
			t.Fatalf("n=%d: %+v, %v", n, res, err)
		}
	}
	res, err := Match(4, []graph.Edge{{U: 0, V: 1, W: -2}, {U: 2, V: 3, W: 0}}, Options{})
	if err != nil || len(res.Pairs) != 0 {
		t.Fatalf("non-positive edges: %+v, %v", res, err)
	}
}

func TestGeneral_ReferenceInstances(t *testing.T) {
	cases := []struct {
		file string
		want float64
	}{
		{"g_1000_1.txt", 458176},
		{"g_2000_1.txt", 917583},
		{"g_5000_1.txt", 2296901},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			n, _, edges := matchtest.Load(t, tc.file)
			res := solveChecked(t, n, edges, Options{})
			if res.Total != tc.want {
				t.Fatalf("total %v, known optimum %v", res.Total, tc.want)
			}
		})
	}
}

func TestGeneral_Structured(t *testing.T) {
	// Classic blossom cases (nodes from 1; node 0 is isolated): blossoms
	// relabelled, nested, expanded as S or T, with least-slack subtleties.
	cases := []struct {
		name  string
		edges []graph.Edge
		want  float64 // optimum without MaxCardinality
	}{
		{"single edge", []graph.Edge{{U: 1, V: 2, W: 10}, {U: 2, V: 3, W: 11}}, 11},
		{"path of three", []graph.Edge{{U: 1, V: 2, W: 5}, {U: 2, V: 3, W: 11}, {U: 3, V: 4, W: 5}}, 11},
		{"negative", []graph.Edge{{U: 1, V: 2, W: 2}, {U: 1, V: 3, W: -2}, {U: 2, V: 3, W: 1}, {U: 2, V: 4, W: -1}, {U: 3, V: 4, W: -6}}, 2},
		{"S-blossom", []graph.Edge{{U: 1, V: 2, W: 8}, {U: 1, V: 3, W: 9}, {U: 2, V: 3, W: 10}, {U: 3, V: 4, W: 7}}, 15},
		{"S-blossom augmented", []graph.Edge{{U: 1, V: 2, W: 8}, {U: 1, V: 3, W: 9}, {U: 2, V: 3, W: 10}, {U: 3, V: 4, W: 7}, {U: 1, V: 6, W: 5}, {U: 4, V: 5, W: 6}}, 21},
		{"T-blossom 1", []graph.Edge{{U: 1, V: 2, W: 9}, {U: 1, V: 3, W: 8}, {U: 2, V: 3, W: 10}, {U: 1, V: 4, W: 5}, {U: 4, V: 5, W: 4}, {U: 1, V: 6, W: 3}}, 17},
		{"T-blossom 2", []graph.Edge{{U: 1, V: 2, W: 9}, {U: 1, V: 3, W: 8}, {U: 2, V: 3, W: 10}, {U: 1, V: 4, W: 5}, {U: 4, V: 5, W: 3}, {U: 1, V: 6, W: 4}}, 17},
		{"T-blossom 3", []graph.Edge{{U: 1, V: 2, W: 9}, {U: 1, V: 3, W: 8}, {U: 2, V: 3, W: 10}, {U: 1, V: 4, W: 5}, {U: 4, V: 5, W: 3}, {U: 3, V: 6, W: 4}}, 16},
		{"nested S", []graph.Edge{{U: 1, V: 2, W: 9}, {U: 1, V: 3, W: 9}, {U: 2, V: 3, W: 10}, {U: 2, V: 4, W: 8}, {U: 3, V: 5, W: 8}, {U: 4, V: 5, W: 10}, {U: 5, V: 6, W: 6}}, 23},
		{"S relabel nested", []graph.Edge{{U: 1, V: 2, W: 10}, {U: 1, V: 7, W: 10}, {U: 2, V: 3, W: 12}, {U: 3, V: 4, W: 20}, {U: 3, V: 5, W: 20}, {U: 4, V: 5, W: 25}, {U: 5, V: 6, W: 10}, {U: 6, V: 7, W: 10}, {U: 7, V: 8, W: 8}}, 48},
		{"nested S expand", []graph.Edge{{U: 1, V: 2, W: 8}, {U: 1, V: 3, W: 8}, {U: 2, V: 3, W: 10}, {U: 2, V: 4, W: 12}, {U: 3, V: 5, W: 12}, {U: 4, V: 5, W: 14}, {U: 4, V: 6, W: 12}, {U: 5, V: 7, W: 12}, {U: 6, V: 7, W: 14}, {U: 7, V: 8, W: 12}}, 44},
		{"S-T expand", []graph.Edge{{U: 1, V: 2, W: 23}, {U: 1, V: 5, W: 22}, {U: 1, V: 6, W: 15}, {U: 2, V: 3, W: 25}, {U: 3, V: 4, W: 22}, {U: 4, V: 5, W: 25}, {U: 4, V: 8, W: 14}, {U: 5, V: 7, W: 13}}, 67},
		{"nested S, T expand", []graph.Edge{{U: 1, V: 2, W: 19}, {U: 1, V: 3, W: 20}, {U: 1, V: 8, W: 8}, {U: 2, V: 3, W: 25}, {U: 2, V: 4, W: 18}, {U: 3, V: 5, W: 18}, {U: 4, V: 5, W: 13}, {U: 4, V: 7, W: 7}, {U: 5, V: 6, W: 7}}, 47},
		{"nasty T expand", []graph.Edge{{U: 1, V: 2, W: 45}, {U: 1, V: 5, W: 45}, {U: 2, V: 3, W: 50}, {U: 3, V: 4, W: 45}, {U: 4, V: 5, W: 50}, {U: 1, V: 6, W: 30}, {U: 3, V: 9, W: 35}, {U: 4, V: 8, W: 35}, {U: 5, V: 7, W: 26}, {U: 9, V: 10, W: 5}}, 146},
		{"nasty T expand 2", []graph.Edge{{U: 1, V: 2, W: 45}, {U: 1, V: 5, W: 45}, {U: 2, V: 3, W: 50}, {U: 3, V: 4, W: 45}, {U: 4, V: 5, W: 50}, {U: 1, V: 6, W: 30}, {U: 3, V: 9, W: 35}, {U: 4, V: 8, W: 26}, {U: 5, V: 7, W: 40}, {U: 9, V: 10, W: 5}}, 151},
		{"T expand least slack", []graph.Edge{{U: 1, V: 2, W: 45}, {U: 1, V: 5, W: 45}, {U: 2, V: 3, W: 50}, {U: 3, V: 4, W: 45}, {U: 4, V: 5, W: 50}, {U: 1, V: 6, W: 30}, {U: 3, V: 9, W: 35}, {U: 4, V: 8, W: 28}, {U: 5, V: 7, W: 26}, {U: 9, V: 10, W: 5}}, 139},
		{"nested nasty T expand", []graph.Edge{{U: 1, V: 2, W: 45}, {U: 1, V: 7, W: 45}, {U: 2, V: 3, W: 50}, {U: 3, V: 4, W: 45}, {U: 4, V: 5, W: 95}, {U: 4, V: 6, W: 94}, {U: 5, V: 6, W: 94}, {U: 6, V: 7, W: 50}, {U: 1, V: 8, W: 30}, {U: 3, V: 11, W: 35}, {U: 5, V: 9, W: 36}, {U: 7, V: 10, W: 26}, {U: 11, V: 12, W: 5}}, 241},
		{"nested relabel expand", []graph.Edge{{U: 1, V: 2, W: 40}, {U: 1, V: 3, W: 40}, {U: 2, V: 3, W: 60}, {U: 2, V: 4, W: 55}, {U: 3, V: 5, W: 55}, {U: 4, V: 5, W: 50}, {U: 1, V: 8, W: 15}, {U: 5, V: 7, W: 30}, {U: 7, V: 6, W: 10}, {U: 8, V: 10, W: 10}, {U: 4, V: 9, W: 30}}, 145},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			for _, e := range tc.edges {
				n = max(n, e.U+1, e.V+1)
			}
			for _, maxCard := range []bool{false, true} {
				res := solveChecked(t, n, tc.edges, Options{MaxCardinality: maxCard})
				card, want := brute(t, n, tc.edges, maxCard)
				if !maxCard && tc.want != 0 && want != tc.want {
					t.Fatalf("brute force %v disagrees with the documented optimum %v", want, tc.want)
				}
				if res.Total != want || (maxCard && len(res.Pairs) != card) {
					t.Fatalf("maxCard=%v: %d pairs total %v, want %d pairs total %v: %v", maxCard, len(res.Pairs), res.Total, card, want, res.Pairs)
				}
			}
		})
	}
}

// triangles builds a triangle of triangles nested depth times (3^depth
// nodes): three copies of the level below joined in a cycle by one edge
// between each two, at random vertices. Edges inside deeper levels weigh
// more, so small blossoms tighten first and nest into larger ones. With
// pendants every node also gets a pendant neighbour through a light edge,
// so nested blossoms must be expanded again.
func triangles(rng *rand.Rand, depth int, pendants bool) (int, []graph.Edge) {
	var edges []graph.Edge
	var build func(level, first int) int // returns the node count
	build = func(level, first int) int {
		if level == 0 {
			return 1
		}
		var starts [3]int
		size := 0
		for i := range starts {
			starts[i] = first + size
			size += build(level-1, first+size)
		}
		part := size / 3
		for i := range starts {
			a := starts[i] + rng.IntN(part)
			b := starts[(i+1)%3] + rng.IntN(part)
			w := float64(100*(depth-level+1) + rng.IntN(30))
			edges = append(edges, graph.Edge{U: a, V: b, W: w})
		}
		return size
	}
	n := build(depth, 0)
	if pendants {
		for v := 0; v < n; v++ {
			edges = append(edges, graph.Edge{U: v, V: n + v, W: float64(1 + rng.IntN(60*depth))})
		}
		n *= 2
	}
	return n, edges
}

func TestGeneral_NestedBlossoms(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	t.Run("depth 2 against brute force", func(t *testing.T) {
		for iter := 0; iter < 30; iter++ {
			n, edges := triangles(rng, 2, iter%3 == 1)
			for _, maxCard := range []bool{false, true} {
				res := solveChecked(t, n, edges, Options{MaxCardinality: maxCard})
				card, want := brute(t, n, edges, maxCard)
				if res.Total != want || (maxCard && len(res.Pairs) != card) {
					t.Fatalf("maxCard=%v: %d pairs total %v, want %d pairs total %v", maxCard, len(res.Pairs), res.Total, card, want)
				}
			}
		}
	})
	t.Run("deep, certified by duals", func(t *testing.T) {
		for depth := 3; depth <= 6; depth++ {
			for _, pendants := range []bool{false, true} {
				n, edges := triangles(rng, depth, pendants)
				res := solveChecked(t, n, edges, Options{MaxCardinality: true})
				if want := n / 2; len(res.Pairs) != want {
					t.Fatalf("depth %d pendants=%v: %d pairs, want %d", depth, pendants, len(res.Pairs), want)
				}
				solveChecked(t, n, edges, Options{})
			}
		}
	})
	t.Run("odd cycles", func(t *testing.T) {
		for _, k := range []int{3, 5, 7, 101, 1001} {
			var edges []graph.Edge
			for i := 0; i < k; i++ {
				edges = append(edges, graph.Edge{U: i, V: (i + 1) % k, W: 2.5})
			}
			res := solveChecked(t, k, edges, Options{})
			if want := float64(k/2) * 2.5; res.Total != want || len(res.Pairs) != k/2 {
				t.Fatalf("cycle %d: %d pairs total %v, want %v", k, len(res.Pairs), res.Total, want)
			}
		}
	})
}

func TestGeneral_RandomMediumCertified(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	draws := []func() float64{
		func() float64 { return float64(1 + rng.IntN(4)) },
		func() float64 { return float64(rng.IntN(2000) - 300) },
		func() float64 { return float64(rng.IntN(100000)) / 1000 },
	}
	for iter := 0; iter < 240; iter++ {
		n := 20 + rng.IntN(180)
		deg := 1.5 + rng.Float64()*8
		if iter%10 == 0 {
			deg = float64(n) / 2
		}
		edges := randomGraph(rng, n, deg/float64(n), iter%4 == 0, draws[iter%len(draws)])
		for _, maxCard := range []bool{false, true} {
			solveChecked(t, n, edges, Options{MaxCardinality: maxCard})
		}
	}
}

func TestGeneral_ScaleWeights(t *testing.T) {
	cases := []struct {
		name    string
		weights []float64
		want    []int64
	}{
		{"integers", []float64{3, -7, 0}, []int64{3, -7, 0}},
		{"tenths", []float64{0.1, 0.2, 0.3}, []int64{1, 2, 3}},
		{"mixed decimals", []float64{1.25, 0.5, 3}, []int64{125, 50, 300}},
		{"nine decimals", []float64{0.000000001, 2}, []int64{1, 2000000000}},
		{"irrational", []float64{math.Pi, 1}, []int64{3141592654, 1000000000}},
		{"large integers", []float64{1e15, 1}, []int64{1e15, 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			edges := make([]graph.Edge, len(tc.weights))
			for i, w := range tc.weights {
				edges[i] = graph.Edge{U: 0, V: 1, W: w}
			}
			got, err := scaleWeights(edges, 2, false)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("scaled %v, want %v", got, tc.want)
			}
		})
	}
}

func TestGeneral_DecimalExact(t *testing.T) {
	// Weights in thousandths with many exact ties whose float sums differ
	// (0.1 + 0.2 != 0.3): the optimum is compared in integer thousandths,
	// which a float solver with a tolerance could miss.
	rng := rand.New(rand.NewPCG(5, 6))
	steps := []float64{0.1, 0.2, 0.3, 0.15, 0.05, 0.001, 0.7}
	for iter := 0; iter < 400; iter++ {
		n := 2 + rng.IntN(9)
		edges := randomGraph(rng, n, 0.6, false, func() float64 { return steps[rng.IntN(len(steps))] })
		ints := make([]graph.Edge, len(edges))
		for i, e := range edges {
			ints[i] = graph.Edge{U: e.U, V: e.V, W: math.Round(e.W * 1000)}
		}
		for _, maxCard := range []bool{false, true} {
			res := solveChecked(t, n, edges, Options{MaxCardinality: maxCard})
			_, want := brute(t, n, ints, maxCard)
			var got float64
			for _, p := range res.Pairs {
				got += math.Round(p.W * 1000)
			}
			if got != want {
				t.Fatalf("iter %d maxCard=%v: %v thousandths, optimum %v\nedges %v\ngot %v", iter, maxCard, got, want, edges, res.Pairs)
			}
		}
	}
}

func TestGeneral_ParallelAndDeterministic(t *testing.T) {
	edges := []graph.Edge{{U: 1, V: 0, W: 3}, {U: 0, V: 1, W: 5}, {U: 0, V: 1, W: 5}, {U: 1, V: 2, W: 4}, {U: 2, V: 1, W: -1}, {U: 2, V: 3, W: 2}}
	first, err := Match(4, edges, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.Edge{{U: 0, V: 1, W: 5}, {U: 2, V: 3, W: 2}}
	if !slices.Equal(first.Pairs, want) || first.Total != 7 {
		t.Fatalf("got %+v, want %v total 7", first, want)
	}
	for i := 0; i < 5; i++ {
		again, _ := Match(4, edges, Options{})
		if !slices.Equal(again.Pairs, first.Pairs) {
			t.Fatalf("run %d: %v, first run %v", i, again.Pairs, first.Pairs)
		}
	}
}
