package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// matchState reads the fixture match's state through the API.
func matchState(t *testing.T, f *fixture) mentor.MatchState {
	t.Helper()
	var m mentor.Match
	f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/matches/%d", f.match.ID), nil, http.StatusOK, &m)
	return m.State
}

// pause pauses the fixture match as the momentum sweep does.
func pause(t *testing.T, f *fixture) {
	t.Helper()
	if err := f.db.SetMatchState(context.Background(), f.match.ID, mentor.MatchPaused); err != nil {
		t.Fatal(err)
	}
}

// A paused match is resumed by a member, by a coordinator, and by holding a
// meeting (created as held, or updated to held).
func TestMatches_Resume(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		path := fmt.Sprintf("/api/v1/matches/%d/resume", f.match.ID)
		f.problem(f.anaTok, "POST", path, nil, http.StatusConflict) // active, not paused
		for _, tok := range []string{f.anaTok, f.coordTok} {
			pause(t, f)
			f.problem(f.caiTok, "POST", path, nil, http.StatusNotFound)
			var m mentor.Match
			f.do(tok, "POST", path, nil, http.StatusOK, &m)
			if m.State != mentor.MatchActive {
				t.Fatalf("resumed match is %s", m.State)
			}
		}
		events, _, err := db.AuditEvents(context.Background(), store.AuditFilter{Object: "match", ObjectID: f.match.ID})
		if err != nil || len(events) != 2 || events[0].Action != "resume" || *events[0].ActorID != f.ana.ID {
			t.Fatalf("audit of resumes: %+v %v", events, err)
		}

		pause(t, f)
		past := time.Now().Add(-time.Hour).UTC().Truncate(time.Minute)
		var mt mentor.Meeting
		f.do(f.anaTok, "POST", "/api/v1/meetings", map[string]any{"match_id": f.match.ID, "starts_at": past, "minutes": 30},
			http.StatusCreated, &mt)
		if st := matchState(t, f); st != mentor.MatchPaused {
			t.Fatalf("a scheduled meeting moved the paused match to %s", st)
		}
		f.do(f.benTok, "PUT", fmt.Sprintf("/api/v1/meetings/%d", mt.ID), map[string]any{"starts_at": past, "minutes": 30, "status": "held"},
			http.StatusOK, nil)
		if st := matchState(t, f); st != mentor.MatchActive {
			t.Fatalf("holding a meeting left the match %s", st)
		}
		pause(t, f)
		f.do(f.anaTok, "POST", "/api/v1/meetings", map[string]any{"match_id": f.match.ID, "starts_at": past, "minutes": 30, "status": "held"},
			http.StatusCreated, nil)
		if st := matchState(t, f); st != mentor.MatchActive {
			t.Fatalf("a meeting created as held left the match %s", st)
		}
	})
}

// Feedback waits for the meeting, ended matches take no meetings, and a new
// goal's due date is not in the past.
func TestMeetings_HappenedAndOpen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		now := time.Now().UTC().Truncate(time.Minute)
		meeting := func(start time.Time, status string) int64 {
			var mt mentor.Meeting
			f.do(f.anaTok, "POST", "/api/v1/meetings", map[string]any{"match_id": f.match.ID, "starts_at": start, "minutes": 30, "status": status},
				http.StatusCreated, &mt)
			return mt.ID
		}
		feedback := func(id int64, want int) {
			t.Helper()
			f.req(f.anaTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/feedback", id), map[string]any{"rating": 4})
			resp, body := f.req(f.benTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/feedback", id), map[string]any{"rating": 4})
			if resp.StatusCode != want {
				t.Fatalf("feedback on meeting %d: %d, want %d: %s", id, resp.StatusCode, want, body)
			}
		}
		feedback(meeting(now.Add(48*time.Hour), "scheduled"), http.StatusConflict)
		feedback(meeting(now.Add(48*time.Hour), "cancelled"), http.StatusConflict)
		feedback(meeting(now.Add(-48*time.Hour), "cancelled"), http.StatusConflict)
		feedback(meeting(now.Add(-48*time.Hour), "scheduled"), http.StatusCreated)
		feedback(meeting(now.Add(time.Hour), "held"), http.StatusCreated)

		yesterday := now.Add(-36 * time.Hour).Format(mentor.DateLayout)
		body := validGoalBody(f.ana.ID)
		body["due_date"] = yesterday
		if p := f.problem(f.anaTok, "POST", "/api/v1/goals", body, http.StatusUnprocessableEntity); !hasField(p, "due_date") {
			t.Fatalf("a goal due yesterday: %+v", p)
		}
		body["due_date"] = now.Format(mentor.DateLayout)
		f.do(f.anaTok, "POST", "/api/v1/goals", body, http.StatusCreated, nil)

		f.do(f.benTok, "POST", fmt.Sprintf("/api/v1/matches/%d/end", f.match.ID), map[string]any{"reason": "Done."}, http.StatusOK, nil)
		f.problem(f.anaTok, "POST", "/api/v1/meetings", map[string]any{"match_id": f.match.ID, "starts_at": now, "minutes": 30}, http.StatusConflict)
		if err := db.SetMatchState(context.Background(), f.match.ID, mentor.MatchCompleted); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("ended -> completed: %v", err)
		}
	})
}
