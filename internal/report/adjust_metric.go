package report

import "github.com/mentormesh/mentormesh/internal/mentor"

// metric assembles the adjusted comparison of metric m.
func (a *adjustment) metric(m int, o CompareOptions) Adjusted {
	info := metricInfos[m]
	out := Adjusted{Method: AdjustMethod, Formats: []FormatEstimate{}, Differences: []Difference{}}
	total := 0
	for s := range a.ns {
		total += a.pooled[s*nMetrics+m]
	}
	for g := range a.nf {
		n, covered := 0, 0
		for s := range a.ns {
			if k := a.n[(g*a.ns+s)*nMetrics+m]; k > 0 {
				n += k
				covered += a.pooled[s*nMetrics+m]
			}
		}
		if n == 0 {
			continue
		}
		slot := g*nMetrics + m
		lo, hi, _ := interval(a.reps[slot])
		out.Formats = append(out.Formats, FormatEstimate{Format: mentor.Formats[g], Label: FormatName(mentor.Formats[g]),
			N: n, Value: a.point[slot], CILow: lo, CIHigh: hi, Coverage: ratio(float64(covered), float64(total))})
	}
	for p, pr := range a.pairs {
		if d, ok := a.difference(p, pr, m, o); ok {
			d.Text = sentence(info, d.Difference, d.naShared, d.nbShared, o.MinN)
			if d.Strata == 0 {
				d.Text = "No like-for-like comparison: no seniority band and department has both " +
					FormatName(d.A) + " and " + FormatName(d.B) + "."
			}
			out.Differences = append(out.Differences, d.Difference)
		}
	}
	return out
}

type adjustedDifference struct {
	Difference
	naShared, nbShared int
}

// difference is the adjusted difference of pair p on metric m; false when
// a format of the pair has no data for the metric.
func (a *adjustment) difference(p int, pr [2]int, m int, o CompareOptions) (adjustedDifference, bool) {
	d := adjustedDifference{Difference: Difference{A: mentor.Formats[pr[0]], B: mentor.Formats[pr[1]]}}
	var na, nb int
	for s := range a.ns {
		ka, kb := a.n[(pr[0]*a.ns+s)*nMetrics+m], a.n[(pr[1]*a.ns+s)*nMetrics+m]
		na, nb = na+ka, nb+kb
		if ka > 0 && kb > 0 {
			d.Strata++
			d.naShared, d.nbShared = d.naShared+ka, d.nbShared+kb
		} else {
			d.Dropped += ka + kb
		}
	}
	if na == 0 || nb == 0 {
		return d, false
	}
	if d.Strata == 0 {
		d.Verdict = VerdictTooFew
		return d, true
	}
	slot := (a.nf+p)*nMetrics + m
	d.Value = a.point[slot]
	d.CILow, d.CIHigh, _ = interval(a.reps[slot])
	d.Verdict = verdict(d.CILow, d.CIHigh, d.naShared, d.nbShared, o.MinN)
	return d, true
}
