package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// world is a program with people in it, the ground the relationship tests stand on.
type world struct {
	db      *store.DB
	program *mentor.Program
	people  []*mentor.Person
}

// newWorld stores a mentoring program and n people named P0, P1, ...
func newWorld(tb testing.TB, db *store.DB, n int) *world {
	tb.Helper()
	ctx := context.Background()
	w := &world{db: db, program: &mentor.Program{Name: "Mentoring", Format: mentor.FormatMentoring}}
	if err := db.CreateProgram(ctx, w.program); err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		p := newPerson(fmt.Sprintf("P%d", i), fmt.Sprintf("p%d@example.com", i))
		if err := db.CreatePerson(ctx, p); err != nil {
			tb.Fatal(err)
		}
		w.people = append(w.people, p)
	}
	return w
}

// id returns the id of person i.
func (w *world) id(i int) int64 { return w.people[i].ID }

// match stores a match of the given people (the first one mentor when there
// are two, all members otherwise) in state.
func (w *world) match(tb testing.TB, state mentor.MatchState, people ...int) *mentor.Match {
	tb.Helper()
	m := &mentor.Match{ProgramID: w.program.ID, State: state}
	for i, p := range people {
		role := mentor.RoleMember
		if len(people) == 2 {
			role = []mentor.Role{mentor.RoleMentor, mentor.RoleMentee}[i]
		}
		m.Members = append(m.Members, mentor.MatchMember{PersonID: w.id(p), Role: role})
	}
	if err := w.db.CreateMatch(context.Background(), m); err != nil {
		tb.Fatal(err)
	}
	return m
}

// wantInvalid fails unless err is an EINVALID naming exactly the given fields (in any order).
func wantInvalid(tb testing.TB, err error, fields ...string) {
	tb.Helper()
	if mentor.ErrorCode(err) != mentor.EINVALID {
		tb.Fatalf("want an invalid error naming %v, got %v", fields, err)
	}
	var got []string
	for _, f := range mentor.ErrorFields(err) {
		if !slices.Contains(got, f.Field) {
			got = append(got, f.Field)
		}
	}
	slices.Sort(got)
	want := slices.Clone(fields)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		tb.Fatalf("invalid fields %v, want %v (%v)", got, want, err)
	}
}

// wantCode fails unless err carries the code.
func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if mentor.ErrorCode(err) != code {
		tb.Fatalf("want %s, got %v", code, err)
	}
}

func TestStore_MatchRuns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 0)
		run := &mentor.MatchRun{ProgramID: w.program.ID, Seed: 42, Total: 17.25,
			Settings: map[string]any{"fairness": true, "weights": map[string]any{"skill": 0.5}},
			Inputs:   map[string]any{"people": []any{1.0, 2.0}}}
		if err := db.CreateMatchRun(ctx, run); err != nil {
			t.Fatal(err)
		}
		got, err := db.MatchRun(ctx, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, run) || got.Status != "draft" {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, run)
		}
		if err := db.SetMatchRunStatus(ctx, run.ID, "published"); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.MatchRun(ctx, run.ID); got.Status != "published" {
			t.Fatalf("status %q", got.Status)
		}
		wantCode(t, db.SetMatchRunStatus(ctx, 9999, "published"), mentor.ENOTFOUND)
		wantInvalid(t, db.SetMatchRunStatus(ctx, run.ID, " "), "status")
		wantInvalid(t, db.CreateMatchRun(ctx, &mentor.MatchRun{ProgramID: 9999}), "program_id")
		_, err = db.MatchRun(ctx, 9999)
		wantCode(t, err, mentor.ENOTFOUND)
	})
}

func TestStore_Matches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 5)
		run := &mentor.MatchRun{ProgramID: w.program.ID}
		if err := db.CreateMatchRun(ctx, run); err != nil {
			t.Fatal(err)
		}
		m := &mentor.Match{ProgramID: w.program.ID, RunID: &run.ID, Cycle: 2, Score: 0.875, Summary: "both work in data",
			Factors: []mentor.MatchFactor{{Name: "skill", Score: 0.9, Weight: 2, Reason: "P1 offers Go"}},
			Members: []mentor.MatchMember{
				{PersonID: w.id(1), Role: mentor.RoleMentee, Response: "accepted", Reason: "keen"},
				{PersonID: w.id(0), Role: mentor.RoleMentor},
			}}
		if err := db.CreateMatch(ctx, m); err != nil {
			t.Fatal(err)
		}
		got, err := db.Match(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := *m
		want.Members = []mentor.MatchMember{ // mentors first, names joined from people
			{PersonID: w.id(0), Name: "P0", Role: mentor.RoleMentor, Response: "pending"},
			{PersonID: w.id(1), Name: "P1", Role: mentor.RoleMentee, Response: "accepted", Reason: "keen"},
		}
		if !reflect.DeepEqual(got, &want) || got.State != mentor.MatchProposed {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, &want)
		}

		other := &mentor.Program{Name: "Other", Format: mentor.FormatPeer}
		if err := db.CreateProgram(ctx, other); err != nil {
			t.Fatal(err)
		}
		pair := func(a, b int) []mentor.MatchMember {
			return []mentor.MatchMember{{PersonID: w.id(a), Role: mentor.RolePeer}, {PersonID: w.id(b), Role: mentor.RolePeer}}
		}
		for _, tc := range []struct {
			name   string
			m      mentor.Match
			fields []string
		}{
			{"one member", mentor.Match{ProgramID: w.program.ID, Members: pair(0, 1)[:1]}, []string{"members"}},
			{"person twice", mentor.Match{ProgramID: w.program.ID, Members: pair(2, 2)}, []string{"members[1].person_id"}},
			{"bad state and role", mentor.Match{ProgramID: w.program.ID, State: "engaged",
				Members: []mentor.MatchMember{{PersonID: w.id(0), Role: "boss"}, {PersonID: w.id(1), Role: mentor.RolePeer, Response: "maybe"}}},
				[]string{"state", "members[0].role", "members[1].response"}},
			{"no program", mentor.Match{Members: pair(0, 1)}, []string{"program_id"}},
			{"unknown people and program", mentor.Match{ProgramID: 9999,
				Members: []mentor.MatchMember{{PersonID: 9998, Role: mentor.RolePeer}, {PersonID: w.id(1), Role: mentor.RolePeer}}},
				[]string{"program_id", "members[0].person_id"}},
			{"run of another program", mentor.Match{ProgramID: other.ID, RunID: &run.ID, Members: pair(0, 1)}, []string{"run_id"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantInvalid(t, db.CreateMatch(ctx, &tc.m), tc.fields...)
			})
		}
		if all, _, _ := db.Matches(ctx, store.MatchFilter{}); len(all) != 1 {
			t.Fatalf("invalid matches must store nothing: %d matches", len(all))
		}

		// Four more: P2-P3 and P3-P4 active in the program, P0-P4 in the other program.
		w.match(t, mentor.MatchActive, 2, 3)
		w.match(t, mentor.MatchActive, 3, 4)
		w.match(t, mentor.MatchProposed, 0, 2)
		w.program = other
		w.match(t, mentor.MatchProposed, 0, 4)
		for _, tc := range []struct {
			name string
			f    store.MatchFilter
			want int
		}{
			{"all", store.MatchFilter{}, 5},
			{"program", store.MatchFilter{ProgramID: other.ID}, 1},
			{"person", store.MatchFilter{PersonID: w.id(0)}, 3},
			{"person and state", store.MatchFilter{PersonID: w.id(3), State: mentor.MatchActive}, 2},
			{"run", store.MatchFilter{RunID: run.ID}, 1},
			{"nobody", store.MatchFilter{PersonID: 9999}, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, _, err := db.Matches(ctx, tc.f)
				if err != nil || len(list) != tc.want {
					t.Fatalf("%d matches, want %d (%v)", len(list), tc.want, err)
				}
				for _, m := range list {
					if len(m.Members) != 2 || m.Members[0].Name == "" {
						t.Fatalf("members not loaded: %+v", m)
					}
				}
			})
		}
		seen := collectPages(t, func(p store.Page) ([]int64, string, error) {
			list, next, err := db.Matches(ctx, store.MatchFilter{Page: p})
			return ids(list, func(m mentor.Match) int64 { return m.ID }), next, err
		}, 2)
		if len(seen) != 5 {
			t.Fatalf("paging saw %v", seen)
		}
		_, err = db.Match(ctx, 9999)
		wantCode(t, err, mentor.ENOTFOUND)
	})
}

// collectPages walks a list page by page with the given limit and returns
// every id seen, failing on a repeat, an unordered page or a page too long.
func collectPages(tb testing.TB, list func(store.Page) ([]int64, string, error), limit int) []int64 {
	tb.Helper()
	var all []int64
	p := store.Page{Limit: limit}
	for range 100 {
		page, next, err := list(p)
		if err != nil {
			tb.Fatal(err)
		}
		if page == nil || len(page) > limit {
			tb.Fatalf("page %v (limit %d)", page, limit)
		}
		for _, id := range page {
			if len(all) > 0 && id <= all[len(all)-1] {
				tb.Fatalf("ids out of order: %v then %d", all, id)
			}
			all = append(all, id)
		}
		if next == "" {
			return all
		}
		p.Cursor = next
	}
	tb.Fatal("paging does not end")
	return nil
}

func ids[T any](list []T, id func(T) int64) []int64 {
	out := []int64{}
	for _, x := range list {
		out = append(out, id(x))
	}
	return out
}

func TestStore_RespondToMatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 4)
		pair := w.match(t, mentor.MatchProposed, 0, 1)
		got, err := db.RespondToMatch(ctx, pair.ID, w.id(1), true, " looks great ")
		if err != nil {
			t.Fatal(err)
		}
		if got.State != mentor.MatchProposed || got.Members[1].Response != "accepted" || got.Members[1].Reason != "looks great" {
			t.Fatalf("after one acceptance: %+v", got)
		}
		got, err = db.RespondToMatch(ctx, pair.ID, w.id(0), true, "")
		if err != nil || got.State != mentor.MatchAccepted {
			t.Fatalf("after both accepted: %+v %v", got, err)
		}
		_, err = db.RespondToMatch(ctx, pair.ID, w.id(0), false, "changed my mind")
		wantCode(t, err, mentor.ECONFLICT)

		group := w.match(t, mentor.MatchProposed, 0, 1, 2)
		db.RespondToMatch(ctx, group.ID, w.id(0), true, "")
		got, err = db.RespondToMatch(ctx, group.ID, w.id(2), false, "no time")
		if err != nil || got.State != mentor.MatchDeclined {
			t.Fatalf("one decline declines the group: %+v %v", got, err)
		}
		if stored, _ := db.Match(ctx, group.ID); stored.State != mentor.MatchDeclined || stored.Members[2].Reason != "no time" {
			t.Fatalf("stored: %+v", stored)
		}
		_, err = db.RespondToMatch(ctx, group.ID, w.id(1), true, "")
		wantCode(t, err, mentor.ECONFLICT)

		draft := w.match(t, mentor.MatchDraft, 0, 1)
		_, err = db.RespondToMatch(ctx, draft.ID, w.id(0), true, "")
		wantCode(t, err, mentor.ECONFLICT) // participants answer only published proposals

		fresh := w.match(t, mentor.MatchProposed, 0, 1)
		_, err = db.RespondToMatch(ctx, fresh.ID, w.id(3), true, "")
		wantCode(t, err, mentor.ENOTFOUND)
		_, err = db.RespondToMatch(ctx, 9999, w.id(0), true, "")
		wantCode(t, err, mentor.ENOTFOUND)
		if m, _ := db.Match(ctx, fresh.ID); m.Members[0].Response != "pending" || m.State != mentor.MatchProposed {
			t.Fatalf("a refused answer must change nothing: %+v", m)
		}
	})
}

// TestStore_RespondToMatch_Concurrent has every member of a circle accept at
// once: each answer must see the others, so the circle ends up accepted.
func TestStore_RespondToMatch_Concurrent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 6)
		for round := range 3 {
			m := w.match(t, mentor.MatchProposed, 0, 1, 2, 3, 4, 5)
			var wg sync.WaitGroup
			errs := make([]error, len(w.people))
			for i := range w.people {
				wg.Go(func() { _, errs[i] = db.RespondToMatch(ctx, m.ID, w.id(i), true, "") })
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("round %d member %d: %v", round, i, err)
				}
			}
			got, _ := db.Match(ctx, m.ID)
			if got.State != mentor.MatchAccepted {
				t.Fatalf("round %d: every member accepted but the match is %s", round, got.State)
			}
		}
	})
}

func TestStore_SetMatchState(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 2)
		m := w.match(t, mentor.MatchDraft, 0, 1)
		for _, step := range []struct {
			to   mentor.MatchState
			code string
		}{
			{mentor.MatchAccepted, mentor.ECONFLICT}, // a draft is published first
			{mentor.MatchProposed, ""},
			{mentor.MatchDraft, mentor.ECONFLICT},
			{mentor.MatchActive, ""},
			{mentor.MatchProposed, mentor.ECONFLICT},
			{mentor.MatchPaused, ""},
			{mentor.MatchPaused, ""}, // same state: no-op
			{mentor.MatchActive, ""},
			{mentor.MatchCompleted, ""},
			{mentor.MatchActive, mentor.ECONFLICT},
			{"finished", mentor.EINVALID},
		} {
			if err := db.SetMatchState(ctx, m.ID, step.to); mentor.ErrorCode(err) != step.code {
				t.Fatalf("-> %s: got %v, want code %q", step.to, err, step.code)
			}
		}
		got, _ := db.Match(ctx, m.ID)
		if got.State != mentor.MatchCompleted || got.UpdatedAt.Before(got.CreatedAt) {
			t.Fatalf("state %s", got.State)
		}
		wantCode(t, db.SetMatchState(ctx, 9999, mentor.MatchActive), mentor.ENOTFOUND)
	})
}

func TestStore_MatchPartners(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 6)
		w.match(t, mentor.MatchAccepted, 0, 1)
		w.match(t, mentor.MatchProposed, 0, 2)
		w.match(t, mentor.MatchDeclined, 0, 3)
		w.match(t, mentor.MatchCompleted, 4, 0)
		active := w.match(t, mentor.MatchActive, 1, 2)
		ended := w.match(t, mentor.MatchEnded, 5, 0)
		for _, tc := range []struct {
			person int
			want   []int
		}{
			{0, []int{1, 4}},
			{1, []int{0, 2}},
			{3, nil},
			{5, nil},
		} {
			got, err := db.MatchPartners(ctx, w.id(tc.person))
			if err != nil {
				t.Fatal(err)
			}
			want := map[int64]bool{}
			for _, p := range tc.want {
				want[w.id(p)] = true
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("partners of P%d: %v, want %v", tc.person, got, want)
			}
		}
		for _, tc := range []struct {
			match  int64
			person int
			want   bool
		}{{active.ID, 1, true}, {active.ID, 0, false}, {ended.ID, 5, true}, {9999, 0, false}} {
			if got, err := db.IsMatchMember(ctx, tc.match, w.id(tc.person)); err != nil || got != tc.want {
				t.Fatalf("IsMatchMember(%d, P%d) = %v %v", tc.match, tc.person, got, err)
			}
		}
	})
}
