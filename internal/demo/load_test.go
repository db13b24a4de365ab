package demo

import (
	"context"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// countAll pages through a store list and counts its items.
func countAll[T any](tb testing.TB, list func(page store.Page) ([]T, string, error)) int {
	tb.Helper()
	n, page := 0, store.Page{Limit: store.MaxLimit}
	for {
		items, next, err := list(page)
		if err != nil {
			tb.Fatal(err)
		}
		n += len(items)
		if next == "" {
			return n
		}
		page.Cursor = next
	}
}

func TestLoad_SQLite(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t, store.SQLite)
	org := testOrg(t)
	sentinel := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	db.Now = func() time.Time { return sentinel }
	begin := time.Now()
	l, err := Load(ctx, db, org)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Load took %v for %+v", time.Since(begin), l.Counts)
	if got := db.Now(); !got.Equal(sentinel) {
		t.Errorf("the store clock reads %v after Load, want it restored", got)
	}
	if want := org.Counts(); l.Counts != want {
		t.Errorf("Load counted %+v, the Org holds %+v", l.Counts, want)
	}

	t.Run("counts read back", func(t *testing.T) {
		if n, err := db.CountPeople(ctx); err != nil || n != len(org.People) {
			t.Errorf("CountPeople = %d, %v; want %d", n, err, len(org.People))
		}
		if n := countAll(t, func(p store.Page) ([]mentor.Skill, string, error) { return db.Skills(ctx, store.SkillFilter{Page: p}) }); n != len(org.Skills) {
			t.Errorf("%d skills stored, want %d", n, len(org.Skills))
		}
		c := Counts{}
		for pi, ps := range org.Programs {
			id := l.ProgramIDs[pi]
			p, err := db.Program(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if p.Status != ps.Program.Status || !p.CreatedAt.Equal(ps.Program.CreatedAt) || p.Format != ps.Program.Format {
				t.Errorf("program %s stored as %s created %v, want %s created %v", p.Name, p.Status, p.CreatedAt, ps.Program.Status, ps.Program.CreatedAt)
			}
			c.Enrollments += countAll(t, func(pg store.Page) ([]mentor.Enrollment, string, error) {
				return db.Enrollments(ctx, store.EnrollmentFilter{ProgramID: id, Status: mentor.EnrollmentActive, Page: pg})
			})
			c.Matches += countAll(t, func(pg store.Page) ([]mentor.Match, string, error) {
				return db.Matches(ctx, store.MatchFilter{ProgramID: id, Page: pg})
			})
			c.Meetings += countAll(t, func(pg store.Page) ([]mentor.Meeting, string, error) {
				return db.Meetings(ctx, store.MeetingFilter{ProgramID: id, Page: pg})
			})
			c.Goals += countAll(t, func(pg store.Page) ([]mentor.Goal, string, error) {
				return db.Goals(ctx, store.GoalFilter{ProgramID: id, Page: pg})
			})
			c.OfficeHours += countAll(t, func(pg store.Page) ([]mentor.OfficeHours, string, error) {
				return db.ListOfficeHours(ctx, store.OfficeHoursFilter{ProgramID: id, Page: pg})
			})
		}
		c.CheckIns = countAll(t, func(pg store.Page) ([]mentor.CheckIn, string, error) {
			return db.CheckIns(ctx, store.CheckInFilter{Page: pg})
		})
		c.Assessments = countAll(t, func(pg store.Page) ([]mentor.SkillAssessment, string, error) {
			return db.Assessments(ctx, store.AssessmentFilter{Page: pg})
		})
		want := org.Counts()
		for _, x := range []struct {
			what      string
			got, want int
		}{{"active enrollments", c.Enrollments, want.Enrollments}, {"matches", c.Matches, want.Matches}, {"meetings", c.Meetings, want.Meetings},
			{"goals", c.Goals, want.Goals}, {"office hours", c.OfficeHours, want.OfficeHours}, {"check-ins", c.CheckIns, want.CheckIns},
			{"assessments", c.Assessments, want.Assessments}} {
			if x.got != x.want {
				t.Errorf("%d %s stored, want %d", x.got, x.what, x.want)
			}
		}
	})

	t.Run("accounts sign in", func(t *testing.T) {
		for _, a := range []LoadedAccount{l.Coordinator, l.Participant} {
			u, err := db.Authenticate(ctx, a.Email, a.Password)
			if err != nil {
				t.Fatalf("%s: %v", a.Email, err)
			}
			if u.ID != a.UserID || u.PersonID != l.PersonIDs[a.Person] || u.Role != a.Role {
				t.Errorf("%s signs in as %+v, want user %d of person %d as %s", a.Email, u, a.UserID, l.PersonIDs[a.Person], a.Role)
			}
		}
	})

	t.Run("history keeps its timestamps", func(t *testing.T) {
		for i, ps := range org.People[:50] {
			p, err := db.Person(ctx, l.PersonIDs[i])
			if err != nil {
				t.Fatal(err)
			}
			if !p.CreatedAt.Equal(org.Start) || len(p.Skills) != len(ps.Person.Skills) {
				t.Errorf("person %d created %v with %d skills, want %v and %d", i, p.CreatedAt, len(p.Skills), org.Start, len(ps.Person.Skills))
			}
			if (ps.Manager < 0) != (p.ManagerID == nil) || (p.ManagerID != nil && *p.ManagerID != l.PersonIDs[ps.Manager]) {
				t.Errorf("person %d has manager %v, want index %d", i, p.ManagerID, ps.Manager)
			}
		}
		for pi, ps := range org.Programs {
			for mi, ms := range ps.Matches {
				m, err := db.Match(ctx, l.MatchIDs[pi][mi])
				if err != nil {
					t.Fatal(err)
				}
				if m.State != ms.Match.State || !m.CreatedAt.Equal(ms.Match.CreatedAt) || !m.UpdatedAt.Equal(ms.Match.UpdatedAt) {
					t.Errorf("%s match %d: %s %v..%v, want %s %v..%v", ps.Program.Name, mi, m.State, m.CreatedAt, m.UpdatedAt,
						ms.Match.State, ms.Match.CreatedAt, ms.Match.UpdatedAt)
				}
				if len(ms.Goals) == 0 {
					continue
				}
				gs, _, err := db.Goals(ctx, store.GoalFilter{MatchID: m.ID})
				if err != nil {
					t.Fatal(err)
				}
				for k, g := range gs {
					want := ms.Goals[k].Goal
					if g.Current != want.Current || g.Status != want.Status || !g.UpdatedAt.Equal(want.UpdatedAt) {
						t.Errorf("%s goal %q: %v %s updated %v, want %v %s updated %v", ps.Program.Name, g.Title, g.Current, g.Status,
							g.UpdatedAt, want.Current, want.Status, want.UpdatedAt)
					}
				}
			}
		}
	})
}
