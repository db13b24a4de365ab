package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// Loaded is what Load stored: the ids the store assigned, by index into the
// Org's slices, the two accounts and how many values of each kind were written.
type Loaded struct {
	SkillIDs   []int64
	PersonIDs  []int64
	ProgramIDs []int64
	// MatchIDs[p][m] is the id of Org.Programs[p].Matches[m].
	MatchIDs                 [][]int64
	Coordinator, Participant LoadedAccount
	Counts                   Counts
}

// LoadedAccount is a stored demo account with the password to sign in with.
type LoadedAccount struct {
	Account
	UserID, PersonID int64
}

// Load writes org into db through the store's own methods, so that every
// value passes the same validation as any other input, and returns the ids
// and the demo accounts. The database must be empty (a taken e-mail address
// or skill name is the store's ECONFLICT). Nothing is rolled back on error.
//
// Historical timestamps come from the store's clock: before each write Load
// sets db.Now to the moment the value came into being, and restores the
// original clock when it returns. Load must therefore run alone, with no
// other goroutine using db until it returns.
func Load(ctx context.Context, db *store.DB, org *Org) (*Loaded, error) {
	clock := db.Now
	defer func() { db.Now = clock }()
	l := &loader{ctx: ctx, db: db, org: org, out: &Loaded{}, skill: map[string]int64{}}
	steps := []struct {
		what string
		fn   func() error
	}{{"skills", l.skills}, {"people", l.people}, {"accounts", l.accounts}, {"programs", l.programs}}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			return nil, fmt.Errorf("demo: load %s: %w", s.what, err)
		}
	}
	return l.out, nil
}

// loader carries the state of one Load.
type loader struct {
	ctx   context.Context
	db    *store.DB
	org   *Org
	out   *Loaded
	skill map[string]int64 // skill name -> id
}

// at makes t the store's clock for the next write.
func (l *loader) at(t time.Time) {
	t = t.UTC()
	l.db.Now = func() time.Time { return t }
}

func (l *loader) person(i int) int64 { return l.out.PersonIDs[i] }

func (l *loader) skills() error {
	l.at(l.org.Start)
	for _, s := range l.org.Skills {
		s.Aliases = slices.Clone(s.Aliases)
		if err := l.db.CreateSkill(l.ctx, &s); err != nil {
			return fmt.Errorf("skill %q: %w", s.Name, err)
		}
		l.out.SkillIDs = append(l.out.SkillIDs, s.ID)
		l.skill[s.Name] = s.ID
		l.out.Counts.Skills++
	}
	return nil
}

func (l *loader) people() error {
	for i, ps := range l.org.People {
		p := ps.Person
		l.at(p.CreatedAt)
		// The store writes ids and normalised values into these slices; the Org stays untouched.
		p.Skills = slices.Clone(p.Skills)
		for k := range p.Skills {
			p.Skills[k].SkillID = l.skill[p.Skills[k].Skill]
		}
		p.Languages, p.Background, p.Availability = slices.Clone(p.Languages), slices.Clone(p.Background), slices.Clone(p.Availability)
		if ps.Manager >= 0 {
			id := l.person(ps.Manager)
			p.ManagerID = &id
		}
		if err := l.db.CreatePerson(l.ctx, &p); err != nil {
			return fmt.Errorf("person %d %s: %w", i, p.Email, err)
		}
		l.out.PersonIDs = append(l.out.PersonIDs, p.ID)
		l.out.Counts.People++
	}
	return nil
}

func (l *loader) accounts() error {
	l.at(l.org.Start)
	for _, a := range []struct {
		in  Account
		out *LoadedAccount
	}{{l.org.Coordinator, &l.out.Coordinator}, {l.org.Participant, &l.out.Participant}} {
		u := mentor.User{Email: a.in.Email, Role: a.in.Role, PersonID: l.person(a.in.Person)}
		if err := l.db.CreateUser(l.ctx, &u, a.in.Password); err != nil {
			return fmt.Errorf("user %s: %w", a.in.Email, err)
		}
		*a.out = LoadedAccount{Account: a.in, UserID: u.ID, PersonID: u.PersonID}
		l.out.Counts.Users++
	}
	return nil
}

func (l *loader) programs() error {
	for pi := range l.org.Programs {
		ps := &l.org.Programs[pi]
		if err := l.program(ps); err != nil {
			return fmt.Errorf("%s: %w", ps.Program.Name, err)
		}
	}
	return nil
}

// program stores one program in the order its history happened: draft,
// enrollments while enrolling, the status moves, runs and matches with their
// history, and closing last (closing completes the matches still open).
func (l *loader) program(ps *ProgramSpec) error {
	p := ps.Program
	p.Status = mentor.StatusDraft
	p.Options.CohortGenerations = slices.Clone(p.Options.CohortGenerations)
	l.at(p.CreatedAt)
	if err := l.db.CreateProgram(l.ctx, &p); err != nil {
		return err
	}
	l.out.ProgramIDs = append(l.out.ProgramIDs, p.ID)
	l.out.Counts.Programs++
	enrolled := false
	var closing *Transition
	for i, tr := range ps.Transitions {
		if tr.To == mentor.StatusClosed {
			closing = &ps.Transitions[i]
			break
		}
		if tr.To == mentor.StatusMatching {
			if err := l.enrollments(p.ID, ps); err != nil {
				return err
			}
			enrolled = true
		}
		l.at(tr.At)
		if _, err := l.db.SetProgramStatus(l.ctx, p.ID, tr.To); err != nil {
			return fmt.Errorf("move to %s: %w", tr.To, err)
		}
	}
	if !enrolled {
		if err := l.enrollments(p.ID, ps); err != nil {
			return err
		}
	}
	runIDs := make([]int64, len(ps.Runs))
	for i, run := range ps.Runs {
		run.ProgramID = p.ID
		l.at(run.CreatedAt)
		if err := l.db.CreateMatchRun(l.ctx, &run); err != nil {
			return fmt.Errorf("match run %d: %w", i, err)
		}
		runIDs[i] = run.ID
		l.out.Counts.Runs++
	}
	matchIDs := make([]int64, len(ps.Matches))
	for i := range ps.Matches {
		var err error
		if matchIDs[i], err = l.match(p.ID, runIDs, &ps.Matches[i]); err != nil {
			return fmt.Errorf("match %d: %w", i, err)
		}
	}
	l.out.MatchIDs = append(l.out.MatchIDs, matchIDs)
	for i := range ps.OfficeHours {
		if err := l.officeHours(p.ID, matchIDs, &ps.OfficeHours[i]); err != nil {
			return fmt.Errorf("office hours %d: %w", i, err)
		}
	}
	if closing != nil {
		l.at(closing.At)
		if _, err := l.db.SetProgramStatus(l.ctx, p.ID, mentor.StatusClosed); err != nil {
			return fmt.Errorf("close: %w", err)
		}
	}
	return nil
}

func (l *loader) enrollments(programID int64, ps *ProgramSpec) error {
	for _, es := range ps.Enrollments {
		e := es.Enrollment
		e.ProgramID, e.PersonID = programID, l.person(es.Person)
		l.at(e.CreatedAt)
		if err := l.db.CreateEnrollment(l.ctx, &e); err != nil {
			return fmt.Errorf("enroll person %d: %w", es.Person, err)
		}
		if e.Status != es.Enrollment.Status {
			return fmt.Errorf("enrollment of person %d became %s, want %s", es.Person, e.Status, es.Enrollment.Status)
		}
		l.out.Counts.Enrollments++
	}
	return nil
}

// match stores a match as proposed, then moves it through its states at
// the moments they happened, then its meetings, goals, check-ins and assessments.
func (l *loader) match(programID int64, runIDs []int64, ms *MatchSpec) (int64, error) {
	m := ms.Match
	m.ProgramID, m.State = programID, mentor.MatchProposed
	if ms.Run >= 0 {
		m.RunID = &runIDs[ms.Run]
	}
	m.Members = slices.Clone(m.Members)
	for k := range m.Members {
		m.Members[k].PersonID = l.person(ms.Members[k])
	}
	l.at(m.CreatedAt)
	if err := l.db.CreateMatch(l.ctx, &m); err != nil {
		return 0, err
	}
	l.out.Counts.Matches++
	type move struct {
		to mentor.MatchState
		at time.Time
	}
	var moves []move
	switch final := ms.Match.State; final {
	case mentor.MatchDeclined:
		moves = []move{{final, ms.Match.UpdatedAt}}
	case mentor.MatchAccepted, mentor.MatchActive:
		moves = []move{{final, ms.AcceptedAt}}
	case mentor.MatchCompleted, mentor.MatchEnded, mentor.MatchPaused:
		moves = []move{{mentor.MatchActive, ms.AcceptedAt}, {final, ms.Match.UpdatedAt}}
	}
	// The meetings come before a final pause or end: a closed match takes no
	// new meetings, and a held meeting resumes a paused one.
	var last []move
	if f := ms.Match.State; f == mentor.MatchCompleted || f == mentor.MatchEnded || f == mentor.MatchPaused {
		moves, last = moves[:len(moves)-1], moves[len(moves)-1:]
	}
	apply := func(moves []move) error {
		for _, mv := range moves {
			l.at(mv.at)
			if err := l.db.SetMatchState(l.ctx, m.ID, mv.to); err != nil {
				return fmt.Errorf("move to %s: %w", mv.to, err)
			}
		}
		return nil
	}
	if err := apply(moves); err != nil {
		return 0, err
	}
	for i := range ms.Meetings {
		if err := l.meeting(programID, m.ID, &ms.Meetings[i]); err != nil {
			return 0, fmt.Errorf("meeting %d: %w", i, err)
		}
	}
	if err := apply(last); err != nil {
		return 0, err
	}
	for i := range ms.Goals {
		if err := l.goal(programID, m.ID, &ms.Goals[i]); err != nil {
			return 0, fmt.Errorf("goal %d: %w", i, err)
		}
	}
	for _, c := range ms.CheckIns {
		ci := c.CheckIn
		ci.MatchID, ci.PersonID = m.ID, l.person(c.Person)
		l.at(ci.CreatedAt)
		if err := l.db.CreateCheckIn(l.ctx, &ci); err != nil {
			return 0, fmt.Errorf("check-in: %w", err)
		}
		l.out.Counts.CheckIns++
	}
	for _, a := range ms.Assessments {
		as := a.Assessment
		as.PersonID, as.AssessorID, as.MatchID = l.person(a.Person), l.person(a.Assessor), &m.ID
		as.SkillID = l.skill[as.Skill]
		l.at(as.AssessedAt)
		if err := l.db.CreateAssessment(l.ctx, &as); err != nil {
			return 0, fmt.Errorf("assessment: %w", err)
		}
		l.out.Counts.Assessments++
	}
	return m.ID, nil
}

func (l *loader) optPerson(i int) *int64 {
	if i < 0 {
		return nil
	}
	id := l.person(i)
	return &id
}

func (l *loader) meeting(programID, matchID int64, ms *MeetingSpec) error {
	mt := ms.Meeting
	mt.MatchID, mt.ProgramID = matchID, programID
	mt.MenteeID, mt.FacilitatorID = l.optPerson(ms.Mentee), l.optPerson(ms.Facilitator)
	mt.Attendance = make([]int64, len(ms.Attendance))
	for i, p := range ms.Attendance {
		mt.Attendance[i] = l.person(p)
	}
	l.at(mt.CreatedAt)
	if err := l.db.CreateMeeting(l.ctx, &mt); err != nil {
		return err
	}
	l.out.Counts.Meetings++
	for _, n := range ms.Notes {
		note := n.Note
		note.MeetingID, note.AuthorID = mt.ID, l.person(n.Author)
		l.at(note.CreatedAt)
		if err := l.db.AddNote(l.ctx, &note); err != nil {
			return fmt.Errorf("note: %w", err)
		}
		l.out.Counts.Notes++
	}
	for _, f := range ms.Feedback {
		fb := f.Feedback
		fb.MeetingID, fb.AuthorID = mt.ID, l.person(f.Author)
		l.at(fb.CreatedAt)
		if err := l.db.AddFeedback(l.ctx, &fb); err != nil {
			return fmt.Errorf("feedback: %w", err)
		}
		l.out.Counts.Feedback++
	}
	return nil
}

// goal creates the goal open at its baseline with no milestone done, logs its
// progress (the store marks it achieved when the target is reached), and
// finally records the milestones done and an abandonment.
func (l *loader) goal(programID, matchID int64, gs *GoalSpec) error {
	g := gs.Goal
	g.OwnerID, g.ProgramID, g.MatchID = l.person(gs.Owner), &programID, &matchID
	if id, ok := l.skill[gs.Skill]; ok {
		g.SkillID = &id
	}
	base, target := *g.Baseline, *g.Target
	g.Baseline, g.Target = &base, &target
	g.Current, g.Status = base, mentor.GoalOpen
	g.Milestones = slices.Clone(g.Milestones)
	done := false
	for k := range g.Milestones {
		done = done || g.Milestones[k].Done
		g.Milestones[k].Done = false
	}
	l.at(g.CreatedAt)
	if err := l.db.CreateGoal(l.ctx, &g); err != nil {
		return err
	}
	l.out.Counts.Goals++
	for _, p := range gs.Progress {
		u := p.Update
		u.GoalID, u.AuthorID = g.ID, l.person(p.Author)
		l.at(u.CreatedAt)
		after, err := l.db.AddProgress(l.ctx, &u)
		if err != nil {
			return fmt.Errorf("progress: %w", err)
		}
		g.Current, g.Status = after.Current, after.Status
		l.out.Counts.Progress++
	}
	if !done && g.Status == gs.Goal.Status {
		return nil
	}
	for k := range g.Milestones {
		g.Milestones[k].Done = gs.Goal.Milestones[k].Done
	}
	g.Status = gs.Goal.Status
	l.at(gs.Goal.UpdatedAt)
	if err := l.db.UpdateGoal(l.ctx, &g); err != nil {
		return fmt.Errorf("final state: %w", err)
	}
	return nil
}

func (l *loader) officeHours(programID int64, matchIDs []int64, oh *OfficeHoursSpec) error {
	slot := oh.Slot
	slot.ProgramID, slot.MentorID = programID, l.person(oh.Mentor)
	slot.Topics = slices.Clone(slot.Topics)
	l.at(oh.CreatedAt)
	if err := l.db.CreateOfficeHours(l.ctx, &slot); err != nil {
		return err
	}
	l.out.Counts.OfficeHours++
	if oh.BookedBy < 0 {
		return nil
	}
	l.at(oh.BookedAt)
	if _, err := l.db.BookOfficeHours(l.ctx, slot.ID, l.person(oh.BookedBy)); err != nil {
		return fmt.Errorf("book: %w", err)
	}
	l.out.Counts.Bookings++
	if oh.Match < 0 || oh.Match >= len(matchIDs) {
		return nil
	}
	meetings, _, err := l.db.Meetings(l.ctx, store.MeetingFilter{MatchID: matchIDs[oh.Match], Page: store.Page{Limit: 1}})
	if err != nil {
		return fmt.Errorf("booked meeting: %w", err)
	}
	if len(meetings) > 0 {
		return l.db.LinkOfficeHoursMeeting(l.ctx, slot.ID, meetings[0].ID)
	}
	return nil
}
