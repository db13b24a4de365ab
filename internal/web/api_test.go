package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestAPI_SignInRequired(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	s := &Server{DB: f.db}
	s.Handler()
	checked := 0
	for _, r := range s.Routes() {
		method, path, _ := strings.Cut(r.Pattern, " ")
		path = strings.NewReplacer("{id}", "1", "{eid}", "1", "{slug}", "data-mentoring", "{$}", "").Replace(path)
		resp, body := f.req("", method, path, "{}")
		if r.Public {
			// Sign-in endpoints answer 401 to wrong credentials; that is not a sign-in wall.
			if resp.StatusCode == http.StatusUnauthorized && !strings.HasSuffix(path, "/login") {
				t.Errorf("public route %s answered 401", r.Pattern)
			}
			continue
		}
		checked++
		switch {
		case strings.HasPrefix(path, "/api/") || path == "/metrics":
			if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("%s without sign-in: %d %s", r.Pattern, resp.StatusCode, body)
			}
		default:
			if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
				t.Errorf("%s without sign-in: %d, want a redirect to /login", r.Pattern, resp.StatusCode)
			}
		}
	}
	if checked < 40 {
		t.Fatalf("only %d private routes checked", checked)
	}
	for _, path := range []string{"/healthz", "/login", "/signup/data-mentoring"} {
		if resp, _ := f.req("", "GET", path, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("%s must be public, got %d", path, resp.StatusCode)
		}
	}
	f.problem("not-a-token", "GET", "/api/v1/me", nil, http.StatusUnauthorized)
}

func TestAPI_Login(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		p := f.problem("", "POST", "/api/v1/login", map[string]string{"email": "ana@example.com", "password": "wrong one!"}, http.StatusUnauthorized)
		if p.Detail == "" {
			t.Fatal("no detail")
		}
		p = f.problem("", "POST", "/api/v1/login", map[string]string{"email": ""}, http.StatusUnprocessableEntity)
		if !hasField(p, "email") || !hasField(p, "password") {
			t.Fatalf("missing fields not named: %+v", p)
		}
		var me mentor.Person
		f.do(f.anaTok, "GET", "/api/v1/me", nil, http.StatusOK, &me)
		if me.ID != f.ana.ID || me.Email != "ana@example.com" {
			t.Fatalf("me: %+v", me)
		}
		f.do(f.anaTok, "POST", "/api/v1/logout", nil, http.StatusNoContent, nil)
		f.problem(f.anaTok, "GET", "/api/v1/me", nil, http.StatusUnauthorized)
	})
}

func TestAPI_ParticipantRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		// Goals: own and shared goals are visible, another participant's are not.
		var anaGoal, shared mentor.Goal
		f.do(f.anaTok, "POST", "/api/v1/goals", validGoalBody(f.ana.ID), http.StatusCreated, &anaGoal)
		body := validGoalBody(f.ben.ID)
		body["match_id"] = f.match.ID
		f.do(f.benTok, "POST", "/api/v1/goals", body, http.StatusCreated, &shared)
		f.problem(f.caiTok, "GET", fmt.Sprintf("/api/v1/goals/%d", anaGoal.ID), nil, http.StatusNotFound)
		f.problem(f.caiTok, "POST", fmt.Sprintf("/api/v1/goals/%d/progress", anaGoal.ID), map[string]any{"value": 1}, http.StatusNotFound)
		f.problem(f.caiTok, "POST", "/api/v1/goals", validGoalBody(f.ana.ID), http.StatusForbidden)
		f.do(f.benTok, "GET", fmt.Sprintf("/api/v1/goals/%d", shared.ID), nil, http.StatusOK, nil)
		f.do(f.anaTok, "GET", fmt.Sprintf("/api/v1/goals/%d", shared.ID), nil, http.StatusOK, nil)
		f.problem(f.benTok, "GET", fmt.Sprintf("/api/v1/goals/%d", anaGoal.ID), nil, http.StatusNotFound)
		f.problem(f.anaTok, "PUT", fmt.Sprintf("/api/v1/goals/%d", shared.ID), body, http.StatusForbidden)
		var g mentor.Goal
		f.do(f.anaTok, "POST", fmt.Sprintf("/api/v1/goals/%d/progress", shared.ID), map[string]any{"value": 1, "note": "first one live"}, http.StatusCreated, &g)
		if g.Current != 1 {
			t.Fatalf("progress not recorded: %+v", g)
		}
		var goals struct{ Items []mentor.Goal }
		f.do(f.caiTok, "GET", "/api/v1/goals", nil, http.StatusOK, &goals)
		if len(goals.Items) != 0 {
			t.Fatalf("cai sees %d goals of others", len(goals.Items))
		}
		f.do(f.anaTok, "GET", "/api/v1/goals", nil, http.StatusOK, &goals)
		if len(goals.Items) != 2 {
			t.Fatalf("ana sees %d goals, want her own and the shared one", len(goals.Items))
		}
		f.do(f.coordTok, "GET", "/api/v1/goals?owner_id="+fmt.Sprint(f.ana.ID), nil, http.StatusOK, &goals)
		if len(goals.Items) != 1 {
			t.Fatalf("coordinator filter: %d", len(goals.Items))
		}

		// Profiles: own only; HR fields stay with coordinators.
		var ben mentor.Person
		f.do(f.anaTok, "GET", fmt.Sprintf("/api/v1/people/%d", f.ben.ID), nil, http.StatusOK, &ben)
		if ben.Email != "ben@example.com" || ben.Phone == "" {
			t.Fatalf("a confirmed partner's contact details must be visible: %+v", ben)
		}
		var anaSeenByCai mentor.Person
		f.do(f.caiTok, "GET", fmt.Sprintf("/api/v1/people/%d", f.ana.ID), nil, http.StatusOK, &anaSeenByCai)
		if anaSeenByCai.Email != "" || anaSeenByCai.Phone != "" || anaSeenByCai.Name != "Ana Mentee" {
			t.Fatalf("contact details leak outside a match: %+v", anaSeenByCai)
		}
		var list struct{ Items []mentor.Person }
		f.do(f.caiTok, "GET", "/api/v1/people", nil, http.StatusOK, &list)
		for _, p := range list.Items {
			if p.ID != f.cai.ID && p.Email != "" {
				t.Fatalf("people list leaks %s's e-mail", p.Name)
			}
		}
		edit := map[string]any{"name": "Ana M.", "email": "ana@example.com", "seniority": 2, "department": "Data", "time_zone": "Europe/Berlin", "bio": "hi", "phone": "+49 30 1234"}
		f.problem(f.caiTok, "PUT", fmt.Sprintf("/api/v1/people/%d", f.ana.ID), edit, http.StatusForbidden)
		f.do(f.anaTok, "PUT", "/api/v1/me", edit, http.StatusOK, nil)
		edit["seniority"] = 8
		p := f.problem(f.anaTok, "PUT", "/api/v1/me", edit, http.StatusForbidden)
		if !hasField(p, "seniority") {
			t.Fatalf("HR field not named: %+v", p)
		}
		f.problem(f.anaTok, "POST", "/api/v1/people", edit, http.StatusForbidden)
		f.problem(f.anaTok, "DELETE", fmt.Sprintf("/api/v1/people/%d", f.cai.ID), nil, http.StatusForbidden)

		// Programs are managed by coordinators.
		f.problem(f.anaTok, "POST", "/api/v1/programs", map[string]any{"name": "x", "format": "peer"}, http.StatusForbidden)
		f.problem(f.anaTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", f.program.ID), map[string]any{"status": "enrolling"}, http.StatusForbidden)

		// Matches and meetings: members only.
		f.problem(f.caiTok, "GET", fmt.Sprintf("/api/v1/matches/%d", f.match.ID), nil, http.StatusNotFound)
		var mt mentor.Meeting
		f.do(f.anaTok, "POST", "/api/v1/meetings", map[string]any{"match_id": f.match.ID, "starts_at": "2026-12-01T09:00:00Z", "minutes": 45, "agenda": "pipeline review"}, http.StatusCreated, &mt)
		f.problem(f.caiTok, "POST", "/api/v1/meetings", map[string]any{"match_id": f.match.ID, "starts_at": "2026-12-01T09:00:00Z", "minutes": 45}, http.StatusNotFound)
		f.problem(f.caiTok, "GET", fmt.Sprintf("/api/v1/meetings/%d", mt.ID), nil, http.StatusNotFound)
		var meetings struct{ Items []mentor.Meeting }
		f.do(f.caiTok, "GET", "/api/v1/meetings", nil, http.StatusOK, &meetings)
		if len(meetings.Items) != 0 {
			t.Fatal("cai lists another pair's meetings")
		}

		// Private notes: the author only, not even the coordinator.
		f.do(f.anaTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/notes", mt.ID), map[string]any{"text": "nervous about the demo", "private": true}, http.StatusCreated, nil)
		f.do(f.anaTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/notes", mt.ID), map[string]any{"text": "agreed next steps"}, http.StatusCreated, nil)
		for _, c := range []struct {
			who   string
			token string
			want  int
		}{{"ana", f.anaTok, 2}, {"ben", f.benTok, 1}, {"coordinator", f.coordTok, 1}} {
			var notes struct{ Items []mentor.Note }
			f.do(c.token, "GET", fmt.Sprintf("/api/v1/meetings/%d/notes", mt.ID), nil, http.StatusOK, &notes)
			if len(notes.Items) != c.want {
				t.Errorf("%s sees %d notes, want %d", c.who, len(notes.Items), c.want)
			}
			for _, n := range notes.Items {
				if n.Private && c.who != "ana" {
					t.Errorf("%s sees ana's private note", c.who)
				}
			}
		}
		f.problem(f.caiTok, "GET", fmt.Sprintf("/api/v1/meetings/%d/notes", mt.ID), nil, http.StatusNotFound)

		// Feedback once per person; check-ins by members.
		f.do(f.anaTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/feedback", mt.ID), map[string]any{"rating": 5, "style": "reflective", "text": "good questions"}, http.StatusCreated, nil)
		f.problem(f.anaTok, "POST", fmt.Sprintf("/api/v1/meetings/%d/feedback", mt.ID), map[string]any{"rating": 4}, http.StatusConflict)
		f.problem(f.caiTok, "POST", "/api/v1/check-ins", map[string]any{"match_id": f.match.ID, "pulse": 4}, http.StatusNotFound)
		f.do(f.benTok, "POST", "/api/v1/check-ins", map[string]any{"match_id": f.match.ID, "pulse": 4}, http.StatusCreated, nil)

		// Assessments: self and confirmed partners only.
		f.do(f.anaTok, "POST", "/api/v1/assessments", map[string]any{"skill": "SQL", "level": 2}, http.StatusCreated, nil)
		f.do(f.benTok, "POST", "/api/v1/assessments", map[string]any{"person_id": f.ana.ID, "skill": "SQL", "level": 3}, http.StatusCreated, nil)
		f.problem(f.caiTok, "POST", "/api/v1/assessments", map[string]any{"person_id": f.ana.ID, "skill": "SQL", "level": 1}, http.StatusForbidden)
		f.problem(f.caiTok, "GET", fmt.Sprintf("/api/v1/assessments?person_id=%d", f.ana.ID), nil, http.StatusForbidden)

		// Enrollments: a participant sees only their own.
		f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments", f.program.ID), map[string]any{"person_id": f.ben.ID, "role": "mentor", "capacity": 2}, http.StatusCreated, nil)
		var ens struct{ Items []mentor.Enrollment }
		f.do(f.caiTok, "GET", fmt.Sprintf("/api/v1/programs/%d/enrollments", f.program.ID), nil, http.StatusOK, &ens)
		if len(ens.Items) != 0 {
			t.Fatal("cai sees ben's enrollment")
		}
		f.problem(f.caiTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments", f.program.ID), map[string]any{"person_id": f.ana.ID, "role": "mentee"}, http.StatusForbidden)
	})
}

func TestAPI_BadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		countGoals := func() int {
			var n int
			db.SQL().QueryRow(`SELECT count(*) FROM goals`).Scan(&n)
			return n
		}
		body := validGoalBody(f.ana.ID)
		delete(body, "due_date")
		p := f.problem(f.anaTok, "POST", "/api/v1/goals", body, http.StatusUnprocessableEntity)
		if !hasField(p, "due_date") || !strings.Contains(p.Errors[0].Message, "T (time-bound)") {
			t.Fatalf("missing due date not named: %+v", p)
		}
		if countGoals() != 0 {
			t.Fatal("a rejected goal was stored")
		}
		body = validGoalBody(f.ana.ID)
		body["colour"] = "green"
		if p := f.problem(f.anaTok, "POST", "/api/v1/goals", body, http.StatusBadRequest); !hasField(p, "colour") {
			t.Fatalf("unknown field not named: %+v", p)
		}
		body = validGoalBody(f.ana.ID)
		body["target"] = "lots"
		if p := f.problem(f.anaTok, "POST", "/api/v1/goals", body, http.StatusBadRequest); !hasField(p, "target") {
			t.Fatalf("wrong type not named: %+v", p)
		}
		body = validGoalBody(f.ana.ID)
		body["due_date"] = "next spring"
		f.problem(f.anaTok, "POST", "/api/v1/goals", body, http.StatusBadRequest)
		f.problem(f.anaTok, "POST", "/api/v1/goals", `{"title": "x"`, http.StatusBadRequest)
		f.problem(f.anaTok, "POST", "/api/v1/goals", `{} {}`, http.StatusBadRequest)
		f.problem(f.anaTok, "POST", "/api/v1/goals", "", http.StatusBadRequest)
		big := `{"title": "` + strings.Repeat("x", MaxBodyBytes) + `"}`
		f.problem(f.anaTok, "POST", "/api/v1/goals", big, http.StatusRequestEntityTooLarge)
		if countGoals() != 0 {
			t.Fatal("a rejected goal was stored")
		}

		p = f.problem(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments", f.program.ID), map[string]any{"person_id": f.ben.ID, "role": "mentor", "capacity": 500}, http.StatusUnprocessableEntity)
		if !hasField(p, "capacity") {
			t.Fatalf("capacity 500 not named: %+v", p)
		}
		p = f.problem(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": "", "format": "speed_dating"}, http.StatusUnprocessableEntity)
		if !hasField(p, "name") || !hasField(p, "format") {
			t.Fatalf("program fields not named: %+v", p)
		}
		p = f.problem(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", f.program.ID), map[string]any{"status": "running"}, http.StatusConflict)
		if !strings.Contains(p.Detail, "cannot move to running") {
			t.Fatalf("illegal transition reason: %+v", p)
		}
		f.problem(f.coordTok, "GET", "/api/v1/people?limit=0", nil, http.StatusBadRequest)
		f.problem(f.coordTok, "GET", "/api/v1/people?cursor=zzz", nil, http.StatusUnprocessableEntity)
		f.problem(f.coordTok, "GET", "/api/v1/people/abc", nil, http.StatusNotFound)
		f.problem(f.coordTok, "GET", "/api/v1/people/999999", nil, http.StatusNotFound)
		f.problem(f.coordTok, "POST", "/api/v1/people", map[string]any{"name": "X", "email": "ana@example.com", "seniority": 3}, http.StatusConflict)
	})
}

func TestAPI_ProgramsAndPeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		for _, format := range mentor.Formats {
			f.do(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": "P " + string(format), "format": format}, http.StatusCreated, nil)
		}
		var programs struct{ Items []mentor.Program }
		f.do(f.anaTok, "GET", "/api/v1/programs?limit=100", nil, http.StatusOK, &programs)
		if len(programs.Items) != 10 {
			t.Fatalf("programs: %d", len(programs.Items))
		}
		var peer struct{ Items []mentor.Program }
		f.do(f.anaTok, "GET", "/api/v1/programs?format=peer", nil, http.StatusOK, &peer)
		if len(peer.Items) != 1 {
			t.Fatalf("format filter: %d", len(peer.Items))
		}
		id := peer.Items[0].ID
		for _, st := range []string{"enrolling"} {
			f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", id), map[string]any{"status": st}, http.StatusOK, nil)
		}
		// Self sign-up while enrolling.
		var e mentor.Enrollment
		f.do(f.caiTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments", id), map[string]any{"role": "peer", "goals": "practice feedback"}, http.StatusCreated, &e)
		if e.PersonID != f.cai.ID {
			t.Fatalf("self sign-up: %+v", e)
		}
		f.do(f.caiTok, "PATCH", fmt.Sprintf("/api/v1/programs/%d/enrollments/%d", id, e.ID), map[string]any{"status": "withdrawn"}, http.StatusOK, &e)
		if e.Status != mentor.EnrollmentWithdrawn {
			t.Fatalf("withdraw: %+v", e)
		}
		p := f.problem(f.caiTok, "PATCH", fmt.Sprintf("/api/v1/programs/%d/enrollments/%d", id, e.ID), map[string]any{"capacity": 20, "status": "active"}, http.StatusForbidden)
		if !hasField(p, "status") || !hasField(p, "capacity") {
			t.Fatalf("a participant must not raise their own capacity or leave the waitlist: %+v", p)
		}

		// People: create, paginate, skills with aliases.
		f.do(f.coordTok, "POST", "/api/v1/skills", map[string]any{"name": "Go", "aliases": []string{"golang"}}, http.StatusCreated, nil)
		for i := range 7 {
			f.do(f.coordTok, "POST", "/api/v1/people", map[string]any{"name": fmt.Sprintf("Person %d", i), "email": fmt.Sprintf("p%d@example.com", i),
				"seniority": 3, "skills": []map[string]any{{"skill": "golang", "level": 3, "offers": true}}}, http.StatusCreated, nil)
		}
		var page1, page2 struct {
			Items      []mentor.Person
			NextCursor string `json:"next_cursor"`
		}
		f.do(f.coordTok, "GET", "/api/v1/people?limit=6", nil, http.StatusOK, &page1)
		f.do(f.coordTok, "GET", "/api/v1/people?limit=6&cursor="+page1.NextCursor, nil, http.StatusOK, &page2)
		if len(page1.Items) != 6 || len(page2.Items) != 5 || page2.NextCursor != "" {
			t.Fatalf("pages: %d + %d, next %q", len(page1.Items), len(page2.Items), page2.NextCursor)
		}
		var gophers struct{ Items []mentor.Person }
		f.do(f.coordTok, "GET", "/api/v1/people?skill=GOLANG", nil, http.StatusOK, &gophers)
		if len(gophers.Items) != 7 || gophers.Items[0].Skills[0].Skill != "Go" {
			t.Fatalf("skill filter through alias: %d", len(gophers.Items))
		}
		var skills struct{ Items []mentor.Skill }
		f.do(f.anaTok, "GET", "/api/v1/skills?resolve=Golang", nil, http.StatusOK, &skills)
		if len(skills.Items) != 1 || skills.Items[0].Name != "Go" {
			t.Fatalf("resolve alias: %+v", skills)
		}
	})
}

func TestAPI_MatchesCSV(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	resp, body := f.req(f.coordTok, "GET", "/api/v1/matches?format=csv", nil)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv export: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "match_id,program_id") || !strings.Contains(lines[1], "Ana Mentee") || !strings.Contains(lines[1], "Ben Mentor") ||
		!strings.Contains(lines[1], "Ben offers SQL that Ana wants.") {
		t.Fatalf("csv:\n%s", body)
	}
	f.problem(f.anaTok, "GET", "/api/v1/matches?format=csv", nil, http.StatusForbidden)
}

func TestOps_HealthAndMetrics(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	var h map[string]string
	f.do("", "GET", "/healthz", nil, http.StatusOK, &h)
	if h["status"] != "ok" || h["database"] != "sqlite" {
		t.Fatalf("healthz: %v", h)
	}
	f.problem(f.anaTok, "GET", "/metrics", nil, http.StatusForbidden)
	resp, body := f.req(f.coordTok, "GET", "/metrics", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "mentormesh_http_requests_total") {
		t.Fatalf("metrics: %d", resp.StatusCode)
	}
	if resp.Header.Get("X-Request-Id") == "" {
		t.Fatal("no request id")
	}
	f.db.Close()
	resp, _ = f.req("", "GET", "/healthz", nil)
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("healthz with the database down: %d", resp.StatusCode)
	}
}
