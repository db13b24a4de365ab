package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// scoreFormat returns a format's raw score and its reasons in words.
func scoreFormat(f mentor.Format, sig *[nNeeds]signal) (float64, []string) {
	raw, ok := prior[f]
	if !ok {
		raw = defaultPrior
	}
	var fits, misfits []string
	for n := range nNeeds {
		c := sig[n].strength * fit[n][f]
		if f == mentor.FormatReverse && need(n) == needDigital {
			c += digitalSeniorBonus * min(sig[needDigital].strength, sig[needSenior].strength)
		}
		raw += c
		switch {
		case c >= 0.15:
			fits = append(fits, needWords[n]+" ("+strings.Join(sig[n].said, ", ")+")")
		case c <= -0.15:
			misfits = append(misfits, needWords[n])
		}
	}
	reasons := []string{capital(FormatName(f)) + ": " + strengths[f] + "."}
	if len(fits) > 0 {
		reasons = append(reasons, "Fits what you said: "+strings.Join(fits, "; ")+".")
	}
	if len(misfits) > 0 {
		reasons = append(reasons, "Less suited to "+strings.Join(misfits, " or ")+".")
	}
	return raw, reasons
}

// evidence quotes the comparison's goal completion of the top format
// against the runner-up (or, when it has too little data, the format with
// the most), if both have DefaultMinN relationships or more.
func evidence(c *Comparison, top, second mentor.Format) string {
	if c == nil {
		return ""
	}
	i := slices.IndexFunc(c.Metrics, func(m MetricComparison) bool { return m.Metric == MetricGoalCompletion })
	if i < 0 {
		return ""
	}
	m := c.Metrics[i]
	var best, other *FormatEstimate
	for k := range m.Formats {
		fe := &m.Formats[k]
		switch {
		case fe.N < DefaultMinN:
		case fe.Format == top:
			best = fe
		case fe.Format == second || other == nil || other.Format != second && fe.N > other.N:
			other = fe
		}
	}
	if best == nil || other == nil {
		return ""
	}
	s := fmt.Sprintf("Here, people in %s completed %.0f%% of their goals and people in %s %.0f%%.",
		FormatName(best.Format), 100*best.Value, FormatName(other.Format), 100*other.Value)
	for _, d := range m.Differences {
		if (d.A == top && d.B == other.Format || d.B == top && d.A == other.Format) && d.Verdict == VerdictUnclear {
			s += " The difference is not clear yet."
		}
	}
	return s
}
