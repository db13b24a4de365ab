package report

import (
	"slices"
	"time"
)

// Filter selects what a report covers. The zero Filter selects everything.
//
// Programs, ExceptPrograms, People, Departments and Cohorts cut the inputs
// (Apply): a person-level item (enrollment, goal, assessment, survey) is
// kept when its person is listed in People (when People is not empty) and
// the person's enrollment in the item's program matches, a relationship or
// proposal when at least one member matches, and a meeting, feedback or
// check-in when its relationship is kept. A risk is kept when its program
// is and, under a person, department or cohort filter, when its match is
// kept. A program is kept when Programs is empty or lists it, and
// ExceptPrograms does not list it.
//
// From and To are the period [From, To): To is exclusive. The period is not
// cut by Apply, since every metric has its own period rule (a goal counts by
// its due date, a meeting by its time, a relationship by the days it was
// active in the period), written in the metric's doc comment. A zero From
// or To is taken from the data: the earliest and just after the latest time
// found in it.
type Filter struct {
	From, To       time.Time
	Programs       []int64
	ExceptPrograms []int64
	// People keeps only the items of these people (and the relationships
	// with at least one of them): a format trial's volunteers.
	People      []int64
	Departments []string
	Cohorts     []string
}

// Apply returns the part of d that the filter's programs, departments and
// cohorts select: d itself when it selects everything, else a new Data.
// It never changes d.
func (f Filter) Apply(d *Data) *Data {
	if len(f.Programs) == 0 && len(f.ExceptPrograms) == 0 && len(f.People) == 0 && len(f.Departments) == 0 && len(f.Cohorts) == 0 {
		return d
	}
	ix := newIndex(d)
	progOK := func(id int64) bool {
		return (len(f.Programs) == 0 || slices.Contains(f.Programs, id)) && !slices.Contains(f.ExceptPrograms, id)
	}
	people := make(map[int64]bool, len(f.People))
	for _, id := range f.People {
		people[id] = true
	}
	personOK := func(program, person int64) bool {
		if len(people) > 0 && !people[person] {
			return false
		}
		if len(f.Departments) == 0 && len(f.Cohorts) == 0 {
			return true
		}
		e := ix.enrollment(program, person)
		if e == nil {
			return false
		}
		return (len(f.Departments) == 0 || slices.Contains(f.Departments, e.Department)) &&
			(len(f.Cohorts) == 0 || slices.Contains(f.Cohorts, e.Cohort))
	}
	out := &Data{}
	for _, p := range d.Programs {
		if progOK(p.ID) {
			out.Programs = append(out.Programs, p)
		}
	}
	for _, e := range d.Enrollments {
		if progOK(e.ProgramID) && personOK(e.ProgramID, e.PersonID) {
			out.Enrollments = append(out.Enrollments, e)
		}
	}
	kept := map[int64]bool{} // relationship and proposal (match) ids
	for _, p := range d.Proposals {
		if progOK(p.ProgramID) && slices.ContainsFunc(p.Members, func(id int64) bool { return personOK(p.ProgramID, id) }) {
			out.Proposals = append(out.Proposals, p)
			kept[p.MatchID] = true
		}
	}
	for _, r := range d.Relationships {
		if progOK(r.ProgramID) && slices.ContainsFunc(r.Members, func(m Member) bool { return personOK(r.ProgramID, m.PersonID) }) {
			out.Relationships = append(out.Relationships, r)
			kept[r.ID] = true
		}
	}
	f.applyItems(d, out, kept, func(program, person int64) bool { return progOK(program) && personOK(program, person) })
	byPerson := len(f.People) > 0 || len(f.Departments) > 0 || len(f.Cohorts) > 0
	for _, r := range d.AtRisk {
		if progOK(r.ProgramID) && (!byPerson || kept[r.MatchID]) {
			out.AtRisk = append(out.AtRisk, r)
		}
	}
	return out
}

// applyItems cuts the items that follow a person or a relationship.
func (f Filter) applyItems(d, out *Data, kept map[int64]bool, personOK func(program, person int64) bool) {
	for _, g := range d.Goals {
		if personOK(g.ProgramID, g.OwnerID) {
			out.Goals = append(out.Goals, g)
		}
	}
	meetings := map[int64]bool{}
	for _, m := range d.Meetings {
		if kept[m.RelationshipID] {
			out.Meetings = append(out.Meetings, m)
			meetings[m.ID] = true
		}
	}
	for _, fb := range d.Feedback {
		if meetings[fb.MeetingID] {
			out.Feedback = append(out.Feedback, fb)
		}
	}
	for _, c := range d.CheckIns {
		if kept[c.RelationshipID] {
			out.CheckIns = append(out.CheckIns, c)
		}
	}
	for _, a := range d.Assessments {
		if personOK(a.ProgramID, a.PersonID) {
			out.Assessments = append(out.Assessments, a)
		}
	}
	for _, s := range d.Surveys {
		if personOK(s.ProgramID, s.PersonID) {
			out.Surveys = append(out.Surveys, s)
		}
	}
}

// period is a resolved [from, to) period.
type period struct{ from, to time.Time }

func (p period) contains(t time.Time) bool { return !t.Before(p.from) && t.Before(p.to) }

// days returns how many days of [start, stop) fall in the period (stop zero: open).
func (p period) days(start, stop time.Time) float64 {
	if start.IsZero() {
		return 0
	}
	a, b := maxTime(start, p.from), p.to
	if !stop.IsZero() && stop.Before(b) {
		b = stop
	}
	if !a.Before(b) {
		return 0
	}
	return b.Sub(a).Hours() / 24
}

// resolve fills a zero From or To from the times found in d.
func (f Filter) resolve(d *Data) period {
	p := period{f.From, f.To}
	if !p.from.IsZero() && !p.to.IsZero() {
		return p
	}
	lo, hi := dataSpan(d)
	if p.from.IsZero() {
		p.from = lo
	}
	if p.to.IsZero() {
		p.to = hi.Add(time.Second)
	}
	return p
}

func dataSpan(d *Data) (lo, hi time.Time) {
	see := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	for _, e := range d.Enrollments {
		see(e.JoinedAt)
	}
	for _, p := range d.Proposals {
		see(p.ProposedAt)
	}
	for _, r := range d.Relationships {
		see(r.Started)
		see(r.Stopped)
	}
	for _, g := range d.Goals {
		see(g.Due)
	}
	for _, m := range d.Meetings {
		see(m.At)
	}
	for _, c := range d.CheckIns {
		see(c.At)
	}
	for _, a := range d.Assessments {
		see(a.At)
	}
	for _, s := range d.Surveys {
		see(s.At)
	}
	return lo, hi
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
