package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// Meetings come by start time, page after page, on the API and on the home
// page's next sessions, however they were created.
func TestMeetings_SortedByStartTime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		base := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Minute)
		offsets := []int{5, 1, 4, 2, 3, 2} // hours from base; two at the same time
		for i, h := range offsets {
			f.do(f.anaTok, "POST", "/api/v1/meetings", map[string]any{"match_id": f.match.ID, "starts_at": base.Add(time.Duration(h) * time.Hour),
				"minutes": 30, "agenda": fmt.Sprintf("session-%d", i)}, http.StatusCreated, nil)
		}
		var got []mentor.Meeting
		cursor := ""
		for range len(offsets) {
			var page struct {
				Items      []mentor.Meeting
				NextCursor string `json:"next_cursor"`
			}
			f.do(f.anaTok, "GET", "/api/v1/meetings?limit=2&cursor="+cursor, nil, http.StatusOK, &page)
			got = append(got, page.Items...)
			if cursor = page.NextCursor; cursor == "" {
				break
			}
		}
		if len(got) != len(offsets) {
			t.Fatalf("paging gave %d meetings, want %d", len(got), len(offsets))
		}
		for i := 1; i < len(got); i++ {
			a, b := got[i-1], got[i]
			if a.StartsAt.After(b.StartsAt) || a.StartsAt.Equal(b.StartsAt) && a.ID > b.ID {
				t.Fatalf("meeting %d (%s) listed before %d (%s)", a.ID, a.StartsAt, b.ID, b.StartsAt)
			}
		}
		resp, body := f.req(f.anaTok, "GET", "/", nil)
		html := string(body)
		order := []string{"session-1", "session-3", "session-5", "session-4", "session-2"} // 1 h, 2 h (ids 3 and 5), 3 h, 4 h
		last := -1
		for _, s := range order {
			i := strings.Index(html, s)
			if resp.StatusCode != http.StatusOK || i < last {
				t.Fatalf("home page: %d; %s is not in start order %v", resp.StatusCode, s, order)
			}
			last = i
		}
	})
}

// Office hours lists show slots to come, by time, unless past=true asks
// for the ones that have started too.
func TestOfficeHours_FutureByTimeUnlessPast(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		flash := &mentor.Program{Name: "Ask an expert", Format: mentor.FormatFlash, Status: mentor.StatusRunning}
		ctx := context.Background()
		if err := db.CreateProgram(ctx, flash); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateEnrollment(ctx, &mentor.Enrollment{ProgramID: flash.ID, PersonID: f.ben.ID, Role: mentor.RoleMentor}); err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC().Truncate(time.Minute)
		for _, h := range []int{50, -30, 10, -80, 30} {
			o := &mentor.OfficeHours{ProgramID: flash.ID, MentorID: f.ben.ID, StartsAt: now.Add(time.Duration(h) * time.Hour), Minutes: 30}
			if err := db.CreateOfficeHours(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		starts := func(query string) []int {
			var out struct{ Items []mentor.OfficeHours }
			f.do(f.anaTok, "GET", "/api/v1/office-hours"+query, nil, http.StatusOK, &out)
			var hs []int
			for _, o := range out.Items {
				hs = append(hs, int(o.StartsAt.Sub(now).Hours()))
			}
			return hs
		}
		if got := fmt.Sprint(starts("")); got != "[10 30 50]" {
			t.Fatalf("default list: slots at %s hours from now, want the future ones by time", got)
		}
		if got := fmt.Sprint(starts("?past=true")); got != "[-80 -30 10 30 50]" {
			t.Fatalf("past=true: slots at %s hours from now", got)
		}
		f.problem(f.anaTok, "GET", "/api/v1/office-hours?past=maybe", nil, http.StatusBadRequest)
	})
}
