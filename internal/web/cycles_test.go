package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// cycleAnswer is the answer to starting a rotation cycle.
type cycleAnswer struct {
	Matches  []mentor.Match
	Repeats  *int
	Warnings []string
}

// Four people meet everyone in three cycles; starting a cycle completes the
// last one's matches; the fourth cycle must repeat pairs, says so, and is
// refused when allow_repeats=false.
func TestCycles_CompleteAndRepeats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		var p mentor.Program
		f.do(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": "Coffee roulette", "format": "rotation"}, http.StatusCreated, &p)
		path := fmt.Sprintf("/api/v1/programs/%d", p.ID)
		f.do(f.coordTok, "POST", path+"/status", map[string]any{"status": "enrolling"}, http.StatusOK, nil)
		for _, id := range []int64{f.ana.ID, f.ben.ID, f.cai.ID, f.coord.ID} {
			f.do(f.coordTok, "POST", path+"/enrollments", map[string]any{"person_id": id, "role": "peer"}, http.StatusCreated, nil)
		}
		for _, st := range []string{"matching", "running"} {
			f.do(f.coordTok, "POST", path+"/status", map[string]any{"status": st}, http.StatusOK, nil)
		}
		var prev []mentor.Match
		for c := 1; c <= 3; c++ {
			var ans cycleAnswer
			f.do(f.coordTok, "POST", path+"/cycles?allow_repeats=false", map[string]any{"publish": true, "seed": c}, http.StatusCreated, &ans)
			if len(ans.Matches) != 2 || ans.Repeats == nil || *ans.Repeats != 0 || len(ans.Warnings) != 0 {
				t.Fatalf("cycle %d: %d pairs, repeats %v, warnings %v", c, len(ans.Matches), ans.Repeats, ans.Warnings)
			}
			for i, m := range prev {
				var got mentor.Match
				f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/matches/%d", m.ID), nil, http.StatusOK, &got)
				want := mentor.MatchCompleted
				if i == 1 {
					want = mentor.MatchEnded // the unanswered proposal
				}
				if got.State != want {
					t.Fatalf("cycle %d started: match %d of cycle %d is %s, want %s", c, m.ID, c-1, got.State, want)
				}
			}
			prev = ans.Matches
			if err := db.SetMatchState(context.Background(), prev[0].ID, mentor.MatchActive); err != nil {
				t.Fatal(err)
			}
		}
		p4 := f.problem(f.coordTok, "POST", path+"/cycles?allow_repeats=false", map[string]any{"publish": true}, http.StatusConflict)
		var still mentor.Match
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/matches/%d", prev[0].ID), nil, http.StatusOK, &still)
		if still.State != mentor.MatchActive {
			t.Fatalf("a refused cycle (%s) changed the last cycle's match to %s", p4.Detail, still.State)
		}
		f.problem(f.coordTok, "POST", path+"/cycles?allow_repeats=maybe", nil, http.StatusBadRequest)
		var ans cycleAnswer
		f.do(f.coordTok, "POST", path+"/cycles", map[string]any{"publish": true}, http.StatusCreated, &ans)
		if ans.Repeats == nil || *ans.Repeats != 2 || len(ans.Warnings) != 2 {
			t.Fatalf("fourth cycle: repeats %v, warnings %v", ans.Repeats, ans.Warnings)
		}
	})
}
