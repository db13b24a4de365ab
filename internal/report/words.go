package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// FormatName names a format in words for people ("advisory board", never
// "advisory_board").
func FormatName(f mentor.Format) string {
	switch f {
	case mentor.FormatMentoring:
		return "mentoring"
	case mentor.FormatReverse:
		return "reverse mentoring"
	case mentor.FormatPeer:
		return "peer mentoring"
	case mentor.FormatSkillSwap:
		return "skill swap"
	case mentor.FormatCircles:
		return "peer circles"
	case mentor.FormatRotation:
		return "rotation"
	case mentor.FormatFlash:
		return "flash mentoring"
	case mentor.FormatShadow:
		return "shadowing"
	case mentor.FormatAdvisoryBoard:
		return "advisory board"
	}
	return strings.ReplaceAll(string(f), "_", " ")
}

// Verdicts of a difference between two formats.
const (
	VerdictAHigher = "a_higher" // the interval lies above zero
	VerdictBHigher = "b_higher" // the interval lies below zero
	VerdictUnclear = "unclear"  // the interval includes zero
	VerdictTooFew  = "too_few"  // fewer than the minimum relationships in either format
)

// verdict decides on a difference from its interval and the group sizes.
func verdict(lo, hi float64, na, nb, minN int) string {
	switch {
	case na < minN || nb < minN:
		return VerdictTooFew
	case lo > 0:
		return VerdictAHigher
	case hi < 0:
		return VerdictBHigher
	}
	return VerdictUnclear
}

// sentence says a difference in plain words.
func sentence(info metricInfo, d Difference, na, nb, minN int) string {
	a, b := FormatName(d.A), FormatName(d.B)
	f := amounts(info.unit, d.Value, d.CILow, d.CIHigh)
	switch d.Verdict {
	case VerdictTooFew:
		return fmt.Sprintf("Too few to say (n < %d): %d relationships in %s, %d in %s.", minN, na, a, nb, b)
	case VerdictUnclear:
		return fmt.Sprintf("No clear difference between %s and %s (CI %s to %s includes zero).", a, b, f(d.CILow), f(d.CIHigh))
	}
	v, lo, hi := d.Value, d.CILow, d.CIHigh
	if d.Verdict == VerdictBHigher {
		a, b, v, lo, hi = b, a, -v, -hi, -lo
	}
	return fmt.Sprintf("%s %s than %s: %s%s (95%% CI %s to %s).", capital(a), info.more, b, f(v), unitWords[info.unit], f(lo), f(hi))
}

var unitWords = map[string]string{UnitShare: " points", UnitLevels: " levels", UnitRating: " rating points", UnitPerMonth: " meetings a month"}

// amounts returns how to write the signed amounts of one sentence: shares
// in percentage points, whole unless all are under 10 points (then one
// decimal); other units with two decimals.
func amounts(unit string, vs ...float64) func(float64) string {
	if unit != UnitShare {
		return func(v float64) string { return signed(v, 2) }
	}
	decimals := 1
	for _, v := range vs {
		if math.Abs(v) >= 0.1 {
			decimals = 0
		}
	}
	return func(v float64) string { return signed(100*v, decimals) }
}

// signed writes v with a sign and the given decimals, never "-0".
func signed(v float64, decimals int) string {
	p := math.Pow(10, float64(decimals))
	r := math.Round(v*p) / p
	if r == 0 {
		r = 0 // no negative zero
	}
	return fmt.Sprintf("%+.*f", decimals, r)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
