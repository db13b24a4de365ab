package rotation

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
)

// BenchmarkRotation_Pairs1000 schedules 1000 people in pairs for 999 rounds
// (the circle method) and reports the repeats (0 expected).
func BenchmarkRotation_Pairs1000(b *testing.B) {
	var res Result
	for b.Loop() {
		var err error
		if res, err = Schedule(1000, nil, Options{Size: 2, Rounds: 999, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Repeats), "repeats")
}

// BenchmarkRotation_Golf32x4 schedules 32 people in groups of 4 for 8, 9
// and 10 rounds (10 is the social golfer bound) with a 10 s budget and
// reports the repeated pairs left.
func BenchmarkRotation_Golf32x4(b *testing.B) {
	for _, rounds := range []int{8, 9, 10} {
		b.Run(fmt.Sprintf("rounds=%d", rounds), func(b *testing.B) {
			var res Result
			for b.Loop() {
				var err error
				opt := Options{Size: 4, Rounds: rounds, Seed: 1, Budget: 10 * time.Second}
				if res, err = Schedule(32, nil, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Repeats), "repeats")
		})
	}
}

// BenchmarkRotation_NextRound is the product's case: the next round of
// pairs for 500 people with about 20 weighted candidates each, after 20
// earlier rounds of history; it reports the repeats and the total weight.
func BenchmarkRotation_NextRound(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 3))
	edges := synth.NearestNeighbours(b, 500, 20, 3)
	history := randomRounds(rng, 500, 20)
	var res Result
	for b.Loop() {
		var err error
		if res, err = Schedule(500, edges, Options{Size: 2, Rounds: 1, History: history, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Repeats), "repeats")
	b.ReportMetric(res.Total, "total")
}

// BenchmarkRotation_Groups200 schedules 200 people with weights in groups
// of 5 for 10 rounds and reports the repeats and the total weight.
func BenchmarkRotation_Groups200(b *testing.B) {
	edges := synth.NearestNeighbours(b, 200, 20, 4)
	var res Result
	for b.Loop() {
		var err error
		if res, err = Schedule(200, edges, Options{Size: 5, Rounds: 10, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Repeats), "repeats")
	b.ReportMetric(res.Total, "total")
}
