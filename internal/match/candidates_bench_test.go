package match

import (
	"testing"
)

var candBenchFormats = []Format{FormatMentoring, FormatReverse, FormatPeer, FormatSkillSwap,
	FormatCircles, FormatRotation, FormatAdvisoryBoard}

// benchCandidates runs CandidatesWith on 20,000 synthetic people of format
// f and reports, beside the wall time, the process CPU seconds per run
// (cpu-s/op: the work, less sensitive to a shared machine), the pairs
// scored per person and the people cut by the budget.
func benchCandidates(b *testing.B, f Format, workers int) {
	b.Helper()
	people := synthPeople(b, 20000, 1, f)
	w, r := DefaultWeights(f), DefaultRules(f)
	var cs CandidateSet
	cpu0 := candCPUTime()
	for b.Loop() {
		var err error
		cs, err = CandidatesWith(people, f, w, r, CandidateOptions{TopK: 50, Workers: workers})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((candCPUTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(cs.Scored)/float64(len(people)), "scored/person")
	b.ReportMetric(float64(cs.Truncated), "truncated")
}

// BenchmarkCandidates_20000 measures top-50 candidate lists for 20,000
// synthetic participants per format with the default options (index
// search, budget, GOMAXPROCS workers).
func BenchmarkCandidates_20000(b *testing.B) {
	for _, f := range candBenchFormats {
		b.Run(string(f), func(b *testing.B) { benchCandidates(b, f, 0) })
	}
}

// BenchmarkCandidates_20000_Serial is BenchmarkCandidates_20000 on one
// worker.
func BenchmarkCandidates_20000_Serial(b *testing.B) {
	for _, f := range candBenchFormats {
		b.Run(string(f), func(b *testing.B) { benchCandidates(b, f, 1) })
	}
}

// BenchmarkScore measures one fully explained Score call.
func BenchmarkScore(b *testing.B) {
	people := synthPeople(b, 200, 3, FormatPeer)
	w, r := DefaultWeights(FormatPeer), DefaultRules(FormatPeer)
	i := 0
	for b.Loop() {
		Score(&people[i%200], &people[(i*7+1)%200], FormatPeer, w, r)
		i++
	}
}
