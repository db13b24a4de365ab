package demo

import (
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// PeopleCount is how many people Generate creates.
const PeopleCount = 420

// EmailDomain is the domain of every generated e-mail address.
const EmailDomain = "demo.mentormesh.org"

// Demo account passwords. They are printed by `mentormesh demo`; the demo
// database is for trying the product, not for real data.
const (
	CoordinatorPassword = "coordinator-demo-2026"
	ParticipantPassword = "participant-demo-2026"
)

// Generate builds the demo organisation for seed, with six months of
// history ending at now. It is pure: the same seed and now always give an
// equal Org (reflect.DeepEqual), and it reads neither the clock nor global
// random state. Every generated value passes its domain Validate.
func Generate(seed int64, now time.Time) *Org {
	now = now.UTC().Truncate(time.Minute)
	g := &gen{
		seed: seed,
		now:  now,
		org:  &Org{Seed: seed, Now: now, Start: now.AddDate(0, -6, 0)},
		locs: map[string]*time.Location{},
	}
	g.start = g.org.Start
	g.org.Skills = cloneTaxonomy()
	g.people()
	g.org.Coordinator = g.coordinator()
	for _, f := range mentor.Formats {
		g.program(f)
	}
	g.org.Participant = g.participant()
	return g.org
}

// gen holds the generator's state while an Org is being built.
type gen struct {
	seed       int64
	now, start time.Time
	org        *Org
	info       []*personInfo // parallel to org.People
	locs       map[string]*time.Location
}

// at returns the moment d days after the start of the history, truncated
// to the minute (callers add the hour of day).
func (g *gen) at(d float64) time.Time {
	return g.start.Add(days(d)).Truncate(time.Minute)
}

// clampPast keeps t inside [start, now].
func (g *gen) clampPast(t time.Time) time.Time {
	if t.After(g.now) {
		return g.now
	}
	if t.Before(g.start) {
		return g.start
	}
	return t
}

func (g *gen) location(tz string) *time.Location {
	if l, ok := g.locs[tz]; ok {
		return l
	}
	l, err := time.LoadLocation(tz)
	if err != nil {
		l = time.UTC // offices use known zones; Validate would report a bad one
	}
	g.locs[tz] = l
	return l
}

func cloneTaxonomy() []mentor.Skill {
	out := make([]mentor.Skill, len(taxonomy))
	for i, s := range taxonomy {
		s.Aliases = append([]string{}, s.Aliases...)
		out[i] = s
	}
	return out
}

func date(t time.Time) *mentor.Date {
	d := mentor.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
	return &d
}
