package notify

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// ProdID names mentormesh as the producer of its iCalendar data.
const ProdID = "-//mentormesh//mentormesh//EN"

// Attendee is a person on a calendar event. One without an e-mail address
// is left out of ATTENDEE lines, which need one.
type Attendee struct {
	Name  string
	Email string
}

// Event is one meeting as a calendar feed shows it.
type Event struct {
	Meeting mentor.Meeting
	// Title is the SUMMARY; empty means MeetingTitle of the meeting's kind.
	Title string
	// URL links to the meeting in mentormesh; its host also scopes the UID.
	URL string
}

// MeetingTitle is the summary of a meeting: its kind in words, then the
// names of the people meeting, as in "Mentoring meeting: Ana, Ben".
func MeetingTitle(kind mentor.MeetingKind, names []string) string {
	title := map[mentor.MeetingKind]string{
		mentor.MeetingFlash:   "Flash mentoring session",
		mentor.MeetingShadow:  "Shadowing session",
		mentor.MeetingCircle:  "Circle meeting",
		mentor.MeetingCheckIn: "Check-in",
	}[kind]
	if title == "" {
		title = "Mentoring meeting"
	}
	if len(names) > 0 {
		title += ": " + strings.Join(names, ", ")
	}
	return title
}

// MeetingICS returns an RFC 5545 invitation (METHOD:REQUEST, or CANCEL for a
// cancelled meeting) with one VEVENT: a UID stable for the meeting, DTSTAMP
// now, DTSTART and DTEND in UTC, the title as SUMMARY, the agenda (and a
// peer session's dilemma and the link) as DESCRIPTION, the organizer and one
// ATTENDEE line per attendee with an e-mail address. stamp is the DTSTAMP,
// the time the invitation is made. Lines end in CRLF, are folded at 75
// octets and TEXT values are escaped.
func MeetingICS(m mentor.Meeting, attendees []Attendee, organizer Attendee, link string, stamp time.Time) []byte {
	method := "REQUEST"
	if m.Status == mentor.MeetingCancelled {
		method = "CANCEL"
	}
	var w icsWriter
	w.calendarStart(method)
	names := make([]string, 0, len(attendees))
	for _, a := range attendees {
		if a.Name != "" {
			names = append(names, a.Name)
		}
	}
	w.event(m, MeetingTitle(m.Kind, names), link, stamp.UTC(), &organizer, attendees)
	w.prop("END", "", "VCALENDAR")
	return w.buf.Bytes()
}

// FeedICS returns a person's calendar feed (METHOD:PUBLISH) named name, one
// VEVENT per event, written as MeetingICS writes them but without organizer
// and attendees, stamped with stamp. Clients are asked to refresh it hourly.
func FeedICS(name string, stamp time.Time, events []Event) []byte {
	var w icsWriter
	w.calendarStart("PUBLISH")
	w.prop("X-WR-CALNAME", "", escapeText(name))
	w.prop("REFRESH-INTERVAL", ";VALUE=DURATION", "PT1H")
	w.prop("X-PUBLISHED-TTL", "", "PT1H")
	stamp = stamp.UTC()
	for _, e := range events {
		title := e.Title
		if title == "" {
			title = MeetingTitle(e.Meeting.Kind, nil)
		}
		w.event(e.Meeting, title, e.URL, stamp, nil, nil)
	}
	w.prop("END", "", "VCALENDAR")
	return w.buf.Bytes()
}

// MeetingUID is the iCalendar UID of a meeting: the same in invitations and
// feeds, so a client that has both shows the meeting once.
func MeetingUID(meetingID int64, link string) string {
	host := "mentormesh"
	if u, err := url.Parse(link); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return fmt.Sprintf("meeting-%d@%s", meetingID, host)
}

// icsWriter writes iCalendar content lines.
type icsWriter struct {
	buf bytes.Buffer
}

func (w *icsWriter) calendarStart(method string) {
	w.prop("BEGIN", "", "VCALENDAR")
	w.prop("VERSION", "", "2.0")
	w.prop("PRODID", "", ProdID)
	w.prop("CALSCALE", "", "GREGORIAN")
	w.prop("METHOD", "", method)
}

func (w *icsWriter) event(m mentor.Meeting, title, link string, stamp time.Time, organizer *Attendee, attendees []Attendee) {
	w.prop("BEGIN", "", "VEVENT")
	w.prop("UID", "", escapeText(MeetingUID(m.ID, link)))
	w.prop("DTSTAMP", "", utcStamp(stamp))
	w.prop("DTSTART", "", utcStamp(m.StartsAt))
	w.prop("DTEND", "", utcStamp(m.StartsAt.Add(time.Duration(m.Minutes)*time.Minute)))
	w.prop("SUMMARY", "", escapeText(title))
	var desc []string
	if a := strings.TrimSpace(m.Agenda); a != "" {
		desc = append(desc, a)
	}
	if d := strings.TrimSpace(m.Dilemma); d != "" {
		desc = append(desc, "Dilemma: "+d)
	}
	if link != "" {
		desc = append(desc, "Details: "+link)
	}
	if len(desc) > 0 {
		w.prop("DESCRIPTION", "", escapeText(strings.Join(desc, "\n\n")))
	}
	if link != "" {
		w.prop("URL", "", stripControls(link))
	}
	if m.Status == mentor.MeetingCancelled {
		w.prop("STATUS", "", "CANCELLED")
		// A cancellation must not be older than the invitation it cancels.
		w.prop("SEQUENCE", "", "1")
	} else {
		w.prop("STATUS", "", "CONFIRMED")
		w.prop("SEQUENCE", "", "0")
	}
	if organizer != nil && organizer.Email != "" {
		w.prop("ORGANIZER", ";CN="+paramValue(organizer.Name), "mailto:"+stripControls(organizer.Email))
	}
	for _, a := range attendees {
		if a.Email == "" {
			continue
		}
		params := ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE"
		if a.Name != "" {
			params = ";CN=" + paramValue(a.Name) + params
		}
		w.prop("ATTENDEE", params, "mailto:"+stripControls(a.Email))
	}
	w.prop("END", "", "VEVENT")
}

// prop writes one content line "NAME;PARAMS:VALUE" folded and ended by CRLF.
// value must already be escaped for its type.
func (w *icsWriter) prop(name, params, value string) {
	writeFolded(&w.buf, name+params+":"+value)
}

// maxLineOctets is the longest content line RFC 5545 §3.1 allows, without CRLF.
const maxLineOctets = 75

// writeFolded writes line split into physical lines of at most 75 octets:
// each continuation starts with one space, and no UTF-8 character is split.
func writeFolded(b *bytes.Buffer, line string) {
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}

func utcStamp(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// escapeText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon,
// comma and line breaks; other control characters are dropped.
func escapeText(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t' || r >= 0x20 && r != 0x7f:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// paramValue makes a parameter value: double quotes and control characters
// are dropped (they cannot be escaped), and a value with ; : or , is quoted.
func paramValue(s string) string {
	s = strings.ReplaceAll(stripControls(s), `"`, "")
	if strings.ContainsAny(s, ";:,") {
		return `"` + s + `"`
	}
	return s
}

// stripControls drops control characters, which no iCalendar value may hold
// raw (and which would let a value start a new line).
func stripControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
