package web

import (
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Dates and times on pages are shown in the viewer's time zone (their
// profile's IANA zone; UTC when they have none or are signed out), always
// with the zone's abbreviation so nobody has to guess. These are methods of
// pageData, so a template writes {{$.When .StartsAt}}.

// loadZone returns the location of an IANA name, UTC when it is empty or unknown.
func loadZone(name string) *time.Location {
	if name == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

func (d pageData) loc() *time.Location {
	if d.Loc == nil {
		return time.UTC
	}
	return d.Loc
}

// When writes a moment as "Tue 8 Dec 2026, 14:30 CET".
func (d pageData) When(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(d.loc()).Format("Mon 2 Jan 2006, 15:04 MST")
}

// Day writes the calendar day of a moment as "Tue 8 Dec 2026".
func (d pageData) Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(d.loc()).Format("Mon 2 Jan 2006")
}

// Clock writes the time of day of a moment as "14:30".
func (d pageData) Clock(t time.Time) string { return t.In(d.loc()).Format("15:04") }

// Date writes a calendar date (no zone: a due date is a day everywhere).
func (d pageData) Date(v any) string {
	switch x := v.(type) {
	case mentor.Date:
		return x.Format("Mon 2 Jan 2006")
	case *mentor.Date:
		if x == nil {
			return ""
		}
		return x.Format("Mon 2 Jan 2006")
	}
	return fmt.Sprint(v)
}

// InputTime writes a moment for an <input type="datetime-local"> in the viewer's zone.
func (d pageData) InputTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(d.loc()).Format("2006-01-02T15:04")
}

// ZoneName is the viewer's time zone as shown beside time inputs.
func (d pageData) ZoneName() string { return d.loc().String() }

// parseInputTime reads an <input type="datetime-local"> value in the viewer's zone.
func (d pageData) parseInputTime(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, d.loc()); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// Ago says how long ago a moment was, in whole days or hours.
func (d pageData) Ago(t time.Time) string {
	dt := d.now().Sub(t)
	switch {
	case dt < time.Hour:
		return "just now"
	case dt < 48*time.Hour:
		return fmt.Sprintf("%d hours ago", int(dt.Hours()))
	}
	return fmt.Sprintf("%d days ago", int(dt.Hours()/24))
}

func (d pageData) now() time.Time {
	if d.Now.IsZero() {
		return time.Now()
	}
	return d.Now
}
