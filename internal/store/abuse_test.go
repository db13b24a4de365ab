package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestStore_AbuseReports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 4)
		m := w.match(t, mentor.MatchActive, 0, 1)
		other := w.match(t, mentor.MatchActive, 2, 3)

		for _, tc := range []struct {
			name   string
			report mentor.AbuseReport
			fields []string
		}{
			{"no reason, nobody reported", mentor.AbuseReport{MatchID: m.ID, ReporterID: w.id(0)}, []string{"reason", "person_id"}},
			{"reporting yourself", mentor.AbuseReport{MatchID: m.ID, ReporterID: w.id(0), ReportedID: w.id(0), Reason: "x"}, []string{"person_id"}},
			{"reported person outside the match", mentor.AbuseReport{MatchID: m.ID, ReporterID: w.id(0), ReportedID: w.id(2), Reason: "x"}, []string{"person_id"}},
			{"reporter outside the match", mentor.AbuseReport{MatchID: m.ID, ReporterID: w.id(3), ReportedID: w.id(1), Reason: "x"}, []string{"reporter_id"}},
			{"reason too long", mentor.AbuseReport{MatchID: m.ID, ReporterID: w.id(0), ReportedID: w.id(1), Reason: strings.Repeat("x", 4001)}, []string{"reason"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantInvalid(t, db.CreateAbuseReport(ctx, &tc.report), tc.fields...)
			})
		}
		wantCode(t, db.CreateAbuseReport(ctx, &mentor.AbuseReport{MatchID: 99999, ReporterID: w.id(0), ReportedID: w.id(1), Reason: "x"}), mentor.ENOTFOUND)

		r := &mentor.AbuseReport{MatchID: m.ID, ReporterID: w.id(0), ReportedID: w.id(1), Reason: "  Insulting messages after our last meeting.  "}
		if err := db.CreateAbuseReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		if r.ID == 0 || r.Status != mentor.AbuseOpen || r.ProgramID != w.program.ID || r.Reason != "Insulting messages after our last meeting." ||
			r.ReporterName != "P0" || r.ReportedName != "P1" {
			t.Fatalf("created: %+v", r)
		}
		r2 := &mentor.AbuseReport{MatchID: other.ID, ReporterID: w.id(3), ReportedID: w.id(2), Reason: "No-shows and rude replies."}
		if err := db.CreateAbuseReport(ctx, r2); err != nil {
			t.Fatal(err)
		}
		list, _, err := db.AbuseReports(ctx, store.AbuseFilter{Status: mentor.AbuseOpen})
		if err != nil || len(list) != 2 || list[0].ID != r.ID || list[0].ReportedName != "P1" || !list[0].CreatedAt.Equal(r.CreatedAt) {
			t.Fatalf("open reports: %+v %v", list, err)
		}
		closed, err := db.CloseAbuseReport(ctx, r.ID, w.id(3))
		if err != nil || closed.Status != mentor.AbuseClosed || closed.ClosedAt == nil {
			t.Fatalf("close: %+v %v", closed, err)
		}
		if again, err := db.CloseAbuseReport(ctx, r.ID, w.id(3)); err != nil || !again.ClosedAt.Equal(*closed.ClosedAt) {
			t.Fatalf("closing twice must change nothing: %+v %v", again, err)
		}
		for _, tc := range []struct {
			name string
			f    store.AbuseFilter
			want []int64
		}{
			{"open", store.AbuseFilter{Status: mentor.AbuseOpen}, []int64{r2.ID}},
			{"closed", store.AbuseFilter{Status: mentor.AbuseClosed}, []int64{r.ID}},
			{"by match", store.AbuseFilter{MatchID: m.ID}, []int64{r.ID}},
			{"by program", store.AbuseFilter{ProgramID: w.program.ID}, []int64{r.ID, r2.ID}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, _, err := db.AbuseReports(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				if ids := ids(got, func(a mentor.AbuseReport) int64 { return a.ID }); len(ids) != len(tc.want) || (len(ids) > 0 && ids[0] != tc.want[0]) {
					t.Fatalf("got %v, want %v", ids, tc.want)
				}
			})
		}
		_, _, err = db.AbuseReports(ctx, store.AbuseFilter{Status: "pending"})
		wantInvalid(t, err, "status")
		_, err = db.CloseAbuseReport(ctx, 99999, w.id(3))
		wantCode(t, err, mentor.ENOTFOUND)

		events, _, _ := db.AuditEvents(ctx, store.AuditFilter{Object: "abuse_report", ObjectID: r.ID})
		if len(events) != 2 || events[0].Action != "report" || events[1].Action != "close" {
			t.Fatalf("audit: %+v", events)
		}
		for _, e := range events {
			if strings.Contains(e.Detail, "Insulting") {
				t.Fatalf("the audit trail must not copy the reason: %+v", e)
			}
		}
	})
}
