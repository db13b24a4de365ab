package report

import (
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// index looks items of a Data up by id.
type index struct {
	d        *Data
	programs map[int64]*Program
	rels     map[int64]*Relationship
	enrolled map[[2]int64]*Enrollment // by program, person
	meetings map[int64]*Meeting
	// latestRel is each person's latest started relationship per program.
	latestRel map[[2]int64]*Relationship
}

func newIndex(d *Data) *index {
	ix := &index{d: d, programs: map[int64]*Program{}, rels: map[int64]*Relationship{},
		enrolled: map[[2]int64]*Enrollment{}, meetings: map[int64]*Meeting{}, latestRel: map[[2]int64]*Relationship{}}
	for i := range d.Programs {
		ix.programs[d.Programs[i].ID] = &d.Programs[i]
	}
	for i := range d.Enrollments {
		e := &d.Enrollments[i]
		ix.enrolled[[2]int64{e.ProgramID, e.PersonID}] = e
	}
	for i := range d.Relationships {
		r := &d.Relationships[i]
		ix.rels[r.ID] = r
		for _, m := range r.Members {
			k := [2]int64{r.ProgramID, m.PersonID}
			if old := ix.latestRel[k]; old == nil || r.Started.After(old.Started) {
				ix.latestRel[k] = r
			}
		}
	}
	for i := range d.Meetings {
		ix.meetings[d.Meetings[i].ID] = &d.Meetings[i]
	}
	return ix
}

func (ix *index) enrollment(program, person int64) *Enrollment {
	return ix.enrolled[[2]int64{program, person}]
}

// format returns the format of a relationship: its own, else its program's.
func (ix *index) format(r *Relationship) mentor.Format {
	if r.Format != "" {
		return r.Format
	}
	if p := ix.programs[r.ProgramID]; p != nil {
		return p.Format
	}
	return ""
}

// relOf returns the relationship an item counts for: its own, else the
// person's latest started relationship in the program (nil: none).
func (ix *index) relOf(relID, program, person int64) *Relationship {
	if relID != 0 {
		return ix.rels[relID]
	}
	return ix.latestRel[[2]int64{program, person}]
}

// activeAt reports whether the relationship was active at t.
func activeAt(r *Relationship, t time.Time) bool {
	return !r.Started.IsZero() && !r.Started.After(t) && (r.Stopped.IsZero() || r.Stopped.After(t))
}

// cadenceDays is the program's expected days between meetings.
func cadenceDays(p *Program) float64 {
	if p == nil || p.Cadence.Days() == 0 {
		return float64(mentor.CadenceFortnightly.Days())
	}
	return float64(p.Cadence.Days())
}
