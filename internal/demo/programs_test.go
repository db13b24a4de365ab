package demo

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

func TestGenerate_Programs(t *testing.T) { forOrgs(t, checkPrograms) }

func checkPrograms(t *testing.T, o *Org) {
	genZ := 0
	for _, ps := range o.Programs {
		p := ps.Program
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
		d := p
		d.ApplyDefaults()
		if !reflect.DeepEqual(d, ps.Program) {
			t.Errorf("%s: defaults were not applied", p.Name)
		}
		from := mentor.StatusDraft
		last := p.CreatedAt
		for _, tr := range ps.Transitions {
			if err := mentor.Transition(from, tr.To); err != nil {
				t.Errorf("%s: %v", p.Name, err)
			}
			if tr.At.Before(last) {
				t.Errorf("%s: move to %s at %v is before the previous step", p.Name, tr.To, tr.At)
			}
			from, last = tr.To, tr.At
		}
		if from != p.Status {
			t.Errorf("%s: transitions end at %s, status is %s", p.Name, from, p.Status)
		}
		if p.Format == mentor.FormatMentoring && !p.Options.CrossFunctional {
			t.Errorf("the mentoring program is not cross-functional")
		}
		enrolling, matching := statusAt(&ps, mentor.StatusEnrolling), statusAt(&ps, mentor.StatusMatching)
		seen := map[int]bool{}
		for _, es := range ps.Enrollments {
			e := es.Enrollment
			e.PersonID = int64(es.Person + 1)
			if err := e.Validate(p.Format); err != nil {
				t.Errorf("%s: enrollment of %d: %v", p.Name, es.Person, err)
			}
			if seen[es.Person] {
				t.Errorf("%s: person %d enrolled twice", p.Name, es.Person)
			}
			seen[es.Person] = true
			// The store waitlists enrollments after enrolling closes.
			if e.CreatedAt.Before(enrolling) || (!matching.IsZero() && !e.CreatedAt.Before(matching)) {
				t.Errorf("%s: enrollment at %v outside the enrolling window", p.Name, e.CreatedAt)
			}
			if e.Role == mentor.RoleMentor && (e.Capacity < 1 || e.Capacity > 4) {
				t.Errorf("%s: mentor capacity %d, want 1..4", p.Name, e.Capacity)
			}
			if len(p.Options.CohortGenerations) > 0 {
				g := mentor.Generation(o.People[es.Person].Person.BirthYear)
				if !strings.Contains(strings.Join(p.Options.CohortGenerations, ","), g) {
					t.Errorf("%s: person %d of generation %s is outside the cohort", p.Name, es.Person, g)
				}
			}
		}
		if len(ps.Enrollments) < 20 {
			t.Errorf("%s: only %d enrollments", p.Name, len(ps.Enrollments))
		}
		if len(p.Options.CohortGenerations) == 1 && p.Options.CohortGenerations[0] == "gen_z" {
			genZ++
		}
	}
	if genZ != 1 {
		t.Errorf("%d programs with a Gen Z cohort filter, want 1", genZ)
	}
}

func TestGenerate_Matches(t *testing.T) { forOrgs(t, checkMatches) }

func checkMatches(t *testing.T, o *Org) {
	type key struct {
		program *ProgramSpec
		person  int
	}
	load := map[key]int{}
	states := map[mentor.MatchState]int{}
	eachMatch(t, o, func(ps *ProgramSpec, m *MatchSpec) {
		f := ps.Program.Format
		mm := m.Match
		states[mm.State]++
		if len(m.Members) != len(mm.Members) || len(m.Members) < 2 {
			t.Fatalf("%s: match with %d members and %d member values", ps.Program.Name, len(m.Members), len(mm.Members))
		}
		seen := map[int]bool{}
		for k, p := range m.Members {
			if seen[p] {
				t.Errorf("%s: person %d twice in one match", ps.Program.Name, p)
			}
			seen[p] = true
			e := enrollmentOf(ps, p)
			if e == nil {
				t.Errorf("%s: match member %d is not enrolled", ps.Program.Name, p)
			} else if e.Enrollment.Role != mm.Members[k].Role {
				t.Errorf("%s: member %d matched as %s, enrolled as %s", ps.Program.Name, p, mm.Members[k].Role, e.Enrollment.Role)
			}
			if mm.Members[k].Name != o.People[p].Person.Name {
				t.Errorf("%s: member name %q, person %q", ps.Program.Name, mm.Members[k].Name, o.People[p].Person.Name)
			}
		}
		if mm.Score < 0 || mm.Score > 100 || mm.Summary == "" || len(mm.Factors) == 0 {
			t.Errorf("%s: match score %.1f, summary %q, %d factors", ps.Program.Name, mm.Score, mm.Summary, len(mm.Factors))
		}
		if m.Run >= len(ps.Runs) {
			t.Errorf("%s: match refers to run %d of %d", ps.Program.Name, m.Run, len(ps.Runs))
		}
		switch mm.State {
		case mentor.MatchDeclined:
			declined := 0
			for _, mb := range mm.Members {
				if mb.Response == "declined" && mb.Reason != "" {
					declined++
				}
			}
			if declined != 1 || len(m.Meetings) > 0 {
				t.Errorf("%s: declined match with %d declining members and %d meetings", ps.Program.Name, declined, len(m.Meetings))
			}
		case mentor.MatchEnded:
			reason := false
			for _, mb := range mm.Members {
				reason = reason || mb.Reason != ""
			}
			if !reason {
				t.Errorf("%s: ended match without a reason", ps.Program.Name)
			}
		}
		if mm.State.Confirmed() || mm.State == mentor.MatchEnded {
			for _, mb := range mm.Members {
				if mb.Response != "accepted" {
					t.Errorf("%s: %s match has a member who answered %q", ps.Program.Name, mm.State, mb.Response)
				}
			}
			if m.AcceptedAt.IsZero() {
				t.Errorf("%s: %s match was never accepted", ps.Program.Name, mm.State)
			}
		}
		if mm.State == mentor.MatchDeclined || f == mentor.FormatFlash || f == mentor.FormatRotation {
			return
		}
		for k, p := range m.Members {
			load[key{ps, p}]++
			if f.Directional() && mm.Members[k].Role == mentor.RoleMentee && load[key{ps, p}] > 1 {
				t.Errorf("%s: mentee %d has %d matches", ps.Program.Name, p, load[key{ps, p}])
			}
		}
		if f == mentor.FormatMentoring && o.People[m.Members[0]].Person.Department == o.People[m.Members[1]].Person.Department {
			t.Errorf("cross-functional mentoring pairs two people from %s", o.People[m.Members[0]].Person.Department)
		}
		if f == mentor.FormatMentoring || f == mentor.FormatShadow {
			if gap := o.People[m.Members[1]].Person.Seniority - o.People[m.Members[0]].Person.Seniority; gap < 1 {
				t.Errorf("%s: mentor is %d levels above the mentee", ps.Program.Name, gap)
			}
		}
	})
	for k, n := range load {
		if e := enrollmentOf(k.program, k.person); e.Enrollment.Role == mentor.RoleMentor && n > e.Enrollment.Capacity {
			t.Errorf("%s: mentor %d has %d matches, capacity %d", k.program.Program.Name, k.person, n, e.Enrollment.Capacity)
		}
	}
	for _, s := range []mentor.MatchState{mentor.MatchActive, mentor.MatchCompleted, mentor.MatchDeclined, mentor.MatchEnded, mentor.MatchAccepted} {
		if states[s] == 0 {
			t.Errorf("no %s matches: %v", s, states)
		}
	}
}

func TestGenerate_RotationNeverRepeats(t *testing.T) { forOrgs(t, checkRotationNeverRepeats) }

func checkRotationNeverRepeats(t *testing.T, o *Org) {
	ps := program(t, o, mentor.FormatRotation)
	met := map[[2]int]int{}
	cycles := map[int]int{}
	for _, m := range ps.Matches {
		c := m.Match.Cycle
		cycles[c]++
		k := pairKey(m.Members[0], m.Members[1])
		if prev, ok := met[k]; ok {
			t.Errorf("pair %v meets in cycles %d and %d", k, prev, c)
		}
		met[k] = c
		if len(m.Members) != ps.Program.Options.GroupSize {
			t.Errorf("rotation group of %d, group size %d", len(m.Members), ps.Program.Options.GroupSize)
		}
		if o.People[k[0]].Person.Department == o.People[k[1]].Person.Department {
			t.Errorf("rotation pair %v from one department", k)
		}
	}
	if len(cycles) < 4 {
		t.Errorf("only %d cycles in six months of monthly rotation", len(cycles))
	}
	for c := 1; c <= len(cycles); c++ {
		if cycles[c] == 0 {
			t.Errorf("cycle %d is missing: %v", c, cycles)
		}
	}
}
