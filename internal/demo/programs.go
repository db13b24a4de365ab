package demo

import (
	"slices"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// plan is a program's timeline in days after the start of the history; a
// negative value means the program never reached that status.
type plan struct {
	created, enrolling, matching, running, closed float64
	months                                        int // planned length from the start date
}

// builder collects one program while it is generated.
type builder struct {
	g      *gen
	r      rnd
	ps     ProgramSpec
	plan   plan
	member map[int]bool                 // enrolled people
	booked map[int][]mentor.OfficeHours // flash: slots each person booked
}

func (g *gen) program(f mentor.Format) {
	b := &builder{g: g, r: newRnd(g.seed, "program/"+string(f)), member: map[int]bool{}, booked: map[int][]mentor.OfficeHours{}}
	switch f {
	case mentor.FormatMentoring:
		b.mentoring()
	case mentor.FormatReverse:
		b.reverse()
	case mentor.FormatPeer:
		b.peer()
	case mentor.FormatSkillSwap:
		b.skillSwap()
	case mentor.FormatCircles:
		b.circles()
	case mentor.FormatRotation:
		b.rotation()
	case mentor.FormatFlash:
		b.flash()
	case mentor.FormatShadow:
		b.shadow()
	case mentor.FormatAdvisoryBoard:
		b.advisoryBoard()
	}
	g.org.Programs = append(g.org.Programs, b.ps)
}

// begin sets up the program, its defaults and its status transitions.
func (b *builder) begin(f mentor.Format, name, slug, desc string, mode mentor.MatchingMode, pl plan, opts mentor.ProgramOptions) {
	g := b.g
	b.plan = pl
	p := mentor.Program{Name: name, Description: desc, Format: f, Mode: mode, Slug: slug, Options: opts}
	p.Options.Weights = formatWeights(f)
	p.CreatedAt = g.at(pl.created).Add(b.r.minutes(8*60, 11*60))
	p.UpdatedAt = p.CreatedAt
	start := g.at(pl.running)
	if pl.running < 0 {
		start = g.now.AddDate(0, 0, 25)
	}
	p.StartDate = date(start)
	p.EndDate = date(start.AddDate(0, pl.months, 0))
	p.Status = mentor.StatusDraft
	for _, st := range []struct {
		to mentor.Status
		d  float64
	}{{mentor.StatusEnrolling, pl.enrolling}, {mentor.StatusMatching, pl.matching}, {mentor.StatusRunning, pl.running}, {mentor.StatusClosed, pl.closed}} {
		if st.d < 0 {
			break
		}
		at := g.at(st.d).Add(b.r.minutes(9*60, 12*60))
		b.ps.Transitions = append(b.ps.Transitions, Transition{To: st.to, At: at})
		p.Status, p.UpdatedAt = st.to, at
	}
	p.ApplyDefaults()
	b.ps.Program = p
}

// statusAt returns when the program entered status s (zero if never).
func (b *builder) statusAt(s mentor.Status) time.Time {
	for _, t := range b.ps.Transitions {
		if t.To == s {
			return t.At
		}
	}
	return time.Time{}
}

// enrollAt returns a random moment while the program was enrolling.
func (b *builder) enrollAt() time.Time {
	from := b.statusAt(mentor.StatusEnrolling)
	to := b.statusAt(mentor.StatusMatching)
	if to.IsZero() {
		to = b.g.now
	}
	span := to.Sub(from) - time.Hour
	return from.Add(time.Duration(b.r.Float64() * float64(span))).Truncate(time.Minute)
}

// enroll adds person p in role with capacity (0 for non-mentors).
func (b *builder) enroll(p int, role mentor.Role, capacity int, goals string, answers map[string]string) {
	if capacity == 0 {
		capacity = 1
	}
	e := mentor.Enrollment{Role: role, Capacity: capacity, Status: mentor.EnrollmentActive, Goals: goals, Answers: answers, CreatedAt: b.enrollAt()}
	b.ps.Enrollments = append(b.ps.Enrollments, EnrollmentSpec{Person: p, Enrollment: e})
	b.member[p] = true
	b.g.info[p].programs++
}

// pool returns up to n people who satisfy ok and are not yet in the
// program, preferring people in few programs, in random order. It reserves
// them, so a later pool of the same program never returns them again.
func (b *builder) pool(n int, ok func(i int) bool) []int {
	g := b.g
	var cand []int
	for _, i := range b.r.Perm(len(g.org.People)) {
		if !b.member[i] && i != g.org.Coordinator.Person && ok(i) {
			cand = append(cand, i)
		}
	}
	slices.SortStableFunc(cand, func(x, y int) int { return g.info[x].programs - g.info[y].programs })
	cand = cand[:min(n, len(cand))]
	for _, i := range cand {
		b.member[i] = true
	}
	return cand
}

// addRun records a matching run that proposed count matches with total score.
func (b *builder) addRun(at time.Time, settings map[string]any, people int) int {
	b.ps.Runs = append(b.ps.Runs, mentor.MatchRun{
		Seed:      b.r.Int64N(1 << 40),
		Settings:  settings,
		Inputs:    map[string]any{"people": people},
		Status:    "published",
		CreatedAt: at,
	})
	return len(b.ps.Runs) - 1
}

// newMatch appends a match of members in roles, proposed at proposed, and
// returns it. The pointer is valid until the next newMatch.
func (b *builder) newMatch(run int, cycle int, members []int, roles []mentor.Role, ft fit, proposed time.Time) *MatchSpec {
	m := MatchSpec{Run: run, Members: members}
	m.Match = mentor.Match{Cycle: cycle, Score: ft.total, Summary: ft.summary, Factors: ft.factors, CreatedAt: proposed, UpdatedAt: proposed, State: mentor.MatchProposed}
	for i, p := range members {
		m.Match.Members = append(m.Match.Members, mentor.MatchMember{Name: b.g.person(p).Name, Role: roles[i], Response: "pending"})
	}
	if run >= 0 {
		b.ps.Runs[run].Total += ft.total
	}
	b.ps.Matches = append(b.ps.Matches, m)
	return &b.ps.Matches[len(b.ps.Matches)-1]
}

// accept marks every member as having accepted by at.
func accept(m *MatchSpec, at time.Time, state mentor.MatchState) {
	for i := range m.Match.Members {
		m.Match.Members[i].Response = "accepted"
	}
	m.AcceptedAt = at
	m.Match.State = state
	m.Match.UpdatedAt = at
}

// decline marks member k as having declined with reason at.
func decline(m *MatchSpec, k int, reason string, at time.Time) {
	m.Match.Members[k].Response = "declined"
	m.Match.Members[k].Reason = reason
	m.Match.State = mentor.MatchDeclined
	m.Match.UpdatedAt = at
}

// finish ends a match at: completed, or ended by member k with reason.
func finish(m *MatchSpec, state mentor.MatchState, k int, reason string, at time.Time) {
	m.Match.State = state
	m.Match.UpdatedAt = at
	if state == mentor.MatchEnded && k >= 0 {
		m.Match.Members[k].Reason = reason
	}
}

func settingsOf(p *mentor.Program) map[string]any {
	return map[string]any{
		"format":           string(p.Format),
		"mode":             string(p.Mode),
		"cross_functional": p.Options.CrossFunctional,
		"fair":             p.Options.Fair,
	}
}

// hours returns a program's minimum of shared weekly hours as the option
// holds it (a pointer, so that 0 can mean "no minimum").
func hours(h int) *int { return &h }
