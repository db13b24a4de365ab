package score_test

import (
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/score"
)

// TestScore_HardConstraints: each hard constraint removes the pair, names
// itself in RemovedBy and says why in Summary; the same pair without the
// offending detail is kept.
func TestScore_HardConstraints(t *testing.T) {
	tests := []struct {
		name    string
		f       score.Format
		change  func(a, b *score.Profile, r *score.Rules)
		want    score.Constraint
		summary string
	}{
		{"same person", score.FormatPeer, func(a, b *score.Profile, r *score.Rules) { b.ID = a.ID },
			score.ConstraintSelf, "removed: Ana cannot be matched with themselves"},
		{"mentor is the mentee's manager", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { a.ManagerID = "ben" },
			score.ConstraintManager, "removed: Ben is Ana's manager"},
		{"mentee is the mentor's manager", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { b.ManagerID = "ana" },
			score.ConstraintManager, "removed: Ana is Ben's manager"},
		{"mentee blocked the mentor", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { a.Blocked = []string{"x", "ben"} },
			score.ConstraintBlocked, "removed: Ana blocked Ben"},
		{"mentor blocked the mentee", score.FormatPeer, func(a, b *score.Profile, r *score.Rules) { b.Blocked = []string{"ana"} },
			score.ConstraintBlocked, "removed: Ben blocked Ana"},
		{"past partners in rotation", score.FormatRotation, func(a, b *score.Profile, r *score.Rules) { b.PastPartners = []string{"ana"} },
			score.ConstraintPastPartner, "removed: Ana and Ben were partners before (the program never repeats a pair)"},
		{"same department in a cross-functional program", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) {
			r.CrossFunctional = true
			b.Department = "DATA"
		}, score.ConstraintCrossFunctional, "removed: same department, Data (cross-functional program)"},
		{"no shared language", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { b.Languages = []string{"German"} },
			score.ConstraintLanguage, "removed: no shared language (Ana: English and Spanish; Ben: German)"},
		{"mentor not senior enough", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { b.Seniority = a.Seniority },
			score.ConstraintSeniority, "removed: the mentor must be 1 to 4 levels above the mentee; Ana is level 3, Ben is level 3"},
		{"mentor too far above", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { b.Seniority = 8 },
			score.ConstraintSeniority, "removed: the mentor must be 1 to 4 levels above the mentee; Ana is level 3, Ben is level 8"},
		{"reverse mentor senior to the mentee", score.FormatReverse, func(a, b *score.Profile, r *score.Rules) {},
			score.ConstraintSeniority, "removed: the mentor must be 1 to 7 levels junior to the mentee; Ana is level 3, Ben is level 5"},
		{"peers too far apart", score.FormatPeer, func(a, b *score.Profile, r *score.Rules) { b.Seniority = 6 },
			score.ConstraintSeniority, "removed: seniority more than 2 levels apart; Ana is level 3, Ben is level 6"},
		{"time zones without overlap", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { b.UTCOffsetMinutes = 600 },
			score.ConstraintAvailability, "removed: only 0 h a week of shared availability; the program needs 2"},
		{"explicit slots below the minimum", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) {
			a.Availability.Set(10) // Monday 10:00 UTC, inside Ben's working hours
			r.MinOverlapHours = 2
		}, score.ConstraintAvailability, "removed: only 1 h a week of shared availability; the program needs 2"},
		{"skill swap with one direction", score.FormatSkillSwap, func(a, b *score.Profile, r *score.Rules) {},
			score.ConstraintReciprocity, "removed: a skill swap needs both directions, but Ana offers none of the skills Ben wants"},
		{"unknown format", score.Format("speed_dating"), func(a, b *score.Profile, r *score.Rules) {},
			score.ConstraintFormat, `removed: unknown program format "speed_dating"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			r := score.DefaultRules(tt.f)
			tt.change(&a, &b, &r)
			s, ok := score.Score(&a, &b, tt.f, score.DefaultWeights(tt.f), r)
			if ok || s.RemovedBy != tt.want || s.Summary != tt.summary {
				t.Fatalf("Score = ok %v, %q, %q; want removed by %q, %q", ok, s.RemovedBy, s.Summary, tt.want, tt.summary)
			}
			if s.Total != 0 || len(s.Factors) != 0 || s.AID != a.ID || s.BID != b.ID {
				t.Errorf("removed pair carries a score: %+v", s)
			}
		})
	}
}

// TestScore_ConstraintsOff: the optional constraints do nothing when the
// program does not ask for them, and unknown data never removes a pair.
func TestScore_ConstraintsOff(t *testing.T) {
	tests := []struct {
		name   string
		f      score.Format
		change func(a, b *score.Profile, r *score.Rules)
	}{
		{"past partners outside rotation", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { a.PastPartners = []string{"ben"} }},
		{"rotation that allows repeats", score.FormatRotation, func(a, b *score.Profile, r *score.Rules) {
			a.PastPartners = []string{"ben"}
			r.ExcludePastPartners = false
		}},
		{"same department without cross-functional", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { b.Department = "Data" }},
		{"cross-functional with an unknown department", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) {
			r.CrossFunctional = true
			a.Department, b.Department = "", ""
		}},
		{"languages unknown", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) { b.Languages = nil }},
		{"seniority range not enforced", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) {
			b.Seniority = 1
			r.EnforceSeniorityGap = false
		}},
		{"no minimum overlap", score.FormatMentoring, func(a, b *score.Profile, r *score.Rules) {
			b.UTCOffsetMinutes = 600
			r.MinOverlapHours = 0
		}},
		{"manager outside the pair", score.FormatPeer, func(a, b *score.Profile, r *score.Rules) { a.ManagerID, b.ManagerID = "zoe", "zoe" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			r := score.DefaultRules(tt.f)
			tt.change(&a, &b, &r)
			if tt.f == score.FormatSkillSwap || tt.f == score.FormatPeer || tt.f == score.FormatRotation {
				a.Seniority = b.Seniority
			}
			if s, ok := score.Score(&a, &b, tt.f, score.DefaultWeights(tt.f), r); !ok {
				t.Errorf("removed: %s", s.Summary)
			}
		})
	}
}

// TestScore_ConstraintOrder: a pair that breaks several constraints is
// reported with the first in the documented order.
func TestScore_ConstraintOrder(t *testing.T) {
	a, b := basePair()
	a.ManagerID = "ben"
	b.Languages = []string{"German"}
	b.UTCOffsetMinutes = 600
	s, ok := score.Score(&a, &b, score.FormatMentoring, score.DefaultWeights(score.FormatMentoring), score.DefaultRules(score.FormatMentoring))
	if ok || s.RemovedBy != score.ConstraintManager {
		t.Errorf("RemovedBy = %q (ok %v), want %q", s.RemovedBy, ok, score.ConstraintManager)
	}
}
