package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// trialAnswer is what GET /api/v1/trials/{id} answers, as the tests read it.
type trialAnswer struct {
	mentor.Trial
	Assignments []mentor.TrialAssignment `json:"assignments"`
	Balance     []report.ArmBalance      `json:"balance"`
	Result      struct {
		Design string `json:"design"`
		report.Comparison
	} `json:"result"`
}

// enrollingProgram creates a program of format f through the API and opens it for enrollment.
func (f *fixture) enrollingProgram(name string, format mentor.Format) int64 {
	f.t.Helper()
	var p mentor.Program
	f.do(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": name, "format": format}, http.StatusCreated, &p)
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]string{"status": "enrolling"}, http.StatusOK, nil)
	return p.ID
}

// formatsIn returns the formats the goal-completion metric of c has estimates for.
func formatsIn(c report.Comparison) []mentor.Format {
	var out []mentor.Format
	for _, m := range c.Metrics {
		if m.Metric == report.MetricGoalCompletion {
			for _, e := range m.Formats {
				out = append(out, e.Format)
			}
		}
	}
	return out
}

// TestTrials_MentorOrPeer runs the trial the issue describes: a mentoring
// and a peer program, 40 volunteers of different seniority and departments
// sent in by the coordinator, one participant who volunteers themselves.
func TestTrials_MentorOrPeer(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	// The fixture's mentoring program has ana and ben's match; a goal gives
	// it something to compare, so it shows in the observational report
	// (when the period reaches the goal's due date).
	goal := validGoalBody(f.ana.ID)
	goal["match_id"] = f.match.ID
	f.do(f.anaTok, "POST", "/api/v1/goals", goal, http.StatusCreated, nil)
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", f.program.ID), map[string]string{"status": "enrolling"}, http.StatusOK, nil)
	var before report.Comparison
	f.do(f.coordTok, "GET", "/api/v1/reports/formats?to=2030-12-31", nil, http.StatusOK, &before)
	if !slices.Contains(formatsIn(before), mentor.FormatMentoring) {
		t.Fatalf("before the trial the comparison has %v, want mentoring", formatsIn(before))
	}

	peer := f.enrollingProgram("Peer practice", mentor.FormatPeer)
	in := map[string]any{"name": "Mentor or peer?", "program_ids": []int64{f.program.ID, peer}, "seed": 20260401}
	f.problem(f.anaTok, "POST", "/api/v1/trials", in, http.StatusForbidden)
	var tr mentor.Trial
	f.do(f.coordTok, "POST", "/api/v1/trials", in, http.StatusCreated, &tr)
	if tr.Seed != 20260401 || tr.Status != mentor.TrialOpen || len(tr.Arms) != 2 {
		t.Fatalf("created %+v", tr)
	}
	path := fmt.Sprintf("/api/v1/trials/%d", tr.ID)

	var after report.Comparison
	f.do(f.coordTok, "GET", "/api/v1/reports/formats?to=2030-12-31", nil, http.StatusOK, &after)
	if slices.Contains(formatsIn(after), mentor.FormatMentoring) {
		t.Errorf("the observational comparison still has the trial's mentoring program: %v", formatsIn(after))
	}

	depts := []string{"Data", "Sales", "People"}
	var volunteers []int64
	for i := range 40 {
		p := &mentor.Person{Name: fmt.Sprintf("Volunteer %02d", i), Email: fmt.Sprintf("volunteer%02d@example.com", i),
			Seniority: 1 + i%8, Department: depts[i%3], TimeZone: "Europe/Berlin"}
		if err := f.db.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		volunteers = append(volunteers, p.ID)
		var a mentor.TrialAssignment
		f.do(f.coordTok, "POST", path+"/volunteers", map[string]any{"person_id": p.ID}, http.StatusCreated, &a)
		if a.PersonID != p.ID || a.Stratum != report.TrialStratum(p.Seniority, p.Department) {
			t.Fatalf("assignment %+v for %+v", a, p)
		}
	}
	f.problem(f.caiTok, "POST", path+"/volunteers", map[string]any{"person_id": f.ana.ID}, http.StatusForbidden)
	var own mentor.TrialAssignment
	f.do(f.anaTok, "POST", path+"/volunteers", map[string]any{}, http.StatusCreated, &own)
	if own.PersonID != f.ana.ID {
		t.Fatalf("ana's assignment %+v", own)
	}
	if p := f.problem(f.anaTok, "POST", path+"/volunteers", map[string]any{"person_id": f.ana.ID}, http.StatusConflict); !hasField(p, "person_id") {
		t.Errorf("a second volunteer call: %+v, want a conflict naming person_id", p)
	}
	if p := f.problem(f.coordTok, "POST", path+"/volunteers", map[string]any{"person_id": volunteers[0]}, http.StatusConflict); !hasField(p, "person_id") {
		t.Errorf("volunteering someone twice: %+v", p)
	}

	var got trialAnswer
	f.do(f.coordTok, "GET", path, nil, http.StatusOK, &got)
	checkTrialAnswer(t, f, got, append(volunteers, f.ana.ID))

	var list struct{ Items []mentor.Trial }
	f.do(f.coordTok, "GET", "/api/v1/trials", nil, http.StatusOK, &list)
	if len(list.Items) != 1 || list.Items[0].Assigned != 41 || list.Items[0].Seed != tr.Seed {
		t.Errorf("list %+v", list.Items)
	}
	f.problem(f.anaTok, "GET", path, nil, http.StatusForbidden)
	f.problem(f.anaTok, "GET", "/api/v1/trials", nil, http.StatusForbidden)
	f.problem(f.anaTok, "POST", path+"/close", nil, http.StatusForbidden)
	f.do(f.coordTok, "POST", path+"/close", nil, http.StatusOK, &tr)
	if tr.Status != mentor.TrialClosed {
		t.Errorf("closed trial %+v", tr)
	}
	f.problem(f.caiTok, "POST", path+"/volunteers", map[string]any{}, http.StatusConflict)
	f.problem(f.coordTok, "POST", path+"/close", nil, http.StatusConflict)
}

// checkTrialAnswer checks a trial read back after its volunteers came: the
// seed and every assignment, balance per stratum and in the table, each
// volunteer's enrollment in their arm's program, and the result's label.
func checkTrialAnswer(t *testing.T, f *fixture, got trialAnswer, volunteers []int64) {
	t.Helper()
	if got.Seed != 20260401 || got.Assigned != len(volunteers) || len(got.Assignments) != len(volunteers) {
		t.Fatalf("trial %+v with %d assignments, want seed 20260401 and %d", got.Trial, len(got.Assignments), len(volunteers))
	}
	perStratum := map[string][2]int{}
	for _, a := range got.Assignments {
		if !slices.Contains(volunteers, a.PersonID) {
			t.Errorf("assignment of person %d, who did not volunteer", a.PersonID)
		}
		arm := slices.IndexFunc(got.Arms, func(x mentor.TrialArm) bool { return x.ProgramID == a.ProgramID })
		if want := report.TrialArm(got.Seed, a.Stratum, a.Position, 2); arm != want {
			t.Errorf("person %d is in arm %d; seed, stratum and position give %d", a.PersonID, arm, want)
		}
		c := perStratum[a.Stratum]
		c[arm]++
		perStratum[a.Stratum] = c
		var e mentor.Enrollment
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/programs/%d/enrollments/%d", a.ProgramID, a.EnrollmentID), nil, http.StatusOK, &e)
		wantRole := map[mentor.Format]mentor.Role{mentor.FormatMentoring: mentor.RoleMentee, mentor.FormatPeer: mentor.RolePeer}[got.Arms[arm].Format]
		if e.PersonID != a.PersonID || e.Role != wantRole || a.Role != wantRole {
			t.Errorf("enrollment %+v of assignment %+v, want role %s", e, a, wantRole)
		}
	}
	if len(perStratum) < 10 {
		t.Errorf("only %d strata: %v", len(perStratum), perStratum)
	}
	for s, c := range perStratum {
		if c[0]-c[1] > 1 || c[1]-c[0] > 1 {
			t.Errorf("stratum %s: arms %v, more than one apart", s, c)
		}
	}
	if len(got.Balance) != 2 || got.Balance[0].N+got.Balance[1].N != len(volunteers) || got.Balance[0].N-got.Balance[1].N > len(perStratum) ||
		got.Balance[1].N-got.Balance[0].N > len(perStratum) || len(got.Balance[0].Departments) == 0 || got.Balance[0].MeanSeniority == 0 {
		t.Errorf("balance table %+v", got.Balance)
	}
	if got.Result.Design != "randomised" || len(got.Result.Metrics) == 0 || got.Result.Resamples != report.DefaultResamples {
		t.Errorf("result %+v, want a randomised comparison", got.Result)
	}
}

func TestTrials_BadInput(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	peer := f.enrollingProgram("Peer practice", mentor.FormatPeer)
	circles := f.enrollingProgram("Circles", mentor.FormatCircles)
	peer2 := f.enrollingProgram("More peer practice", mentor.FormatPeer)
	for _, tc := range []struct {
		name  string
		body  any
		field string
	}{
		{"no name", map[string]any{"name": "", "program_ids": []int64{peer, circles}}, "name"},
		{"one program", map[string]any{"name": "Alone", "program_ids": []int64{peer}}, "program_ids"},
		{"five programs", map[string]any{"name": "Crowd", "program_ids": []int64{1, 2, 3, 4, 5}}, "program_ids"},
		{"same format", map[string]any{"name": "Peer twice", "program_ids": []int64{peer, peer2}}, "program_ids"},
		{"draft program", map[string]any{"name": "Draft", "program_ids": []int64{peer, f.program.ID}}, "program_ids"},
		{"unknown program", map[string]any{"name": "Ghost", "program_ids": []int64{peer, 999}}, "program_ids"},
		{"negative seed", map[string]any{"name": "Minus", "program_ids": []int64{peer, circles}, "seed": -5}, "seed"},
		{"seed too large", map[string]any{"name": "Huge", "program_ids": []int64{peer, circles}, "seed": int64(1) << 60}, "seed"},
		{"seed as text", `{"name": "Text", "program_ids": [1, 2], "seed": "seven"}`, "seed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, data := f.req(f.coordTok, "POST", "/api/v1/trials", tc.body)
			if resp.StatusCode != http.StatusUnprocessableEntity && resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d: %s", resp.StatusCode, data)
			}
			p := f.problem(f.coordTok, "POST", "/api/v1/trials", tc.body, resp.StatusCode)
			if !hasField(p, tc.field) {
				t.Errorf("problem %+v does not name %s", p, tc.field)
			}
		})
	}
	var tr mentor.Trial
	f.do(f.coordTok, "POST", "/api/v1/trials", map[string]any{"name": "Peer or circles", "program_ids": []int64{peer, circles}}, http.StatusCreated, &tr)
	if tr.Seed < 1 || tr.Seed > mentor.MaxTrialSeed {
		t.Errorf("drawn seed %d", tr.Seed)
	}
	if p := f.problem(f.coordTok, "POST", "/api/v1/trials", map[string]any{"name": "Again", "program_ids": []int64{peer2, circles}}, http.StatusUnprocessableEntity); !hasField(p, "program_ids") {
		t.Errorf("a program in two trials: %+v", p)
	}
	path := fmt.Sprintf("/api/v1/trials/%d/volunteers", tr.ID)
	if p := f.problem(f.coordTok, "POST", path, map[string]any{"person_id": 999}, http.StatusUnprocessableEntity); !hasField(p, "person_id") {
		t.Errorf("unknown person: %+v", p)
	}
	f.problem(f.coordTok, "POST", path, map[string]any{"person": f.ana.ID}, http.StatusBadRequest)
	f.problem(f.coordTok, "POST", "/api/v1/trials/999/volunteers", map[string]any{"person_id": f.ana.ID}, http.StatusNotFound)
	f.problem(f.coordTok, "GET", "/api/v1/trials/999", nil, http.StatusNotFound)
	f.problem(f.coordTok, "GET", "/api/v1/trials/x", nil, http.StatusNotFound)
}

// addTrial gives the world an open trial of a fresh mentoring and a fresh
// peer program ("trial"), and a way to make another one.
func (w *world) addTrial(tb testing.TB) {
	tb.Helper()
	n := 0
	create := func(tb testing.TB) string {
		n++
		var ids []int64
		for _, format := range []mentor.Format{mentor.FormatMentoring, mentor.FormatPeer} {
			var p mentor.Program
			w.do(tb, w.coordTok, "POST", "/api/v1/programs", map[string]any{"name": fmt.Sprintf("Trial %d %s", n, format), "format": format}, http.StatusCreated, &p)
			w.do(tb, w.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]string{"status": "enrolling"}, http.StatusOK, nil)
			ids = append(ids, p.ID)
		}
		var t mentor.Trial
		w.do(tb, w.coordTok, "POST", "/api/v1/trials", map[string]any{"name": fmt.Sprintf("Trial %d", n), "program_ids": ids, "seed": 11}, http.StatusCreated, &t)
		return fmt.Sprint(t.ID)
	}
	w.obj["trial"] = create(tb)
	w.fresh["trial"] = create
}
