package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestStore_ProgramsLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for _, f := range mentor.Formats {
			p := &mentor.Program{Name: "P " + string(f), Format: f}
			if err := db.CreateProgram(ctx, p); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
		list, _, err := db.Programs(ctx, store.ProgramFilter{})
		if err != nil || len(list) != 9 {
			t.Fatalf("programs: %d %v", len(list), err)
		}
		circles, _, _ := db.Programs(ctx, store.ProgramFilter{Format: mentor.FormatCircles})
		if len(circles) != 1 || circles[0].Options.GroupSize != 5 || circles[0].Status != mentor.StatusDraft {
			t.Fatalf("circles defaults: %+v", circles)
		}
		id := circles[0].ID
		if _, err := db.SetProgramStatus(ctx, id, mentor.StatusRunning); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("draft -> running must be refused: %v", err)
		}
		for _, s := range []mentor.Status{mentor.StatusEnrolling, mentor.StatusMatching, mentor.StatusRunning, mentor.StatusClosed} {
			if _, err := db.SetProgramStatus(ctx, id, s); err != nil {
				t.Fatalf("-> %s: %v", s, err)
			}
		}
		p, _ := db.Program(ctx, id)
		if p.Status != mentor.StatusClosed {
			t.Fatalf("status %s", p.Status)
		}
		bad := &mentor.Program{Name: "", Format: "speed_dating"}
		if err := db.CreateProgram(ctx, bad); mentor.ErrorCode(err) != mentor.EINVALID || len(mentor.ErrorFields(err)) < 2 {
			t.Fatalf("invalid program: %v", err)
		}
		withSlug := &mentor.Program{Name: "Open", Format: mentor.FormatPeer, Slug: "open-peer"}
		if err := db.CreateProgram(ctx, withSlug); err != nil {
			t.Fatal(err)
		}
		if got, err := db.ProgramBySlug(ctx, "open-peer"); err != nil || got.ID != withSlug.ID {
			t.Fatalf("by slug: %v", err)
		}
		dupSlug := &mentor.Program{Name: "Other", Format: mentor.FormatPeer, Slug: "open-peer"}
		if err := db.CreateProgram(ctx, dupSlug); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("duplicate slug: %v", err)
		}
	})
}

func TestStore_Enrollments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		prog := &mentor.Program{Name: "Mentoring", Format: mentor.FormatMentoring}
		if err := db.CreateProgram(ctx, prog); err != nil {
			t.Fatal(err)
		}
		ana := newPerson("Ana", "ana@example.com")
		ben := newPerson("Ben", "ben@example.com")
		ben.BirthYear = 1975
		for _, p := range []*mentor.Person{ana, ben} {
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		e := &mentor.Enrollment{ProgramID: prog.ID, PersonID: ana.ID, Role: mentor.RoleMentor}
		if err := db.CreateEnrollment(ctx, e); err != nil {
			t.Fatal(err)
		}
		if e.Capacity != 2 || e.Status != mentor.EnrollmentActive {
			t.Fatalf("defaults: %+v", e)
		}
		again := &mentor.Enrollment{ProgramID: prog.ID, PersonID: ana.ID, Role: mentor.RoleMentee}
		if err := db.CreateEnrollment(ctx, again); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("double enrollment: %v", err)
		}
		over := &mentor.Enrollment{ProgramID: prog.ID, PersonID: ben.ID, Role: mentor.RoleMentor, Capacity: 500}
		if err := db.CreateEnrollment(ctx, over); mentor.ErrorCode(err) != mentor.EINVALID || mentor.ErrorFields(err)[0].Field != "capacity" {
			t.Fatalf("capacity 500: %v", err)
		}
		gz := &mentor.Program{Name: "Gen Z", Format: mentor.FormatPeer, Options: mentor.ProgramOptions{CohortGenerations: []string{"gen_z"}}}
		if err := db.CreateProgram(ctx, gz); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateEnrollment(ctx, &mentor.Enrollment{ProgramID: gz.ID, PersonID: ben.ID, Role: mentor.RolePeer}); mentor.ErrorCode(err) != mentor.EINVALID {
			t.Fatalf("cohort filter: %v", err)
		}
		if _, err := db.SetProgramStatus(ctx, prog.ID, mentor.StatusEnrolling); err != nil {
			t.Fatal(err)
		}
		db.SetProgramStatus(ctx, prog.ID, mentor.StatusMatching)
		late := &mentor.Enrollment{ProgramID: prog.ID, PersonID: ben.ID, Role: mentor.RoleMentee}
		if err := db.CreateEnrollment(ctx, late); err != nil || late.Status != mentor.EnrollmentWaitlisted {
			t.Fatalf("late enrollment goes to the waitlist: %+v %v", late, err)
		}
		late.Status = mentor.EnrollmentWithdrawn
		if err := db.UpdateEnrollment(ctx, late); err != nil {
			t.Fatal(err)
		}
		list, _, _ := db.Enrollments(ctx, store.EnrollmentFilter{ProgramID: prog.ID, Status: mentor.EnrollmentWithdrawn})
		if len(list) != 1 || list[0].PersonID != ben.ID {
			t.Fatalf("withdrawn: %+v", list)
		}
	})
}

func TestStore_UsersAndSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p := newPerson("Cora", "cora@example.com")
		if err := db.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		u := &mentor.User{Email: "Cora@example.com", Role: mentor.UserCoordinator, PersonID: p.ID}
		if err := db.CreateUser(ctx, u, "short"); mentor.ErrorCode(err) != mentor.EINVALID {
			t.Fatalf("short password: %v", err)
		}
		if err := db.CreateUser(ctx, u, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Authenticate(ctx, "cora@example.com", "wrong password!"); mentor.ErrorCode(err) != mentor.EUNAUTHORIZED {
			t.Fatalf("wrong password: %v", err)
		}
		if _, err := db.Authenticate(ctx, "nobody@example.com", "correct horse battery"); mentor.ErrorCode(err) != mentor.EUNAUTHORIZED {
			t.Fatalf("unknown user: %v", err)
		}
		got, err := db.Authenticate(ctx, "CORA@example.com", "correct horse battery")
		if err != nil || got.ID != u.ID {
			t.Fatalf("sign in: %v", err)
		}
		hour := store.SessionPolicy{TTL: time.Hour}
		tok, err := db.CreateSession(ctx, u.ID, store.SessionBearer, hour)
		if err != nil {
			t.Fatal(err)
		}
		if su, err := db.SessionUser(ctx, tok, store.SessionBearer, hour); err != nil || su.ID != u.ID {
			t.Fatalf("session: %v", err)
		}
		if _, err := db.SessionUser(ctx, tok, store.SessionCookie, hour); mentor.ErrorCode(err) != mentor.EUNAUTHORIZED {
			t.Fatal("a bearer token is not a cookie session")
		}
		var stored string
		db.SQL().QueryRow(`SELECT token_hash FROM auth_sessions`).Scan(&stored)
		if stored == tok || len(stored) != 64 {
			t.Fatalf("token must be stored hashed, got %q", stored)
		}
		db.DeleteSession(ctx, tok)
		if _, err := db.SessionUser(ctx, tok, store.SessionBearer, hour); mentor.ErrorCode(err) != mentor.EUNAUTHORIZED {
			t.Fatal("deleted session still works")
		}
		old := db.Now
		db.Now = func() time.Time { return old().Add(-2 * time.Hour) }
		expired, _ := db.CreateSession(ctx, u.ID, store.SessionBearer, hour)
		db.Now = old
		if _, err := db.SessionUser(ctx, expired, store.SessionBearer, hour); mentor.ErrorCode(err) != mentor.EUNAUTHORIZED {
			t.Fatal("expired session still works")
		}
	})
}

// TestStore_SessionIdleTimeout: a session used within its idle time lives
// on, up to its TTL; one left idle ends; the sweep removes ended sessions.
func TestStore_SessionIdleTimeout(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p := newPerson("Ida", "ida@example.com")
		if err := db.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		u := &mentor.User{Email: "ida@example.com", Role: mentor.UserParticipant, PersonID: p.ID}
		if err := db.CreateUser(ctx, u, "a long enough password"); err != nil {
			t.Fatal(err)
		}
		start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		now := start
		db.Now = func() time.Time { return now }
		policy := store.SessionPolicy{TTL: 3 * time.Hour, Idle: 30 * time.Minute}
		used, _ := db.CreateSession(ctx, u.ID, store.SessionCookie, policy)
		idle, _ := db.CreateSession(ctx, u.ID, store.SessionCookie, policy)
		for now = start.Add(20 * time.Minute); now.Before(start.Add(3 * time.Hour)); now = now.Add(20 * time.Minute) {
			if _, err := db.SessionUser(ctx, used, store.SessionCookie, policy); err != nil {
				t.Fatalf("a session used every 20 minutes ended at %s: %v", now.Sub(start), err)
			}
		}
		if _, err := db.SessionUser(ctx, idle, store.SessionCookie, policy); mentor.ErrorCode(err) != mentor.EUNAUTHORIZED {
			t.Fatalf("a session idle for hours still works: %v", err)
		}
		now = start.Add(3*time.Hour + time.Minute)
		if _, err := db.SessionUser(ctx, used, store.SessionCookie, policy); mentor.ErrorCode(err) != mentor.EUNAUTHORIZED {
			t.Fatalf("a session outlived its TTL: %v", err)
		}
		n, err := db.DeleteExpiredSessions(ctx, time.Hour)
		if err != nil || n != 2 {
			t.Fatalf("the sweep removed %d sessions (%v), want 2", n, err)
		}
	})
}

// TestStore_SignInThrottle counts failures per key within a window.
func TestStore_SignInThrottle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		limits := []store.SignInLimit{{Key: "account:a@example.com", Max: 3, Window: 15 * time.Minute}, {Key: "client:10.0.0.1", Max: 5, Window: 15 * time.Minute}}
		for i := range 3 {
			if wait, err := db.SignInBlocked(ctx, limits); err != nil || wait != 0 {
				t.Fatalf("blocked after %d failures: %s %v", i, wait, err)
			}
			if err := db.RecordSignInFailure(ctx, limits); err != nil {
				t.Fatal(err)
			}
			now = now.Add(time.Minute)
		}
		if wait, err := db.SignInBlocked(ctx, limits); err != nil || wait != 12*time.Minute {
			t.Fatalf("after 3 failures: wait %s (%v), want 12m", wait, err)
		}
		other := []store.SignInLimit{{Key: "account:b@example.com", Max: 3, Window: 15 * time.Minute}, limits[1]}
		if wait, _ := db.SignInBlocked(ctx, other); wait != 0 {
			t.Fatalf("another account from the same client is blocked after 3 failures: %s", wait)
		}
		now = now.Add(13 * time.Minute)
		if wait, _ := db.SignInBlocked(ctx, limits); wait != 0 {
			t.Fatalf("still blocked after the window: %s", wait)
		}
		db.RecordSignInFailure(ctx, limits)
		if wait, _ := db.SignInBlocked(ctx, limits); wait != 0 {
			t.Fatalf("a new window starts at one failure: %s", wait)
		}
		if err := db.ClearSignInFailures(ctx, limits[0].Key); err != nil {
			t.Fatal(err)
		}
	})
}
