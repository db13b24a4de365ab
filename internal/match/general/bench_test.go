package general

import (
	"math/rand/v2"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/matchtest"
)

// The benchmarks load or generate their instance outside the timer. On the
// shared 2-core machine LEMON's MaxWeightedMatching takes about 0.006 s,
// 0.014 s and 0.055 s on g_1000_1, g_2000_1 and g_5000_1.

func benchInstance(b *testing.B, file string, opt Options) {
	n, _, edges := matchtest.Load(b, file)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Match(n, edges, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGeneral_G1000(b *testing.B) { benchInstance(b, "g_1000_1.txt", Options{}) }
func BenchmarkGeneral_G2000(b *testing.B) { benchInstance(b, "g_2000_1.txt", Options{}) }
func BenchmarkGeneral_G5000(b *testing.B) { benchInstance(b, "g_5000_1.txt", Options{}) }

func BenchmarkGeneral_G5000MaxCard(b *testing.B) {
	benchInstance(b, "g_5000_1.txt", Options{MaxCardinality: true})
}

// randomSparse draws n nodes that each pick k/2 random partners (so k
// neighbours on average, n*k/2 edges) with integer weights in 1..1000.
func randomSparse(n, k int, seed uint64) []graph.Edge {
	rng := rand.New(rand.NewPCG(seed, 1))
	edges := make([]graph.Edge, 0, n*k/2)
	for u := 0; u < n; u++ {
		for i := 0; i < k/2; i++ {
			v := rng.IntN(n - 1)
			if v >= u {
				v++
			}
			edges = append(edges, graph.Edge{U: u, V: v, W: float64(1 + rng.IntN(1000))})
		}
	}
	return edges
}

func benchRandom(b *testing.B, opt Options) {
	const n = 100000
	edges := randomSparse(n, 10, 42)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Match(n, edges, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGeneral_Random100k(b *testing.B) { benchRandom(b, Options{}) }

func BenchmarkGeneral_Random100kMaxCard(b *testing.B) {
	benchRandom(b, Options{MaxCardinality: true})
}
