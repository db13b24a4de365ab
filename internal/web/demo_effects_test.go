package web

import (
	"testing"

	"github.com/mentormesh/mentormesh/internal/demo"
	"github.com/mentormesh/mentormesh/internal/report"
)

// TestDemoEffects_Recovered: the format comparison of the demo
// organisation finds every effect the demo's history is generated with
// (demo.Effects), with its interval on the documented side of zero, and
// calls the null effect unclear.
func TestDemoEffects_Recovered(t *testing.T) {
	f, _ := demoServer(t)
	var c report.Comparison
	f.do(f.coordTok, "GET", "/api/v1/reports/formats", nil, 200, &c)
	for _, e := range demo.Effects {
		var found *report.Difference
		for _, m := range c.Metrics {
			if m.Metric != e.Metric {
				continue
			}
			for i, d := range m.Differences {
				switch {
				case d.A == e.A && d.B == e.B:
					found = &m.Differences[i]
				case d.A == e.B && d.B == e.A: // listed the other way round
					flip := d
					flip.A, flip.B, flip.Value, flip.CILow, flip.CIHigh = d.B, d.A, -d.Value, -d.CIHigh, -d.CILow
					flip.Verdict = map[string]string{report.VerdictAHigher: report.VerdictBHigher, report.VerdictBHigher: report.VerdictAHigher}[d.Verdict]
					if flip.Verdict == "" {
						flip.Verdict = d.Verdict
					}
					found = &flip
				}
			}
		}
		if found == nil {
			t.Errorf("%s: no comparison of %s and %s", e.Metric, e.A, e.B)
			continue
		}
		ok := found.Verdict == e.Verdict
		switch e.Verdict {
		case report.VerdictAHigher:
			ok = ok && found.CILow > 0
		case report.VerdictUnclear:
			ok = ok && found.CILow <= 0 && found.CIHigh >= 0
		}
		t.Logf("%s, %s vs %s: %s %+.3f [%+.3f, %+.3f]", e.Metric, e.A, e.B, found.Verdict, found.Value, found.CILow, found.CIHigh)
		if !ok {
			t.Errorf("%s, %s vs %s: verdict %s, %+.3f [%+.3f, %+.3f]; the demo is generated so that it is %s (%s)",
				e.Metric, e.A, e.B, found.Verdict, found.Value, found.CILow, found.CIHigh, e.Verdict, e.Why)
		}
	}
}
