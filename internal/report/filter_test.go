package report

import (
	"slices"
	"testing"
)

func relIDs(d *Data) []int64 {
	var ids []int64
	for _, r := range d.Relationships {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestFilter_Apply(t *testing.T) {
	tests := []struct {
		name        string
		f           Filter
		rels        []int64
		enrollments int
		meetings    int
		proposals   int
		risks       int
	}{
		{"everything", Filter{}, []int64{10, 11, 20}, 9, 5, 6, 1},
		{"one program", Filter{Programs: []int64{2}}, []int64{20}, 3, 0, 1, 1},
		{"several programs", Filter{Programs: []int64{1, 2}}, []int64{10, 11, 20}, 9, 5, 6, 1},
		// Sales: people 3, 4 (program 1), 8 (program 2).
		{"department", Filter{Departments: []string{"Sales"}}, []int64{11, 20}, 3, 1, 4, 1},
		{"cohort", Filter{Cohorts: []string{"A"}}, []int64{10, 11, 20}, 6, 5, 6, 1},
		{"department and program", Filter{Programs: []int64{1}, Departments: []string{"Sales"}}, []int64{11}, 2, 1, 3, 0},
		{"unknown department", Filter{Departments: []string{"Legal"}}, nil, 0, 0, 0, 0},
		{"all but a program", Filter{ExceptPrograms: []int64{1}}, []int64{20}, 3, 0, 1, 1},
		{"all programs but the only one", Filter{Programs: []int64{2}, ExceptPrograms: []int64{2}}, nil, 0, 0, 0, 0},
		// People 2 and 7: a mentee of match 10 and a peer of match 20.
		{"people", Filter{People: []int64{2, 7}}, []int64{10, 20}, 2, 4, 2, 1},
		{"people and program", Filter{Programs: []int64{1}, People: []int64{3}}, []int64{11}, 1, 1, 1, 0},
		{"unknown person", Filter{People: []int64{99}}, nil, 0, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := smallOrg(t)
			got := tc.f.Apply(d)
			if !slices.Equal(relIDs(got), tc.rels) {
				t.Errorf("relationships %v, want %v", relIDs(got), tc.rels)
			}
			if len(got.Enrollments) != tc.enrollments || len(got.Meetings) != tc.meetings ||
				len(got.Proposals) != tc.proposals || len(got.AtRisk) != tc.risks {
				t.Errorf("enrollments %d meetings %d proposals %d risks %d, want %d %d %d %d",
					len(got.Enrollments), len(got.Meetings), len(got.Proposals), len(got.AtRisk),
					tc.enrollments, tc.meetings, tc.proposals, tc.risks)
			}
			if len(d.Relationships) != 3 {
				t.Errorf("Apply changed its input")
			}
		})
	}
}

func TestFilter_Period(t *testing.T) {
	// January only: program A had 2 held meetings over 31 active days.
	f := Filter{Programs: []int64{1}, From: day(t, "2026-01-01"), To: day(t, "2026-02-01")}
	rep := Health(smallOrg(t), f, HealthOptions{})
	if len(rep.Programs) != 1 || len(rep.Programs[0].Monthly) != 1 {
		t.Fatalf("programs %d, want 1 with 1 month", len(rep.Programs))
	}
	near(t, "meetings per month", rep.Organisation.Total.MeetingsPerMatchMonth, 2/(31.0/30))
	if got := rep.Organisation.Total.Proposals.Accepted; got != 1 {
		t.Errorf("accepted %d, want 1 (20 January)", got)
	}
}

func TestFilter_ZeroPeriodFromData(t *testing.T) {
	d := smallOrg(t)
	p := Filter{}.resolve(d)
	if !p.from.Equal(day(t, "2025-12-01")) || !p.to.After(day(t, "2026-03-15")) {
		t.Errorf("period %v..%v, want 2025-12-01 .. just after 2026-03-15", p.from, p.to)
	}
}
