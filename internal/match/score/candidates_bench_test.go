package score_test

import (
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
	"github.com/mentormesh/mentormesh/internal/match/score"
)

var benchFormats = []score.Format{score.FormatMentoring, score.FormatReverse, score.FormatPeer, score.FormatSkillSwap,
	score.FormatCircles, score.FormatRotation, score.FormatAdvisoryBoard}

// benchCandidates runs CandidatesWith on 20,000 synthetic people of format
// f and reports, beside the wall time, the process CPU seconds per run
// (cpu-s/op: the work, less sensitive to a shared machine), the pairs
// scored per person and the people cut by the budget.
func benchCandidates(b *testing.B, f score.Format, workers int) {
	b.Helper()
	people := synth.People(b, 20000, 1, f)
	w, r := score.DefaultWeights(f), score.DefaultRules(f)
	var cs score.CandidateSet
	cpu0 := synth.CPUTime()
	for b.Loop() {
		var err error
		cs, err = score.CandidatesWith(people, f, w, r, score.CandidateOptions{TopK: 50, Workers: workers})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((synth.CPUTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(cs.Scored)/float64(len(people)), "scored/person")
	b.ReportMetric(float64(cs.Truncated), "truncated")
}

// BenchmarkCandidates_20000 measures top-50 candidate lists for 20,000
// synthetic participants per format with the default options (index
// search, budget, GOMAXPROCS workers).
func BenchmarkCandidates_20000(b *testing.B) {
	for _, f := range benchFormats {
		b.Run(string(f), func(b *testing.B) { benchCandidates(b, f, 0) })
	}
}

// BenchmarkCandidates_20000_Serial is BenchmarkCandidates_20000 on one
// worker.
func BenchmarkCandidates_20000_Serial(b *testing.B) {
	for _, f := range benchFormats {
		b.Run(string(f), func(b *testing.B) { benchCandidates(b, f, 1) })
	}
}

// BenchmarkScore measures one fully explained Score call.
func BenchmarkScore(b *testing.B) {
	people := synth.People(b, 200, 3, score.FormatPeer)
	w, r := score.DefaultWeights(score.FormatPeer), score.DefaultRules(score.FormatPeer)
	i := 0
	for b.Loop() {
		score.Score(&people[i%200], &people[(i*7+1)%200], score.FormatPeer, w, r)
		i++
	}
}
