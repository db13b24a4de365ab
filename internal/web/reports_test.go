package web

import (
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"math"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/demo"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// demoServer serves a fresh demo organisation, generated and served as of
// 1 December 2026, and returns a fixture whose coordinator token is the
// demo coordinator's.
func demoServer(t *testing.T) (*fixture, *demo.Loaded) {
	t.Helper()
	db := storetest.Open(t, store.SQLite)
	// A fixed day, for the server's clock too: the same demo history and
	// the same report numbers whatever day the tests run.
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	loaded, err := demo.Load(context.Background(), db, demo.Generate(20261128, now))
	db.Now = func() time.Time { return now }
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	f := &fixture{t: t, db: db, srv: httptest.NewServer(s.Handler())}
	t.Cleanup(f.srv.Close)
	var out struct{ Token string }
	f.do("", "POST", "/api/v1/login", map[string]string{"email": loaded.Coordinator.Email, "password": loaded.Coordinator.Password}, 200, &out)
	f.coordTok = out.Token
	return f, loaded
}

// all reads every page of a list answer.
func all[T any](f *fixture, path string) []T {
	f.t.Helper()
	var out []T
	cursor := ""
	for {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		var page list[T]
		f.do(f.coordTok, "GET", path+sep+"limit=200&cursor="+cursor, nil, 200, &page)
		out = append(out, page.Items...)
		if page.NextCursor == "" {
			return out
		}
		cursor = page.NextCursor
	}
}

// TestReports_AgreeWithTheAPI recomputes the mean meeting rating per format
// from what the API lists (programs, matches, meetings, feedback) and checks
// that the format comparison, in JSON and in CSV, reports the same numbers.
func TestReports_AgreeWithTheAPI(t *testing.T) {
	f, _ := demoServer(t)
	format := map[int64]mentor.Format{}
	for _, p := range all[mentor.Program](f, "/api/v1/programs") {
		format[p.ID] = p.Format
	}
	related := map[int64]mentor.Format{} // relationships: matches that were accepted
	for _, m := range all[mentor.Match](f, "/api/v1/matches") {
		switch m.State {
		case mentor.MatchAccepted, mentor.MatchActive, mentor.MatchPaused, mentor.MatchCompleted, mentor.MatchEnded:
			related[m.ID] = format[m.ProgramID]
		}
	}
	sum, count := map[mentor.Format]float64{}, map[mentor.Format]float64{}
	for _, mt := range all[mentor.Meeting](f, "/api/v1/meetings") {
		fm, ok := related[mt.MatchID]
		if !ok || mt.Status == mentor.MeetingCancelled {
			continue
		}
		var fb list[mentor.Feedback]
		f.do(f.coordTok, "GET", "/api/v1/meetings/"+itoa(mt.ID)+"/feedback", nil, 200, &fb)
		for _, x := range fb.Items {
			sum[fm] += float64(x.Rating)
			count[fm]++
		}
	}
	var cmp report.Comparison
	f.do(f.coordTok, "GET", "/api/v1/reports/formats", nil, 200, &cmp)
	var rating *report.MetricComparison
	for i := range cmp.Metrics {
		if cmp.Metrics[i].Metric == report.MetricMeetingRating {
			rating = &cmp.Metrics[i]
		}
	}
	if rating == nil || len(rating.Formats) < 5 {
		t.Fatalf("the comparison has no meeting ratings for the demo's formats: %+v", rating)
	}
	for _, e := range rating.Formats {
		want := sum[e.Format] / count[e.Format]
		if math.Abs(e.Value-want) > 1e-9 || !(e.CILow <= e.Value && e.Value <= e.CIHigh) {
			t.Errorf("%s: the report says %.6f [%.3f, %.3f]; the API data give %.6f over %v ratings", e.Format, e.Value, e.CILow, e.CIHigh, want, count[e.Format])
		}
	}
	resp, body := f.req(f.coordTok, "GET", "/api/v1/reports/formats?format=csv", nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, row := range rows[1:] {
		if row[0] != "raw" || row[1] != report.MetricMeetingRating || row[3] != "format" {
			continue
		}
		v, _ := strconv.ParseFloat(row[7], 64)
		for _, e := range rating.Formats {
			if string(e.Format) == row[4] && (v != e.Value || row[6] != strconv.Itoa(e.N)) {
				t.Errorf("CSV row %v does not match the JSON %+v", row, e)
			}
		}
		seen++
	}
	if seen != len(rating.Formats) {
		t.Fatalf("the CSV has %d raw meeting-rating rows, the JSON %d formats", seen, len(rating.Formats))
	}
}

// TestReports_HealthOfTheDemo: the health report of the demo names every
// program, with a monthly series over its history.
func TestReports_HealthOfTheDemo(t *testing.T) {
	f, loaded := demoServer(t)
	var h report.HealthReport
	f.do(f.coordTok, "GET", "/api/v1/reports/health", nil, 200, &h)
	if len(h.Programs) != len(loaded.ProgramIDs) || h.Organisation.Total.Enrolled == 0 || len(h.Organisation.Monthly) < 6 {
		t.Fatalf("health: %d programs (want %d), %d enrolled, %d months", len(h.Programs), len(loaded.ProgramIDs),
			h.Organisation.Total.Enrolled, len(h.Organisation.Monthly))
	}
	one := strconv.FormatInt(loaded.ProgramIDs[0], 10)
	var cut report.HealthReport
	f.do(f.coordTok, "GET", "/api/v1/reports/health?program="+one, nil, 200, &cut)
	if len(cut.Programs) != 1 || cut.Programs[0].ProgramID != loaded.ProgramIDs[0] {
		t.Fatalf("a program filter: %+v", cut.Programs)
	}
	var advice struct {
		Recommendations []struct {
			Format mentor.Format `json:"format"`
		} `json:"recommendations"`
	}
	body := f.do(f.coordTok, "POST", "/api/v1/advisor", map[string]any{"text": "our team keeps hitting the same problems and I'd like to solve them together with colleagues"}, 200, &advice)
	if len(advice.Recommendations) != 9 || advice.Recommendations[0].Format != mentor.FormatCircles {
		t.Fatalf("advice: %s", body)
	}
}
