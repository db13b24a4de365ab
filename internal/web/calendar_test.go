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

	"github.com/emersion/go-ical"

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

// readICS decodes an iCalendar answer with go-ical; the notify tests check how
// it is written (folding, escaping), these what it holds.
func readICS(tb testing.TB, body string) *ical.Calendar {
	tb.Helper()
	cal, err := ical.NewDecoder(strings.NewReader(body)).Decode()
	if err != nil {
		tb.Fatalf("go-ical cannot read the calendar: %v\n%s", err, body)
	}
	return cal
}

// icsText returns the unescaped TEXT value of the property name, "" when it is missing.
func icsText(tb testing.TB, props ical.Props, name string) string {
	tb.Helper()
	v, err := props.Text(name)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return v
}

// icsEvents maps the calendar's VEVENTs by UID.
func icsEvents(tb testing.TB, cal *ical.Calendar) map[string]ical.Props {
	tb.Helper()
	events := map[string]ical.Props{}
	for _, e := range cal.Events() {
		uid := icsText(tb, e.Props, "UID")
		if _, dup := events[uid]; dup {
			tb.Fatalf("two events have the UID %q", uid)
		}
		events[uid] = e.Props
	}
	return events
}

// icsMentions reports whether s is in a property value or parameter of c or
// of a component inside it, read unfolded (a fold may split an address).
func icsMentions(c *ical.Component, s string) bool {
	has := func(v string) bool { return strings.Contains(v, s) }
	for _, props := range c.Props {
		for _, p := range props {
			if has(p.Value) {
				return true
			}
			for _, values := range p.Params {
				if slices.ContainsFunc(values, has) {
					return true
				}
			}
		}
	}
	return slices.ContainsFunc(c.Children, func(c *ical.Component) bool { return icsMentions(c, s) })
}

// icsValues lists the raw values of the property name, as in the ATTENDEE
// addresses of an event.
func icsValues(props ical.Props, name string) []string {
	var out []string
	for _, p := range props.Values(name) {
		out = append(out, p.Value)
	}
	return out
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
		cal := readICS(t, body)
		if icsText(t, cal.Props, "METHOD") != "PUBLISH" || icsText(t, cal.Props, "X-WR-CALNAME") != "mentormesh: Ana Mentee" {
			t.Errorf("feed calendar: %+v", cal.Props)
		}
		events := icsEvents(t, cal)
		if len(events) != 2 {
			t.Fatalf("Ana's feed has %d events, want her match's 2 (not another match's meeting %d):\n%s", len(events), foreign.ID, body)
		}
		ev := events[fmt.Sprintf("meeting-%d@mentormesh", shared.ID)]
		start, err := ev.DateTime("DTSTART", nil)
		if ev == nil || icsText(t, ev, "SUMMARY") != "Mentoring meeting: Ben Mentor" || icsText(t, ev, "DESCRIPTION") != "SQL review, part 1; window functions" ||
			icsText(t, ev, "STATUS") != "CONFIRMED" || err != nil || !start.Equal(soon) {
			t.Errorf("the scheduled meeting (DTSTART %v, %v):\n%s", start, err, body)
		}
		if ev := events[fmt.Sprintf("meeting-%d@mentormesh", dropped.ID)]; ev == nil || icsText(t, ev, "STATUS") != "CANCELLED" {
			t.Errorf("the cancelled meeting:\n%s", body)
		}
		for uid, ev := range events {
			if len(ev.Values("ATTENDEE")) != 0 {
				t.Errorf("a feed names no attendees: %s", uid)
			}
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
		if resp, body := f.feed(addr.URL); resp.StatusCode != http.StatusOK || len(icsEvents(t, readICS(t, body))) != 2 {
			t.Fatalf("the new address: %d\n%s", resp.StatusCode, body)
		}

		var benAddr struct{ URL string }
		f.do(f.benTok, "POST", "/api/v1/me/calendar", nil, http.StatusOK, &benAddr)
		_, benFeed := f.feed(benAddr.URL)
		var titles []string
		for _, ev := range icsEvents(t, readICS(t, benFeed)) {
			titles = append(titles, icsText(t, ev, "SUMMARY"))
		}
		slices.Sort(titles)
		if want := []string{"Mentoring meeting: Ana Mentee", "Mentoring meeting: Ana Mentee", "Mentoring meeting: Cai Outsider"}; !slices.Equal(titles, want) {
			t.Fatalf("Ben's feed names each meeting's partner: %q, want %q", titles, want)
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
	ev := icsEvents(t, readICS(t, body))[fmt.Sprintf("meeting-%d@mentor.example.org", m.ID)]
	if ev == nil || !slices.Equal(icsValues(ev, "URL"), []string{"https://mentor.example.org/"}) {
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
			cal := readICS(t, string(body))
			if len(cal.Events()) != 1 || icsText(t, cal.Props, "METHOD") != "REQUEST" {
				t.Fatalf("invite.ics is not one invitation:\n%s", body)
			}
			ev := cal.Events()[0]
			start, errStart := ev.DateTimeStart(nil)
			end, errEnd := ev.DateTimeEnd(nil)
			if errStart != nil || errEnd != nil || !start.Equal(m.StartsAt) || !end.Equal(m.StartsAt.Add(time.Hour)) {
				t.Fatalf("invite.ics: %v (%v) to %v (%v), want %v for an hour", start, errStart, end, errEnd, m.StartsAt)
			}
			att := icsValues(ev.Props, "ATTENDEE")
			slices.Sort(att)
			if icsText(t, ev.Props, "DESCRIPTION") != "Kick-off" || !slices.Equal(att, []string{"mailto:ana@example.com", "mailto:ben@example.com"}) {
				t.Fatalf("invite.ics: attendees %q:\n%s", att, body)
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
		cal := readICS(t, string(body))
		if att := icsValues(cal.Events()[0].Props, "ATTENDEE"); !slices.Equal(att, []string{"mailto:cai@example.com"}) || icsMentions(cal.Component, "ben@example.com") {
			t.Fatalf("contact details leak before the match is confirmed: attendees %q\n%s", att, body)
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
	ev := readICS(t, ics).Events()[0].Props
	org := ev.Get("ORGANIZER")
	if icsText(t, ev, "UID") != fmt.Sprintf("meeting-%d@mentor.example.org", m.ID) || org == nil ||
		org.Value != "mailto:noreply@mentor.example.org" || org.Params.Get("CN") != "mentormesh" {
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
