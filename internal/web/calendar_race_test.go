package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// Ten concurrent first reads of the calendar address all succeed, and
// exactly one of them shows the address (it is kept only as a hash).
func TestCalendar_ConcurrentFirstReads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		for round, tok := range []string{f.anaTok, f.benTok, f.caiTok} {
			const n = 10
			var wg sync.WaitGroup
			status, urls := make([]int, n), make([]string, n)
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					resp, body := f.req(tok, "GET", "/api/v1/me/calendar", nil)
					status[i] = resp.StatusCode
					var out struct{ URL string }
					json.Unmarshal(body, &out)
					urls[i] = out.URL
					if resp.StatusCode != http.StatusOK {
						urls[i] = string(body)
					}
				}()
			}
			wg.Wait()
			shown := 0
			for i := range n {
				if status[i] != http.StatusOK {
					t.Fatalf("round %d: request %d answered %d: %s", round, i, status[i], urls[i])
				}
				if strings.Contains(urls[i], "/calendar/") {
					shown++
				}
			}
			if shown != 1 {
				t.Fatalf("round %d: the address was shown %d times, want once", round, shown)
			}
		}
	})
}

// A downloaded invitation is an iTIP REQUEST, which RFC 5546 says must name
// its ORGANIZER: without a mailer, that is the person who downloads it.
func TestCalendar_InviteICSHasOrganizer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		m := calendarMeeting(t, db, f.match.ID, time.Date(2030, 1, 7, 9, 0, 0, 0, time.UTC), "scheduled", "Kick-off")
		path := fmt.Sprintf("/api/v1/meetings/%d/invite.ics", m.ID)
		for tok, want := range map[string]string{f.anaTok: "ORGANIZER;CN=Ana Mentee:mailto:ana@example.com\r\n",
			f.coordTok: "ORGANIZER;CN=Cora Coordinator:mailto:cora@example.com\r\n"} {
			_, body := f.req(tok, "GET", path, nil)
			ics := strings.ReplaceAll(string(body), "\r\n ", "")
			if !strings.Contains(ics, "METHOD:REQUEST\r\n") || !strings.Contains(ics, want) {
				t.Fatalf("invite.ics lacks METHOD:REQUEST or %q:\n%s", want, body)
			}
		}
	})
}
