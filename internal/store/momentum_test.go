package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// setClock makes the store's clock read t.
func setClock(db *store.DB, t time.Time) { db.Now = func() time.Time { return t } }

func sameTime(tb testing.TB, what string, got *time.Time, want time.Time) {
	tb.Helper()
	if got == nil || !got.Equal(want) {
		tb.Fatalf("%s = %v, want %v", what, got, want)
	}
}

func TestStore_MatchActivities(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		setClock(db, at(1, 8))
		w := newWorld(t, db, 4)
		busy := w.match(t, mentor.MatchActive, 0, 1)
		quiet := w.match(t, mentor.MatchAccepted, 2, 3)
		w.match(t, mentor.MatchEnded, 0, 3)
		proposal := w.match(t, mentor.MatchProposed, 1, 2)

		meet := func(start time.Time, status mentor.MeetingStatus) {
			if err := db.CreateMeeting(ctx, &mentor.Meeting{MatchID: busy.ID, StartsAt: start, Minutes: 30, Status: status}); err != nil {
				t.Fatal(err)
			}
		}
		meet(at(3, 10), "held")
		meet(at(5, 10), "scheduled") // past but never marked held: still counts
		meet(at(20, 10), "cancelled")
		meet(at(25, 10), "scheduled") // ahead of "now" (the 10th)
		mt, _, _ := db.Meetings(ctx, store.MeetingFilter{MatchID: busy.ID})

		setClock(db, at(6, 9))
		if err := db.AddNote(ctx, &mentor.Note{MeetingID: mt[0].ID, AuthorID: w.id(0), Text: "shared"}); err != nil {
			t.Fatal(err)
		}
		setClock(db, at(7, 9))
		if err := db.AddNote(ctx, &mentor.Note{MeetingID: mt[0].ID, AuthorID: w.id(0), Text: "mine", Private: true}); err != nil {
			t.Fatal(err)
		}
		for i, c := range []struct {
			person int
			pulse  int
		}{{0, 4}, {1, 2}} {
			setClock(db, at(8+i, 9))
			if err := db.CreateCheckIn(ctx, &mentor.CheckIn{MatchID: busy.ID, PersonID: w.id(c.person), Pulse: c.pulse}); err != nil {
				t.Fatal(err)
			}
		}
		g := smartGoal(t, w.id(1), 0, 3)
		g.MatchID = &busy.ID
		if err := db.CreateGoal(ctx, g); err != nil {
			t.Fatal(err)
		}
		setClock(db, at(9, 12))
		if _, err := db.AddProgress(ctx, &mentor.ProgressUpdate{GoalID: g.ID, AuthorID: w.id(1), Value: 1}); err != nil {
			t.Fatal(err)
		}

		acts, next, err := db.MatchActivities(ctx, store.ActivityFilter{Now: at(10, 0),
			States: []mentor.MatchState{mentor.MatchProposed, mentor.MatchAccepted, mentor.MatchActive}})
		if err != nil || next != "" {
			t.Fatal(err, next)
		}
		if got := ids(acts, func(a store.MatchActivity) int64 { return a.Match.ID }); len(got) != 3 || got[0] != busy.ID || got[1] != quiet.ID || got[2] != proposal.ID {
			t.Fatalf("matches %v, want the three open ones in id order", got)
		}
		a := acts[0]
		sameTime(t, "last meeting", a.LastMeeting, at(25, 10))
		sameTime(t, "last met", a.LastMet, at(5, 10))
		sameTime(t, "last shared note", a.LastNote, at(6, 9))
		sameTime(t, "last progress", a.LastProgress, at(9, 12))
		sameTime(t, "latest pulse", a.LatestPulseAt, at(9, 9))
		if a.LatestPulse != 2 || a.LatestPulseBy != w.id(1) || len(a.Match.Members) != 2 || a.Match.Members[0].Name == "" {
			t.Fatalf("pulse %d by %d, members %+v", a.LatestPulse, a.LatestPulseBy, a.Match.Members)
		}
		if q := acts[1]; q.LastMeeting != nil || q.LastMet != nil || q.LastNote != nil || q.LastProgress != nil || q.LatestPulse != 0 ||
			!q.Match.UpdatedAt.Equal(at(1, 8)) {
			t.Fatalf("a match without activity: %+v", q)
		}

		got := collectPages(t, func(p store.Page) ([]int64, string, error) {
			list, next, err := db.MatchActivities(ctx, store.ActivityFilter{ProgramID: w.program.ID, Page: p})
			return ids(list, func(a store.MatchActivity) int64 { return a.Match.ID }), next, err
		}, 1)
		if len(got) != 4 {
			t.Fatalf("pages gave %v, want all four matches", got)
		}
	})
}

func TestStore_ClaimMark(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		setClock(db, at(1, 8))
		w := newWorld(t, db, 2)
		m := w.match(t, mentor.MatchActive, 0, 1)
		claim := mentor.Claim{MatchID: m.ID, Kind: mentor.MarkRemind, Quiet: []string{mentor.MarkRemind, mentor.MarkWarn}, QuietSince: at(1, 0)}

		// Eight claims at once: exactly one wins.
		var wg sync.WaitGroup
		var mu sync.Mutex
		var won []int64
		errs := make([]error, 8)
		for i := range 8 {
			wg.Go(func() {
				period, ok, err := db.ClaimMark(ctx, claim)
				errs[i] = err
				if ok {
					mu.Lock()
					won = append(won, period)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if len(won) != 1 || won[0] != 1 {
			t.Fatalf("claims won: %v, want exactly one, period 1", won)
		}
		if when, err := db.MarkTime(ctx, m.ID, mentor.MarkRemind, 1); err != nil || !when.Equal(at(1, 8)) {
			t.Fatalf("mark time %v %v", when, err)
		}
		// Later, once the quiet window has passed, the next period is claimed.
		setClock(db, at(9, 8))
		claim.QuietSince = at(2, 8)
		if p, ok, err := db.ClaimMark(ctx, claim); err != nil || !ok || p != 2 {
			t.Fatalf("second claim: %d %v %v", p, ok, err)
		}
		// An audit event of a quiet kind refuses a claim as a mark does.
		other := w.match(t, mentor.MatchActive, 0, 1)
		if err := db.RecordAudit(ctx, &mentor.AuditEvent{Action: mentor.MarkWarn, Object: "match", ObjectID: other.ID}); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := db.ClaimMark(ctx, mentor.Claim{MatchID: other.ID, Kind: mentor.MarkRemind, Quiet: []string{mentor.MarkWarn}, QuietSince: at(9, 0)}); ok || err != nil {
			t.Fatalf("a recent audited warning must refuse the claim: %v %v", ok, err)
		}
		// A fixed period is claimed once; released, it can be claimed again.
		fixed := mentor.Claim{MatchID: m.ID, Kind: mentor.MarkWarn, Period: 12345}
		if _, ok, _ := db.ClaimMark(ctx, fixed); !ok {
			t.Fatal("first fixed claim refused")
		}
		if _, ok, _ := db.ClaimMark(ctx, fixed); ok {
			t.Fatal("a fixed period must be claimed once")
		}
		if latest, err := db.LatestMark(ctx, m.ID, mentor.MarkRemind, mentor.MarkWarn); err != nil || !latest.Equal(at(9, 8)) {
			t.Fatalf("latest mark %v %v", latest, err)
		}
		if err := db.ReleaseMark(ctx, m.ID, mentor.MarkWarn, 12345); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := db.ClaimMark(ctx, fixed); !ok {
			t.Fatal("a released period must be claimable again")
		}
		_, err := db.MarkTime(ctx, m.ID, mentor.MarkPause, 1)
		wantCode(t, err, mentor.ENOTFOUND)
		_, err = db.LatestMark(ctx, other.ID, mentor.MarkRemind)
		wantCode(t, err, mentor.ENOTFOUND)
		_, _, err = db.ClaimMark(ctx, mentor.Claim{MatchID: 99999, Kind: mentor.MarkRemind})
		wantCode(t, err, mentor.ENOTFOUND)
	})
}

func TestStore_ExpireProposal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		setClock(db, at(1, 8))
		w := newWorld(t, db, 3)
		m := w.match(t, mentor.MatchProposed, 0, 1)
		setClock(db, at(2, 8))
		if _, err := db.RespondToMatch(ctx, m.ID, w.id(0), true, ""); err != nil {
			t.Fatal(err)
		}
		setClock(db, at(20, 8))
		if ok, err := db.ExpireProposal(ctx, m.ID, at(1, 12)); ok || err != nil {
			t.Fatalf("a proposal that moved after the cutoff must stay: %v %v", ok, err)
		}
		if ok, err := db.ExpireProposal(ctx, m.ID, at(16, 8)); !ok || err != nil {
			t.Fatalf("expire: %v %v", ok, err)
		}
		got, _ := db.Match(ctx, m.ID)
		if got.State != mentor.MatchDeclined {
			t.Fatalf("state %s, want declined", got.State)
		}
		for _, mm := range got.Members {
			want := ""
			if mm.PersonID == w.id(1) {
				want = "expired"
			}
			if mm.Reason != want {
				t.Fatalf("member %d reason %q, want %q (only members who did not answer expire)", mm.PersonID, mm.Reason, want)
			}
		}
		if ok, err := db.ExpireProposal(ctx, m.ID, at(16, 8)); ok || err != nil {
			t.Fatalf("expiring twice: %v %v", ok, err)
		}
		active := w.match(t, mentor.MatchActive, 0, 2)
		if ok, _ := db.ExpireProposal(ctx, active.ID, at(30, 0)); ok {
			t.Fatal("only proposals expire")
		}
		events, _, _ := db.AuditEvents(ctx, store.AuditFilter{Object: "match", ObjectID: m.ID})
		if len(events) != 1 || events[0].Action != "expire" || events[0].ActorID != nil {
			t.Fatalf("audit: %+v", events)
		}
		_, err := db.ExpireProposal(ctx, 99999, at(30, 0))
		wantCode(t, err, mentor.ENOTFOUND)
	})
}

func TestStore_EndMatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 3)
		m := w.match(t, mentor.MatchActive, 0, 1)
		_, err := db.EndMatch(ctx, m.ID, w.id(0), "  ")
		wantInvalid(t, err, "reason")
		got, err := db.EndMatch(ctx, m.ID, w.id(0), "We reached our goals early.")
		if err != nil {
			t.Fatal(err)
		}
		if got.State != mentor.MatchEnded || got.Members[0].Reason != "We reached our goals early." || got.Members[1].Reason != "" {
			t.Fatalf("ended match: %+v", got)
		}
		_, err = db.EndMatch(ctx, m.ID, w.id(1), "again")
		wantCode(t, err, mentor.ECONFLICT)

		paused := w.match(t, mentor.MatchPaused, 0, 1)
		coordinator := w.id(2) // not a member: the reason lives in the audit trail only
		got, err = db.EndMatch(ctx, paused.ID, coordinator, "Mentor left the company")
		if err != nil || got.State != mentor.MatchEnded || got.Members[0].Reason != "" || got.Members[1].Reason != "" {
			t.Fatalf("coordinator end: %+v %v", got, err)
		}
		events, _, _ := db.AuditEvents(ctx, store.AuditFilter{Object: "match", ObjectID: paused.ID})
		if len(events) != 1 || events[0].Action != "end" || *events[0].ActorID != coordinator || events[0].Detail != "from paused: Mentor left the company" {
			t.Fatalf("audit: %+v", events)
		}
		_, err = db.EndMatch(ctx, 99999, coordinator, "x")
		wantCode(t, err, mentor.ENOTFOUND)
		completed := w.match(t, mentor.MatchCompleted, 0, 1)
		_, err = db.EndMatch(ctx, completed.ID, w.id(0), "x")
		wantCode(t, err, mentor.ECONFLICT)
	})
}
