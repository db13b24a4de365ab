package report

import (
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// benchOrg is about 20,000 people in 10,000 relationships over two years,
// every format, with goals, meetings, feedback, check-ins and assessments.
func benchOrg(tb testing.TB) *Data {
	return synth(tb, synthSpec{formats: mentor.Formats,
		perFormat: []int{2000, 800, 1800, 800, 600, 1200, 1200, 800, 800},
		goalP:     []float64{0.7, 0.6, 0.55, 0.6, 0.5, 0.45, 0.65, 0.6, 0.6}, full: true, seed: 1})
}

// BenchmarkCompare_20000People compares all metrics of the 20,000-person
// organisation with 2,000 resamples (raw and adjusted). The time per
// operation is the figure recorded in bench/RESULTS.md; cpu-s/op is the
// CPU time it took (both cores), which a busy shared machine disturbs less.
func BenchmarkCompare_20000People(b *testing.B) {
	d := benchOrg(b)
	b.ReportMetric(float64(len(d.Relationships)), "relationships")
	start := cpuTime()
	for b.Loop() {
		c := Compare(d, Filter{}, CompareOptions{Resamples: 2000})
		if len(c.Metrics) != nMetrics {
			b.Fatal("missing metrics")
		}
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}
