package bipartite

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/internal/flow"
	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
)

// completeInstance returns the complete nLeft x nRight bipartite graph
// with uniform random integer weights in 1..1e6 (seeded).
func completeInstance(nLeft, nRight int, seed uint64) []graph.Edge {
	rng := rand.New(rand.NewPCG(seed, 1))
	edges := make([]graph.Edge, 0, nLeft*nRight)
	for u := 0; u < nLeft; u++ {
		for v := 0; v < nRight; v++ {
			edges = append(edges, graph.Edge{U: u, V: v, W: float64(1 + rng.IntN(1_000_000))})
		}
	}
	return edges
}

// sparseInstance returns nLeft x nRight with deg random right nodes per
// left node and uniform random integer weights in 1..1e6.
func sparseInstance(nLeft, nRight, deg int, seed uint64) []graph.Edge {
	rng := rand.New(rand.NewPCG(seed, 2))
	edges := make([]graph.Edge, 0, nLeft*deg)
	for u := 0; u < nLeft; u++ {
		for k := 0; k < deg; k++ {
			edges = append(edges, graph.Edge{U: u, V: rng.IntN(nRight), W: float64(1 + rng.IntN(1_000_000))})
		}
	}
	return edges
}

func bench(b *testing.B, nLeft, nRight int, edges []graph.Edge, capacity []int, opt Options) {
	b.Helper()
	var res Result
	var cpu time.Duration
	for b.Loop() {
		var err error
		start := synth.CPUTime()
		res, err = Match(nLeft, nRight, edges, capacity, opt)
		cpu += synth.CPUTime() - start
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(len(res.Pairs)), "pairs")
	b.ReportMetric(res.Total, "total")
}

// benchConvert times only the conversion of the []Edge input into the
// solver's compact problem (validation, scaling, dense matrix or lists).
func benchConvert(b *testing.B, nLeft, nRight int, edges []graph.Edge) {
	b.Helper()
	var cpu time.Duration
	for b.Loop() {
		start := synth.CPUTime()
		in, err := readInput(nLeft, nRight, edges, nil, false)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := in.build(edges, flow.DefaultTuning); err != nil {
			b.Fatal(err)
		}
		cpu += synth.CPUTime() - start
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
}

func caps(n, c int) []int {
	caps := make([]int, n)
	for i := range caps {
		caps[i] = c
	}
	return caps
}

// Dense assignment, to compare with scipy's linear_sum_assignment (n=1000
// 0.05 s, n=2000 0.28 s on the reference machine). Timed from the []Edge
// input, so including the conversion to a dense matrix.
func BenchmarkBipartite_Dense1000(b *testing.B) {
	bench(b, 1000, 1000, completeInstance(1000, 1000, 1), nil, Options{})
}

func BenchmarkBipartite_Dense2000(b *testing.B) {
	bench(b, 2000, 2000, completeInstance(2000, 2000, 2), nil, Options{})
}

// BenchmarkBipartiteHuge_Dense5000 is kept out of -bench 'Bipartite_': its
// input alone is 25M edges (600 MB). scipy: 2.5 s.
func BenchmarkBipartiteHuge_Dense5000(b *testing.B) {
	bench(b, 5000, 5000, completeInstance(5000, 5000, 5), nil, Options{})
}

// BenchmarkBipartiteHuge_Dense5000Convert is the part of
// BenchmarkBipartiteHuge_Dense5000 spent turning the edges into a matrix.
func BenchmarkBipartiteHuge_Dense5000Convert(b *testing.B) {
	benchConvert(b, 5000, 5000, completeInstance(5000, 5000, 5))
}

func BenchmarkBipartite_Dense2000Convert(b *testing.B) {
	benchConvert(b, 2000, 2000, completeInstance(2000, 2000, 2))
}

// Many-to-one assignment, to compare with LEMON's NetworkSimplex on the
// complete bipartite graph (1000x200 cap 5: 0.05 s; 5000x1000 cap 5: 3.3 s).
func BenchmarkBipartite_Cap1000x200(b *testing.B) {
	bench(b, 1000, 200, completeInstance(1000, 200, 3), caps(200, 5), Options{})
}

func BenchmarkBipartite_Cap5000x1000(b *testing.B) {
	bench(b, 5000, 1000, completeInstance(5000, 1000, 4), caps(1000, 5), Options{})
}

// More mentees than seats: 5000 x 500 cap 5 fills every seat.
func BenchmarkBipartite_Cap5000x500MaxCard(b *testing.B) {
	bench(b, 5000, 500, completeInstance(5000, 500, 6), caps(500, 5), Options{MaxCardinality: true})
}

func BenchmarkBipartite_Fair1000(b *testing.B) {
	bench(b, 1000, 1000, completeInstance(1000, 1000, 1), nil, Options{Fair: true})
}

func BenchmarkBipartite_FairCap1000x200(b *testing.B) {
	bench(b, 1000, 200, completeInstance(1000, 200, 3), caps(200, 5), Options{Fair: true})
}

// Sparse: 20000 x 20000, 20 candidate mentors per mentee.
func BenchmarkBipartite_Sparse20000(b *testing.B) {
	bench(b, 20000, 20000, sparseInstance(20000, 20000, 20, 7), nil, Options{})
}

func BenchmarkBipartite_Sparse20000MaxCard(b *testing.B) {
	bench(b, 20000, 20000, sparseInstance(20000, 20000, 20, 7), nil, Options{MaxCardinality: true})
}

func BenchmarkBipartite_SparseCap50000x10000(b *testing.B) {
	bench(b, 50000, 10000, sparseInstance(50000, 10000, 10, 8), caps(10000, 5), Options{})
}
