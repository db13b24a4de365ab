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

// apart creates two peers of equal level whose working hours never meet
// (Berlin and Tokyo, no slots of their own) and returns their ids.
func apart(t *testing.T, f *fixture, prefix string) []int64 {
	t.Helper()
	var ids []int64
	for i, tz := range []string{"Europe/Berlin", "Asia/Tokyo"} {
		p := &mentor.Person{Name: fmt.Sprintf("%s %d", prefix, i), Email: fmt.Sprintf("%s.%d@example.com", prefix, i), Seniority: 3,
			Department: "Data", TimeZone: tz, Languages: []string{"English"}}
		if err := f.db.CreatePerson(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	return ids
}

// peerRun creates a peer program with options, enrolls people, runs
// matching and returns the program as answered and the run's matches.
func peerRun(t *testing.T, f *fixture, name string, options map[string]any, people []int64) (mentor.Program, []mentor.Match) {
	t.Helper()
	var p mentor.Program
	f.do(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": name, "format": "peer", "options": options}, http.StatusCreated, &p)
	path := fmt.Sprintf("/api/v1/programs/%d", p.ID)
	f.do(f.coordTok, "POST", path+"/status", map[string]any{"status": "enrolling"}, http.StatusOK, nil)
	for _, id := range people {
		f.do(f.coordTok, "POST", path+"/enrollments", map[string]any{"person_id": id, "role": "peer"}, http.StatusCreated, nil)
	}
	f.do(f.coordTok, "POST", path+"/status", map[string]any{"status": "matching"}, http.StatusOK, nil)
	var run struct{ Matches []mentor.Match }
	f.do(f.coordTok, "POST", path+"/match-runs", map[string]any{"seed": 1}, http.StatusCreated, &run)
	f.do(f.coordTok, "GET", path, nil, http.StatusOK, &p)
	return p, run.Matches
}

// An explicit min_overlap_hours of 0 means no minimum: the pair with no
// shared hour is matched. Left out, the format's default (2 h) applies and
// the pair is not.
func TestProgramOptions_MinOverlapZeroMeansNoMinimum(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		people := apart(t, f, "Apart")
		p, matches := peerRun(t, f, "Remote peers", map[string]any{"min_overlap_hours": 0}, people)
		if p.Options.MinOverlapHours == nil || *p.Options.MinOverlapHours != 0 {
			t.Fatalf("min_overlap_hours 0 answered as %v", p.Options.MinOverlapHours)
		}
		if len(matches) != 1 {
			t.Fatalf("no minimum: %d matches, want the one pair", len(matches))
		}
		p, matches = peerRun(t, f, "Office peers", map[string]any{}, people)
		if p.Options.MinOverlapHours == nil || *p.Options.MinOverlapHours != 2 {
			t.Fatalf("left out, min_overlap_hours is %v, want the peer default 2", p.Options.MinOverlapHours)
		}
		if len(matches) != 0 {
			t.Fatalf("default minimum of 2 h: %d matches of a pair sharing no hour", len(matches))
		}
	})
}
