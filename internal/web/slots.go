package web

import (
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// suggestSlots proposes up to n meeting times of length minutes in the next
// two weeks (from now) that fall inside the weekly availability of every
// person, each availability read in its owner's time zone. Times start on
// the hour or half hour; at most one suggestion per day.
func suggestSlots(people []*mentor.Person, now time.Time, minutes, n int) []time.Time {
	if len(people) == 0 {
		return nil
	}
	var out []time.Time
	start := now.Truncate(30 * time.Minute).Add(30 * time.Minute)
	lastDay := ""
	for t := start; t.Before(now.Add(14*24*time.Hour)) && len(out) < n; t = t.Add(30 * time.Minute) {
		day := t.UTC().Format("2006-01-02")
		if day == lastDay {
			continue
		}
		ok := true
		for _, p := range people {
			if !freeAt(p, t, minutes) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, t)
			lastDay = day
		}
	}
	return out
}

// freeAt reports whether the window [t, t+minutes) lies inside one of the
// person's weekly slots, in their own time zone.
func freeAt(p *mentor.Person, t time.Time, minutes int) bool {
	local := t.In(loadZone(p.TimeZone))
	day := (int(local.Weekday()) + 6) % 7 // Monday is 0
	from := local.Hour()*60 + local.Minute()
	for _, s := range p.Availability {
		if s.Day == day && s.Start <= from && from+minutes <= s.End {
			return true
		}
	}
	return false
}
