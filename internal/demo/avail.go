package demo

import (
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const weekMinutes = 7 * 24 * 60

// span is a half-open interval of minutes of the week in UTC (Monday 00:00 = 0).
type span struct{ from, to int }

// utcOffsetMinutes is the zone's offset from UTC at the generator's now.
func (g *gen) utcOffsetMinutes(tz string) int {
	_, off := g.now.In(g.location(tz)).Zone()
	return off / 60
}

// weekUTC turns local weekly slots into UTC spans, splitting any that wrap
// around the end of the week.
func weekUTC(slots []mentor.WeeklySlot, offset int) []span {
	var out []span
	for _, s := range slots {
		from := ((s.Day*1440+s.Start-offset)%weekMinutes + weekMinutes) % weekMinutes
		to := from + (s.End - s.Start)
		if to <= weekMinutes {
			out = append(out, span{from, to})
		} else {
			out = append(out, span{from, weekMinutes}, span{0, to - weekMinutes})
		}
	}
	return out
}

// overlapMinutes is how many minutes a week two people are both available.
func overlapMinutes(a, b []span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x.from, y.from), min(x.to, y.to); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

// sharedSlot returns the start (UTC minute of the week) of the first shared
// hour of the given people, or -1 when they share none.
func sharedSlot(weeks ...[]span) int {
	for m := 0; m < weekMinutes; m += 30 {
		ok := true
		for _, w := range weeks {
			in := false
			for _, s := range w {
				if m >= s.from && m+60 <= s.to {
					in = true
					break
				}
			}
			if !in {
				ok = false
				break
			}
		}
		if ok {
			return m
		}
	}
	return -1
}

// slotNear returns the first moment at or after t that falls on the given
// UTC minute of the week (Monday-based).
func slotNear(t time.Time, minuteOfWeek int) time.Time {
	t = t.UTC()
	weekday := (int(t.Weekday()) + 6) % 7 // Monday = 0
	monday := time.Date(t.Year(), t.Month(), t.Day()-weekday, 0, 0, 0, 0, time.UTC)
	s := monday.Add(time.Duration(minuteOfWeek) * time.Minute)
	for s.Before(t) {
		s = s.AddDate(0, 0, 7)
	}
	return s
}

// hourGrid marks the UTC hours of the week the engine counts in w: an hour
// counts when a span covers its first half (the engine rounds slot ends to
// the nearest hour).
func hourGrid(w []span) (grid [weekMinutes / 60]bool) {
	for _, s := range w {
		for h := (s.from + 30) / 60; h < (s.to+30)/60 && h < len(grid); h++ {
			grid[h] = true
		}
	}
	return grid
}

// sharedHours is how many hours a week two people are both available, as
// the engine counts them against a program's min_overlap_hours.
func sharedHours(a, b []span) int {
	ga, gb := hourGrid(a), hourGrid(b)
	n := 0
	for h := range ga {
		if ga[h] && gb[h] {
			n++
		}
	}
	return n
}

// overlaps reports whether every pair of people shares the weekly hours
// the current program requires (its min_overlap_hours; 0 means none).
func (b *builder) overlaps(people ...int) bool {
	need := 0
	if h := b.ps.Program.Options.MinOverlapHours; h != nil {
		need = *h
	}
	for i, a := range people {
		for _, c := range people[i+1:] {
			if sharedHours(b.g.info[a].week, b.g.info[c].week) < need {
				return false
			}
		}
	}
	return true
}
