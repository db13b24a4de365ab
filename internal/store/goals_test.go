package store_test

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func ptr[T any](v T) *T { return &v }

func date(tb testing.TB, s string) *mentor.Date {
	tb.Helper()
	d, err := mentor.ParseDate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return &d
}

// smartGoal returns a valid goal of owner, from baseline to target.
func smartGoal(tb testing.TB, owner int64, baseline, target float64) *mentor.Goal {
	tb.Helper()
	return &mentor.Goal{OwnerID: owner, Title: "Ship a Go service", Metric: "services in production", Unit: "services",
		Baseline: ptr(baseline), Target: ptr(target), Plan: "pair weekly", Relevance: "platform career", DueDate: date(tb, "2030-09-30")}
}

func TestStore_Goals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 4)
		m := w.match(t, mentor.MatchActive, 0, 1)
		goSkill, err := db.ResolveSkill(ctx, "go")
		if err != nil {
			t.Fatal(err)
		}
		g := &mentor.Goal{OwnerID: w.id(1), MatchID: &m.ID, Title: " Learn Go ", Description: "from zero to a service",
			Metric: "katas solved", Unit: "katas", Baseline: ptr(2.0), Target: ptr(20.0), Plan: "one kata a day",
			SkillID: &goSkill.ID, Relevance: "backend role", DueDate: date(t, "2030-06-30"),
			Milestones: []mentor.Milestone{{Title: "first kata", DueDate: date(t, "2026-04-01"), Done: true}, {Title: "ten katas"}}}
		if err := db.CreateGoal(ctx, g); err != nil {
			t.Fatal(err)
		}
		if g.Current != 2 || g.ProgramID == nil || *g.ProgramID != w.program.ID || g.Status != mentor.GoalOpen || g.Title != "Learn Go" {
			t.Fatalf("defaults: %+v", g)
		}
		got, err := db.Goal(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, g) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, g)
		}

		for _, tc := range []struct {
			name   string
			edit   func(g *mentor.Goal)
			fields []string
		}{
			{"no S", func(g *mentor.Goal) { g.Title = " " }, []string{"title"}},
			{"no M", func(g *mentor.Goal) { g.Metric, g.Target = "", nil }, []string{"metric", "target"}},
			{"no A, R, T", func(g *mentor.Goal) { g.Plan, g.Relevance, g.DueDate = "", "", nil }, []string{"plan", "relevance", "due_date"}},
			{"no owner", func(g *mentor.Goal) { g.OwnerID = 0 }, []string{"owner_id"}},
			{"infinite target", func(g *mentor.Goal) { g.Target = ptr(math.Inf(1)) }, []string{"target"}},
			{"empty milestone", func(g *mentor.Goal) { g.Milestones = []mentor.Milestone{{Title: ""}} }, []string{"milestones[0].title"}},
			{"unknown skill and program", func(g *mentor.Goal) { g.SkillID, g.ProgramID = ptr(int64(9999)), ptr(int64(9998)) },
				[]string{"skill_id", "program_id"}},
			{"owner not in match", func(g *mentor.Goal) { g.OwnerID, g.MatchID = w.id(2), &m.ID }, []string{"match_id"}},
			{"unknown match", func(g *mentor.Goal) { g.MatchID = ptr(int64(9999)) }, []string{"match_id"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				bad := smartGoal(t, w.id(0), 0, 1)
				tc.edit(bad)
				wantInvalid(t, db.CreateGoal(ctx, bad), tc.fields...)
			})
		}
		if all, _, _ := db.Goals(ctx, store.GoalFilter{}); len(all) != 1 {
			t.Fatalf("invalid goals must store nothing: %d goals", len(all))
		}
		_, err = db.Goal(ctx, 9999)
		wantCode(t, err, mentor.ENOTFOUND)
	})
}

func TestStore_GoalsFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 4)
		m := w.match(t, mentor.MatchActive, 0, 1)
		shared := smartGoal(t, w.id(1), 0, 5)
		shared.MatchID = &m.ID
		own := smartGoal(t, w.id(1), 0, 5)
		own.Milestones = []mentor.Milestone{{Title: "step"}}
		other := smartGoal(t, w.id(2), 0, 5)
		done := smartGoal(t, w.id(0), 0, 5)
		done.Status = mentor.GoalAchieved
		done.MatchID = &m.ID
		for _, g := range []*mentor.Goal{shared, own, other, done} {
			if err := db.CreateGoal(ctx, g); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			name string
			f    store.GoalFilter
			want []*mentor.Goal
		}{
			{"owner", store.GoalFilter{OwnerID: w.id(1)}, []*mentor.Goal{shared, own}},
			{"match", store.GoalFilter{MatchID: m.ID}, []*mentor.Goal{shared, done}},
			{"program", store.GoalFilter{ProgramID: w.program.ID}, []*mentor.Goal{shared, done}},
			{"status", store.GoalFilter{Status: mentor.GoalAchieved}, []*mentor.Goal{done}},
			{"visible to the match partner", store.GoalFilter{VisibleTo: w.id(0)}, []*mentor.Goal{shared, done}},
			{"visible to the owner", store.GoalFilter{VisibleTo: w.id(1)}, []*mentor.Goal{shared, own, done}},
			{"visible to an outsider", store.GoalFilter{VisibleTo: w.id(2)}, []*mentor.Goal{other}},
			{"visible to a non-member", store.GoalFilter{VisibleTo: w.id(3)}, nil},
			{"outsider cannot see the match's goals", store.GoalFilter{VisibleTo: w.id(2), MatchID: m.ID}, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, next, err := db.Goals(ctx, tc.f)
				if err != nil || next != "" {
					t.Fatal(err, next)
				}
				got := ids(list, func(g mentor.Goal) int64 { return g.ID })
				want := ids(tc.want, func(g *mentor.Goal) int64 { return g.ID })
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("goals %v, want %v", got, want)
				}
			})
		}
		list, _, _ := db.Goals(ctx, store.GoalFilter{OwnerID: w.id(1)})
		if len(list[1].Milestones) != 1 || list[1].Milestones[0].Title != "step" || list[0].Milestones == nil {
			t.Fatalf("milestones in lists: %+v", list)
		}
		seen := collectPages(t, func(p store.Page) ([]int64, string, error) {
			list, next, err := db.Goals(ctx, store.GoalFilter{Page: p})
			return ids(list, func(g mentor.Goal) int64 { return g.ID }), next, err
		}, 3)
		if len(seen) != 4 {
			t.Fatalf("paging saw %v", seen)
		}
	})
}

func TestStore_UpdateGoal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 2)
		g := smartGoal(t, w.id(0), 0, 10)
		g.Milestones = []mentor.Milestone{{Title: "keep"}, {Title: "drop"}}
		if err := db.CreateGoal(ctx, g); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddProgress(ctx, &mentor.ProgressUpdate{GoalID: g.ID, AuthorID: w.id(0), Value: 4}); err != nil {
			t.Fatal(err)
		}
		keep := g.Milestones[0]
		edit := *g
		edit.OwnerID = w.id(1) // the owner stays
		edit.Current = 99      // progress updates set the current value, not edits
		edit.Title, edit.Target, edit.Status = "Ship two services", ptr(2.0), mentor.GoalAbandoned
		edit.Milestones = []mentor.Milestone{{ID: keep.ID, Title: "kept and renamed", Done: true}, {Title: "new"}}
		if err := db.UpdateGoal(ctx, &edit); err != nil {
			t.Fatal(err)
		}
		got, _ := db.Goal(ctx, g.ID)
		if got.Title != "Ship two services" || *got.Target != 2 || got.Status != mentor.GoalAbandoned || got.OwnerID != w.id(0) || got.Current != 4 {
			t.Fatalf("update: %+v", got)
		}
		if len(got.Milestones) != 2 || got.Milestones[0].ID != keep.ID || !got.Milestones[0].Done ||
			got.Milestones[0].Title != "kept and renamed" || got.Milestones[1].Title != "new" {
			t.Fatalf("milestones: %+v", got.Milestones)
		}
		if !reflect.DeepEqual(got, &edit) {
			t.Fatalf("UpdateGoal must leave in its argument what is stored:\n got %+v\nwant %+v", got, &edit)
		}

		foreign := *got
		foreign.Milestones = []mentor.Milestone{{ID: 9999, Title: "not mine"}}
		wantInvalid(t, db.UpdateGoal(ctx, &foreign), "milestones[0].id")
		bad := *got
		bad.Plan = ""
		wantInvalid(t, db.UpdateGoal(ctx, &bad), "plan")
		if again, _ := db.Goal(ctx, g.ID); !reflect.DeepEqual(again, got) {
			t.Fatalf("failed updates must change nothing:\n got %+v\nwant %+v", again, got)
		}
		missing := *got
		missing.ID = 9999
		wantCode(t, db.UpdateGoal(ctx, &missing), mentor.ENOTFOUND)

		if err := db.DeleteGoal(ctx, g.ID); err != nil {
			t.Fatal(err)
		}
		_, err := db.Goal(ctx, g.ID)
		wantCode(t, err, mentor.ENOTFOUND)
		wantCode(t, db.DeleteGoal(ctx, g.ID), mentor.ENOTFOUND)
	})
}

func TestStore_AddProgress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 2)
		up := smartGoal(t, w.id(0), 2, 10)
		down := smartGoal(t, w.id(0), 10, 5) // e.g. hours per week spent on toil
		for _, g := range []*mentor.Goal{up, down} {
			if err := db.CreateGoal(ctx, g); err != nil {
				t.Fatal(err)
			}
		}
		for _, step := range []struct {
			goal   *mentor.Goal
			value  float64
			status mentor.GoalStatus
		}{
			{up, 9.5, mentor.GoalOpen},
			{up, 1, mentor.GoalOpen}, // below the baseline: still just open
			{up, 10, mentor.GoalAchieved},
			{up, 8, mentor.GoalAchieved}, // an achievement stays
			{down, 11, mentor.GoalOpen},
			{down, 5.5, mentor.GoalOpen},
			{down, 4, mentor.GoalAchieved},
		} {
			u := &mentor.ProgressUpdate{GoalID: step.goal.ID, AuthorID: w.id(1), Value: step.value, Note: " logged "}
			g, err := db.AddProgress(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			stored, _ := db.Goal(ctx, step.goal.ID)
			if g.Current != step.value || g.Status != step.status || !reflect.DeepEqual(stored, g) {
				t.Fatalf("after %v on goal %d: returned %+v, stored %+v, want status %s", step.value, step.goal.ID, g, stored, step.status)
			}
		}
		list, err := db.ProgressUpdates(ctx, up.ID)
		if err != nil || len(list) != 4 || list[0].Value != 9.5 || list[3].Value != 8 || list[0].Note != "logged" ||
			list[0].AuthorID != w.id(1) || list[0].CreatedAt.IsZero() {
			t.Fatalf("progress of up: %+v %v", list, err)
		}

		_, err = db.AddProgress(ctx, &mentor.ProgressUpdate{GoalID: up.ID, AuthorID: w.id(0), Value: math.NaN()})
		wantInvalid(t, err, "value")
		_, err = db.AddProgress(ctx, &mentor.ProgressUpdate{GoalID: up.ID, AuthorID: 9999, Value: 1})
		wantInvalid(t, err, "author_id")
		_, err = db.AddProgress(ctx, &mentor.ProgressUpdate{GoalID: 9999, AuthorID: w.id(0), Value: 1})
		wantCode(t, err, mentor.ENOTFOUND)
		_, err = db.ProgressUpdates(ctx, 9999)
		wantCode(t, err, mentor.ENOTFOUND)

		abandoned, _ := db.Goal(ctx, down.ID)
		abandoned.Status = mentor.GoalAbandoned
		if err := db.UpdateGoal(ctx, abandoned); err != nil {
			t.Fatal(err)
		}
		_, err = db.AddProgress(ctx, &mentor.ProgressUpdate{GoalID: down.ID, AuthorID: w.id(0), Value: 3})
		wantCode(t, err, mentor.ECONFLICT)
		if list, _ := db.ProgressUpdates(ctx, down.ID); len(list) != 3 {
			t.Fatalf("refused progress must store nothing: %d updates", len(list))
		}
	})
}
