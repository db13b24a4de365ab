package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// outcome is what an actor gets from a route: allowed (anything but 401,
// 403 and 404 — a 409 or 422 means the actor got past the access checks),
// 401 (or, for a page, a redirect to the sign-in page), 403, or 404.
type outcome int

const (
	A outcome = iota // allowed
	U                // 401 Unauthorized, or a page's redirect to /login
	F                // 403 Forbidden
	N                // 404 Not Found: the object is hidden from this actor
)

func (o outcome) String() string { return [...]string{"allowed", "401", "403", "404"}[o] }

// actors of the matrix, in the order each route is tried: anonymous, a
// participant on another participant's object (cai), the participant the
// object belongs to (or who is party to it), a coordinator, an admin.
var matrixActors = [...]string{"anonymous", "other", "own", "coord", "admin"}

// authzRow is one route's expected outcome for every actor.
type authzRow struct {
	pattern string // exactly as registered
	obj     string // world.obj key that {id} names ("" when none)
	fresh   bool   // take a new object for every request (the route deletes it)
	owner   string // the participant the object belongs to; "" means ana
	query   string // added to the path, as in "?person_id={ana}"
	// body is the JSON body (a url.Values is sent as a form; a
	// func(*world, actor name) any gives one per actor); nil sends {} to writes.
	body any
	// want lists the outcome for anonymous, other, own, coordinator, admin.
	want [5]outcome
}

func TestAuthz_Matrix(t *testing.T) {
	w := newWorld(t, storetest.Open(t, store.SQLite))
	rows := map[string]authzRow{}
	for _, r := range authzTable {
		if _, dup := rows[r.pattern]; dup {
			t.Fatalf("route %s has two rows", r.pattern)
		}
		rows[r.pattern] = r
	}
	s := &Server{DB: w.db}
	s.Handler()
	registered := map[string]bool{}
	var gen strings.Builder
	for _, rt := range s.Routes() {
		registered[rt.Pattern] = true
		row, ok := rows[rt.Pattern]
		if !ok {
			t.Errorf("route %s has no row in authzTable: add its expected outcome for every actor", rt.Pattern)
			row = authzRow{pattern: rt.Pattern, obj: guessObj(rt.Pattern)}
			if strings.HasPrefix(rt.Pattern, "DELETE") {
				row.fresh = true
				row.obj = map[string]string{"goal": "goal", "ana": "person", "match": "draft"}[row.obj]
			}
		}
		var got [5]outcome
		var seen [5]string
		for i, actor := range matrixActors {
			got[i], seen[i] = w.authzTry(t, row, actor)
		}
		fmt.Fprintf(&gen, "\t{pattern: %q, obj: %q, want: [5]outcome{%s}},\n", rt.Pattern, row.obj, joinOutcomes(got))
		if !ok {
			continue
		}
		for i := range got {
			if got[i] != row.want[i] {
				t.Errorf("%s as %s: %v, want %v\n\t%s", rt.Pattern, matrixActors[i], got[i], row.want[i], seen[i])
			}
		}
	}
	for _, r := range authzTable {
		if !registered[r.pattern] {
			t.Errorf("authzTable row %s names no registered route", r.pattern)
		}
	}
	if t.Failed() {
		t.Logf("observed:\n%s", gen.String())
	}
}

func joinOutcomes(o [5]outcome) string {
	s := make([]string, len(o))
	for i, x := range o {
		s[i] = [...]string{"A", "U", "F", "N"}[x]
	}
	return strings.Join(s, ", ")
}

func guessObj(pattern string) string {
	for key, prefix := range map[string]string{"goal": "/goals/", "meeting": "/meetings/", "match": "/matches/", "program": "/programs/",
		"ana": "/people/", "skill": "/skills/", "run": "/match-runs/", "pick": "/picks/", "slot": "/office-hours/", "report": "/abuse/"} {
		if strings.Contains(pattern, prefix+"{id}") {
			return key
		}
	}
	return ""
}

// authzTry sends the row's request as actor and classifies the answer.
func (w *world) authzTry(tb testing.TB, row authzRow, actor string) (outcome, string) {
	tb.Helper()
	method, path, _ := strings.Cut(row.pattern, " ")
	who := map[string]string{"anonymous": "", "other": "cai", "own": row.owner, "coord": "coord", "admin": "admin"}[actor]
	if actor == "own" && who == "" {
		who = "ana"
	}
	id := w.obj[row.obj]
	if row.fresh {
		id = w.fresh[row.obj](tb)
	}
	path = strings.NewReplacer("{id}", id, "{eid}", w.obj["enrollment"], "{slug}", w.obj["slug"], "{$}", "").Replace(path)
	if strings.Contains(path, "{file}") {
		path = strings.ReplaceAll(path, "{file}", w.fresh["calendar"](tb))
	}
	path += strings.NewReplacer("{ana}", w.obj["ana"]).Replace(row.query)
	if strings.HasSuffix(path, "/static/") {
		path += "style.css"
	}
	var body []byte
	contentType := ""
	bodyOf := row.body
	if f, ok := bodyOf.(func(w *world, who string) any); ok {
		bodyOf = f(w, who)
	}
	switch b := bodyOf.(type) {
	case nil:
		if method != "GET" && method != "DELETE" {
			body = []byte("{}")
		}
	case url.Values:
		body, contentType = []byte(b.Encode()), "application/x-www-form-urlencoded"
	default:
		body, _ = json.Marshal(b)
	}
	rec := w.serve(w.token(tb, who), method, path, contentType, body)
	seen := fmt.Sprintf("%s %s as %s: %d %.200s", method, path, actor, rec.Code, rec.Body.String())
	switch rec.Code {
	case http.StatusUnauthorized:
		return U, seen
	case http.StatusSeeOther:
		if strings.HasPrefix(rec.Header().Get("Location"), "/login") && who == "" {
			return U, seen
		}
	case http.StatusForbidden:
		return F, seen
	case http.StatusNotFound:
		return N, seen
	}
	if rec.Code >= 500 {
		tb.Errorf("%s", seen)
	}
	return A, seen
}

// body builds a row's body from the world; who is the signed-in actor's
// name ("ana", "ben", "cai", "coord", "admin" or "" for anonymous).
type body = func(w *world, who string) any

func objID(w *world, key string) int64 {
	var n int64
	fmt.Sscan(w.obj[key], &n)
	return n
}

// profileOf is a PUT /me body that keeps the actor's HR fields.
func profileOf(w *world, who string) any {
	p := map[string]*int{"ana": new(int), "cai": new(int), "coord": new(int), "admin": new(int)}
	*p["ana"], *p["cai"], *p["coord"], *p["admin"] = w.ana.Seniority, w.cai.Seniority, w.coord.Seniority, w.ada.Seniority
	sen := 0
	if v := p[who]; v != nil {
		sen = *v
	}
	return map[string]any{"name": "Renamed " + who, "email": who + "@example.com", "seniority": sen, "department": "Data", "time_zone": "Europe/Berlin", "bio": "hello"}
}

// authzTable is the expected outcome of every registered route for
// anonymous, other (cai, on ana's object), own (ana, or the row's owner),
// coordinator and admin. Rules it documents:
//   - Private objects of a participant (goals, matches, meetings, their notes,
//     feedback and invitations, enrollments, picks) answer 404 to another
//     participant: their ids leak nothing.
//   - Management (people, skills, programs, runs, reports, metrics, the HTML
//     program and run pages) answers 403 to participants.
//   - Lists (people, programs, goals, meetings, matches, enrollments,
//     check-ins, surveys, picks) are allowed to everyone signed in and are
//     filtered to what the caller may see; api_test.go checks the filtering.
//   - The directory (GET /people/{id}) is visible to everyone signed in, with
//     contact details only for the person, confirmed partners and
//     coordinators (TestAPI_ParticipantRules).
//   - Acting as a member (accept, decline, notes, feedback, reports about a
//     partner) is for members: coordinators get 403, as they are not members.
//   - Office hours are published by an enrolled expert for themselves (403
//     to others, coordinators included); a shortlist is an enrolled
//     participant's own (404 to anyone not enrolled in the program).
//     Any signed-in person may book a free slot; only the booker or the
//     slot's expert may cancel a booking.
//   - The closing survey is answered by the program's participants only.
//   - A pick is between its two people: the picked one answers it, the picker
//     withdraws it; to everyone else, coordinators included, it is 404.
//   - Format trials are managed by coordinators and admins (403 to
//     participants); a participant may volunteer only themselves.
//   - The calendar feed is a capability URL: the token is the credential,
//     so whoever holds it gets the feed.
var authzTable = []authzRow{
	{pattern: "GET /healthz", want: [5]outcome{A, A, A, A, A}},
	{pattern: "GET /metrics", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/openapi.json", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/login", body: body(func(w *world, _ string) any { return map[string]string{"email": w.ana.Email, "password": testPassword} }), want: [5]outcome{A, A, A, A, A}},
	{pattern: "POST /api/v1/logout", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /api/v1/me", want: [5]outcome{U, A, A, A, A}},
	{pattern: "PUT /api/v1/me", body: body(profileOf), want: [5]outcome{U, A, A, A, A}},

	{pattern: "GET /api/v1/people", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/people", body: body(func(*world, string) any {
		return map[string]any{"name": "New Hire", "email": "new.hire@example.com", "seniority": 1}
	}), want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/people/{id}", obj: "ana", want: [5]outcome{U, A, A, A, A}},
	{pattern: "PUT /api/v1/people/{id}", obj: "ana", body: body(func(w *world, _ string) any { return profileOf(w, "ana") }), want: [5]outcome{U, F, A, A, A}},
	{pattern: "DELETE /api/v1/people/{id}", obj: "person", fresh: true, want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/people/{id}/skills", obj: "ana", want: [5]outcome{U, A, A, A, A}},
	{pattern: "PUT /api/v1/people/{id}/skills", obj: "ana", body: body(func(*world, string) any {
		return map[string]any{"skills": []map[string]any{{"skill": "SQL", "level": 2, "wants": true}}}
	}), want: [5]outcome{U, F, A, A, A}},

	{pattern: "GET /api/v1/skills", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/skills", body: body(func(*world, string) any { return map[string]any{"name": "Go"} }), want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/skills/{id}", obj: "skill", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/skills/{id}/aliases", obj: "skill", body: body(func(*world, string) any { return map[string]any{"alias": "sequel"} }), want: [5]outcome{U, F, F, A, A}},

	{pattern: "GET /api/v1/programs", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/programs", body: body(func(*world, string) any { return map[string]any{"name": "Another", "format": "peer"} }), want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/programs/{id}", obj: "program", want: [5]outcome{U, A, A, A, A}},
	{pattern: "PUT /api/v1/programs/{id}", obj: "program", body: body(func(*world, string) any {
		return map[string]any{"name": "Data mentoring", "format": "mentoring", "slug": "data-mentoring"}
	}), want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/programs/{id}/status", obj: "program", body: body(func(*world, string) any { return map[string]any{"status": "enrolling"} }), want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/programs/{id}/enrollments", obj: "program", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/programs/{id}/enrollments", obj: "program", body: body(func(w *world, _ string) any {
		return map[string]any{"person_id": w.ana.ID, "role": "mentee"}
	}), want: [5]outcome{U, F, A, A, A}},
	{pattern: "POST /api/v1/programs/{id}/enrollments/bulk", obj: "program", body: body(func(w *world, _ string) any {
		return map[string]any{"enrollments": []map[string]any{{"person_id": w.ana.ID, "role": "mentee"}}}
	}), want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/programs/{id}/skip-cycle", obj: "program", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /api/v1/programs/{id}/survey", obj: "program", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/programs/{id}/survey", obj: "closed", body: body(func(*world, string) any { return map[string]any{"rating": 5} }), want: [5]outcome{U, F, A, F, F}},
	{pattern: "GET /api/v1/programs/{id}/enrollments/{eid}", obj: "program", want: [5]outcome{U, N, A, A, A}},
	{pattern: "PATCH /api/v1/programs/{id}/enrollments/{eid}", obj: "program", body: body(func(*world, string) any { return map[string]any{"goals": "learn SQL"} }), want: [5]outcome{U, N, A, A, A}},

	{pattern: "POST /api/v1/programs/{id}/match-runs", obj: "review", want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/programs/{id}/cycles", obj: "review", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/match-runs/{id}", obj: "run", want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/match-runs/{id}/publish", obj: "run", want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/match-runs/{id}/matches", obj: "run", want: [5]outcome{U, F, F, A, A}},
	{pattern: "PUT /api/v1/matches/{id}", obj: "draft", want: [5]outcome{U, F, F, A, A}},
	{pattern: "DELETE /api/v1/matches/{id}", obj: "draft", fresh: true, want: [5]outcome{U, F, F, A, A}},

	{pattern: "GET /api/v1/matches", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /api/v1/matches/{id}", obj: "match", want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /api/v1/matches/{id}/accept", obj: "match", want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /api/v1/matches/{id}/decline", obj: "match", want: [5]outcome{U, N, A, F, F}},

	{pattern: "GET /api/v1/goals", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/goals", body: body(func(w *world, _ string) any { return validGoalBody(w.ana.ID) }), want: [5]outcome{U, F, A, A, A}},
	{pattern: "GET /api/v1/goals/{id}", obj: "goal", want: [5]outcome{U, N, A, A, A}},
	{pattern: "PUT /api/v1/goals/{id}", obj: "goal", body: body(func(w *world, _ string) any { return validGoalBody(w.ana.ID) }), want: [5]outcome{U, N, A, A, A}},
	{pattern: "DELETE /api/v1/goals/{id}", obj: "goal", fresh: true, want: [5]outcome{U, N, A, A, A}},
	{pattern: "GET /api/v1/goals/{id}/progress", obj: "goal", want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /api/v1/goals/{id}/progress", obj: "goal", body: body(func(*world, string) any { return map[string]any{"value": 1, "note": "first"} }), want: [5]outcome{U, N, A, A, A}},

	{pattern: "GET /api/v1/meetings", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/meetings", body: body(func(w *world, _ string) any {
		return map[string]any{"match_id": w.match.ID, "starts_at": "2026-12-08T09:00:00Z", "minutes": 30}
	}), want: [5]outcome{U, N, A, A, A}},
	{pattern: "GET /api/v1/meetings/{id}", obj: "meeting", want: [5]outcome{U, N, A, A, A}},
	{pattern: "PUT /api/v1/meetings/{id}", obj: "meeting", body: body(func(w *world, _ string) any {
		return map[string]any{"match_id": w.match.ID, "starts_at": "2026-12-01T09:00:00Z", "minutes": 45, "agenda": "pipeline review"}
	}), want: [5]outcome{U, N, A, A, A}},
	{pattern: "GET /api/v1/meetings/{id}/notes", obj: "meeting", want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /api/v1/meetings/{id}/notes", obj: "meeting", body: body(func(*world, string) any { return map[string]any{"text": "next steps"} }), want: [5]outcome{U, N, A, F, F}},
	{pattern: "GET /api/v1/meetings/{id}/feedback", obj: "meeting", want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /api/v1/meetings/{id}/feedback", obj: "meeting", body: body(func(*world, string) any { return map[string]any{"rating": 5} }), want: [5]outcome{U, N, A, F, F}},

	{pattern: "GET /api/v1/check-ins", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/check-ins", body: body(func(w *world, _ string) any { return map[string]any{"match_id": w.match.ID, "pulse": 4} }), want: [5]outcome{U, N, A, F, F}},
	{pattern: "GET /api/v1/office-hours", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/office-hours", owner: "ben", body: body(func(w *world, _ string) any {
		return map[string]any{"program_id": objID(w, "flash"), "starts_at": "2030-01-07T09:00:00Z", "minutes": 20}
	}), want: [5]outcome{U, F, A, F, F}},
	{pattern: "GET /api/v1/office-hours/{id}", obj: "slot", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/office-hours/{id}/book", obj: "slot", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/office-hours/{id}/cancel", obj: "booked-slot", fresh: true, want: [5]outcome{U, F, A, F, F}},
	{pattern: "GET /api/v1/assessments", query: "?person_id={ana}", want: [5]outcome{U, F, A, A, A}},
	{pattern: "POST /api/v1/assessments", body: body(func(w *world, _ string) any {
		return map[string]any{"person_id": w.ana.ID, "skill": "SQL", "level": 2}
	}), want: [5]outcome{U, F, A, A, A}},

	{pattern: "GET /api/v1/programs/{id}/shortlist", obj: "self-select", want: [5]outcome{U, N, A, N, N}},
	{pattern: "POST /api/v1/programs/{id}/picks", obj: "self-select", body: body(func(w *world, _ string) any { return map[string]any{"person_id": w.ben.ID} }), want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /api/v1/programs/{id}/picks", obj: "self-select", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/picks/{id}/accept", obj: "pick", owner: "ben", want: [5]outcome{U, N, A, N, N}},
	{pattern: "POST /api/v1/picks/{id}/decline", obj: "pick", owner: "ben", want: [5]outcome{U, N, A, N, N}},
	{pattern: "POST /api/v1/picks/{id}/withdraw", obj: "pick", want: [5]outcome{U, N, A, N, N}},

	{pattern: "GET /api/v1/reports/at-risk", want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/admin/sweep", want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/matches/{id}/report", obj: "match", body: body(func(w *world, _ string) any {
		return map[string]any{"person_id": w.ben.ID, "reason": "rude"}
	}), want: [5]outcome{U, N, A, F, F}},
	{pattern: "GET /api/v1/reports/abuse", want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/reports/abuse/{id}/close", obj: "report", want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/matches/{id}/end", obj: "match", body: body(func(*world, string) any { return map[string]any{"reason": "done"} }), want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /api/v1/matches/{id}/resume", obj: "match", want: [5]outcome{U, N, A, A, A}},

	{pattern: "GET /api/v1/reports/health", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/reports/outcomes", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/reports/formats", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/reports/me", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/advisor", body: body(func(*world, string) any { return map[string]any{"text": "a quick question"} }), want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/trials", body: body(func(w *world, _ string) any {
		return map[string]any{"name": "Another trial", "program_ids": []int64{objID(w, "program"), objID(w, "review")}}
	}), want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/trials", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /api/v1/trials/{id}", obj: "trial", want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /api/v1/trials/{id}/volunteers", obj: "trial", body: body(func(w *world, _ string) any { return map[string]any{"person_id": w.ana.ID} }), want: [5]outcome{U, F, A, A, A}},
	{pattern: "POST /api/v1/trials/{id}/close", obj: "trial", fresh: true, want: [5]outcome{U, F, F, A, A}},

	{pattern: "GET /api/v1/me/calendar", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /api/v1/me/calendar", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /calendar/{file}", want: [5]outcome{A, A, A, A, A}},
	{pattern: "GET /api/v1/meetings/{id}/invite.ics", obj: "meeting", want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /api/v1/meetings/{id}/invite", obj: "meeting", want: [5]outcome{U, N, A, A, A}},

	{pattern: "GET /static/", want: [5]outcome{A, A, A, A, A}},
	{pattern: "GET /favicon.ico", want: [5]outcome{A, A, A, A, A}},
	{pattern: "GET /console", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /matches", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /matches/{id}", obj: "match", want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /matches/{id}/meetings", obj: "match", body: url.Values{"starts_at": {"2030-01-15T10:00"}, "minutes": {"30"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /matches/{id}/end", obj: "match", body: url.Values{"reason": {"done"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /matches/{id}/resume", obj: "match", body: url.Values{}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /matches/{id}/report", obj: "match", body: url.Values{"reason": {"rude"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /matches/{id}/check-in", obj: "match", body: url.Values{"pulse": {"4"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /matches/{id}/assess", obj: "match", body: url.Values{"skill": {"SQL"}, "level": {"3"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "GET /meetings", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /meetings/{id}", obj: "meeting", want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /meetings/{id}/notes", obj: "meeting", body: url.Values{"text": {"hello"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /meetings/{id}/feedback", obj: "meeting", body: url.Values{"rating": {"4"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /meetings/{id}/edit", obj: "meeting", body: url.Values{"starts_at": {"2030-01-15T10:00"}, "minutes": {"30"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /meetings/{id}/cancel", obj: "meeting", body: url.Values{}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "GET /goals", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /goals/new", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /goals", body: url.Values{"title": {"x"}}, want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /goals/{id}", obj: "goal", want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /goals/{id}/progress", obj: "goal", body: url.Values{"value": {"1"}}, want: [5]outcome{U, N, A, A, A}},
	{pattern: "POST /goals/{id}/milestones", obj: "goal", body: url.Values{"title": {"step"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /goals/{id}/status", obj: "goal", body: url.Values{"status": {"achieved"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "GET /office-hours", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /office-hours/{id}/book", obj: "slot", body: url.Values{}, want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /office-hours/{id}/cancel", obj: "slot", body: url.Values{}, want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /login", want: [5]outcome{A, A, A, A, A}},
	{pattern: "POST /login", body: body(func(w *world, _ string) any { return url.Values{"email": {w.ana.Email}, "password": {testPassword}} }), want: [5]outcome{A, A, A, A, A}},
	{pattern: "POST /logout", body: url.Values{}, want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /signup/{slug}", want: [5]outcome{A, A, A, A, A}},
	{pattern: "POST /signup/{slug}", body: url.Values{"role": {"mentee"}}, want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /{$}", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /programs/{id}", obj: "program", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /programs/{id}/report", obj: "program", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /reports", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /reports/formats", want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /advisor", query: "?text=a+quick+question", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /programs", want: [5]outcome{U, A, A, A, A}},
	{pattern: "GET /profile", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /profile", body: url.Values{"time_zone": {"Europe/Berlin"}}, want: [5]outcome{U, A, A, A, A}}, // each edits only their own
	{pattern: "POST /profile/calendar", body: url.Values{}, want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /programs/{id}/withdraw", obj: "program", body: url.Values{}, want: [5]outcome{U, A, A, A, A}}, // each withdraws only their own enrollment
	{pattern: "GET /trials", want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /trials", body: url.Values{"name": {"Page trial"}}, want: [5]outcome{U, F, F, A, A}},
	{pattern: "GET /trials/{id}", obj: "trial", want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /trials/{id}/volunteers", obj: "trial", body: url.Values{}, want: [5]outcome{U, A, A, A, A}},
	{pattern: "POST /trials/{id}/close", obj: "trial", fresh: true, body: url.Values{}, want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /matches/{id}/respond", obj: "match", body: url.Values{"answer": {"accept"}}, want: [5]outcome{U, N, A, F, F}},
	{pattern: "POST /programs/{id}/match-runs", obj: "review", body: url.Values{"seed": {"3"}}, want: [5]outcome{U, F, F, A, A}},
	{pattern: "POST /match-runs/{id}/publish", obj: "run", body: url.Values{}, want: [5]outcome{U, F, F, A, A}},
}
