package report

import (
	"slices"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// enrollmentFigures fills enrolled, matched, waitlist, ratio and capacity.
func enrollmentFigures(ix *index, hx *healthIndex, p period, h *HealthFigures) {
	target := 0.0
	for _, e := range ix.d.Enrollments {
		if !e.JoinedAt.Before(p.to) {
			continue
		}
		switch e.Status {
		case mentor.EnrollmentWaitlisted:
			h.Waitlist++
			continue
		case mentor.EnrollmentWithdrawn:
			continue
		}
		h.Enrolled++
		target += matchTarget(ix.programs[e.ProgramID])
		if t, ok := hx.firstStart[[2]int64{e.ProgramID, e.PersonID}]; ok && t.Before(p.to) {
			h.Matched++
		}
		switch e.Role {
		case mentor.RoleMentor:
			h.Mentors++
			h.CapacityTotal += e.Capacity
		case mentor.RoleMentee:
			h.Mentees++
		}
	}
	h.MatchTarget = DefaultMatchTarget
	if h.Enrolled > 0 {
		h.MatchTarget = target / float64(h.Enrolled)
	}
	h.MatchedShare = ratio(float64(h.Matched), float64(h.Enrolled))
	h.MenteesPerMentor = ratio(float64(h.Mentees), float64(h.Mentors))
	for i := range ix.d.Relationships {
		r := &ix.d.Relationships[i]
		if activeAt(r, p.to) {
			h.CapacityUsed += count(r.Members, mentor.RoleMentor) * count(r.Members, mentor.RoleMentee)
		}
	}
	h.CapacityShare = ratio(float64(h.CapacityUsed), float64(h.CapacityTotal))
}

func matchTarget(p *Program) float64 {
	if p == nil || p.MatchTarget <= 0 {
		return DefaultMatchTarget
	}
	return p.MatchTarget
}

func count(ms []Member, role mentor.Role) int {
	n := 0
	for _, m := range ms {
		if m.Role == role {
			n++
		}
	}
	return n
}

func proposalCounts(ps []Proposal, p period) ProposalCounts {
	var c ProposalCounts
	for _, pr := range ps {
		if !p.contains(pr.ProposedAt) {
			continue
		}
		switch pr.Outcome {
		case OutcomeAccepted:
			c.Accepted++
		case OutcomeDeclined:
			c.Declined++
		case OutcomeExpired:
			c.Expired++
		default:
			c.Pending++
		}
	}
	c.AcceptanceRate = ratio(float64(c.Accepted), float64(c.Accepted+c.Declined+c.Expired))
	return c
}

// meetingFigures fills the meeting rate and the silent matches.
func meetingFigures(ix *index, hx *healthIndex, p period, h *HealthFigures) {
	silentFrom := p.to.AddDate(0, 0, -h.SilentDays)
	held := hx.heldIn(p)
	var months, expected float64
	for i := range ix.d.Relationships {
		r := &ix.d.Relationships[i]
		days := p.days(r.Started, r.Stopped)
		months += days / monthDays
		expected += days / cadenceDays(ix.programs[r.ProgramID])
		if activeAt(r, p.to) {
			h.ActiveMatches++
			if hx.lastHeldBefore(r.ID, p.to).Before(silentFrom) {
				h.SilentMatches++
			}
		}
	}
	h.MeetingsPerMatchMonth = ratio(float64(held), months)
	h.ExpectedPerMatchMonth = ratio(expected, months)
	h.SilentShare = ratio(float64(h.SilentMatches), float64(h.ActiveMatches))
}

func pulse(cs []CheckIn, p period) Pulse {
	var xs, ys []float64
	for _, c := range cs {
		if p.contains(c.At) {
			xs = append(xs, c.At.Sub(p.from).Hours()/24)
			ys = append(ys, float64(c.Pulse))
		}
	}
	out := Pulse{Count: len(ys), Mean: mean(ys)}
	if slope, ok := slope(xs, ys); ok {
		out.Trend = ptr(slope * monthDays)
	}
	return out
}

// slope is the least-squares slope of ys against xs; false when xs has
// fewer than two distinct values.
func slope(xs, ys []float64) (float64, bool) {
	if len(xs) < 2 {
		return 0, false
	}
	mx, my := *mean(xs), *mean(ys)
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	if sxx == 0 {
		return 0, false
	}
	return sxy / sxx, true
}

func ratio(num, den float64) *float64 {
	if den == 0 {
		return nil
	}
	return ptr(num / den)
}

func ptr(v float64) *float64 { return &v }

func mean(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return ptr(s / float64(len(xs)))
}

func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return ptr(s[n/2])
	}
	return ptr((s[n/2-1] + s[n/2]) / 2)
}
