package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/demo"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// BenchmarkPages_Demo renders the participant's main pages for the demo
// organisation (the seed mentormesh demo uses, SQLite), signed in as the demo
// participant, through the whole handler (middleware, session, store,
// templates), and reports ms per page. Loading the organisation is not
// timed. Run: go test -run '^$' -bench BenchmarkPages_Demo ./internal/web/
func BenchmarkPages_Demo(b *testing.B) {
	ctx := context.Background()
	db := storetest.Open(b, store.SQLite)
	loaded, err := demo.Load(ctx, db, demo.Generate(20261128, time.Now().UTC()))
	if err != nil {
		b.Fatal(err)
	}
	s := &Server{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	h := s.Handler()
	tok, err := db.CreateSession(ctx, loaded.Participant.UserID, store.SessionCookie, store.SessionPolicy{TTL: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	me := loaded.Participant.PersonID
	paths := []string{"/", "/matches", "/meetings", "/goals", "/goals/new"}
	if ms, _, err := db.Matches(ctx, store.MatchFilter{PersonID: me, Published: true}); err == nil && len(ms) > 0 {
		paths = append(paths, matchPath(ms[0].ID))
	}
	if mts, _, err := db.Meetings(ctx, store.MeetingFilter{PersonID: me, Status: mentor.MeetingHeld}); err == nil && len(mts) > 0 {
		paths = append(paths, meetingPath(mts[0].ID))
	}
	if gs, _, err := db.Goals(ctx, store.GoalFilter{OwnerID: me}); err == nil && len(gs) > 0 {
		paths = append(paths, "/goals/"+strconv.FormatInt(gs[0].ID, 10))
	}
	for _, p := range paths {
		b.Run(p, func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest("GET", p, nil)
				req.AddCookie(&http.Cookie{Name: SessionCookie, Value: tok})
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", p, rec.Code, rec.Body.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/page")
		})
	}
}
