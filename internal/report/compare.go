package report

import (
	"slices"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Defaults of CompareOptions.
const (
	DefaultResamples = 2000
	DefaultSeed      = 20261208
	DefaultMinN      = 10
)

// CompareOptions tune the format comparison.
type CompareOptions struct {
	// Resamples is the number of bootstrap resamples (0: DefaultResamples).
	Resamples int
	// Seed fixes the resamples, so the same data give the same intervals
	// (0: DefaultSeed).
	Seed uint64
	// MinN is the fewest relationships with data a format needs before a
	// difference gets a verdict other than too_few (0: DefaultMinN).
	MinN int
}

func (o CompareOptions) withDefaults() CompareOptions {
	if o.Resamples <= 0 {
		o.Resamples = DefaultResamples
	}
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.MinN <= 0 {
		o.MinN = DefaultMinN
	}
	return o
}

// Comparison is the format comparison: every outcome metric side by side
// per format, raw and adjusted (see the package doc).
type Comparison struct {
	From      time.Time          `json:"from"`
	To        time.Time          `json:"to"`
	Resamples int                `json:"resamples"`
	Seed      uint64             `json:"seed"`
	Metrics   []MetricComparison `json:"metrics"`
}

// MetricComparison compares the formats on one metric. Formats lists the
// formats with data for the metric, in mentor.Formats order; Differences
// every pair of them, A before B in that order.
type MetricComparison struct {
	Metric      string           `json:"metric"`
	Label       string           `json:"label"`
	Unit        string           `json:"unit"`
	Formats     []FormatEstimate `json:"formats"`
	Differences []Difference     `json:"differences"`
	Adjusted    Adjusted         `json:"adjusted"`
}

// Adjusted is the like-with-like comparison: the same shape as the raw one,
// each format reweighted to the pooled distribution of strata (seniority
// band and department).
type Adjusted struct {
	Method      string           `json:"method"`
	Formats     []FormatEstimate `json:"formats"`
	Differences []Difference     `json:"differences"`
}

// FormatEstimate is one format's estimate of a metric: N relationships
// with data, the estimate (the metric's numerator summed over them over its
// denominator summed), and the 95% bootstrap percentile interval.
type FormatEstimate struct {
	Format mentor.Format `json:"format"`
	Label  string        `json:"label"`
	N      int           `json:"n"`
	Value  float64       `json:"value"`
	CILow  float64       `json:"ci_low"`
	CIHigh float64       `json:"ci_high"`
	// Coverage (adjusted only) is the share of the pooled relationships that
	// lie in strata where this format has data; the estimate speaks for them.
	Coverage *float64 `json:"coverage,omitempty"`
}

// Difference is A's estimate minus B's, with its 95% bootstrap interval,
// the verdict (Verdict* constants) and a sentence for people.
type Difference struct {
	A       mentor.Format `json:"a"`
	B       mentor.Format `json:"b"`
	Value   float64       `json:"value"`
	CILow   float64       `json:"ci_low"`
	CIHigh  float64       `json:"ci_high"`
	Verdict string        `json:"verdict"`
	Text    string        `json:"text"`
	// Strata and Dropped (adjusted only): the strata where both formats
	// have data, and the relationships of either format left out because
	// their stratum lacks the other format.
	Strata  int `json:"strata,omitempty"`
	Dropped int `json:"dropped,omitempty"`
}

// Compare compares the formats of the programs the filter selects on every
// outcome metric (metric definitions: see accumulate in metrics.go, the
// same as Outcomes). A relationship's format is its own or its program's.
func Compare(d *Data, f Filter, o CompareOptions) Comparison {
	o = o.withDefaults()
	d = f.Apply(d)
	p := f.resolve(d)
	groups := units(newIndex(d), p)
	adj := adjust(groups, o.Resamples, o.Seed)
	raw := adj.raw
	out := Comparison{From: p.from, To: p.to, Resamples: o.Resamples, Seed: o.Seed, Metrics: []MetricComparison{}}
	for m := range nMetrics {
		info := metricInfos[m]
		mc := MetricComparison{Metric: info.id, Label: info.label, Unit: info.unit}
		mc.Formats, mc.Differences = rawMetric(groups, raw, m, o)
		mc.Adjusted = adj.metric(m, o)
		out.Metrics = append(out.Metrics, mc)
	}
	return out
}

// rawMetric assembles the raw estimates and differences of metric m.
func rawMetric(groups [][]unit, raw [][nMetrics][]float64, m int, o CompareOptions) ([]FormatEstimate, []Difference) {
	info := metricInfos[m]
	fs := []FormatEstimate{}
	var present []int
	ns := make([]int, len(groups))
	for g, us := range groups {
		var num, den float64
		for i := range us {
			if us[i].has(m) {
				ns[g]++
				num += us[i].sums[2*m]
				den += us[i].sums[2*m+1]
			}
		}
		if ns[g] == 0 {
			continue
		}
		present = append(present, g)
		lo, hi, _ := interval(raw[g][m])
		fs = append(fs, FormatEstimate{Format: mentor.Formats[g], Label: FormatName(mentor.Formats[g]),
			N: ns[g], Value: num / den, CILow: lo, CIHigh: hi})
	}
	ds := []Difference{}
	for i, a := range present {
		for _, b := range present[i+1:] {
			diff := make([]float64, o.Resamples)
			for k := range diff {
				diff[k] = raw[a][m][k] - raw[b][m][k]
			}
			d := Difference{A: mentor.Formats[a], B: mentor.Formats[b], Value: fs[i].Value - fs[slices.Index(present, b)].Value}
			d.CILow, d.CIHigh, _ = interval(diff)
			d.Verdict = verdict(d.CILow, d.CIHigh, ns[a], ns[b], o.MinN)
			d.Text = sentence(info, d, ns[a], ns[b], o.MinN)
			ds = append(ds, d)
		}
	}
	return fs, ds
}
