package match

import (
	"testing"
)

// TestScore_HardConstraints: each hard constraint removes the pair, names
// itself in RemovedBy and says why in Summary; the same pair without the
// offending detail is kept.
func TestScore_HardConstraints(t *testing.T) {
	tests := []struct {
		name    string
		f       Format
		change  func(a, b *Profile, r *Rules)
		want    Constraint
		summary string
	}{
		{"same person", FormatPeer, func(a, b *Profile, r *Rules) { b.ID = a.ID },
			ConstraintSelf, "removed: Ana cannot be matched with themselves"},
		{"mentor is the mentee's manager", FormatMentoring, func(a, b *Profile, r *Rules) { a.ManagerID = "ben" },
			ConstraintManager, "removed: Ben is Ana's manager"},
		{"mentee is the mentor's manager", FormatMentoring, func(a, b *Profile, r *Rules) { b.ManagerID = "ana" },
			ConstraintManager, "removed: Ana is Ben's manager"},
		{"mentee blocked the mentor", FormatMentoring, func(a, b *Profile, r *Rules) { a.Blocked = []string{"x", "ben"} },
			ConstraintBlocked, "removed: Ana blocked Ben"},
		{"mentor blocked the mentee", FormatPeer, func(a, b *Profile, r *Rules) { b.Blocked = []string{"ana"} },
			ConstraintBlocked, "removed: Ben blocked Ana"},
		{"past partners in rotation", FormatRotation, func(a, b *Profile, r *Rules) { b.PastPartners = []string{"ana"} },
			ConstraintPastPartner, "removed: Ana and Ben were partners before (the program never repeats a pair)"},
		{"same department in a cross-functional program", FormatMentoring, func(a, b *Profile, r *Rules) {
			r.CrossFunctional = true
			b.Department = "DATA"
		}, ConstraintCrossFunctional, "removed: same department, Data (cross-functional program)"},
		{"no shared language", FormatMentoring, func(a, b *Profile, r *Rules) { b.Languages = []string{"German"} },
			ConstraintLanguage, "removed: no shared language (Ana: English and Spanish; Ben: German)"},
		{"mentor not senior enough", FormatMentoring, func(a, b *Profile, r *Rules) { b.Seniority = a.Seniority },
			ConstraintSeniority, "removed: the mentor must be 1 to 4 levels above the mentee; Ana is level 3, Ben is level 3"},
		{"mentor too far above", FormatMentoring, func(a, b *Profile, r *Rules) { b.Seniority = 8 },
			ConstraintSeniority, "removed: the mentor must be 1 to 4 levels above the mentee; Ana is level 3, Ben is level 8"},
		{"reverse mentor senior to the mentee", FormatReverse, func(a, b *Profile, r *Rules) {},
			ConstraintSeniority, "removed: the mentor must be 1 to 7 levels junior to the mentee; Ana is level 3, Ben is level 5"},
		{"peers too far apart", FormatPeer, func(a, b *Profile, r *Rules) { b.Seniority = 6 },
			ConstraintSeniority, "removed: seniority more than 2 levels apart; Ana is level 3, Ben is level 6"},
		{"time zones without overlap", FormatMentoring, func(a, b *Profile, r *Rules) { b.UTCOffsetMinutes = 600 },
			ConstraintAvailability, "removed: only 0 h a week of shared availability; the program needs 2"},
		{"explicit slots below the minimum", FormatMentoring, func(a, b *Profile, r *Rules) {
			a.Availability.Set(10) // Monday 10:00 UTC, inside Ben's working hours
			r.MinOverlapHours = 2
		}, ConstraintAvailability, "removed: only 1 h a week of shared availability; the program needs 2"},
		{"skill swap with one direction", FormatSkillSwap, func(a, b *Profile, r *Rules) {},
			ConstraintReciprocity, "removed: a skill swap needs both directions, but Ana offers none of the skills Ben wants"},
		{"unknown format", Format("speed_dating"), func(a, b *Profile, r *Rules) {},
			ConstraintFormat, `removed: unknown program format "speed_dating"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := scBasePair()
			r := DefaultRules(tt.f)
			tt.change(&a, &b, &r)
			s, ok := Score(&a, &b, tt.f, DefaultWeights(tt.f), r)
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
		f      Format
		change func(a, b *Profile, r *Rules)
	}{
		{"past partners outside rotation", FormatMentoring, func(a, b *Profile, r *Rules) { a.PastPartners = []string{"ben"} }},
		{"rotation that allows repeats", FormatRotation, func(a, b *Profile, r *Rules) {
			a.PastPartners = []string{"ben"}
			r.ExcludePastPartners = false
		}},
		{"same department without cross-functional", FormatMentoring, func(a, b *Profile, r *Rules) { b.Department = "Data" }},
		{"cross-functional with an unknown department", FormatMentoring, func(a, b *Profile, r *Rules) {
			r.CrossFunctional = true
			a.Department, b.Department = "", ""
		}},
		{"languages unknown", FormatMentoring, func(a, b *Profile, r *Rules) { b.Languages = nil }},
		{"seniority range not enforced", FormatMentoring, func(a, b *Profile, r *Rules) {
			b.Seniority = 1
			r.EnforceSeniorityGap = false
		}},
		{"no minimum overlap", FormatMentoring, func(a, b *Profile, r *Rules) {
			b.UTCOffsetMinutes = 600
			r.MinOverlapHours = 0
		}},
		{"manager outside the pair", FormatPeer, func(a, b *Profile, r *Rules) { a.ManagerID, b.ManagerID = "zoe", "zoe" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := scBasePair()
			r := DefaultRules(tt.f)
			tt.change(&a, &b, &r)
			if tt.f == FormatSkillSwap || tt.f == FormatPeer || tt.f == FormatRotation {
				a.Seniority = b.Seniority
			}
			if s, ok := Score(&a, &b, tt.f, DefaultWeights(tt.f), r); !ok {
				t.Errorf("removed: %s", s.Summary)
			}
		})
	}
}

// TestScore_ConstraintOrder: a pair that breaks several constraints is
// reported with the first in the documented order.
func TestScore_ConstraintOrder(t *testing.T) {
	a, b := scBasePair()
	a.ManagerID = "ben"
	b.Languages = []string{"German"}
	b.UTCOffsetMinutes = 600
	s, ok := Score(&a, &b, FormatMentoring, DefaultWeights(FormatMentoring), DefaultRules(FormatMentoring))
	if ok || s.RemovedBy != ConstraintManager {
		t.Errorf("RemovedBy = %q (ok %v), want %q", s.RemovedBy, ok, ConstraintManager)
	}
}
