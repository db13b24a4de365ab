package momentum_test

import (
	"context"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// cycleCounter counts the calls of StartDueCycles.
type cycleCounter struct{ calls atomic.Int32 }

func (c *cycleCounter) StartDueCycles(context.Context, time.Time) ([]*mentor.MatchRun, error) {
	c.calls.Add(1)
	return nil, nil
}

func TestRun_SweepsUntilTheContextEnds(t *testing.T) {
	db := storetest.Open(t, store.SQLite)
	w := newWorld(t, db)
	stale := w.match(t, mentor.MatchProposed, 0, 1)
	w.at(11) // the world's proposals expire after 10 days
	cycles := &cycleCounter{}
	w.svc.Cycles = cycles
	u := &mentor.User{Email: "cai@example.com", Role: mentor.UserParticipant, PersonID: w.people[2].ID}
	if err := db.CreateUser(context.Background(), u, "a long enough password"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSession(context.Background(), u.ID, store.SessionBearer, store.SessionPolicy{TTL: time.Hour}); err != nil {
		t.Fatal(err)
	}
	w.svc.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		w.svc.Run(ctx, 10*time.Millisecond)
		close(done)
	}()
	deadline := time.Now().Add(10 * time.Second)
	w.at(12) // the session ended a day ago
	sessionGone := func() bool {
		var n int
		db.SQL().QueryRow(`SELECT count(*) FROM auth_sessions`).Scan(&n)
		return n == 0
	}
	for w.state(t, stale.ID).State != mentor.MatchDeclined || cycles.calls.Load() < 2 || !sessionGone() {
		if time.Now().After(deadline) {
			t.Fatalf("after 10 s: proposal %s, %d cycle checks, ended session deleted %v; want it expired, cycles checked on every tick, the session gone",
				w.state(t, stale.ID).State, cycles.calls.Load(), sessionGone())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop when its context ended")
	}
}
