package notify

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

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

// contentLine is one unfolded property of an iCalendar object.
type contentLine struct {
	name, params, value string
}

// parseICS is an independent reader used to check the writer: it checks the
// physical lines (CRLF, at most 75 octets, whole UTF-8 characters), unfolds
// them and splits each content line at the first colon outside quotes.
func parseICS(tb testing.TB, data []byte) []contentLine {
	tb.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		tb.Fatalf("the object does not end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var logical []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			tb.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			tb.Fatalf("line %d has %d octets, more than 75: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			tb.Fatalf("line %d splits a UTF-8 character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			if len(logical) == 0 {
				tb.Fatal("the object starts with a continuation line")
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var out []contentLine
	for _, l := range logical {
		inQuote, colon := false, -1
		for i, r := range l {
			if r == '"' {
				inQuote = !inQuote
			}
			if r == ':' && !inQuote {
				colon = i
				break
			}
		}
		if colon < 0 {
			tb.Fatalf("content line without a colon: %q", l)
		}
		head := l[:colon]
		name, params, _ := strings.Cut(head, ";")
		out = append(out, contentLine{name: name, params: params, value: l[colon+1:]})
	}
	return out
}

// unescapeText reverses TEXT escaping and fails on an escape RFC 5545 does not define.
func unescapeText(tb testing.TB, s string) string {
	tb.Helper()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			case '\\', ';', ',':
				b.WriteByte(s[i])
			default:
				tb.Fatalf("undefined escape \\%c in %q", s[i], s)
			}
		case c == ';' || c == ',':
			tb.Fatalf("unescaped %c in TEXT value %q", c, s)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func props(lines []contentLine, name string) []contentLine {
	var out []contentLine
	for _, l := range lines {
		if l.name == name {
			out = append(out, l)
		}
	}
	return out
}

func one(tb testing.TB, lines []contentLine, name string) contentLine {
	tb.Helper()
	p := props(lines, name)
	if len(p) != 1 {
		tb.Fatalf("%d %s properties, want 1", len(p), name)
	}
	return p[0]
}

func TestMeetingICS_Structure(t *testing.T) {
	m := sampleMeeting()
	lines := parseICS(t, MeetingICS(m, sampleAttendees(), Attendee{Name: "mentormesh", Email: "noreply@example.org"}, "https://mentor.example.org/meetings/42", stamp))
	var stack []string
	for _, l := range lines {
		switch l.name {
		case "BEGIN":
			stack = append(stack, l.value)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != l.value {
				t.Fatalf("END:%s does not close %v", l.value, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 || lines[0].value != "VCALENDAR" || lines[len(lines)-1].value != "VCALENDAR" {
		t.Fatalf("components not balanced: %v", stack)
	}
	checks := map[string]string{
		"VERSION": "2.0", "METHOD": "REQUEST", "UID": "meeting-42@mentor.example.org", "DTSTAMP": "20260301T083000Z",
		"DTSTART": "20260310T150000Z", "DTEND": "20260310T154500Z", "STATUS": "CONFIRMED",
		"URL": "https://mentor.example.org/meetings/42",
	}
	for name, want := range checks {
		if got := one(t, lines, name).value; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if got := unescapeText(t, one(t, lines, "SUMMARY").value); got != `Mentoring meeting: Ana Mentee, Ben "The Mentor" Müller, PhD, No Address` {
		t.Errorf("SUMMARY = %q", got)
	}
	wantDesc := m.Agenda + "\n\nDilemma: " + m.Dilemma + "\n\nDetails: https://mentor.example.org/meetings/42"
	if got := unescapeText(t, one(t, lines, "DESCRIPTION").value); got != wantDesc {
		t.Errorf("DESCRIPTION round trip:\n got %q\nwant %q", got, wantDesc)
	}
	att := props(lines, "ATTENDEE")
	if len(att) != 2 {
		t.Fatalf("%d ATTENDEE lines, want 2 (the one without an address is left out)", len(att))
	}
	if att[0].value != "mailto:ana@example.com" || att[0].params != "CN=Ana Mentee;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE" {
		t.Errorf("first attendee: %+v", att[0])
	}
	if att[1].value != "mailto:ben@example.com" || !strings.HasPrefix(att[1].params, `CN="Ben The Mentor Müller, PhD";`) {
		t.Errorf("a name with a comma must be quoted and lose its double quotes: %+v", att[1])
	}
	if o := one(t, lines, "ORGANIZER"); o.value != "mailto:noreply@example.org" || o.params != "CN=mentormesh" {
		t.Errorf("ORGANIZER: %+v", o)
	}

	m.Status = "cancelled"
	lines = parseICS(t, MeetingICS(m, nil, Attendee{}, "", stamp))
	if one(t, lines, "METHOD").value != "CANCEL" || one(t, lines, "STATUS").value != "CANCELLED" || one(t, lines, "SEQUENCE").value != "1" {
		t.Errorf("a cancelled meeting must give a cancellation: %+v", lines)
	}
	if one(t, lines, "UID").value != "meeting-42@mentormesh" || len(props(lines, "ORGANIZER")) != 0 || len(props(lines, "URL")) != 0 {
		t.Errorf("without link or organizer: %+v", lines)
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
	lines := parseICS(t, FeedICS("Ana's; meetings, all", stamp, events))
	if got := unescapeText(t, one(t, lines, "X-WR-CALNAME").value); got != "Ana's; meetings, all" {
		t.Errorf("X-WR-CALNAME = %q", got)
	}
	if one(t, lines, "METHOD").value != "PUBLISH" {
		t.Error("a feed is published")
	}
	if n := len(props(lines, "UID")); n != 30 {
		t.Fatalf("%d events, want 30", n)
	}
	if len(props(lines, "ATTENDEE")) != 0 || len(props(lines, "ORGANIZER")) != 0 {
		t.Error("a feed names no attendees")
	}
	uids := map[string]bool{}
	for _, u := range props(lines, "UID") {
		uids[u.value] = true
	}
	if len(uids) != 30 || !uids["meeting-100@mentor.example.org"] {
		t.Errorf("UIDs must be unique and match the invitations': %v", uids)
	}
	if s := props(lines, "SUMMARY")[0].value; s != "Mentoring meeting" {
		t.Errorf("default title: %q", s)
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
			out := b.String()
			physical := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
			var unfolded strings.Builder
			for i, l := range physical {
				if len(l) > 75 || !utf8.ValidString(l) {
					t.Fatalf("physical line %d: %d octets, valid UTF-8 %v", i, len(l), utf8.ValidString(l))
				}
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
