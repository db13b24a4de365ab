package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/momentum"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// mailbox is a notify sender shared by both instances: it keeps every
// message so that a reminder sent twice shows.
type mailbox struct {
	mu   sync.Mutex
	sent []notify.Message
}

func (m *mailbox) Send(_ context.Context, msgs ...notify.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, msgs...)
	return nil
}

// instance is one server process: its own connection pool, services and
// HTTP server, on the shared database.
type instance struct {
	db   *store.DB
	srv  *httptest.Server
	runs *matchrun.Service
}

// twoInstances opens the PostgreSQL schema dsn twice, migrating from both at
// once as two servers starting together do, and serves each. Both read the
// time from clock.
func twoInstances(t *testing.T, dsn string, clock func() time.Time, mail momentum.Sender) [2]*instance {
	t.Helper()
	var out [2]*instance
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() {
			db, err := store.Open(context.Background(), dsn)
			if err == nil {
				t.Cleanup(func() { db.Close() })
				_, err = db.Migrate(context.Background())
			}
			errs[i] = err
			out[i] = &instance{db: db}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
	}
	for _, in := range out {
		in.db.Now = clock
		logger := slog.New(slog.NewTextHandler(io.Discard, nil))
		in.runs = &matchrun.Service{DB: in.db}
		mom := &momentum.Service{DB: in.db, Mail: mail, BaseURL: "https://mentor.example.org", Logger: logger, Cycles: in.runs}
		s := &Server{DB: in.db, Logger: logger, Runs: in.runs, Momentum: mom}
		in.srv = httptest.NewServer(s.Handler())
		t.Cleanup(in.srv.Close)
	}
	return out
}

// TestTwoInstances_SharedPostgres runs two servers on one PostgreSQL schema
// (as behind a load balancer): a sign-in on one works on the other, a sweep
// run on both at once reminds and expires once, a due rotation cycle starts
// once, and sign-in throttling counts the attempts on both.
func TestTwoInstances_SharedPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	var mu sync.Mutex
	now := time.Now().UTC().AddDate(0, 0, -60).Truncate(time.Second) // the past: the test moves the clock forward
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}
	advance := func(d time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(d)
	}
	mail := &mailbox{}
	inst := twoInstances(t, dsn, clock, mail)
	a, b := inst[0], inst[1]
	ctx := context.Background()
	db := a.db
	mk := func(name string, role mentor.UserRole, skills ...mentor.PersonSkill) *mentor.Person {
		p := &mentor.Person{Name: name, Email: name + "@example.com", Seniority: 3, Department: "Data", TimeZone: "Europe/Berlin", Languages: []string{"English"}, Skills: skills}
		if err := db.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateUser(ctx, &mentor.User{Email: p.Email, Role: role, PersonID: p.ID}, testPassword); err != nil {
			t.Fatal(err)
		}
		return p
	}
	coord := mk("cora", mentor.UserCoordinator)
	coordUser, err := db.UserByPerson(ctx, coord.ID)
	if err != nil {
		t.Fatal(err)
	}
	// A long session: the test moves the store clock by weeks.
	coordTok, err := db.CreateSession(ctx, coordUser.ID, store.SessionBearer, store.SessionPolicy{TTL: 90 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("sign-in is shared", func(t *testing.T) {
		mk("ana", mentor.UserParticipant)
		fa, fb := &fixture{t: t, srv: a.srv}, &fixture{t: t, srv: b.srv}
		tok := fa.login("ana@example.com")
		var me mentor.Person
		fb.do(tok, "GET", "/api/v1/me", nil, http.StatusOK, &me)
		if me.Email != "ana@example.com" {
			t.Fatalf("instance B sees %+v", me)
		}
		fb.do(tok, "POST", "/api/v1/logout", nil, http.StatusNoContent, nil)
		fa.problem(tok, "GET", "/api/v1/me", nil, http.StatusUnauthorized)
	})

	t.Run("sign-in throttling counts on both", func(t *testing.T) {
		mk("ben", mentor.UserParticipant)
		fs := [2]*fixture{{t: t, srv: a.srv}, {t: t, srv: b.srv}}
		wrong := map[string]string{"email": "ben@example.com", "password": "not the password"}
		first := -1
		for i := range 30 {
			resp, _ := fs[i%2].req("", "POST", "/api/v1/login", wrong)
			if resp.StatusCode == http.StatusTooManyRequests {
				first = i
				break
			}
			if resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("wrong password %d: %d", i, resp.StatusCode)
			}
		}
		if first < 0 {
			t.Skip("sign-in throttling not on this branch yet: 30 wrong passwords, alternating between the instances, got no 429")
		}
		// Throttled on one instance, the account is throttled on the other too.
		for i, f := range fs {
			if resp, _ := f.req("", "POST", "/api/v1/login", wrong); resp.StatusCode != http.StatusTooManyRequests {
				t.Errorf("instance %d after %d failures on both: %d, want 429", i, first+1, resp.StatusCode)
			}
		}
		if first > 20 {
			t.Errorf("throttled only after %d attempts split over two instances", first+1)
		}
	})

	t.Run("a sweep on both reminds and expires once", func(t *testing.T) {
		p := &mentor.Program{Name: "Weekly mentoring", Format: mentor.FormatMentoring,
			Options: mentor.ProgramOptions{MeetingCadence: mentor.CadenceWeekly, ProposalExpiryDays: 10}}
		if err := db.CreateProgram(ctx, p); err != nil {
			t.Fatal(err)
		}
		pair := func(state mentor.MatchState, x, y *mentor.Person) *mentor.Match {
			m := &mentor.Match{ProgramID: p.ID, State: state, Members: []mentor.MatchMember{{PersonID: x.ID, Role: mentor.RoleMentor}, {PersonID: y.ID, Role: mentor.RoleMentee}}}
			if err := db.CreateMatch(ctx, m); err != nil {
				t.Fatal(err)
			}
			return m
		}
		proposed := pair(mentor.MatchProposed, mk("pia", mentor.UserParticipant), mk("pat", mentor.UserParticipant))
		silent := pair(mentor.MatchActive, mk("sam", mentor.UserParticipant), mk("sol", mentor.UserParticipant))
		advance(10*24*time.Hour + 12*time.Hour)
		results := make([]momentum.SweepResult, 6)
		codes := make([]int, 6)
		var wg sync.WaitGroup
		for i := range results {
			wg.Go(func() {
				f := &fixture{t: t, srv: inst[i%2].srv}
				resp, data := f.req(coordTok, "POST", "/api/v1/admin/sweep", nil)
				codes[i] = resp.StatusCode
				if resp.StatusCode == http.StatusOK {
					json.Unmarshal(data, &results[i])
				}
			})
		}
		wg.Wait()
		var sum momentum.SweepResult
		for i, r := range results {
			if codes[i] != http.StatusOK {
				t.Fatalf("sweep %d on instance %d: %d", i, i%2, codes[i])
			}
			sum.Expired += r.Expired
			sum.Reminded += r.Reminded
			sum.Warned += r.Warned
			sum.Mails += r.Mails
		}
		if sum.Expired != 1 || sum.Reminded != 1 || sum.Warned != 0 || sum.Mails != 2 {
			t.Fatalf("six sweeps on two instances: %+v, want one expiry and one reminder (two mails)", sum)
		}
		mail.mu.Lock()
		sent := len(mail.sent)
		mail.mu.Unlock()
		if sent != 2 {
			t.Fatalf("%d mails sent, want 2 (the silent pair's reminder)", sent)
		}
		for id, action := range map[int64]string{proposed.ID: "expire", silent.ID: "remind"} {
			events, _, err := db.AuditEvents(ctx, store.AuditFilter{Object: "match", ObjectID: id})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, e := range events {
				if e.Action == action {
					n++
				}
			}
			if n != 1 {
				t.Errorf("match %d: %d %q events, want 1", id, n, action)
			}
		}
	})

	t.Run("a due rotation cycle starts once", func(t *testing.T) {
		f := &fixture{t: t, srv: a.srv}
		var p mentor.Program
		f.do(coordTok, "POST", "/api/v1/programs", map[string]any{"name": "Coffee roulette", "format": "rotation", "matching_mode": "auto",
			"options": map[string]any{"cycle_cadence": "weekly"}}, http.StatusCreated, &p)
		f.do(coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "enrolling"}, http.StatusOK, nil)
		var bulk []map[string]any
		for i := range 6 {
			q := mk(fmt.Sprintf("rot%d", i), mentor.UserParticipant, mentor.PersonSkill{Skill: "Product", Level: 4, Offers: true}, mentor.PersonSkill{Skill: "Marketing", Level: 1, Wants: true})
			bulk = append(bulk, map[string]any{"person_id": q.ID, "role": "peer"})
		}
		f.do(coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments/bulk", p.ID), map[string]any{"enrollments": bulk}, http.StatusOK, nil)
		f.do(coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "matching"}, http.StatusOK, nil)
		f.do(coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "running"}, http.StatusOK, nil)
		f.do(coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/cycles", p.ID), map[string]any{"publish": true, "seed": 1}, http.StatusCreated, nil)
		advance(8 * 24 * time.Hour)
		started := make([]int, 6)
		errs := make([]error, 6)
		var wg sync.WaitGroup
		for i := range started {
			wg.Go(func() {
				runs, err := inst[i%2].runs.StartDueCycles(ctx, clock())
				started[i], errs[i] = len(runs), err
			})
		}
		wg.Wait()
		total := 0
		for i, n := range started {
			if errs[i] != nil {
				t.Fatalf("instance %d: %v", i%2, errs[i])
			}
			total += n
		}
		if total != 1 {
			t.Fatalf("%d cycles started by six concurrent calls on two instances, want 1", total)
		}
	})
}
