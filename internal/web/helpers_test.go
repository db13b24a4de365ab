package web

import (
	"bytes"
	"context"
	"encoding/json"
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

// fixture is a small organisation behind a running test server.
type fixture struct {
	t        testing.TB
	db       *store.DB
	srv      *httptest.Server
	coordTok string
	// ana and ben are participants in a confirmed mentoring match; cai is a
	// participant outside it.
	ana, ben, cai, coord   *mentor.Person
	anaTok, benTok, caiTok string
	program                *mentor.Program
	match                  *mentor.Match
	cookies                map[string]*http.Cookie // session cookies by e-mail (cookieFor)
}

const testPassword = "a long test password"

func newFixture(tb testing.TB, db *store.DB) *fixture {
	tb.Helper()
	ctx := context.Background()
	s := &Server{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	f := &fixture{t: tb, db: db, srv: httptest.NewServer(s.Handler())}
	tb.Cleanup(f.srv.Close)
	mk := func(name, email string, seniority int, role mentor.UserRole) *mentor.Person {
		p := &mentor.Person{Name: name, Email: email, Phone: "+49 30 1234", Seniority: seniority, Department: "Data",
			TimeZone: "Europe/Berlin", Languages: []string{"English"}}
		if err := db.CreatePerson(ctx, p); err != nil {
			tb.Fatal(err)
		}
		if err := db.CreateUser(ctx, &mentor.User{Email: email, Role: role, PersonID: p.ID}, testPassword); err != nil {
			tb.Fatal(err)
		}
		return p
	}
	if err := db.CreateSkill(ctx, &mentor.Skill{Name: "SQL", Aliases: []string{"structured query language"}}); err != nil {
		tb.Fatal(err)
	}
	f.coord = mk("Cora Coordinator", "cora@example.com", 5, mentor.UserCoordinator)
	f.ana = mk("Ana Mentee", "ana@example.com", 2, mentor.UserParticipant)
	f.ben = mk("Ben Mentor", "ben@example.com", 5, mentor.UserParticipant)
	f.cai = mk("Cai Outsider", "cai@example.com", 3, mentor.UserParticipant)
	f.coordTok = f.login("cora@example.com")
	f.anaTok = f.login("ana@example.com")
	f.benTok = f.login("ben@example.com")
	f.caiTok = f.login("cai@example.com")
	f.program = &mentor.Program{Name: "Data mentoring", Format: mentor.FormatMentoring, Slug: "data-mentoring"}
	if err := db.CreateProgram(ctx, f.program); err != nil {
		tb.Fatal(err)
	}
	f.match = &mentor.Match{ProgramID: f.program.ID, State: mentor.MatchActive, Score: 80, Summary: "Ben offers SQL that Ana wants.",
		Members: []mentor.MatchMember{{PersonID: f.ana.ID, Role: mentor.RoleMentee, Response: "accepted"}, {PersonID: f.ben.ID, Role: mentor.RoleMentor, Response: "accepted"}}}
	if err := db.CreateMatch(ctx, f.match); err != nil {
		tb.Fatal(err)
	}
	return f
}

func (f *fixture) login(email string) string {
	f.t.Helper()
	var out struct{ Token string }
	f.do("", "POST", "/api/v1/login", map[string]string{"email": email, "password": testPassword}, http.StatusOK, &out)
	if out.Token == "" {
		f.t.Fatalf("no token for %s", email)
	}
	return out.Token
}

// req sends a request with an optional bearer token and JSON body and returns
// the response with its body read.
func (f *fixture) req(token, method, path string, body any) (*http.Response, []byte) {
	f.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		rd = bytes.NewReader(j)
	}
	r, err := http.NewRequest(method, f.srv.URL+path, rd)
	if err != nil {
		f.t.Fatal(err)
	}
	if rd != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 30 * time.Second}
	resp, err := client.Do(r)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp, data
}

// do sends a request, checks the status and decodes the JSON answer into out.
func (f *fixture) do(token, method, path string, body any, want int, out any) []byte {
	f.t.Helper()
	resp, data := f.req(token, method, path, body)
	if resp.StatusCode != want {
		f.t.Fatalf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, want, data)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			f.t.Fatalf("%s %s: decode %s: %v", method, path, data, err)
		}
	}
	return data
}

// problemDoc is the RFC 9457 answer for errors.
type problemDoc struct {
	Status int                 `json:"status"`
	Detail string              `json:"detail"`
	Errors []mentor.FieldError `json:"errors"`
}

// problem sends a request that must fail with status want and a problem+json
// body, and returns the problem.
func (f *fixture) problem(token, method, path string, body any, want int) problemDoc {
	f.t.Helper()
	resp, data := f.req(token, method, path, body)
	if resp.StatusCode != want {
		f.t.Fatalf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, want, data)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		f.t.Fatalf("%s %s: content type %q, want application/problem+json", method, path, ct)
	}
	var p problemDoc
	if err := json.Unmarshal(data, &p); err != nil || p.Status != want {
		f.t.Fatalf("%s %s: bad problem document %s", method, path, data)
	}
	return p
}

func hasField(p problemDoc, field string) bool {
	for _, e := range p.Errors {
		if e.Field == field && e.Message != "" {
			return true
		}
	}
	return false
}

func validGoalBody(owner int64) map[string]any {
	return map[string]any{"owner_id": owner, "title": "Ship a data pipeline", "metric": "pipelines in production",
		"baseline": 0, "target": 2, "plan": "pair on the first, lead the second", "relevance": "senior data engineer",
		"due_date": "2027-06-30"}
}
