package web

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// largeOrg fills db with an organisation of about 20,000 people and two
// years of history: one program per format, 10,000 relationships (pairs,
// circles of four), two goals each, a meeting a month with feedback, a
// check-in a quarter and assessments at start and end. Rows are written
// directly in one transaction: the point is the size, not the rules.
func largeOrg(tb testing.TB, db *store.DB, start time.Time) {
	tb.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(20261208, 1))
	var programs []*mentor.Program
	for _, f := range mentor.Formats {
		p := &mentor.Program{Name: "Large " + string(f), Format: f}
		if err := db.CreateProgram(ctx, p); err != nil {
			tb.Fatal(err)
		}
		programs = append(programs, p)
	}
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	stmt := func(q string) *sql.Stmt {
		s, err := tx.PrepareContext(ctx, q)
		if err != nil {
			tb.Fatal(err)
		}
		return s
	}
	exec := func(s *sql.Stmt, args ...any) int64 {
		var id int64
		if err := s.QueryRowContext(ctx, args...).Scan(&id); err != nil {
			tb.Fatal(err)
		}
		return id
	}
	person := stmt(`INSERT INTO people (name, email, seniority, department, birth_year, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`)
	enroll := stmt(`INSERT INTO enrollments (program_id, person_id, role, capacity, status, created_at) VALUES ($1, $2, $3, $4, 'active', $5) RETURNING id`)
	match := stmt(`INSERT INTO matches (program_id, state, score, created_at, updated_at) VALUES ($1, $2, 70, $3, $4) RETURNING id`)
	member := stmt(`INSERT INTO match_members (match_id, person_id, role, response) VALUES ($1, $2, $3, 'accepted') RETURNING match_id`)
	goal := stmt(`INSERT INTO goals (owner_id, match_id, program_id, title, metric, baseline, target, current_value, plan, due_date, status, created_at, updated_at)
		VALUES ($1, $2, $3, 'Goal', 'units', 0, 10, $4, 'plan', $5, $6, $7, $7) RETURNING id`)
	meeting := stmt(`INSERT INTO meetings (match_id, program_id, starts_at, minutes, kind, status, created_at) VALUES ($1, $2, $3, 45, 'regular', $4, $3) RETURNING id`)
	feedback := stmt(`INSERT INTO feedback (meeting_id, author_id, rating, style, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`)
	checkin := stmt(`INSERT INTO check_ins (match_id, person_id, pulse, created_at) VALUES ($1, $2, $3, $4) RETURNING id`)
	skill := exec(stmt(`INSERT INTO skills (name, name_lower) VALUES ('Large skill', 'large skill') RETURNING id`))
	assess := stmt(`INSERT INTO assessments (person_id, skill_id, assessor_id, kind, phase, level, match_id, assessed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`)
	depts := []string{"Engineering", "Sales", "Finance", "Operations", "People", "Marketing", "Legal", "Support"}
	styles := []string{"directive", "reflective", ""}
	n := 0
	for rel := 0; rel < 10_000; rel++ {
		p := programs[rel%len(programs)]
		size := 2
		if p.Format == mentor.FormatCircles {
			size = 4
		}
		began := start.Add(time.Duration(r.IntN(540*24)) * time.Hour)
		stopped := began.AddDate(0, 6+r.IntN(12), 0)
		state := mentor.MatchCompleted
		if stopped.After(start.AddDate(2, 0, 0)) {
			state, stopped = mentor.MatchActive, began
		}
		m := exec(match, p.ID, state, began, stopped)
		var ids []int64
		for j := 0; j < size; j++ {
			n++
			id := exec(person, fmt.Sprintf("Person %d", n), fmt.Sprintf("p%d@large.example", n), 1+r.IntN(8), depts[r.IntN(len(depts))], 1960+r.IntN(45), start)
			role := mentor.RolePeer
			if p.Format.Directional() {
				role = []mentor.Role{mentor.RoleMentor, mentor.RoleMentee}[min(j, 1)]
			}
			exec(enroll, p.ID, id, role, 2*b2int(role == mentor.RoleMentor), began.AddDate(0, 0, -r.IntN(30)))
			exec(member, m, id, role)
			ids = append(ids, id)
		}
		for g := 0; g < 2; g++ {
			status := []mentor.GoalStatus{mentor.GoalOpen, mentor.GoalAchieved, mentor.GoalAbandoned}[r.IntN(3)]
			exec(goal, ids[len(ids)-1], m, p.ID, float64(r.IntN(11)), began.AddDate(0, 4+r.IntN(8), 0).Format("2006-01-02"), status, began)
		}
		for t := began; t.Before(stopped.AddDate(0, 0, 1)) && t.Before(start.AddDate(2, 0, 0)); t = t.AddDate(0, 1, 0) {
			status := mentor.MeetingHeld
			if r.IntN(8) == 0 {
				status = mentor.MeetingCancelled
			}
			mt := exec(meeting, m, p.ID, t, status)
			if status == mentor.MeetingHeld {
				for _, author := range ids[:2] {
					exec(feedback, mt, author, 3+r.IntN(3), styles[r.IntN(3)], t)
				}
			}
			if t.Month()%3 == 0 {
				exec(checkin, m, ids[0], 2+r.IntN(4), t)
			}
		}
		for _, phase := range []string{"start", "end"} {
			at := began
			if phase == "end" {
				at = stopped
			}
			exec(assess, ids[len(ids)-1], skill, ids[len(ids)-1], "self", phase, 1+r.IntN(5), m, at)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

func b2int(b bool) int {
	if b {
		return 1
	}
	return 0
}

// BenchmarkReports_20000People times the reports through the API on SQLite
// for an organisation of about 20,000 people with two years of history
// (targets: health under 1 s, the format comparison with 2,000 resamples
// under 3 s). Run: go test ./internal/web -run '^$' -bench Reports_20000 -benchtime 3x
func BenchmarkReports_20000People(b *testing.B) {
	db := storetest.Open(b, store.SQLite)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return start.AddDate(2, 0, 0) }
	largeOrg(b, db, start)
	s := &Server{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	f := &fixture{t: b, db: db, srv: srv}
	coord := &mentor.Person{Name: "Bench Coordinator", Email: "bench@large.example", Seniority: 5}
	if err := db.CreatePerson(context.Background(), coord); err != nil {
		b.Fatal(err)
	}
	if err := db.CreateUser(context.Background(), &mentor.User{Email: coord.Email, Role: mentor.UserCoordinator, PersonID: coord.ID}, testPassword); err != nil {
		b.Fatal(err)
	}
	f.coordTok = f.login(coord.Email)
	for _, path := range []string{"/api/v1/reports/health", "/api/v1/reports/formats"} {
		b.Run(path[len("/api/v1/reports/"):], func(b *testing.B) {
			for b.Loop() {
				if resp, body := f.req(f.coordTok, "GET", path, nil); resp.StatusCode != http.StatusOK {
					b.Fatalf("%s: %d %.200s", path, resp.StatusCode, body)
				}
			}
		})
	}
}
