package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// handRun makes a cross-functional mentoring program in review with one
// mentor of capacity 1 (Data) and mentees from Sales and Data, runs it and
// returns the run's path, Mia's draft, the people by name and the draft of
// the other Sales mentee (with Omar).
func handRun(t *testing.T, f *fixture) (string, mentor.Match, map[string]int64, mentor.Match) {
	t.Helper()
	ids := map[string]int64{}
	for _, p := range []struct {
		name, dept string
		seniority  int
	}{{"Mia Mentor", "Data", 5}, {"Omar Mentor", "Ops", 5}, {"Dan Data", "Data", 5}, {"Sam Sales", "Sales", 2}, {"Sue Sales", "Sales", 2}, {"Dora Data", "Data", 2}} {
		person := &mentor.Person{Name: p.name, Email: strings.ReplaceAll(strings.ToLower(p.name), " ", ".") + "@example.com", Seniority: p.seniority,
			Department: p.dept, TimeZone: "Europe/Berlin", Languages: []string{"English"}}
		if err := f.db.CreatePerson(context.Background(), person); err != nil {
			t.Fatal(err)
		}
		ids[p.name] = person.ID
	}
	var prog mentor.Program
	f.do(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": "Hand matches", "format": "mentoring", "matching_mode": "review",
		"options": map[string]any{"cross_functional": true}}, http.StatusCreated, &prog)
	path := fmt.Sprintf("/api/v1/programs/%d", prog.ID)
	f.do(f.coordTok, "POST", path+"/status", map[string]any{"status": "enrolling"}, http.StatusOK, nil)
	for name, role := range map[string]string{"Mia Mentor": "mentor", "Sam Sales": "mentee", "Sue Sales": "mentee", "Dora Data": "mentee"} {
		f.do(f.coordTok, "POST", path+"/enrollments", map[string]any{"person_id": ids[name], "role": role, "capacity": 1}, http.StatusCreated, nil)
	}
	for _, name := range []string{"Omar Mentor", "Dan Data"} {
		f.do(f.coordTok, "POST", path+"/enrollments", map[string]any{"person_id": ids[name], "role": "mentor", "capacity": 2}, http.StatusCreated, nil)
	}
	f.do(f.coordTok, "POST", path+"/status", map[string]any{"status": "matching"}, http.StatusOK, nil)
	var run struct {
		ID      int64
		Matches []mentor.Match
	}
	f.do(f.coordTok, "POST", path+"/match-runs", map[string]any{"seed": 1}, http.StatusCreated, &run)
	var mia *mentor.Match
	for i, m := range run.Matches {
		if m.HasMember(ids["Mia Mentor"]) {
			mia = &run.Matches[i]
		}
	}
	if mia == nil || mia.HasMember(ids["Dora Data"]) {
		t.Fatalf("the engine should pair Mia with a Sales mentee: %+v", run.Matches)
	}
	left := ids["Sam Sales"]
	if mia.HasMember(left) {
		left = ids["Sue Sales"]
	}
	for _, m := range run.Matches {
		if m.HasMember(left) {
			return fmt.Sprintf("/api/v1/match-runs/%d", run.ID), *mia, ids, m
		}
	}
	t.Fatalf("the engine left a Sales mentee out: %+v", run.Matches)
	return "", mentor.Match{}, nil, mentor.Match{}
}

func pairBody(mentorID, menteeID int64, override bool) map[string]any {
	return map[string]any{"members": []any{map[string]any{"person_id": mentorID, "role": "mentor"},
		map[string]any{"person_id": menteeID, "role": "mentee"}}, "override": override}
}

// hasRule reports whether a 409 problem names rule in its detail and errors.
func hasRule(p problemDoc, rule string) bool {
	for _, e := range p.Errors {
		if strings.HasPrefix(e.Message, rule+": ") && strings.Contains(p.Detail, rule) {
			return true
		}
	}
	return false
}

// checkTotal checks that the run's total is the sum of its matches' scores.
func checkTotal(t *testing.T, f *fixture, run string) {
	t.Helper()
	var got struct {
		Total   float64
		Matches []mentor.Match
	}
	f.do(f.coordTok, "GET", run, nil, http.StatusOK, &got)
	sum := 0.0
	for _, m := range got.Matches {
		sum += m.Score
	}
	if math.Abs(got.Total-sum) > 0.01 {
		t.Fatalf("run total %.1f, its matches add up to %.1f", got.Total, sum)
	}
}

// Hand-made and edited draft matches obey the hard rules the engine obeys
// (capacity, one live match per mentee, cross-functional ...), naming the
// rule in a 409, unless the coordinator overrides, which the audit trail
// keeps; the run's total follows every edit.
func TestMatchRuns_HandMatchesObeyHardRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		run, draft, ids, omars := handRun(t, f)
		left := omars.Members[1].PersonID
		add := run + "/matches"
		for _, tc := range []struct {
			name           string
			mentor, mentee int64
			rule           string
		}{
			{"mentor over capacity", ids["Mia Mentor"], left, mentor.RuleCapacity},
			{"mentee in a second match", ids["Omar Mentor"], draft.Members[1].PersonID, mentor.RuleOneMatch},
			{"same department", ids["Dan Data"], ids["Dora Data"], "cross_functional"},
		} {
			if p := f.problem(f.coordTok, "POST", add, pairBody(tc.mentor, tc.mentee, false), http.StatusConflict); !hasRule(p, tc.rule) {
				t.Fatalf("%s: the 409 does not name %s: %+v", tc.name, tc.rule, p)
			}
		}
		edit := fmt.Sprintf("/api/v1/matches/%d", draft.ID)
		if p := f.problem(f.coordTok, "PUT", edit, pairBody(ids["Mia Mentor"], ids["Dora Data"], false), http.StatusConflict); !hasRule(p, "cross_functional") {
			t.Fatalf("edit to a same-department pair: %+v", p)
		}
		f.do(f.coordTok, "DELETE", fmt.Sprintf("/api/v1/matches/%d", omars.ID), nil, http.StatusNoContent, nil)
		checkTotal(t, f, run)
		var ok editView
		f.do(f.coordTok, "POST", add, pairBody(ids["Omar Mentor"], left, false), http.StatusCreated, &ok)
		if len(ok.Overridden) != 0 {
			t.Fatalf("a valid pair reports overridden rules: %+v", ok.Overridden)
		}
		checkTotal(t, f, run)
		var kept editView
		f.do(f.coordTok, "PUT", edit, pairBody(ids["Dan Data"], ids["Dora Data"], true), http.StatusOK, &kept)
		var rules []string
		for _, b := range kept.Overridden {
			rules = append(rules, b.Rule)
		}
		if got := strings.Join(rules, ","); got != "one_match,cross_functional" { // Dora is also in Omar's draft
			t.Fatalf("overridden rules %q", got)
		}
		checkTotal(t, f, run)
		events, _, err := db.AuditEvents(context.Background(), store.AuditFilter{Object: "match", ObjectID: draft.ID})
		if err != nil || len(events) != 1 || events[0].Action != "override" || !strings.Contains(events[0].Detail, "cross_functional") ||
			*events[0].ActorID != f.coord.ID {
			t.Fatalf("audit of the override: %+v %v", events, err)
		}
		f.do(f.coordTok, "DELETE", fmt.Sprintf("/api/v1/matches/%d", ok.Match.ID), nil, http.StatusNoContent, nil)
		checkTotal(t, f, run)
	})
}
