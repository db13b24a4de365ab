package notify

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var stamp = time.Date(2026, 3, 1, 8, 30, 0, 0, time.UTC)

func sampleMeeting() mentor.Meeting {
	mentee := int64(2)
	return mentor.Meeting{ID: 42, MatchID: 7, ProgramID: 3, Minutes: 45, Kind: mentor.MeetingRegular, Status: "scheduled",
		StartsAt: time.Date(2026, 3, 10, 16, 0, 0, 0, time.FixedZone("CET", 3600)),
		Agenda:   "Review the pipeline; plan Q2, then C:\\path backslash.\nSecond line with a long sentence about Kubernetes, data contracts and the Übergabe to the platform team 🚀.",
		MenteeID: &mentee, Dilemma: "Should I lead the migration, or hand it over?",
		CreatedAt: time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)}
}

func sampleAttendees() []Attendee {
	return []Attendee{{Name: "Ana Mentee", Email: "ana@example.com"}, {Name: `Ben "The Mentor" Müller, PhD`, Email: "ben@example.com"},
		{Name: "No Address"}}
}

func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from the golden file (run go test -update after checking):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestMeetingICS_Golden(t *testing.T) {
	got := MeetingICS(sampleMeeting(), sampleAttendees(), Attendee{Name: "mentormesh", Email: "noreply@example.org"},
		"https://mentor.example.org/meetings/42", stamp)
	golden(t, "meeting.ics", got)
}

func TestFeedICS_Golden(t *testing.T) {
	cancelled := sampleMeeting()
	cancelled.ID, cancelled.Status, cancelled.Agenda, cancelled.Dilemma, cancelled.Kind = 43, "cancelled", "", "", mentor.MeetingFlash
	got := FeedICS("mentormesh: Ana, meetings", stamp, []Event{
		{Meeting: sampleMeeting(), Title: "Mentoring meeting: Ana Mentee, Ben Mentor", URL: "https://mentor.example.org/meetings/42"},
		{Meeting: cancelled},
	})
	golden(t, "feed.ics", got)
}

// icsLines checks what go-ical's decoder does not: every physical line ends in
// CRLF (no bare CR or LF), has at most 75 octets and holds whole UTF-8
// characters (RFC 5545 §3.1). It returns the lines without their CRLF.
func icsLines(tb testing.TB, data []byte) []string {
	tb.Helper()
	s, ok := strings.CutSuffix(string(data), "\r\n")
	if !ok {
		tb.Fatalf("the object does not end with CRLF")
	}
	lines := strings.Split(s, "\r\n")
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			tb.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			tb.Fatalf("line %d has %d octets, more than 75: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			tb.Fatalf("line %d splits a UTF-8 character: %q", i+1, l)
		}
	}
	return lines
}

// decodeICS reads an iCalendar object back with go-ical, a decoder written
// apart from ours, after checking its physical lines with icsLines. The
// object must be one VCALENDAR with nothing after it.
func decodeICS(tb testing.TB, data []byte) *ical.Calendar {
	tb.Helper()
	icsLines(tb, data)
	dec := ical.NewDecoder(bytes.NewReader(data))
	cal, err := dec.Decode()
	if err != nil {
		tb.Fatalf("go-ical cannot read the object: %v\n%s", err, data)
	}
	if _, err := dec.Decode(); err != io.EOF {
		tb.Fatalf("something follows END:VCALENDAR: %v", err)
	}
	return cal
}

// one returns the property name of props, which must occur once.
func one(tb testing.TB, props ical.Props, name string) *ical.Prop {
	tb.Helper()
	if n := len(props.Values(name)); n != 1 {
		tb.Fatalf("%d %s properties, want 1", n, name)
	}
	return props.Get(name)
}

// text returns the TEXT value of the property name, unescaped by go-ical. The
// value must be one text, not a list (an unescaped comma would make one), and
// be escaped exactly as go-ical escapes it (so a bare semicolon fails too).
func text(tb testing.TB, props ical.Props, name string) string {
	tb.Helper()
	p := one(tb, props, name)
	list, err := p.TextList()
	if err != nil || len(list) != 1 {
		tb.Fatalf("%s %q is not one TEXT value: %v %q", name, p.Value, err, list)
	}
	again := ical.NewProp(name)
	again.SetText(list[0])
	if again.Value != p.Value {
		tb.Fatalf("%s is escaped as %q, want %q", name, p.Value, again.Value)
	}
	return list[0]
}

// utc returns the DATE-TIME of the property name, which must be written in
// UTC (the "Z" form): a time without Z would be read in another zone here.
func utc(tb testing.TB, props ical.Props, name string) time.Time {
	tb.Helper()
	t, err := one(tb, props, name).DateTime(time.FixedZone("UTC+5", 5*3600))
	if err != nil || t.Location() != time.UTC {
		tb.Fatalf("%s %q is not a UTC date-time: %v", name, props.Get(name).Value, err)
	}
	return t
}

func TestMeetingICS_Structure(t *testing.T) {
	m := sampleMeeting()
	link := "https://mentor.example.org/meetings/42"
	cal := decodeICS(t, MeetingICS(m, sampleAttendees(), Attendee{Name: "mentormesh", Email: "noreply@example.org"}, link, stamp))
	for name, want := range map[string]string{"VERSION": "2.0", "PRODID": ProdID, "CALSCALE": "GREGORIAN", "METHOD": "REQUEST"} {
		if got := text(t, cal.Props, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	events := cal.Events()
	if len(events) != 1 || len(cal.Children) != 1 {
		t.Fatalf("%d events among %d components, want one VEVENT", len(events), len(cal.Children))
	}
	ev := events[0].Props
	for name, want := range map[string]string{"UID": "meeting-42@mentor.example.org", "STATUS": "CONFIRMED"} {
		if got := text(t, ev, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]time.Time{"DTSTAMP": stamp, "DTSTART": m.StartsAt, "DTEND": m.StartsAt.Add(45 * time.Minute)} {
		if got := utc(t, ev, name); !got.Equal(want) {
			t.Errorf("%s = %v, want %v", name, got, want.UTC())
		}
	}
	if seq, err := one(t, ev, "SEQUENCE").Int(); err != nil || seq != 0 {
		t.Errorf("SEQUENCE = %d (%v), want 0", seq, err)
	}
	if u := one(t, ev, "URL").Value; u != link {
		t.Errorf("URL = %q", u)
	}
	if got := text(t, ev, "SUMMARY"); got != `Mentoring meeting: Ana Mentee, Ben "The Mentor" Müller, PhD, No Address` {
		t.Errorf("SUMMARY = %q", got)
	}
	wantDesc := m.Agenda + "\n\nDilemma: " + m.Dilemma + "\n\nDetails: " + link
	if got := text(t, ev, "DESCRIPTION"); got != wantDesc {
		t.Errorf("DESCRIPTION round trip:\n got %q\nwant %q", got, wantDesc)
	}
	att := ev.Values("ATTENDEE")
	if len(att) != 2 {
		t.Fatalf("%d ATTENDEE lines, want 2 (the one without an address is left out)", len(att))
	}
	invited := func(cn string) ical.Params {
		return ical.Params{"CN": {cn}, "ROLE": {"REQ-PARTICIPANT"}, "PARTSTAT": {"NEEDS-ACTION"}, "RSVP": {"TRUE"}}
	}
	if att[0].Value != "mailto:ana@example.com" || !reflect.DeepEqual(att[0].Params, invited("Ana Mentee")) {
		t.Errorf("first attendee: %+v", att[0])
	}
	// Unquoted, the comma would split the name into two CN values.
	if att[1].Value != "mailto:ben@example.com" || !reflect.DeepEqual(att[1].Params, invited("Ben The Mentor Müller, PhD")) {
		t.Errorf("a name with a comma must be quoted and lose its double quotes: %+v", att[1])
	}
	if o := one(t, ev, "ORGANIZER"); o.Value != "mailto:noreply@example.org" || !reflect.DeepEqual(o.Params, ical.Params{"CN": {"mentormesh"}}) {
		t.Errorf("ORGANIZER: %+v", o)
	}

	m.Status = "cancelled"
	cal = decodeICS(t, MeetingICS(m, nil, Attendee{}, "", stamp))
	ev = cal.Events()[0].Props
	if text(t, cal.Props, "METHOD") != "CANCEL" || text(t, ev, "STATUS") != "CANCELLED" {
		t.Errorf("a cancelled meeting must give a cancellation: %+v %+v", cal.Props, ev)
	}
	if seq, err := one(t, ev, "SEQUENCE").Int(); err != nil || seq != 1 {
		t.Errorf("a cancellation must be newer than the invitation: SEQUENCE %d (%v)", seq, err)
	}
	if text(t, ev, "UID") != "meeting-42@mentormesh" || len(ev.Values("ORGANIZER")) != 0 || len(ev.Values("URL")) != 0 || len(ev.Values("ATTENDEE")) != 0 {
		t.Errorf("without link, organizer or attendees: %+v", ev)
	}
}

func TestFeedICS_Structure(t *testing.T) {
	var events []Event
	for i := 0; i < 30; i++ {
		m := sampleMeeting()
		m.ID = int64(100 + i)
		m.StartsAt = m.StartsAt.Add(time.Duration(i) * 24 * time.Hour)
		events = append(events, Event{Meeting: m, URL: "https://mentor.example.org/meetings/x"})
	}
	cal := decodeICS(t, FeedICS("Ana's; meetings, all", stamp, events))
	if got := text(t, cal.Props, "X-WR-CALNAME"); got != "Ana's; meetings, all" {
		t.Errorf("X-WR-CALNAME = %q", got)
	}
	if text(t, cal.Props, "METHOD") != "PUBLISH" {
		t.Error("a feed is published")
	}
	refresh := one(t, cal.Props, "REFRESH-INTERVAL")
	if d, err := refresh.Duration(); err != nil || d != time.Hour || refresh.Params.Get("VALUE") != "DURATION" {
		t.Errorf("REFRESH-INTERVAL %+v: %v %v, want an hour with VALUE=DURATION", refresh, d, err)
	}
	got := cal.Events()
	if len(got) != 30 || len(cal.Children) != 30 {
		t.Fatalf("%d events among %d components, want 30", len(got), len(cal.Children))
	}
	for i, e := range got {
		ev := e.Props
		// The same UID as the meeting's invitations: a client shows the meeting once.
		if uid := text(t, ev, "UID"); uid != fmt.Sprintf("meeting-%d@mentor.example.org", 100+i) {
			t.Errorf("event %d: UID %q", i, uid)
		}
		if start := utc(t, ev, "DTSTART"); !start.Equal(events[i].Meeting.StartsAt) {
			t.Errorf("event %d: DTSTART %v, want %v", i, start, events[i].Meeting.StartsAt.UTC())
		}
		if !utc(t, ev, "DTSTAMP").Equal(stamp) || text(t, ev, "SUMMARY") != "Mentoring meeting" {
			t.Errorf("event %d: DTSTAMP %q, SUMMARY %q (the default title)", i, ev.Get("DTSTAMP").Value, ev.Get("SUMMARY").Value)
		}
		if len(ev.Values("ATTENDEE")) != 0 || len(ev.Values("ORGANIZER")) != 0 {
			t.Errorf("event %d: a feed names no attendees", i)
		}
	}
}

func TestWriteFolded_Lengths(t *testing.T) {
	cases := []struct {
		name string
		line string
	}{
		{"short", "SUMMARY:hello"},
		{"exactly 75", "X:" + strings.Repeat("a", 73)},
		{"76", "X:" + strings.Repeat("a", 74)},
		{"long ASCII", "DESCRIPTION:" + strings.Repeat("0123456789", 40)},
		{"two-byte characters", "X:" + strings.Repeat("ü", 200)},
		{"four-byte characters at every offset", "X:a" + strings.Repeat("🚀", 100)},
		{"mixed", "X:" + strings.Repeat("aé😀€", 60)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			writeFolded(&b, c.line)
			physical := icsLines(t, b.Bytes())
			var unfolded strings.Builder
			for i, l := range physical {
				if i > 0 {
					if !strings.HasPrefix(l, " ") {
						t.Fatalf("continuation line %d does not start with a space", i)
					}
					l = l[1:]
				}
				// Folding must use the room it has: only a split character may shorten a line.
				if i < len(physical)-1 && len(physical[i]) < 72 {
					t.Fatalf("line %d folded early at %d octets", i, len(physical[i]))
				}
				unfolded.WriteString(l)
			}
			if unfolded.String() != c.line {
				t.Fatalf("unfolding does not give the line back")
			}
			if len(c.line) <= 75 && len(physical) != 1 {
				t.Fatalf("a line of %d octets was folded", len(c.line))
			}
		})
	}
}

func TestEscapeText_Cases(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Hello", "Hello"},
		{"comma and semicolon", "a,b;c", `a\,b\;c`},
		{"backslash", `C:\dir`, `C:\\dir`},
		{"newlines of every kind", "a\r\nb\nc\rd", `a\nb\nc\nd`},
		{"controls dropped, tab kept", "a\x00b\x1bc\td\x7f", "abc\td"},
		{"colon is plain text", "at 10:00", "at 10:00"},
		{"escape sequences are not re-interpreted", `\n`, `\\n`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := escapeText(c.in); got != c.want {
				t.Fatalf("escapeText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestParamValue_Cases(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Ana Mentee", "Ana Mentee"},
		{"comma quoted", "Doe, Jane", `"Doe, Jane"`},
		{"colon quoted", "Dr: Who", `"Dr: Who"`},
		{"double quotes dropped", `Ben "B" Smith`, "Ben B Smith"},
		{"new line cannot start a property", "Eve\r\nATTENDEE:mailto:x@y", `"EveATTENDEE:mailto:x@y"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := paramValue(c.in); got != c.want {
				t.Fatalf("paramValue(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
