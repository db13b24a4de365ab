package store_test

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// at returns 2026-03-DAY HOUR:00 UTC.
func at(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, time.UTC) }

func TestStore_Meetings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 4)
		circle := w.match(t, mentor.MatchActive, 0, 1, 2)
		// A time with nanoseconds in another zone is stored as UTC microseconds.
		berlin := time.FixedZone("CET", 3600)
		m := &mentor.Meeting{MatchID: circle.ID, StartsAt: time.Date(2026, 3, 2, 10, 30, 0, 123456789, berlin), Minutes: 45,
			Kind: mentor.MeetingCircle, Agenda: "P1 brings a dilemma", MenteeID: ptr(w.id(1)), Dilemma: "lead or specialise?",
			FacilitatorID: ptr(w.id(2)), SharedNotes: "pre-read", Attendance: []int64{w.id(0), w.id(2)}}
		if err := db.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		if m.ProgramID != w.program.ID || m.Status != "scheduled" || !m.StartsAt.Equal(time.Date(2026, 3, 2, 9, 30, 0, 123456000, time.UTC)) {
			t.Fatalf("defaults: %+v", m)
		}
		got, err := db.Meeting(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, m) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, m)
		}

		for _, tc := range []struct {
			name   string
			m      mentor.Meeting
			fields []string
		}{
			{"no match, time or length", mentor.Meeting{}, []string{"match_id", "starts_at", "minutes"}},
			{"bad kind and status", mentor.Meeting{MatchID: circle.ID, StartsAt: at(3, 9), Minutes: 30, Kind: "party", Status: "maybe"},
				[]string{"kind", "status"}},
			{"unknown match", mentor.Meeting{MatchID: 9999, StartsAt: at(3, 9), Minutes: 30}, []string{"match_id"}},
			{"outsiders", mentor.Meeting{MatchID: circle.ID, StartsAt: at(3, 9), Minutes: 30, MenteeID: ptr(w.id(3)),
				FacilitatorID: ptr(int64(9999)), Attendance: []int64{w.id(0), w.id(3), w.id(0)}},
				[]string{"mentee_id", "facilitator_id", "attendance[1]", "attendance[2]"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantInvalid(t, db.CreateMeeting(ctx, &tc.m), tc.fields...)
			})
		}
		if all, _, _ := db.Meetings(ctx, store.MeetingFilter{}); len(all) != 1 {
			t.Fatalf("invalid meetings must store nothing: %d", len(all))
		}

		got.StartsAt, got.Status, got.SharedNotes, got.Attendance = at(4, 15), "held", "we agreed on a plan", []int64{w.id(1)}
		got.MatchID = 0 // zero means unchanged
		if err := db.UpdateMeeting(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := db.Meeting(ctx, m.ID)
		if !reflect.DeepEqual(again, got) || again.MatchID != circle.ID {
			t.Fatalf("update:\n got %+v\nwant %+v", again, got)
		}
		moved := *again
		moved.MatchID = w.match(t, mentor.MatchActive, 0, 3).ID
		wantInvalid(t, db.UpdateMeeting(ctx, &moved), "match_id")
		bad := *again
		bad.Minutes = 1000
		wantInvalid(t, db.UpdateMeeting(ctx, &bad), "minutes")
		missing := *again
		missing.ID = 9999
		wantCode(t, db.UpdateMeeting(ctx, &missing), mentor.ENOTFOUND)
		_, err = db.Meeting(ctx, 9999)
		wantCode(t, err, mentor.ENOTFOUND)
	})
}

func TestStore_MeetingsFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 4)
		a := w.match(t, mentor.MatchActive, 0, 1)
		b := w.match(t, mentor.MatchActive, 2, 3)
		var ms []*mentor.Meeting
		for i, spec := range []struct {
			match  *mentor.Match
			start  time.Time
			status mentor.MeetingStatus
		}{
			{a, at(2, 9), "held"}, {a, at(9, 9), "scheduled"}, {b, at(2, 10), "held"}, {b, at(16, 9), "cancelled"}, {a, at(16, 9), "scheduled"},
		} {
			m := &mentor.Meeting{MatchID: spec.match.ID, StartsAt: spec.start, Minutes: 30 + i, Status: spec.status}
			if err := db.CreateMeeting(ctx, m); err != nil {
				t.Fatal(err)
			}
			ms = append(ms, m)
		}
		for _, tc := range []struct {
			name string
			f    store.MeetingFilter
			want []int
		}{
			{"match", store.MeetingFilter{MatchID: a.ID}, []int{0, 1, 4}},
			{"program, by start time then id", store.MeetingFilter{ProgramID: w.program.ID}, []int{0, 2, 1, 3, 4}},
			{"person", store.MeetingFilter{PersonID: w.id(3)}, []int{2, 3}},
			{"from, inclusive", store.MeetingFilter{From: at(9, 9)}, []int{1, 3, 4}},
			{"to, exclusive", store.MeetingFilter{To: at(9, 9)}, []int{0, 2}},
			{"window in another zone", store.MeetingFilter{From: at(2, 9).Add(time.Second).In(time.FixedZone("X", -5*3600)),
				To: at(16, 9).In(time.FixedZone("Y", 9*3600))}, []int{2, 1}},
			{"status", store.MeetingFilter{Status: "held"}, []int{0, 2}},
			{"person and status", store.MeetingFilter{PersonID: w.id(0), Status: "scheduled"}, []int{1, 4}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, _, err := db.Meetings(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				var want []int64
				for _, i := range tc.want {
					want = append(want, ms[i].ID)
				}
				if got := ids(list, func(m mentor.Meeting) int64 { return m.ID }); !reflect.DeepEqual(got, want) {
					t.Fatalf("meetings %v, want %v", got, want)
				}
			})
		}
		// Pages of two follow the start times, ties by id (keyset on both).
		var seen []int64
		p := store.Page{Limit: 2}
		for range 5 {
			list, next, err := db.Meetings(ctx, store.MeetingFilter{Page: p})
			if err != nil {
				t.Fatal(err)
			}
			seen = append(seen, ids(list, func(m mentor.Meeting) int64 { return m.ID })...)
			if p.Cursor = next; next == "" {
				break
			}
		}
		if want := []int64{ms[0].ID, ms[2].ID, ms[1].ID, ms[3].ID, ms[4].ID}; !reflect.DeepEqual(seen, want) {
			t.Fatalf("paging saw %v, want %v", seen, want)
		}
		if _, _, err := db.Meetings(ctx, store.MeetingFilter{Page: store.Page{Cursor: "bm90LWEtY3Vyc29y"}}); mentor.ErrorCode(err) != mentor.EINVALID {
			t.Fatalf("a bad cursor: %v", err)
		}
	})
}

func TestStore_MeetingNotes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 3)
		pair := w.match(t, mentor.MatchActive, 0, 1)
		m := &mentor.Meeting{MatchID: pair.ID, StartsAt: at(2, 9), Minutes: 30}
		if err := db.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		notes := []*mentor.Note{
			{MeetingID: m.ID, AuthorID: w.id(0), Text: "shared by P0"},
			{MeetingID: m.ID, AuthorID: w.id(0), Private: true, Text: " P0's private thought "},
			{MeetingID: m.ID, AuthorID: w.id(1), Private: true, Text: "P1's private thought"},
			{MeetingID: m.ID, AuthorID: w.id(1), Text: "shared by P1"},
		}
		for _, n := range notes {
			if err := db.AddNote(ctx, n); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			name   string
			viewer int64
			want   []*mentor.Note
		}{
			{"P0 sees own private note", w.id(0), []*mentor.Note{notes[0], notes[1], notes[3]}},
			{"P1 sees own private note", w.id(1), []*mentor.Note{notes[0], notes[2], notes[3]}},
			{"others see shared notes only", w.id(2), []*mentor.Note{notes[0], notes[3]}},
			{"no viewer sees shared notes only", 0, []*mentor.Note{notes[0], notes[3]}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := db.Notes(ctx, m.ID, tc.viewer)
				if err != nil {
					t.Fatal(err)
				}
				want := []mentor.Note{}
				for _, n := range tc.want {
					want = append(want, *n)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("notes:\n got %+v\nwant %+v", got, want)
				}
			})
		}
		if notes[1].Text != "P0's private thought" {
			t.Fatalf("text not trimmed: %q", notes[1].Text)
		}
		wantInvalid(t, db.AddNote(ctx, &mentor.Note{MeetingID: m.ID, AuthorID: w.id(0), Text: "  "}), "text")
		wantInvalid(t, db.AddNote(ctx, &mentor.Note{MeetingID: m.ID, AuthorID: 9999, Text: "x"}), "author_id")
		wantCode(t, db.AddNote(ctx, &mentor.Note{MeetingID: 9999, AuthorID: w.id(0), Text: "x"}), mentor.ENOTFOUND)
		if got, _ := db.Notes(ctx, m.ID, w.id(0)); len(got) != 3 {
			t.Fatalf("refused notes must store nothing: %d", len(got))
		}
		_, err := db.Notes(ctx, 9999, w.id(0))
		wantCode(t, err, mentor.ENOTFOUND)
	})
}

func TestStore_MeetingFeedback(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 3)
		pair := w.match(t, mentor.MatchActive, 0, 1)
		m := &mentor.Meeting{MatchID: pair.ID, StartsAt: at(2, 9), Minutes: 30}
		if err := db.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		empty, err := db.Feedback(ctx, m.ID)
		if err != nil || empty == nil || len(empty) != 0 {
			t.Fatalf("no feedback yet: %v %v", empty, err)
		}
		f0 := &mentor.Feedback{MeetingID: m.ID, AuthorID: w.id(0), Rating: 5, Style: "reflective", Text: "great questions"}
		f1 := &mentor.Feedback{MeetingID: m.ID, AuthorID: w.id(1), Rating: 3, Style: "directive"}
		for _, f := range []*mentor.Feedback{f0, f1} {
			if err := db.AddFeedback(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.Feedback(ctx, m.ID)
		if err != nil || !reflect.DeepEqual(got, []mentor.Feedback{*f0, *f1}) {
			t.Fatalf("feedback:\n got %+v\nwant %+v %v", got, []mentor.Feedback{*f0, *f1}, err)
		}
		again := &mentor.Feedback{MeetingID: m.ID, AuthorID: w.id(0), Rating: 1}
		err = db.AddFeedback(ctx, again)
		if mentor.ErrorCode(err) != mentor.ECONFLICT || !strings.Contains(mentor.ErrorMessage(err), "already") {
			t.Fatalf("second feedback: %v", err)
		}
		wantInvalid(t, db.AddFeedback(ctx, &mentor.Feedback{MeetingID: m.ID, AuthorID: w.id(2), Rating: 4}), "author_id")
		wantInvalid(t, db.AddFeedback(ctx, &mentor.Feedback{MeetingID: m.ID, AuthorID: w.id(0), Rating: 0, Style: "loud"}),
			"rating", "style")
		wantCode(t, db.AddFeedback(ctx, &mentor.Feedback{MeetingID: 9999, AuthorID: w.id(0), Rating: 4}), mentor.ENOTFOUND)
		if got, _ := db.Feedback(ctx, m.ID); len(got) != 2 || got[0].Rating != 5 {
			t.Fatalf("refused feedback must store nothing: %+v", got)
		}
		_, err = db.Feedback(ctx, 9999)
		wantCode(t, err, mentor.ENOTFOUND)
	})
}

// TestStore_CreateMeeting_ConcurrentTurns creates several meetings of one
// peer pair at once: the turn is taken inside each meeting's transaction, so
// the mentee still alternates (half each), however the creates interleave.
func TestStore_CreateMeeting_ConcurrentTurns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 2)
		peer := &mentor.Program{Name: "Peers", Format: mentor.FormatPeer}
		if err := db.CreateProgram(ctx, peer); err != nil {
			t.Fatal(err)
		}
		m := &mentor.Match{ProgramID: peer.ID, State: mentor.MatchActive, Members: []mentor.MatchMember{
			{PersonID: w.id(0), Role: mentor.RolePeer}, {PersonID: w.id(1), Role: mentor.RolePeer}}}
		if err := db.CreateMatch(ctx, m); err != nil {
			t.Fatal(err)
		}
		const n = 8
		start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() { errs[i] = db.CreateMeeting(ctx, &mentor.Meeting{MatchID: m.ID, StartsAt: start, Minutes: 30}) })
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("create %d: %v", i, err)
			}
		}
		got, _, err := db.Meetings(ctx, store.MeetingFilter{MatchID: m.ID})
		if err != nil {
			t.Fatal(err)
		}
		turns := map[int64]int{}
		for i, mt := range got {
			if mt.MenteeID == nil {
				t.Fatalf("meeting %d has no mentee", mt.ID)
			}
			turns[*mt.MenteeID]++
			if i > 0 && *mt.MenteeID == *got[i-1].MenteeID {
				t.Errorf("meetings %d and %d (in creation order) give the same mentee %d", got[i-1].ID, mt.ID, *mt.MenteeID)
			}
		}
		if len(got) != n || turns[w.id(0)] != n/2 || turns[w.id(1)] != n/2 {
			t.Fatalf("%d meetings, mentee turns %v; want %d each", len(got), turns, n/2)
		}
	})
}
