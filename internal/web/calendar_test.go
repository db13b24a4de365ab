package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/notify/notifytest"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// serveWith puts a server with the given mailer and base URL in front of the
// fixture's database; the fixture's sign-ins stay valid (they live in the
// database).
func serveWith(f *fixture, mailer *notify.Mailer, baseURL string) {
	f.t.Helper()
	s := &Server{DB: f.db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Mailer: mailer, BaseURL: baseURL}
	f.srv = httptest.NewServer(s.Handler())
	f.t.Cleanup(f.srv.Close)
}

// calendarMeeting stores a meeting of match at start.
func calendarMeeting(tb testing.TB, db *store.DB, match int64, start time.Time, status mentor.MeetingStatus, agenda string) *mentor.Meeting {
	tb.Helper()
	m := &mentor.Meeting{MatchID: match, StartsAt: start, Minutes: 60, Status: status, Agenda: agenda}
	if err := db.CreateMeeting(context.Background(), m); err != nil {
		tb.Fatal(err)
	}
	return m
}

// feed fetches a calendar address without signing in.
func (f *fixture) feed(url string) (*http.Response, string) {
	f.t.Helper()
	resp, body := f.req("", "GET", url, nil)
	return resp, string(body)
}

func TestCalendar_Feed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		soon := time.Now().UTC().Add(72 * time.Hour).Truncate(time.Hour)
		shared := calendarMeeting(t, db, f.match.ID, soon, "scheduled", "SQL review, part 1; window functions")
		dropped := calendarMeeting(t, db, f.match.ID, soon.Add(24*time.Hour), "cancelled", "")
		other := &mentor.Match{ProgramID: f.program.ID, State: mentor.MatchActive, Members: []mentor.MatchMember{
			{PersonID: f.ben.ID, Role: mentor.RoleMentor}, {PersonID: f.cai.ID, Role: mentor.RoleMentee}}}
		if err := db.CreateMatch(ctx, other); err != nil {
			t.Fatal(err)
		}
		foreign := calendarMeeting(t, db, other.ID, soon, "scheduled", "Cai's meeting")

		var addr struct {
			URL       string    `json:"url"`
			CreatedAt time.Time `json:"created_at"`
			Detail    string    `json:"detail"`
		}
		f.do(f.anaTok, "GET", "/api/v1/me/calendar", nil, http.StatusOK, &addr)
		if !strings.HasPrefix(addr.URL, "/calendar/") || !strings.HasSuffix(addr.URL, ".ics") || addr.CreatedAt.IsZero() {
			t.Fatalf("first address: %+v", addr)
		}
		first := addr.URL
		addr.URL = ""
		f.do(f.anaTok, "GET", "/api/v1/me/calendar", nil, http.StatusOK, &addr)
		if addr.URL != "" || addr.Detail == "" || addr.CreatedAt.IsZero() {
			t.Fatalf("the secret address must be shown once: %+v", addr)
		}

		resp, body := f.feed(first)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") {
			t.Fatalf("feed: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		unfolded := strings.ReplaceAll(body, "\r\n ", "")
		for _, want := range []string{"BEGIN:VCALENDAR\r\n", "METHOD:PUBLISH\r\n", "X-WR-CALNAME:mentormesh: Ana Mentee\r\n",
			fmt.Sprintf("UID:meeting-%d@mentormesh\r\n", shared.ID), "SUMMARY:Mentoring meeting: Ben Mentor\r\n",
			"DESCRIPTION:SQL review\\, part 1\\; window functions\r\n", fmt.Sprintf("UID:meeting-%d@mentormesh\r\n", dropped.ID),
			"STATUS:CANCELLED\r\n", "DTSTART:" + soon.Format("20060102T150405Z") + "\r\n"} {
			if !strings.Contains(unfolded, want) {
				t.Errorf("feed lacks %q:\n%s", want, body)
			}
		}
		if strings.Contains(body, fmt.Sprintf("meeting-%d@", foreign.ID)) || strings.Contains(body, "ATTENDEE") {
			t.Fatalf("Ana's feed shows another match's meeting or attendees:\n%s", body)
		}

		token := strings.TrimSuffix(strings.TrimPrefix(first, "/calendar/"), ".ics")
		for _, bad := range []string{"/calendar/" + strings.Repeat("A", len(token)) + ".ics", "/calendar/" + token, "/calendar/" + token + "x.ics",
			"/calendar/short.ics"} {
			if resp, _ := f.feed(bad); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", bad, resp.StatusCode)
			}
		}

		f.do(f.anaTok, "POST", "/api/v1/me/calendar", nil, http.StatusOK, &addr)
		if addr.URL == "" || addr.URL == first {
			t.Fatalf("rotate: %+v", addr)
		}
		if resp, _ := f.feed(first); resp.StatusCode != http.StatusNotFound {
			t.Fatalf("the old address must stop working, got %d", resp.StatusCode)
		}
		if resp, body := f.feed(addr.URL); resp.StatusCode != http.StatusOK || !strings.Contains(body, "SUMMARY:Mentoring meeting: Ben Mentor") {
			t.Fatalf("the new address: %d", resp.StatusCode)
		}

		var benAddr struct{ URL string }
		f.do(f.benTok, "POST", "/api/v1/me/calendar", nil, http.StatusOK, &benAddr)
		_, benFeed := f.feed(benAddr.URL)
		if !strings.Contains(benFeed, "SUMMARY:Mentoring meeting: Ana Mentee\r\n") || !strings.Contains(benFeed, "SUMMARY:Mentoring meeting: Cai Outsider\r\n") {
			t.Fatalf("Ben's feed names each meeting's partner:\n%s", benFeed)
		}
		f.problem("", "GET", "/api/v1/me/calendar", nil, http.StatusUnauthorized)
	})
}

func TestCalendar_AbsoluteAddresses(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	serveWith(f, nil, "https://mentor.example.org/")
	m := calendarMeeting(t, f.db, f.match.ID, time.Now().Add(time.Hour), "scheduled", "")
	var addr struct{ URL string }
	f.do(f.anaTok, "GET", "/api/v1/me/calendar", nil, http.StatusOK, &addr)
	path, ok := strings.CutPrefix(addr.URL, "https://mentor.example.org/calendar/")
	if !ok {
		t.Fatalf("with a base URL the address is absolute: %q", addr.URL)
	}
	_, body := f.feed("/calendar/" + path)
	if !strings.Contains(body, fmt.Sprintf("UID:meeting-%d@mentor.example.org\r\n", m.ID)) || !strings.Contains(body, "URL:https://mentor.example.org/\r\n") {
		t.Fatalf("feed with a base URL:\n%s", body)
	}
}

func TestCalendar_InviteICS(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		m := calendarMeeting(t, db, f.match.ID, time.Date(2030, 1, 7, 9, 0, 0, 0, time.UTC), "scheduled", "Kick-off")
		path := fmt.Sprintf("/api/v1/meetings/%d/invite.ics", m.ID)
		for _, tok := range []string{f.anaTok, f.benTok, f.coordTok} {
			resp, body := f.req(tok, "GET", path, nil)
			if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") ||
				!strings.Contains(resp.Header.Get("Content-Disposition"), fmt.Sprintf("meeting-%d.ics", m.ID)) {
				t.Fatalf("invite.ics: %d %v", resp.StatusCode, resp.Header)
			}
			ics := strings.ReplaceAll(string(body), "\r\n ", "")
			for _, want := range []string{"METHOD:REQUEST\r\n", "DTSTART:20300107T090000Z\r\n", "DTEND:20300107T100000Z\r\n",
				"DESCRIPTION:Kick-off\r\n", ":mailto:ana@example.com\r\n", ":mailto:ben@example.com\r\n"} {
				if !strings.Contains(ics, want) {
					t.Fatalf("invite.ics lacks %q:\n%s", want, body)
				}
			}
		}
		f.problem(f.caiTok, "GET", path, nil, http.StatusNotFound)
		f.problem("", "GET", path, nil, http.StatusUnauthorized)
		f.problem(f.anaTok, "GET", "/api/v1/meetings/99999/invite.ics", nil, http.StatusNotFound)

		// Before a match is confirmed a member's invitation holds only their own address.
		proposed := &mentor.Match{ProgramID: f.program.ID, State: mentor.MatchProposed, Members: []mentor.MatchMember{
			{PersonID: f.ben.ID, Role: mentor.RoleMentor}, {PersonID: f.cai.ID, Role: mentor.RoleMentee}}}
		if err := db.CreateMatch(context.Background(), proposed); err != nil {
			t.Fatal(err)
		}
		early := calendarMeeting(t, db, proposed.ID, time.Date(2030, 1, 8, 9, 0, 0, 0, time.UTC), "scheduled", "")
		_, body := f.req(f.caiTok, "GET", fmt.Sprintf("/api/v1/meetings/%d/invite.ics", early.ID), nil)
		if !strings.Contains(string(body), "mailto:cai@example.com") || strings.Contains(string(body), "ben@example.com") {
			t.Fatalf("contact details leak before the match is confirmed:\n%s", body)
		}
	})
}

func TestCalendar_InviteByMail(t *testing.T) {
	mp := notifytest.Start(t, notifytest.Options{})
	mailer, err := notify.NewMailer(mp.Config("mentormesh <noreply@mentor.example.org>"))
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, storetest.Open(t, store.SQLite))
	m := calendarMeeting(t, f.db, f.match.ID, time.Date(2030, 2, 4, 15, 30, 0, 0, time.UTC), "scheduled", "Career plan")
	path := fmt.Sprintf("/api/v1/meetings/%d/invite", m.ID)
	f.problem(f.anaTok, "POST", path, nil, http.StatusConflict) // the fixture's server has no mailer
	serveWith(f, mailer, "https://mentor.example.org")
	f.problem(f.caiTok, "POST", path, nil, http.StatusNotFound)
	var out struct{ Recipients int }
	f.do(f.anaTok, "POST", path, nil, http.StatusOK, &out)
	if out.Recipients != 2 {
		t.Fatalf("recipients %d, want 2", out.Recipients)
	}
	list := mp.WaitFor(t, 1)
	msg := mp.Message(t, list[0].ID)
	var to []string
	for _, a := range msg.To {
		to = append(to, a.Address)
	}
	slices.Sort(to)
	if len(list) != 1 || strings.Join(to, ",") != "ana@example.com,ben@example.com" ||
		msg.Subject != "Invitation: Mentoring meeting: Ben Mentor, Ana Mentee, Mon 4 Feb 2030 15:30 UTC" {
		t.Fatalf("mail: %+v", msg)
	}
	if len(msg.Attachments) != 1 || msg.Attachments[0].FileName != "invite.ics" || !strings.HasPrefix(msg.Attachments[0].ContentType, "text/calendar") {
		t.Fatalf("attachments: %+v", msg.Attachments)
	}
	ics := string(mp.PartData(t, msg.ID, msg.Attachments[0].PartID))
	if !strings.Contains(ics, fmt.Sprintf("UID:meeting-%d@mentor.example.org\r\n", m.ID)) || !strings.Contains(ics, "ORGANIZER;CN=mentormesh:mailto:noreply@mentor.example.org\r\n") {
		t.Fatalf("attached calendar:\n%s", ics)
	}
}

// testClock is a store clock the test moves; sessions made before a move
// may expire, so tests sign in again after moving it.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func useTestClock(db *store.DB, start time.Time) *testClock {
	c := &testClock{t: start}
	db.Now = func() time.Time {
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.t
	}
	return c
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// signInAgain gives the fixture's people fresh tokens at the current clock.
func signInAgain(f *fixture) {
	f.t.Helper()
	f.coordTok, f.anaTok, f.benTok, f.caiTok = f.login("cora@example.com"), f.login("ana@example.com"), f.login("ben@example.com"), f.login("cai@example.com")
}
