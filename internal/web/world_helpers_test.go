package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// world is a fixture with one object of every kind the routes name, built
// through the API: ana and ben's match with a private goal of ana's, a shared
// goal, a meeting and an abuse report; ana's enrollment; a flash program with
// an office-hours slot of ben's; a self-select program with ana's pick of
// ben; a closed program ana took part in; a review program with a draft match run of two people without
// accounts; ana's calendar address; an open format trial. cai stays outside all of it, and ada is
// an admin. The handler serves the same database in-process.
type world struct {
	*fixture
	h     http.Handler
	ada   *mentor.Person
	users map[string]int64 // actor name -> user id
	// obj names the id (or slug, or file) of each object a route can take.
	obj map[string]string
	// fresh makes a new object of a kind, for routes that delete it.
	fresh map[string]func(tb testing.TB) string
}

func newWorld(tb testing.TB, db *store.DB) *world {
	tb.Helper()
	ctx := context.Background()
	f := newFixture(tb, db)
	s := &Server{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	w := &world{fixture: f, h: s.Handler(), users: map[string]int64{}, obj: map[string]string{}, fresh: map[string]func(testing.TB) string{}}
	w.ada = &mentor.Person{Name: "Ada Admin", Email: "ada@example.com", Seniority: 6, TimeZone: "Europe/Berlin"}
	if err := db.CreatePerson(ctx, w.ada); err != nil {
		tb.Fatal(err)
	}
	if err := db.CreateUser(ctx, &mentor.User{Email: w.ada.Email, Role: mentor.UserAdmin, PersonID: w.ada.ID}, testPassword); err != nil {
		tb.Fatal(err)
	}
	for name, p := range map[string]*mentor.Person{"ana": f.ana, "ben": f.ben, "cai": f.cai, "coord": f.coord, "admin": w.ada} {
		u, err := db.UserByPerson(ctx, p.ID)
		if err != nil {
			tb.Fatal(err)
		}
		w.users[name] = u.ID
	}
	id := func(v int64) string { return fmt.Sprint(v) }
	w.obj["ana"], w.obj["program"], w.obj["match"], w.obj["slug"] = id(f.ana.ID), id(f.program.ID), id(f.match.ID), f.program.Slug
	var skills struct{ Items []mentor.Skill }
	f.do(f.coordTok, "GET", "/api/v1/skills", nil, http.StatusOK, &skills)
	w.obj["skill"] = id(skills.Items[0].ID)

	var goal, shared mentor.Goal
	f.do(f.anaTok, "POST", "/api/v1/goals", validGoalBody(f.ana.ID), http.StatusCreated, &goal)
	body := validGoalBody(f.ben.ID)
	body["match_id"] = f.match.ID
	f.do(f.benTok, "POST", "/api/v1/goals", body, http.StatusCreated, &shared)
	w.obj["goal"], w.obj["shared-goal"] = id(goal.ID), id(shared.ID)
	w.fresh["goal"] = func(tb testing.TB) string {
		var g mentor.Goal
		w.do(tb, f.anaTok, "POST", "/api/v1/goals", validGoalBody(f.ana.ID), http.StatusCreated, &g)
		return id(g.ID)
	}
	var mt mentor.Meeting
	f.do(f.anaTok, "POST", "/api/v1/meetings", map[string]any{"match_id": f.match.ID, "starts_at": "2026-12-01T09:00:00Z", "minutes": 45, "agenda": "pipeline review"}, http.StatusCreated, &mt)
	w.obj["meeting"] = id(mt.ID)
	var rep mentor.AbuseReport
	f.do(f.anaTok, "POST", fmt.Sprintf("/api/v1/matches/%d/report", f.match.ID), map[string]any{"person_id": f.ben.ID, "reason": "missed every meeting"}, http.StatusCreated, &rep)
	w.obj["report"] = id(rep.ID)
	w.fresh["person"] = func(tb testing.TB) string {
		p := &mentor.Person{Name: "Leaving Soon", Email: fmt.Sprintf("leaver%d@example.com", time.Now().UnixNano()), Seniority: 2}
		if err := db.CreatePerson(ctx, p); err != nil {
			tb.Fatal(err)
		}
		return id(p.ID)
	}

	status := func(program int64, states ...string) {
		for _, st := range states {
			f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", program), map[string]any{"status": st}, http.StatusOK, nil)
		}
	}
	enroll := func(program, person int64, role mentor.Role) int64 {
		var e mentor.Enrollment
		in := map[string]any{"person_id": person, "role": role}
		if role == mentor.RoleMentor {
			in["capacity"] = 2
		}
		f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments", program), in, http.StatusCreated, &e)
		return e.ID
	}
	newProgram := func(name string, format mentor.Format, mode string) int64 {
		var p mentor.Program
		f.do(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": name, "format": format, "matching_mode": mode}, http.StatusCreated, &p)
		status(p.ID, "enrolling")
		return p.ID
	}
	status(f.program.ID, "enrolling")
	w.obj["enrollment"] = id(enroll(f.program.ID, f.ana.ID, mentor.RoleMentee))
	enroll(f.program.ID, f.ben.ID, mentor.RoleMentor)

	flash := newProgram("Ask an expert", mentor.FormatFlash, "review")
	enroll(flash, f.ben.ID, mentor.RoleMentor)
	enroll(flash, f.ana.ID, mentor.RoleMentee)
	status(flash, "matching", "running")
	var slot mentor.OfficeHours
	f.do(f.benTok, "POST", "/api/v1/office-hours", map[string]any{"program_id": flash, "starts_at": time.Now().Add(48 * time.Hour).UTC().Truncate(time.Minute),
		"minutes": 20, "topics": []string{"SQL"}}, http.StatusCreated, &slot)
	w.obj["slot"] = id(slot.ID)
	slots := 0
	w.fresh["booked-slot"] = func(tb testing.TB) string {
		slots++
		var o mentor.OfficeHours
		w.do(tb, f.benTok, "POST", "/api/v1/office-hours", map[string]any{"program_id": flash, "starts_at": slot.StartsAt.Add(time.Duration(slots) * time.Hour),
			"minutes": 20, "topics": []string{"SQL"}}, http.StatusCreated, &o)
		w.do(tb, f.anaTok, "POST", fmt.Sprintf("/api/v1/office-hours/%d/book", o.ID), nil, http.StatusOK, nil)
		return id(o.ID)
	}

	self := newProgram("Pick a mentor", mentor.FormatMentoring, "self_select")
	enroll(self, f.ben.ID, mentor.RoleMentor)
	enroll(self, f.ana.ID, mentor.RoleMentee)
	status(self, "matching")
	var pick mentor.Pick
	f.do(f.anaTok, "POST", fmt.Sprintf("/api/v1/programs/%d/picks", self), map[string]any{"person_id": f.ben.ID, "message": "SQL, please"}, http.StatusCreated, &pick)
	w.obj["self-select"], w.obj["pick"], w.obj["flash"] = id(self), id(pick.ID), id(flash)

	closed := newProgram("Finished cohort", mentor.FormatPeer, "review")
	enroll(closed, f.ana.ID, mentor.RolePeer)
	status(closed, "matching", "running", "closed")
	w.obj["closed"] = id(closed)

	review := newProgram("Reviewed matching", mentor.FormatMentoring, "review")
	var pair [2]int64
	for i, p := range []*mentor.Person{
		{Name: "Dan Drafted", Email: "dan@example.com", Seniority: 5, Department: "Ops", TimeZone: "Europe/Berlin", Languages: []string{"English"}, Skills: []mentor.PersonSkill{{Skill: "SQL", Level: 5, Offers: true}}},
		{Name: "Eve Drafted", Email: "eve@example.com", Seniority: 2, Department: "Data", TimeZone: "Europe/Berlin", Languages: []string{"English"}, Skills: []mentor.PersonSkill{{Skill: "SQL", Level: 1, Wants: true}}},
	} {
		if err := db.CreatePerson(ctx, p); err != nil {
			tb.Fatal(err)
		}
		pair[i] = p.ID
	}
	enroll(review, pair[0], mentor.RoleMentor)
	enroll(review, pair[1], mentor.RoleMentee)
	status(review, "matching")
	var run struct {
		ID      int64          `json:"id"`
		Matches []mentor.Match `json:"matches"`
	}
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/match-runs", review), map[string]any{"seed": 7}, http.StatusCreated, &run)
	if len(run.Matches) == 0 {
		tb.Fatal("the review program's run proposed no match")
	}
	w.obj["review"], w.obj["run"], w.obj["draft"] = id(review), id(run.ID), id(run.Matches[0].ID)
	w.fresh["draft"] = func(tb testing.TB) string {
		m := &mentor.Match{ProgramID: review, RunID: &run.ID, State: mentor.MatchDraft, Score: 50, Summary: "a second proposal",
			Members: []mentor.MatchMember{{PersonID: pair[0], Role: mentor.RoleMentor}, {PersonID: pair[1], Role: mentor.RoleMentee}}}
		if err := db.CreateMatch(ctx, m); err != nil {
			tb.Fatal(err)
		}
		return id(m.ID)
	}

	token, err := db.CalendarToken(ctx, f.ana.ID, false)
	if err != nil {
		tb.Fatal(err)
	}
	w.obj["calendar"] = token + ".ics"
	w.fresh["calendar"] = func(tb testing.TB) string {
		token, err := db.CalendarToken(ctx, f.ana.ID, true)
		if err != nil {
			tb.Fatal(err)
		}
		return token + ".ics"
	}
	w.addTrial(tb)
	return w
}

// token returns a fresh bearer token of the named actor ("" for anonymous),
// so that a route that signs out spends only its own session.
func (w *world) token(tb testing.TB, actor string) string {
	tb.Helper()
	if actor == "" {
		return ""
	}
	tok, err := w.db.CreateSession(context.Background(), w.users[actor], store.SessionBearer, store.SessionPolicy{TTL: time.Hour})
	if err != nil {
		tb.Fatal(err)
	}
	return tok
}

// serve sends one request to the in-process handler. A string or []byte body
// goes as is with contentType (JSON when empty and the body is not nil).
func (w *world) serve(token, method, target, contentType string, body []byte) *httptest.ResponseRecorder {
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(string(body))
		if contentType == "" {
			contentType = "application/json"
		}
	}
	r := httptest.NewRequest(method, "http://mentormesh.test"+target, rd)
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	w.h.ServeHTTP(rec, r)
	return rec
}

// do is fixture.do for tb (a fuzz function's *testing.T, where the
// fixture's own testing.F must not be used).
func (w *world) do(tb testing.TB, token, method, path string, in any, want int, out any) {
	tb.Helper()
	var b []byte
	if in != nil {
		b, _ = json.Marshal(in)
	}
	rec := w.serve(token, method, path, "", b)
	if rec.Code != want {
		tb.Fatalf("%s %s: status %d, want %d: %s", method, path, rec.Code, want, rec.Body.String())
	}
	if out != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			tb.Fatalf("%s %s: decode %s: %v", method, path, rec.Body.String(), err)
		}
	}
}
