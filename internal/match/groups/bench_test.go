package groups

import (
	"math/rand/v2"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/internal/adjacency"
	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
	"github.com/mentormesh/mentormesh/internal/match/matchtest"
)

// BenchmarkGroups_Circ solves the reference circle instances and reports the
// share of the CBC optimum reached and the gap to the bound.
func BenchmarkGroups_Circ(b *testing.B) {
	for _, tc := range circOptima {
		b.Run(tc.name, func(b *testing.B) {
			n, k, edges := matchtest.Load(b, tc.name+".txt")
			var res Result
			for b.Loop() {
				var err error
				if res, err = Partition(n, edges, Options{Size: k, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(100*res.Total/tc.opt, "%opt")
			b.ReportMetric(100*(res.Bound-res.Total)/res.Bound, "%gap")
		})
	}
}

// BenchmarkGroups_Sparse10k splits 10,000 people into groups of 5 with about
// 50 candidate partners each (default budget) and reports the gap to the
// bound and the improvement over the greedy start.
func BenchmarkGroups_Sparse10k(b *testing.B) {
	const n = 10_000
	edges := synth.NearestNeighbours(b, n, 50, 1)
	g, err := adjacency.New(n, edges)
	if err != nil {
		b.Fatal(err)
	}
	greedy := total(g, greedy(g, Sizes(n, 5), rand.New(rand.NewPCG(1, 1))))
	var res Result
	for b.Loop() {
		if res, err = Partition(n, edges, Options{Size: 5, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(edges)), "edges")
	b.ReportMetric(res.Total, "total")
	b.ReportMetric(100*(res.Bound-res.Total)/res.Bound, "%gap")
	b.ReportMetric(100*(res.Total-greedy)/greedy, "%overGreedy")
}
