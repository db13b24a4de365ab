package report

import (
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

func TestVerdict_Cases(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi float64
		na, nb int
		want   string
	}{
		{"above zero", 0.03, 0.21, 40, 40, VerdictAHigher},
		{"below zero", -0.3, -0.01, 40, 40, VerdictBHigher},
		{"includes zero", -0.08, 0.11, 40, 40, VerdictUnclear},
		{"touches zero", 0, 0.1, 40, 40, VerdictUnclear},
		{"too few in a", 0.1, 0.3, 9, 40, VerdictTooFew},
		{"too few in b", 0.1, 0.3, 40, 3, VerdictTooFew},
		{"exactly ten", 0.1, 0.3, 10, 10, VerdictAHigher},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := verdict(tc.lo, tc.hi, tc.na, tc.nb, 10); got != tc.want {
				t.Errorf("verdict = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestSentence_Cases(t *testing.T) {
	m, p := mentor.FormatMentoring, mentor.FormatPeer
	tests := []struct {
		name   string
		metric int
		d      Difference
		want   string
	}{
		{"b higher", mGoalCompletion, Difference{A: m, B: p, Value: -0.12, CILow: -0.21, CIHigh: -0.03, Verdict: VerdictBHigher},
			"Peer mentoring completed more goals than mentoring: +12 points (95% CI +3 to +21)."},
		{"a higher", mRating, Difference{A: mentor.FormatAdvisoryBoard, B: p, Value: 0.4, CILow: 0.1, CIHigh: 0.72, Verdict: VerdictAHigher},
			"Advisory board rated their meetings higher than peer mentoring: +0.40 rating points (95% CI +0.10 to +0.72)."},
		{"unclear", mGoalCompletion, Difference{A: m, B: p, Value: 0.02, CILow: -0.08, CIHigh: 0.11, Verdict: VerdictUnclear},
			"No clear difference between mentoring and peer mentoring (CI -8 to +11 includes zero)."},
		{"too few", mRetention, Difference{A: m, B: mentor.FormatSkillSwap, Verdict: VerdictTooFew},
			"Too few to say (n < 10): 7 relationships in mentoring, 30 in skill swap."},
		{"small share", mRetention, Difference{A: m, B: p, Value: 0.004, CILow: 0.001, CIHigh: 0.007, Verdict: VerdictAHigher},
			"Mentoring stayed to the end more often than peer mentoring: +0.4 points (95% CI +0.1 to +0.7)."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sentence(metricInfos[tc.metric], tc.d, 7, 30, 10); got != tc.want {
				t.Errorf("sentence =\n%q, want\n%q", got, tc.want)
			}
		})
	}
}

func TestFormatName_NoRawIdentifiers(t *testing.T) {
	for _, f := range mentor.Formats {
		if n := FormatName(f); n == "" || n == string(f) && f != mentor.FormatMentoring && f != mentor.FormatRotation {
			t.Errorf("FormatName(%s) = %q", f, n)
		}
	}
}
