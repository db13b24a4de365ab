package report

import (
	"slices"
	"sort"
	"time"
)

// healthIndex holds what every period of a health series asks again, computed
// once per program: a series of 24 months would otherwise walk every
// relationship and meeting 25 times.
type healthIndex struct {
	// firstStart is each enrolled person's first relationship start per
	// program (program, person).
	firstStart map[[2]int64]time.Time
	// starts are the first starts in time order, with the days from
	// enrollment to each (for the median days to a match).
	starts []firstMatch
	// held are the held meetings' times in order; heldBy the same per relationship.
	held   []time.Time
	heldBy map[int64][]time.Time
}

// firstMatch is a person's first relationship start in a program and the
// days it took from their enrollment.
type firstMatch struct {
	at   time.Time
	days float64
}

func newHealthIndex(ix *index) *healthIndex {
	h := &healthIndex{firstStart: map[[2]int64]time.Time{}, heldBy: map[int64][]time.Time{}}
	for _, r := range ix.d.Relationships {
		if r.Started.IsZero() {
			continue
		}
		for _, m := range r.Members {
			k := [2]int64{r.ProgramID, m.PersonID}
			if t, ok := h.firstStart[k]; !ok || r.Started.Before(t) {
				h.firstStart[k] = r.Started
			}
		}
	}
	for k, t := range h.firstStart {
		if e := ix.enrolled[k]; e != nil {
			h.starts = append(h.starts, firstMatch{at: t, days: max(0, t.Sub(e.JoinedAt).Hours()/24)})
		}
	}
	sort.Slice(h.starts, func(i, j int) bool { return h.starts[i].at.Before(h.starts[j].at) })
	for _, m := range ix.d.Meetings {
		if m.Status == "held" {
			h.held = append(h.held, m.At)
			h.heldBy[m.RelationshipID] = append(h.heldBy[m.RelationshipID], m.At)
		}
	}
	slices.SortFunc(h.held, func(a, b time.Time) int { return a.Compare(b) })
	for _, ts := range h.heldBy {
		slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	}
	return h
}

// before returns how many of the sorted times are before t.
func before(ts []time.Time, t time.Time) int {
	return sort.Search(len(ts), func(i int) bool { return !ts[i].Before(t) })
}

// heldIn counts the held meetings in p.
func (h *healthIndex) heldIn(p period) int { return before(h.held, p.to) - before(h.held, p.from) }

// lastHeldBefore is a relationship's latest held meeting before t (zero for none).
func (h *healthIndex) lastHeldBefore(rel int64, t time.Time) time.Time {
	ts := h.heldBy[rel]
	if i := before(ts, t); i > 0 {
		return ts[i-1]
	}
	return time.Time{}
}

// daysToMatchIn is the median days from enrollment to the first started
// relationship, over people whose first start falls in p.
func (h *healthIndex) daysToMatchIn(p period) *float64 {
	lo := sort.Search(len(h.starts), func(i int) bool { return !h.starts[i].at.Before(p.from) })
	hi := sort.Search(len(h.starts), func(i int) bool { return !h.starts[i].at.Before(p.to) })
	days := make([]float64, 0, hi-lo)
	for _, s := range h.starts[lo:hi] {
		days = append(days, s.days)
	}
	return median(days)
}
