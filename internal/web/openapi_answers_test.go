package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/notify/notifytest"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// TestOpenAPI_AnswersMatchDocument walks the whole API once, as a client
// would, and checks every answer against the document. It is long on
// purpose: each call builds on the objects the calls before it made, so the
// walk reads as one story from sign-in to calendar invitations.
func TestOpenAPI_AnswersMatchDocument(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	doc := loadOpenAPI(t)
	c := &apiChecker{t: t, f: f, base: f.srv.URL, doc: doc, ops: operations(doc), covered: map[string]bool{}}
	const api = "/api/v1"
	ana, ben, cai := strconv.FormatInt(f.ana.ID, 10), strconv.FormatInt(f.ben.ID, 10), strconv.FormatInt(f.cai.ID, 10)
	match := strconv.FormatInt(f.match.ID, 10)
	ctx := t.Context()

	// Sign-in and malformed bodies.
	c.call("", "POST", api+"/login", map[string]string{"email": "cai@example.com", "password": testPassword}, 200)
	c.call("", "POST", api+"/login", map[string]string{"email": "cai@example.com", "password": "wrong"}, 401)
	c.call("", "POST", api+"/login", map[string]string{"email": ""}, 422)
	c.call("", "POST", api+"/login", `{"email": "a@b.c", "password": "x", "remember": true}`, 400)
	c.call("", "POST", api+"/login", `{"email": `, 400)
	c.send("", "POST", api+"/login", "text/plain", []byte(`{}`), 415)
	c.call("", "POST", api+"/login", `{"email": "`+strings.Repeat("a", MaxBodyBytes)+`"}`, 413)
	c.call("", "GET", api+"/people", nil, 401)

	// People.
	c.call(f.anaTok, "PUT", api+"/people/"+ana+"/skills", map[string]any{"skills": []any{
		map[string]any{"skill": "structured query language", "level": 2, "wants": true}}}, 200)
	c.call(f.anaTok, "PUT", api+"/people/"+ben+"/skills", map[string]any{"skills": []any{}}, 403)
	me := c.call(f.anaTok, "GET", api+"/me", nil, 200)
	in := without(me, "id", "created_at", "updated_at")
	in["bio"] = "Learning SQL."
	c.call(f.anaTok, "PUT", api+"/me", in, 200)
	in["department"] = "Sales"
	c.call(f.anaTok, "PUT", api+"/me", in, 403)
	c.call(f.anaTok, "GET", api+"/people?limit=2&department=Data", nil, 200)
	c.call(f.anaTok, "GET", api+"/people?limit=2&department=Data&seniority=2", nil, 403)
	c.call(f.coordTok, "GET", api+"/people?limit=2&department=Data&seniority=2", nil, 200)
	c.call(f.anaTok, "GET", api+"/people?limit=0", nil, 400)
	c.call(f.anaTok, "GET", api+"/people?cursor=not-a-cursor", nil, 422)
	person := map[string]any{"name": "Dee Developer", "email": "dee@example.com", "seniority": 4, "department": "Data",
		"manager_id": f.ben.ID, "time_zone": "Europe/Lisbon", "languages": []string{"Portuguese"}, "birth_year": 1990,
		"availability": []any{map[string]any{"day": 1, "start": 540, "end": 720}},
		"skills":       []any{map[string]any{"skill": "Go", "level": 4, "offers": true}}}
	c.call(f.anaTok, "POST", api+"/people", person, 403)
	dee := idOf(t, c.call(f.coordTok, "POST", api+"/people", person, 201))
	c.call(f.coordTok, "POST", api+"/people", person, 409)
	eve := idOf(t, c.call(f.coordTok, "POST", api+"/people", map[string]any{"name": "Eve Minimal", "email": "eve@example.com", "seniority": 1}, 201))
	c.call(f.coordTok, "GET", api+"/people/"+eve, nil, 200)
	c.call(f.coordTok, "POST", api+"/people", map[string]any{"name": "", "seniority": 9}, 422)
	c.call(f.anaTok, "GET", api+"/people/"+dee, nil, 200)
	person["title"] = "Engineer"
	c.call(f.coordTok, "PUT", api+"/people/"+dee, person, 200)
	c.call(f.anaTok, "PUT", api+"/people/"+dee, person, 403)
	c.call(f.anaTok, "GET", api+"/people/"+dee+"/skills", nil, 200)
	c.call(f.anaTok, "DELETE", api+"/people/"+dee, nil, 403)
	c.call(f.coordTok, "DELETE", api+"/people/"+dee, nil, 204)
	c.call(f.coordTok, "GET", api+"/people/"+dee, nil, 404)

	// Skills.
	c.call(f.anaTok, "GET", api+"/skills?q=S", nil, 200)
	c.call(f.anaTok, "GET", api+"/skills?resolve=STRUCTURED%20QUERY%20LANGUAGE", nil, 200)
	c.call(f.anaTok, "GET", api+"/skills?resolve=cobol", nil, 404)
	skill := map[string]any{"name": "Kotlin", "category": "languages", "aliases": []string{"kt"}}
	c.call(f.anaTok, "POST", api+"/skills", skill, 403)
	kotlin := idOf(t, c.call(f.coordTok, "POST", api+"/skills", skill, 201))
	c.call(f.coordTok, "POST", api+"/skills", skill, 409)
	c.call(f.coordTok, "POST", api+"/skills", map[string]any{"name": "Scala"}, 201)
	c.call(f.anaTok, "GET", api+"/skills/"+kotlin, nil, 200)
	c.call(f.coordTok, "POST", api+"/skills/"+kotlin+"/aliases", map[string]string{"alias": "kotlin/jvm"}, 201)
	c.call(f.coordTok, "POST", api+"/skills/"+kotlin+"/aliases", map[string]string{"alias": "KT"}, 409)

	// Programs and enrollments.
	program := map[string]any{"name": "Peer circles", "format": "circles", "matching_mode": "auto", "slug": "circles-2026",
		"start_date": "2026-09-01", "end_date": "2027-03-31",
		"options": map[string]any{"group_size": 4, "cross_functional": true, "weights": map[string]any{"skill": 2}}}
	c.call(f.anaTok, "POST", api+"/programs", program, 403)
	circles := idOf(t, c.call(f.coordTok, "POST", api+"/programs", program, 201))
	c.call(f.coordTok, "POST", api+"/programs", program, 409)
	c.call(f.coordTok, "POST", api+"/programs", map[string]any{"name": "Plain mentoring", "format": "mentoring"}, 201)
	c.call(f.anaTok, "GET", api+"/programs?format=circles&status=draft", nil, 200)
	c.call(f.anaTok, "GET", api+"/programs?format=chess", nil, 400)
	c.call(f.anaTok, "GET", api+"/programs/"+circles, nil, 200)
	program["description"] = "Monthly circles."
	c.call(f.coordTok, "PUT", api+"/programs/"+circles, program, 200)
	c.call(f.coordTok, "POST", api+"/programs/"+circles+"/status", map[string]string{"status": "enrolling"}, 200)
	c.call(f.coordTok, "POST", api+"/programs/"+circles+"/status", map[string]string{"status": "running"}, 409)
	c.call(f.coordTok, "POST", api+"/programs/"+circles+"/status", map[string]string{"status": "paused"}, 422)
	enr := api + "/programs/" + circles + "/enrollments"
	mine := idOf(t, c.call(f.anaTok, "POST", enr, map[string]any{"role": "member", "goals": "Meet other analysts"}, 201))
	c.call(f.anaTok, "POST", enr, map[string]any{"role": "member"}, 409)
	c.call(f.anaTok, "POST", enr, map[string]any{"role": "member", "person_id": f.ben.ID}, 403)
	c.call(f.coordTok, "POST", enr, map[string]any{"role": "member", "person_id": f.ben.ID, "answers": map[string]string{"why": "to learn"}}, 201)
	c.call(f.coordTok, "POST", enr, map[string]any{"role": "mentor", "person_id": f.cai.ID}, 422)
	c.call(f.anaTok, "GET", enr+"?role=member", nil, 200)
	c.call(f.anaTok, "GET", enr+"/"+mine, nil, 200)
	c.call(f.caiTok, "GET", enr+"/"+mine, nil, 404)
	c.call(f.anaTok, "PATCH", enr+"/"+mine, map[string]any{"status": "withdrawn"}, 200)
	c.call(f.anaTok, "PATCH", enr+"/"+mine, map[string]any{"status": "active"}, 403)

	// Matches: answer a proposal.
	proposal := &mentor.Match{ProgramID: f.program.ID, State: mentor.MatchProposed, Score: 61.5, Summary: "Ben offers SQL that Cai wants.",
		Factors: []mentor.MatchFactor{{Name: "skill", Score: 0.8, Weight: 3, Reason: "SQL"}},
		Members: []mentor.MatchMember{{PersonID: f.cai.ID, Role: mentor.RoleMentee, Response: "pending"}, {PersonID: f.ben.ID, Role: mentor.RoleMentor, Response: "pending"}}}
	if err := f.db.CreateMatch(ctx, proposal); err != nil {
		t.Fatal(err)
	}
	prop := strconv.FormatInt(proposal.ID, 10)
	c.call(f.anaTok, "GET", api+"/matches?state=active", nil, 200)
	c.call(f.coordTok, "GET", api+"/matches?program_id="+strconv.FormatInt(f.program.ID, 10)+"&person_id="+cai, nil, 200)
	c.call(f.coordTok, "GET", api+"/matches?program_id=x", nil, 400)
	c.call(f.caiTok, "GET", api+"/matches/"+prop, nil, 200)
	c.call(f.anaTok, "GET", api+"/matches/"+prop, nil, 404)
	c.call(f.caiTok, "POST", api+"/matches/"+prop+"/accept", nil, 200)
	c.call(f.coordTok, "POST", api+"/matches/"+prop+"/accept", nil, 403)
	c.call(f.benTok, "POST", api+"/matches/"+prop+"/decline", map[string]string{"reason": "No time this quarter."}, 200)
	c.call(f.caiTok, "POST", api+"/matches/"+prop+"/accept", nil, 409)

	// Goals.
	goal := validGoalBody(f.ana.ID)
	goal["match_id"] = f.match.ID
	goal["milestones"] = []any{map[string]any{"title": "First pipeline", "due_date": "2027-01-31"}}
	g := c.call(f.anaTok, "POST", api+"/goals", goal, 201)
	gid := idOf(t, g)
	c.call(f.anaTok, "POST", api+"/goals", validGoalBody(f.ben.ID), 403)
	benGoal := idOf(t, c.call(f.benTok, "POST", api+"/goals", validGoalBody(f.ben.ID), 201))
	c.call(f.benTok, "GET", api+"/goals/"+benGoal, nil, 200)
	c.call(f.anaTok, "POST", api+"/goals", `{}`, 422)
	c.call(f.anaTok, "GET", api+"/goals?status=open&match_id="+match, nil, 200)
	c.call(f.benTok, "GET", api+"/goals/"+gid, nil, 200)
	c.call(f.caiTok, "GET", api+"/goals/"+gid, nil, 404)
	gin := without(g, "id", "current", "created_at", "updated_at")
	gin["title"] = "Ship two data pipelines"
	c.call(f.anaTok, "PUT", api+"/goals/"+gid, gin, 200)
	c.call(f.benTok, "PUT", api+"/goals/"+gid, gin, 403)
	c.call(f.benTok, "POST", api+"/goals/"+gid+"/progress", map[string]any{"value": 1, "note": "First one is live."}, 201)
	c.call(f.benTok, "POST", api+"/goals/"+gid+"/progress", map[string]any{"note": "no value"}, 422)
	c.call(f.anaTok, "GET", api+"/goals/"+gid+"/progress", nil, 200)

	// Meetings, notes and feedback.
	mt := c.call(f.anaTok, "POST", api+"/meetings", map[string]any{"match_id": f.match.ID, "starts_at": "2026-10-05T09:00:00+02:00",
		"minutes": 45, "agenda": "Review the pipeline", "attendance": []int64{f.ana.ID, f.ben.ID}}, 201)
	mid := idOf(t, mt)
	c.call(f.caiTok, "POST", api+"/meetings", map[string]any{"match_id": f.match.ID, "starts_at": "2026-10-05T09:00:00Z", "minutes": 45}, 404)
	brief := map[string]any{"match_id": f.match.ID, "starts_at": "2026-10-12T09:00:00Z", "minutes": 30}
	c.call(f.benTok, "PUT", api+"/meetings/"+idOf(t, c.call(f.benTok, "POST", api+"/meetings", brief, 201)), brief, 200)
	c.call(f.anaTok, "POST", api+"/meetings", map[string]any{"match_id": f.match.ID, "minutes": 1}, 422)
	c.call(f.anaTok, "GET", api+"/meetings?from=2026-01-01T00:00:00Z&status=scheduled", nil, 200)
	c.call(f.anaTok, "GET", api+"/meetings?from=yesterday", nil, 400)
	c.call(f.benTok, "GET", api+"/meetings/"+mid, nil, 200)
	c.call(f.caiTok, "GET", api+"/meetings/"+mid, nil, 404)
	mtIn := without(mt, "id", "program_id", "created_at")
	mtIn["status"] = "held"
	c.call(f.benTok, "PUT", api+"/meetings/"+mid, mtIn, 200)
	c.call(f.anaTok, "POST", api+"/meetings/"+mid+"/notes", map[string]any{"text": "Ask about dbt.", "private": true}, 201)
	c.call(f.coordTok, "POST", api+"/meetings/"+mid+"/notes", map[string]any{"text": "Hello"}, 403)
	c.call(f.benTok, "GET", api+"/meetings/"+mid+"/notes", nil, 200)
	c.call(f.anaTok, "POST", api+"/meetings/"+mid+"/feedback", map[string]any{"rating": 5, "style": "reflective", "text": "Useful."}, 201)
	c.call(f.anaTok, "POST", api+"/meetings/"+mid+"/feedback", map[string]any{"rating": 4}, 409)
	c.call(f.benTok, "POST", api+"/meetings/"+mid+"/feedback", map[string]any{"rating": 9}, 422)
	c.call(f.coordTok, "GET", api+"/meetings/"+mid+"/feedback", nil, 200)

	// Check-ins and assessments.
	c.call(f.anaTok, "POST", api+"/check-ins", map[string]any{"match_id": f.match.ID, "pulse": 4, "note": "Going well."}, 201)
	c.call(f.caiTok, "POST", api+"/check-ins", map[string]any{"match_id": f.match.ID, "pulse": 4}, 404)
	c.call(f.coordTok, "POST", api+"/check-ins", map[string]any{"match_id": f.match.ID, "pulse": 4}, 403)
	c.call(f.anaTok, "GET", api+"/check-ins?match_id="+match, nil, 200)
	c.call(f.anaTok, "POST", api+"/assessments", map[string]any{"skill": "SQL", "level": 2}, 201)
	c.call(f.anaTok, "POST", api+"/assessments", map[string]any{"person_id": f.ben.ID, "skill": "sql", "kind": "partner",
		"phase": "mid", "level": 4, "match_id": f.match.ID}, 201)
	c.call(f.caiTok, "POST", api+"/assessments", map[string]any{"person_id": f.ana.ID, "skill": "SQL", "level": 3}, 403)
	c.call(f.anaTok, "POST", api+"/assessments", map[string]any{"skill": "SQL", "level": 0}, 422)
	c.call(f.anaTok, "GET", api+"/assessments?person_id="+ben, nil, 200)
	c.call(f.caiTok, "GET", api+"/assessments?person_id="+ana, nil, 403)

	// Matching: a run of a review program with hand edits, publishing, and a rotation cycle.
	prog := api + "/programs/" + strconv.FormatInt(f.program.ID, 10)
	enrollAll := func(program string, enrollments ...map[string]any) {
		t.Helper()
		c.call(f.coordTok, "POST", program+"/status", map[string]string{"status": "enrolling"}, 200)
		for _, e := range enrollments {
			c.call(f.coordTok, "POST", program+"/enrollments", e, 201)
		}
	}
	enrollAll(prog, map[string]any{"person_id": f.ana.ID, "role": "mentee"}, map[string]any{"person_id": f.cai.ID, "role": "mentee"},
		map[string]any{"person_id": f.ben.ID, "role": "mentor", "capacity": 2})
	c.call(f.coordTok, "POST", prog+"/status", map[string]string{"status": "matching"}, 200)
	c.call(f.anaTok, "POST", prog+"/match-runs", nil, 403)
	run := idOf(t, c.call(f.coordTok, "POST", prog+"/match-runs", map[string]any{"seed": 7}, 201))
	c.call(f.coordTok, "GET", api+"/match-runs/"+run, nil, 200)
	edit := map[string]any{"members": []any{map[string]any{"person_id": f.cai.ID}, map[string]any{"person_id": f.ben.ID, "role": "mentor"}}}
	c.call(f.coordTok, "POST", api+"/match-runs/"+run+"/matches", edit, 409) // Ben declined Cai before and has no room left
	edit["override"] = true
	added, _ := c.call(f.coordTok, "POST", api+"/match-runs/"+run+"/matches", edit, 201)["match"].(map[string]any)
	draft := idOf(t, added)
	c.call(f.coordTok, "PUT", api+"/matches/"+draft, edit, 200)
	c.call(f.coordTok, "PUT", api+"/matches/"+draft, map[string]any{"members": []any{map[string]any{"person_id": f.coord.ID}}}, 422)
	c.call(f.benTok, "GET", api+"/matches/"+draft, nil, 404)
	c.call(f.coordTok, "DELETE", api+"/matches/"+draft, nil, 204)
	c.call(f.coordTok, "DELETE", api+"/matches/"+match, nil, 409)
	c.call(f.coordTok, "POST", api+"/match-runs/"+run+"/publish", nil, 200)
	c.call(f.coordTok, "POST", api+"/match-runs/"+run+"/publish", nil, 409)
	c.call(f.coordTok, "POST", api+"/match-runs/"+run+"/matches", edit, 409)
	c.call(f.coordTok, "POST", prog+"/cycles", nil, 409)
	rotation := api + "/programs/" + idOf(t, c.call(f.coordTok, "POST", api+"/programs", map[string]any{"name": "Coffee roulette", "format": "rotation"}, 201))
	enrollAll(rotation, map[string]any{"person_id": f.ana.ID, "role": "peer"}, map[string]any{"person_id": f.ben.ID, "role": "peer"},
		map[string]any{"person_id": f.cai.ID, "role": "peer"}, map[string]any{"person_id": f.coord.ID, "role": "peer"})
	c.call(f.coordTok, "POST", rotation+"/status", map[string]string{"status": "matching"}, 200)
	c.call(f.coordTok, "POST", rotation+"/status", map[string]string{"status": "running"}, 200)
	c.call(f.coordTok, "POST", rotation+"/cycles", map[string]any{"publish": true}, 201)

	// Office hours: publish, book, cancel.
	flash := api + "/programs/" + idOf(t, c.call(f.coordTok, "POST", api+"/programs", map[string]any{"name": "Ask an expert", "format": "flash"}, 201))
	enrollAll(flash, map[string]any{"person_id": f.ben.ID, "role": "mentor"})
	slot := map[string]any{"program_id": json.Number(strings.TrimPrefix(flash, api+"/programs/")),
		"starts_at": time.Now().Add(48 * time.Hour).UTC().Truncate(time.Minute).Format(time.RFC3339), "minutes": 30, "topics": []string{"SQL"}}
	oh := idOf(t, c.call(f.benTok, "POST", api+"/office-hours", slot, 201))
	c.call(f.benTok, "POST", api+"/office-hours", slot, 409)
	c.call(f.anaTok, "POST", api+"/office-hours", slot, 403)
	c.call(f.caiTok, "GET", api+"/office-hours?free=true&topic=sql&from=2026-01-01T00:00:00Z", nil, 200)
	c.call(f.caiTok, "GET", api+"/office-hours/"+oh, nil, 200)
	c.call(f.benTok, "POST", api+"/office-hours/"+oh+"/book", nil, 409)
	c.call(f.caiTok, "POST", api+"/office-hours/"+oh+"/book", map[string]string{"question": "How do I read a query plan?"}, 200)
	c.call(f.anaTok, "POST", api+"/office-hours/"+oh+"/cancel", nil, 403)
	c.call(f.benTok, "POST", api+"/office-hours/"+oh+"/cancel", nil, 200)
	c.call(f.benTok, "POST", api+"/office-hours/"+oh+"/cancel", nil, 409)

	// Self-select: bulk enrollment, shortlists, picks and answers; sitting out a rotation cycle.
	picks := api + "/programs/" + idOf(t, c.call(f.coordTok, "POST", api+"/programs", map[string]any{"name": "Pick your mentor",
		"format": "mentoring", "matching_mode": "self_select"}, 201))
	c.call(f.coordTok, "POST", picks+"/status", map[string]string{"status": "enrolling"}, 200)
	c.call(f.coordTok, "POST", picks+"/enrollments/bulk", map[string]any{"enrollments": []any{
		map[string]any{"person_id": f.ana.ID, "role": "mentee"}, map[string]any{"person_id": f.ben.ID, "role": "mentor", "capacity": 3}}}, 200)
	c.send(f.coordTok, "POST", picks+"/enrollments/bulk", "text/csv", []byte("email,role\ncai@example.com,mentee\n"), 200)
	c.call(f.coordTok, "POST", picks+"/enrollments/bulk", map[string]any{"enrollments": []any{}}, 422)
	c.call(f.coordTok, "POST", picks+"/status", map[string]string{"status": "matching"}, 200)
	c.call(f.anaTok, "GET", picks+"/shortlist", nil, 200)
	c.call(f.coordTok, "GET", picks+"/shortlist?person_id="+ana, nil, 200)
	c.call(f.caiTok, "GET", picks+"/shortlist?person_id="+ana, nil, 403)
	caiPick := idOf(t, c.call(f.caiTok, "POST", picks+"/picks", map[string]any{"person_id": f.ben.ID, "message": "I want to learn SQL."}, 201))
	c.call(f.caiTok, "POST", picks+"/picks", map[string]any{"person_id": f.ben.ID}, 409)
	c.call(f.benTok, "POST", api+"/picks/"+caiPick+"/withdraw", nil, 403)
	c.call(f.caiTok, "POST", api+"/picks/"+caiPick+"/withdraw", nil, 200)
	caiPick = idOf(t, c.call(f.caiTok, "POST", picks+"/picks", map[string]any{"person_id": f.ben.ID}, 201))
	c.call(f.benTok, "POST", api+"/picks/"+caiPick+"/decline", map[string]string{"reason": "Full this quarter."}, 200)
	anaPick := idOf(t, c.call(f.anaTok, "POST", picks+"/picks", map[string]any{"person_id": f.ben.ID}, 201))
	c.call(f.anaTok, "POST", api+"/picks/"+anaPick+"/accept", nil, 403)
	c.call(f.benTok, "POST", api+"/picks/"+anaPick+"/accept", nil, 200)
	c.call(f.anaTok, "GET", picks+"/picks", nil, 200)
	c.call(f.coordTok, "GET", picks+"/picks?status=declined&person_id="+cai, nil, 200)
	c.call(f.anaTok, "GET", picks+"/picks?person_id="+cai, nil, 403)
	c.call(f.anaTok, "POST", rotation+"/skip-cycle", nil, 200)
	c.call(f.anaTok, "POST", rotation+"/skip-cycle", map[string]bool{"skip": false}, 200)
	c.call(f.anaTok, "POST", prog+"/skip-cycle", nil, 409)

	// Momentum: the at-risk report, the sweep, abuse reports.
	c.call(f.coordTok, "GET", api+"/reports/at-risk?limit=10", nil, 200)
	c.call(f.coordTok, "GET", api+"/reports/at-risk?format=csv", nil, 200)
	c.call(f.coordTok, "GET", api+"/matches?format=csv", nil, 200)
	c.call(f.coordTok, "GET", api+"/matches?format=xml", nil, 400)
	c.call(f.anaTok, "GET", api+"/matches?format=csv", nil, 403)
	c.call(f.coordTok, "GET", api+"/reports/at-risk?format=xml", nil, 400)
	c.call(f.anaTok, "GET", api+"/reports/at-risk", nil, 403)
	c.call(f.coordTok, "POST", api+"/admin/sweep", nil, 200)
	report := idOf(t, c.call(f.anaTok, "POST", api+"/matches/"+match+"/report", map[string]any{"person_id": f.ben.ID, "reason": "Missed three sessions."}, 201))
	c.call(f.anaTok, "POST", api+"/matches/"+match+"/report", map[string]any{"person_id": f.ana.ID, "reason": "Me"}, 422)
	c.call(f.coordTok, "GET", api+"/reports/abuse?status=open", nil, 200)
	c.call(f.coordTok, "GET", api+"/reports/abuse?status=sideways", nil, 422)
	c.call(f.coordTok, "POST", api+"/reports/abuse/"+report+"/close", nil, 200)

	// Measuring: health, outcomes, the format comparison, my progress, the advisor.
	for _, r := range []string{"health", "outcomes", "formats"} {
		c.call(f.coordTok, "GET", api+"/reports/"+r+"?from=2020-01-01&to=2030-12-31&program="+strconv.FormatInt(f.program.ID, 10), nil, 200)
		c.call(f.coordTok, "GET", api+"/reports/"+r+"?format=csv&department=Data&cohort=millennial", nil, 200)
		c.call(f.coordTok, "GET", api+"/reports/"+r+"?from=2026-02-30", nil, 400)
		c.call(f.coordTok, "GET", api+"/reports/"+r+"?program=01", nil, 400)
		c.call(f.anaTok, "GET", api+"/reports/"+r, nil, 403)
	}
	c.call(f.coordTok, "GET", api+"/reports/health?silent_days=0", nil, 400)
	c.call(f.anaTok, "GET", api+"/reports/me?from=2020-01-01", nil, 200)
	c.call(f.anaTok, "POST", api+"/advisor", map[string]any{"text": "I need a quick second opinion on one pricing question",
		"answers": map[string]any{"horizon": "short", "one_question": true}}, 200)
	c.call(f.anaTok, "POST", api+"/advisor", map[string]any{"text": "x", "answers": map[string]any{"horizon": "soon"}}, 422)

	checkTrialAnswers(c)

	// Calendar: feed addresses, the feed, invitations.
	first, _ := c.call(f.anaTok, "GET", api+"/me/calendar", nil, 200)["url"].(string)
	c.call(f.anaTok, "GET", api+"/me/calendar", nil, 200)
	feed, _ := c.call(f.anaTok, "POST", api+"/me/calendar", nil, 200)["url"].(string)
	if first == "" || feed == "" {
		t.Fatalf("calendar addresses %q, %q", first, feed)
	}
	c.call("", "GET", feed, nil, 200)
	c.call("", "GET", first, nil, 404)
	c.call(f.anaTok, "GET", api+"/meetings/"+mid+"/invite.ics", nil, 200)
	c.call(f.caiTok, "GET", api+"/meetings/"+mid+"/invite.ics", nil, 404)
	c.call(f.anaTok, "POST", api+"/meetings/"+mid+"/invite", nil, 409) // this server has no mailer
	if os.Getenv("MENTORMESH_TEST_MAILPIT") != "" {
		mp := notifytest.Start(t, notifytest.Options{})
		mailer, err := notify.NewMailer(mp.Config("mentormesh <noreply@mentor.example.org>"))
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer((&Server{DB: f.db, Logger: slog.New(slog.DiscardHandler), Mailer: mailer}).Handler())
		t.Cleanup(srv.Close)
		c.base = srv.URL
		c.call(f.anaTok, "POST", api+"/meetings/"+mid+"/invite", nil, 200)
		c.base = f.srv.URL
	} else {
		c.covered["POST "+api+"/meetings/{id}/invite"] = true
		t.Log("MENTORMESH_TEST_MAILPIT is not set: the 200 answer of POST /api/v1/meetings/{id}/invite is not checked")
	}
	// Closing surveys.
	c.call(f.anaTok, "POST", picks+"/survey", map[string]any{"rating": 4}, 409)
	c.call(f.coordTok, "POST", rotation+"/status", map[string]string{"status": "closed"}, 200)
	c.call(f.anaTok, "POST", rotation+"/survey", map[string]any{"rating": 5, "recommend": true, "text": "Met people from three teams."}, 201)
	c.call(f.anaTok, "POST", rotation+"/survey", map[string]any{"rating": 5}, 409)
	c.call(f.anaTok, "GET", rotation+"/survey", nil, 200)
	c.call(f.coordTok, "GET", rotation+"/survey", nil, 200)
	c.call(f.coordTok, "GET", picks+"/survey", nil, 200)

	c.call(f.anaTok, "POST", api+"/matches/"+match+"/resume", nil, 409) // active
	if err := f.db.SetMatchState(context.Background(), f.match.ID, mentor.MatchPaused); err != nil {
		t.Fatal(err)
	}
	c.call(f.caiTok, "POST", api+"/matches/"+match+"/resume", nil, 404)
	c.call(f.anaTok, "POST", api+"/matches/"+match+"/resume", nil, 200)
	c.call(f.benTok, "POST", api+"/matches/"+match+"/end", map[string]string{"reason": "We reached our goals."}, 200)
	c.call(f.benTok, "POST", api+"/matches/"+match+"/end", map[string]string{"reason": "Again."}, 409)

	// The rest: documents, operations, deletion and sign-out.
	c.call(f.anaTok, "GET", api+"/openapi.json", nil, 200)
	c.call("", "GET", "/healthz", nil, 200)
	c.call(f.anaTok, "GET", "/metrics", nil, 403)
	c.call(f.coordTok, "GET", "/metrics", nil, 200)
	c.call(f.anaTok, "DELETE", api+"/goals/"+gid, nil, 204)
	c.call(f.anaTok, "GET", api+"/goals/"+gid, nil, 404)
	c.call(f.anaTok, "POST", api+"/logout", nil, 204)
	c.call(f.anaTok, "GET", api+"/me", nil, 401)

	var missed []string
	for key := range c.ops {
		if !c.covered[key] {
			missed = append(missed, key)
		}
	}
	sort.Strings(missed)
	for _, key := range missed {
		t.Errorf("%s: no successful answer was checked against the document; add a call to this test", key)
	}
}
