package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/momentum"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/notify/notifytest"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// momentumStart is when the momentum tests' organisation is created.
var momentumStart = time.Date(2026, 4, 6, 9, 0, 0, 0, time.UTC)

func TestMomentum_AtRiskReport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clock := useTestClock(db, momentumStart)
		f := newFixture(t, db) // Ana and Ben's match starts now; the program meets fortnightly
		clock.advance(20 * 24 * time.Hour)
		signInAgain(f)
		if err := db.CreateCheckIn(context.Background(), &mentor.CheckIn{MatchID: f.match.ID, PersonID: f.ana.ID, Pulse: 4}); err != nil {
			t.Fatal(err)
		}
		var out struct {
			Items      []momentum.Risk `json:"items"`
			NextCursor string          `json:"next_cursor"`
		}
		f.do(f.coordTok, "GET", "/api/v1/reports/at-risk", nil, http.StatusOK, &out)
		if len(out.Items) != 1 {
			t.Fatalf("at risk: %+v", out.Items)
		}
		r := out.Items[0]
		if r.MatchID != f.match.ID || r.SilentDays != 20 || len(r.Reasons) != 1 || r.Reasons[0].Code != momentum.ReasonNoMeeting ||
			r.LastActivity == nil || r.LastActivity.Kind != "check_in" || r.Program != "Data mentoring" || len(r.Members) != 2 {
			t.Fatalf("risk: %+v", r)
		}
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/reports/at-risk?program_id=%d", f.program.ID+1000), nil, http.StatusOK, &out)
		if len(out.Items) != 0 {
			t.Fatalf("another program: %+v", out.Items)
		}
		resp, body := f.req(f.coordTok, "GET", "/api/v1/reports/at-risk?format=csv", nil)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("csv: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
		if err != nil || len(rows) != 2 || rows[0][0] != "match_id" || rows[1][0] != fmt.Sprint(f.match.ID) || rows[1][5] != "no_meeting" ||
			rows[1][4] != "Ben Mentor (mentor); Ana Mentee (mentee)" || rows[1][9] != "20" {
			t.Fatalf("csv rows %q %v", rows, err)
		}
		f.problem(f.anaTok, "GET", "/api/v1/reports/at-risk", nil, http.StatusForbidden)
		f.problem(f.coordTok, "GET", "/api/v1/reports/at-risk?format=xml", nil, http.StatusBadRequest)
		f.problem(f.coordTok, "GET", "/api/v1/reports/at-risk?program_id=x", nil, http.StatusBadRequest)
	})
}

func TestMomentum_SweepEndpoint(t *testing.T) {
	mp := notifytest.Start(t, notifytest.Options{})
	mailer, err := notify.NewMailer(mp.Config("mentormesh <noreply@mentor.example.org>"))
	if err != nil {
		t.Fatal(err)
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clock := useTestClock(db, momentumStart)
		f := newFixture(t, db)
		serveWith(f, mailer, "https://mentor.example.org")
		before := len(mp.Messages(t))
		clock.advance(15 * 24 * time.Hour)
		signInAgain(f)
		f.problem(f.anaTok, "POST", "/api/v1/admin/sweep", nil, http.StatusForbidden)
		var res momentum.SweepResult
		f.do(f.coordTok, "POST", "/api/v1/admin/sweep", nil, http.StatusOK, &res)
		if res.Checked != 1 || res.AtRisk != 1 || res.Reminded != 1 || res.Mails != 2 || res.Failed != 0 {
			t.Fatalf("sweep: %+v", res)
		}
		f.do(f.coordTok, "POST", "/api/v1/admin/sweep", nil, http.StatusOK, &res)
		if res.Reminded != 0 || res.Mails != 0 {
			t.Fatalf("a second sweep in the same period: %+v", res)
		}
		list := mp.WaitFor(t, before+2)
		var to []string
		for _, m := range list[:2] { // newest first
			to = append(to, m.To[0].Address)
			if m.Subject != "A nudge about your match in Data mentoring" {
				t.Fatalf("subject %q", m.Subject)
			}
		}
		slices.Sort(to)
		if len(list) != before+2 || !slices.Equal(to, []string{"ana@example.com", "ben@example.com"}) {
			t.Fatalf("mailpit has %d new messages to %v", len(list)-before, to)
		}
		var risks struct{ Items []momentum.Risk }
		f.do(f.coordTok, "GET", "/api/v1/reports/at-risk", nil, http.StatusOK, &risks)
		if len(risks.Items) != 1 || risks.Items[0].LastNudge == nil {
			t.Fatalf("the report shows the nudge: %+v", risks.Items)
		}
	})
}

func TestMomentum_AbuseReports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		path := fmt.Sprintf("/api/v1/matches/%d/report", f.match.ID)
		body := map[string]any{"person_id": f.ben.ID, "reason": "Inappropriate comments in our last meeting."}
		var rep mentor.AbuseReport
		f.do(f.anaTok, "POST", path, body, http.StatusCreated, &rep)
		if rep.ID == 0 || rep.Status != "open" || rep.ReporterID != f.ana.ID || rep.ReportedID != f.ben.ID {
			t.Fatalf("report: %+v", rep)
		}
		f.problem(f.caiTok, "POST", path, body, http.StatusNotFound)
		f.problem(f.coordTok, "POST", path, body, http.StatusForbidden)
		if p := f.problem(f.anaTok, "POST", path, map[string]any{"person_id": f.cai.ID, "reason": "x"}, http.StatusUnprocessableEntity); !hasField(p, "person_id") {
			t.Fatalf("reporting an outsider: %+v", p)
		}
		if p := f.problem(f.anaTok, "POST", path, map[string]any{"person_id": f.ben.ID}, http.StatusUnprocessableEntity); !hasField(p, "reason") {
			t.Fatalf("no reason: %+v", p)
		}
		f.problem(f.anaTok, "POST", path, map[string]any{"person_id": f.ben.ID, "reason": "x", "severity": 3}, http.StatusBadRequest)

		var list struct{ Items []mentor.AbuseReport }
		f.do(f.coordTok, "GET", "/api/v1/reports/abuse?status=open", nil, http.StatusOK, &list)
		if len(list.Items) != 1 || list.Items[0].ID != rep.ID || list.Items[0].Reason != "Inappropriate comments in our last meeting." ||
			list.Items[0].ReportedName != "Ben Mentor" {
			t.Fatalf("coordinator's list: %+v", list.Items)
		}
		f.problem(f.anaTok, "GET", "/api/v1/reports/abuse", nil, http.StatusForbidden)
		f.problem(f.benTok, "GET", "/api/v1/reports/abuse", nil, http.StatusForbidden)
		f.problem(f.coordTok, "GET", "/api/v1/reports/abuse?status=maybe", nil, http.StatusUnprocessableEntity)

		closePath := fmt.Sprintf("/api/v1/reports/abuse/%d/close", rep.ID)
		f.problem(f.anaTok, "POST", closePath, nil, http.StatusForbidden)
		f.do(f.coordTok, "POST", closePath, nil, http.StatusOK, &rep)
		if rep.Status != "closed" || rep.ClosedAt == nil {
			t.Fatalf("closed: %+v", rep)
		}
		f.do(f.coordTok, "GET", "/api/v1/reports/abuse?status=open", nil, http.StatusOK, &list)
		if len(list.Items) != 0 {
			t.Fatalf("open after closing: %+v", list.Items)
		}
		f.problem(f.coordTok, "POST", "/api/v1/reports/abuse/99999/close", nil, http.StatusNotFound)
	})
}

func TestMomentum_EndMatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		path := fmt.Sprintf("/api/v1/matches/%d/end", f.match.ID)
		f.problem(f.caiTok, "POST", path, map[string]string{"reason": "x"}, http.StatusNotFound)
		if p := f.problem(f.anaTok, "POST", path, map[string]string{"reason": " "}, http.StatusUnprocessableEntity); !hasField(p, "reason") {
			t.Fatalf("empty reason: %+v", p)
		}
		var m mentor.Match
		f.do(f.anaTok, "POST", path, map[string]string{"reason": "I changed teams; thank you, Ben!"}, http.StatusOK, &m)
		if m.State != mentor.MatchEnded {
			t.Fatalf("state %s", m.State)
		}
		for _, mm := range m.Members {
			if mm.PersonID == f.ana.ID && mm.Reason != "I changed teams; thank you, Ben!" {
				t.Fatalf("Ana's reason is not kept: %+v", m.Members)
			}
		}
		f.problem(f.benTok, "POST", path, map[string]string{"reason": "again"}, http.StatusConflict)
		events, _, _ := db.AuditEvents(context.Background(), store.AuditFilter{Object: "match", ObjectID: f.match.ID})
		if len(events) != 1 || events[0].Action != "end" || *events[0].ActorID != f.ana.ID {
			t.Fatalf("audit: %+v", events)
		}

		other := &mentor.Match{ProgramID: f.program.ID, State: mentor.MatchPaused, Members: []mentor.MatchMember{
			{PersonID: f.ben.ID, Role: mentor.RoleMentor}, {PersonID: f.cai.ID, Role: mentor.RoleMentee}}}
		if err := db.CreateMatch(context.Background(), other); err != nil {
			t.Fatal(err)
		}
		f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/matches/%d/end", other.ID), map[string]string{"reason": "Program restructured"}, http.StatusOK, &m)
		if m.State != mentor.MatchEnded {
			t.Fatalf("coordinator end: %+v", m)
		}
	})
}
