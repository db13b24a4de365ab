package web

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// A declined proposal frees both people; a rematch run proposes new pairs
// for the people left without a partner only and keeps accepted matches.
func TestMatchRuns_RematchKeepsAcceptedMatches(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	c := newCohort(t, f, "re", mentorsAndMentees(4, 3, 5, 2, 1, false))
	var p mentor.Program
	f.do(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": "Auto mentoring", "format": "mentoring", "matching_mode": "auto"}, http.StatusCreated, &p)
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "enrolling"}, http.StatusOK, nil)
	var bulk []map[string]any
	for _, id := range c.ids {
		bulk = append(bulk, map[string]any{"person_id": id, "role": c.byID[id].role, "capacity": max(c.byID[id].capacity, 1)})
	}
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments/bulk", p.ID), map[string]any{"enrollments": bulk}, http.StatusOK, nil)
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "matching"}, http.StatusOK, nil)
	var run struct {
		Status  string
		Matches []mentor.Match
	}
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/match-runs", p.ID), nil, http.StatusCreated, &run)
	if run.Status != "published" || len(run.Matches) != 3 || run.Matches[0].State != mentor.MatchProposed {
		t.Fatalf("auto mode publishes at once: %s, %d matches", run.Status, len(run.Matches))
	}
	// Two pairs accept; in the third the mentee declines with a reason.
	for i, m := range run.Matches {
		for _, mm := range m.Members {
			if i == 2 && mm.Role == mentor.RoleMentee {
				var got mentor.Match
				f.do(c.tokens[mm.PersonID], "POST", fmt.Sprintf("/api/v1/matches/%d/decline", m.ID), map[string]any{"reason": "time zones do not work for me"}, http.StatusOK, &got)
				if got.State != mentor.MatchDeclined {
					t.Fatalf("declined match is %s", got.State)
				}
				continue
			}
			if i < 2 {
				f.do(c.tokens[mm.PersonID], "POST", fmt.Sprintf("/api/v1/matches/%d/accept", m.ID), nil, http.StatusOK, nil)
			}
		}
	}
	f.problem(c.tokens[run.Matches[2].Members[0].PersonID], "POST", fmt.Sprintf("/api/v1/matches/%d/accept", run.Matches[2].ID), nil, http.StatusConflict)
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "running"}, http.StatusOK, nil)
	var re struct{ Matches []mentor.Match }
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/match-runs", p.ID), map[string]any{"rematch": true}, http.StatusCreated, &re)
	kept := map[int64]bool{}
	for _, m := range run.Matches[:2] {
		for _, mm := range m.Members {
			kept[mm.PersonID] = true
		}
	}
	if len(re.Matches) != 1 {
		t.Fatalf("the rematch should pair the declined mentee with the free mentor, got %d matches", len(re.Matches))
	}
	for _, mm := range re.Matches[0].Members {
		if mm.Role == mentor.RoleMentor && run.Matches[2].HasMember(mm.PersonID) {
			t.Fatal("the rematch proposed the declined pair again")
		}
	}
	for _, m := range re.Matches {
		for _, mm := range m.Members {
			if kept[mm.PersonID] {
				t.Fatalf("the rematch touched person %d, who has an accepted match", mm.PersonID)
			}
		}
	}
	for _, m := range run.Matches[:2] {
		var got mentor.Match
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/matches/%d", m.ID), nil, http.StatusOK, &got)
		if got.State != mentor.MatchAccepted {
			t.Fatalf("accepted match %d became %s", m.ID, got.State)
		}
	}
	var declined mentor.Match
	f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/matches/%d", run.Matches[2].ID), nil, http.StatusOK, &declined)
	for _, mm := range declined.Members {
		if mm.Response == "declined" && mm.Reason != "time zones do not work for me" {
			t.Fatalf("the decline reason was not kept: %+v", mm)
		}
	}
}
