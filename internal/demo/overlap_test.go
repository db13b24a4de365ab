package demo

import (
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/mentor"
)

// sharedHours is the engine's measure of two people's weekly shared
// availability: their slots on the engine's hour grid, or working hours in
// their time zone when they list none.
func engineSharedHours(o *Org, a, b int) int {
	week := func(i int) score.WeekHours {
		p := &o.People[i].Person
		prof := matchrun.Profile(p, &mentor.Enrollment{Role: mentor.RoleMentee}, nil, o.Now)
		if prof.Availability.IsZero() {
			return score.WorkingHours(prof.UTCOffsetMinutes)
		}
		return prof.Availability
	}
	return week(a).Overlap(week(b))
}

// Every pair in a demo match shares at least its program's minimum of
// weekly hours, as the engine would require (in groups, every pair the
// engine scores: the lead with each adviser on a board, all pairs in a
// circle or rotation group).
func TestGenerate_MatchesRespectMinOverlap(t *testing.T) {
	forOrgs(t, func(t *testing.T, o *Org) {
		bad := map[mentor.Format]int{}
		eachMatch(t, o, func(ps *ProgramSpec, m *MatchSpec) {
			p := ps.Program
			if p.Options.MinOverlapHours == nil {
				t.Fatalf("%s: no min_overlap_hours after defaults", p.Name)
			}
			min := *p.Options.MinOverlapHours
			for i, a := range m.Members {
				for j, b := range m.Members[i+1:] {
					if p.Format == mentor.FormatAdvisoryBoard && i > 0 {
						continue // advisers are not scored against each other
					}
					if h := engineSharedHours(o, a, b); h < min {
						bad[p.Format]++
						if bad[p.Format] <= 3 {
							t.Errorf("%s: %s and %s share %d h a week, the program needs %d (members %d, %d)", p.Name,
								o.People[a].Person.Name, o.People[b].Person.Name, h, min, i, i+1+j)
						}
					}
				}
			}
		})
		if len(bad) > 0 {
			t.Errorf("pairs below the minimum by format: %v", bad)
		}
	})
}
