package matchrun

import (
	"context"
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/match"
	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// Service runs matching for programs stored in DB.
type Service struct {
	DB *store.DB
	// Budget bounds the circles heuristic per run (0: the engine's default).
	Budget time.Duration
}

// Options are the settings of one run, stored with it.
type Options struct {
	Seed int64 `json:"seed"`
	// Rematch keeps the program's live matches and matches only the people
	// left without one (and mentors with room to spare).
	Rematch bool `json:"rematch"`
	// Publish publishes the proposals at once (auto mode does this anyway).
	Publish bool `json:"publish"`
	// Cycle, when set, is the rotation cycle the run must start: if another
	// run started it (or a later one) first, Run returns ECONFLICT.
	Cycle int `json:"-"`
	// RefuseRepeats makes a rotation cycle that would repeat a pair fail
	// (ECONFLICT) before it starts, instead of starting with warnings.
	RefuseRepeats bool `json:"refuse_repeats,omitempty"`
}

// Result is a stored run with its proposals and the people left unmatched.
type Result struct {
	Run       *mentor.MatchRun `json:"run"`
	Matches   []mentor.Match   `json:"matches"`
	Unmatched []int64          `json:"unmatched"`
	// Warnings name each pair of a rotation cycle that meets again.
	Warnings []string `json:"warnings,omitempty"`
}

// live reports whether a match still holds its members.
func live(s mentor.MatchState) bool {
	switch s {
	case mentor.MatchDraft, mentor.MatchProposed, mentor.MatchAccepted, mentor.MatchActive, mentor.MatchPaused:
		return true
	}
	return false
}

// allEnrollments reads every enrollment of a program.
func allEnrollments(ctx context.Context, db *store.DB, programID int64) ([]mentor.Enrollment, error) {
	return store.All(func(p store.Page) ([]mentor.Enrollment, string, error) {
		return db.Enrollments(ctx, store.EnrollmentFilter{ProgramID: programID, Page: p})
	})
}

// allMatches reads every match of a program.
func allMatches(ctx context.Context, db *store.DB, programID int64) ([]mentor.Match, error) {
	return store.All(func(p store.Page) ([]mentor.Match, string, error) {
		return db.Matches(ctx, store.MatchFilter{ProgramID: programID, Page: p})
	})
}

// pool is the input of one run: enrolled people as profiles.
type pool struct {
	program *mentor.Program
	// skipping are rotation enrollments sitting out this cycle.
	skipping []mentor.Enrollment
	profiles []score.Profile
	persons  []*mentor.Person
	enrolled []mentor.Enrollment
}

// loadPool builds the profiles of the program's active and waitlisted
// enrollments. With rematch, people in live matches are left out and
// mentors' capacities shrink by the mentees they already have. Past
// partners come from every earlier match of the program, so rotations
// never repeat a pair.
func (s *Service) loadPool(ctx context.Context, p *mentor.Program, rematch bool) (*pool, error) {
	ens, err := allEnrollments(ctx, s.DB, p.ID)
	if err != nil {
		return nil, err
	}
	matches, err := allMatches(ctx, s.DB, p.ID)
	if err != nil {
		return nil, err
	}
	past := map[int64][]int64{}
	declined := map[int64][]int64{}
	load := map[int64]int{}
	busy := map[int64]bool{}
	for _, m := range matches {
		if m.State == mentor.MatchDeclined {
			for _, a := range m.Members {
				for _, b := range m.Members {
					if a.PersonID != b.PersonID {
						declined[a.PersonID] = append(declined[a.PersonID], b.PersonID)
					}
				}
			}
		}
		for _, a := range m.Members {
			for _, b := range m.Members {
				if a.PersonID != b.PersonID && m.State != mentor.MatchDraft {
					past[a.PersonID] = append(past[a.PersonID], b.PersonID)
				}
			}
			if live(m.State) && m.State != mentor.MatchDraft {
				if a.Role == mentor.RoleMentor {
					load[a.PersonID]++
				} else {
					busy[a.PersonID] = true
				}
			}
		}
	}
	now := time.Now().UTC()
	people, err := s.people(ctx, ens)
	if err != nil {
		return nil, err
	}
	out := &pool{program: p}
	for _, e := range ens {
		if e.Status == mentor.EnrollmentWithdrawn {
			continue
		}
		if p.Format == mentor.FormatRotation && e.Answers[mentor.AnswerSkipNextCycle] == "true" {
			out.skipping = append(out.skipping, e)
			continue
		}
		if rematch {
			if busy[e.PersonID] {
				continue
			}
			if e.Role == mentor.RoleMentor {
				e.Capacity -= load[e.PersonID]
				if e.Capacity <= 0 {
					continue
				}
			}
		}
		person := people[e.PersonID]
		out.persons = append(out.persons, person)
		out.enrolled = append(out.enrolled, e)
		prof := Profile(person, &e, past[e.PersonID], now)
		for _, id := range declined[e.PersonID] {
			prof.Blocked = append(prof.Blocked, idString(id)) // a declined pair is not proposed again
		}
		out.profiles = append(out.profiles, prof)
	}
	return out, nil
}

// Run scores and solves the program's matching problem and stores the run
// with its proposals: as drafts for review and self-select programs, as
// proposals sent to the participants for auto programs (or with
// opt.Publish). The program must be in the matching stage, or running for a
// rematch or a rotation cycle.
func (s *Service) Run(ctx context.Context, programID int64, opt Options) (*Result, error) {
	p, err := s.DB.Program(ctx, programID)
	if err != nil {
		return nil, err
	}
	switch {
	case p.Status == mentor.StatusMatching:
	case p.Status == mentor.StatusRunning && (opt.Rematch || p.Format == mentor.FormatRotation):
	default:
		return nil, mentor.Errorf(mentor.ECONFLICT, "A %s program cannot be matched: move it to matching first (a running program can only be re-matched).", p.Status)
	}
	if p.Format == mentor.FormatFlash {
		return nil, mentor.Errorf(mentor.ECONFLICT, "Flash mentoring is booked from mentors' office hours, not matched in runs.")
	}
	pl, err := s.loadPool(ctx, p, opt.Rematch)
	if err != nil {
		return nil, err
	}
	popt := match.PlanOptions{GroupSize: p.Options.GroupSize, Fair: p.Options.Fair, MaxCardinality: true, Seed: opt.Seed, Budget: s.Budget}
	plan, err := match.Plan(pl.profiles, score.Format(p.Format), Weights(p), Rules(p), popt)
	if err != nil {
		return nil, mentor.Internal(fmt.Errorf("matching program %d: %w", programID, err))
	}
	warnings, err := checkRepeats(p, pl, plan, opt.RefuseRepeats)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(pl.persons))
	for i, person := range pl.persons {
		ids[i] = person.ID
	}
	publish := opt.Publish || p.Mode == mentor.ModeAuto
	run := &mentor.MatchRun{ProgramID: p.ID, Seed: opt.Seed, Total: plan.Total, Status: "draft",
		Settings: map[string]any{"format": p.Format, "mode": p.Mode, "options": p.Options, "rematch": opt.Rematch, "weights": Weights(p), "rules": Rules(p)},
		Inputs:   map[string]any{"people": ids, "unmatched": len(plan.Unmatched), "bound": plan.Bound}}
	state := mentor.MatchDraft
	if publish {
		run.Status, state = "published", mentor.MatchProposed
	}
	cycle := 0
	if p.Format == mentor.FormatRotation {
		if cycle, err = s.claimCycle(ctx, p, opt.Cycle); err != nil {
			return nil, err
		}
	}
	matches := proposals(p, pl, &plan, cycle, state)
	var unmatched []int64
	for _, idx := range plan.Unmatched {
		if pl.enrolled[idx].Role != mentor.RoleMentor { // mentors with room to spare are not waiting
			unmatched = append(unmatched, pl.persons[idx].ID)
		}
	}
	if p.Format == mentor.FormatRotation {
		err = s.DB.SaveCycleRun(ctx, run, cycle, matches, unmatched, publish) // closes the earlier cycles
	} else {
		err = s.DB.SaveMatchRun(ctx, run, matches, unmatched, publish)
	}
	if err != nil {
		return nil, err
	}
	for _, e := range pl.skipping {
		delete(e.Answers, mentor.AnswerSkipNextCycle)
		if err := s.DB.UpdateEnrollment(ctx, &e); err != nil {
			return nil, err
		}
	}
	return &Result{Run: run, Matches: matches, Unmatched: unmatched, Warnings: warnings}, nil
}

// claimCycle claims the next rotation cycle of p for this run; want, when
// set, is the cycle the caller found due. Another run that started it
// first is ECONFLICT.
func (s *Service) claimCycle(ctx context.Context, p *mentor.Program, want int) (int, error) {
	cycle, err := s.nextCycle(ctx, p.ID)
	if err != nil {
		return 0, err
	}
	if want != 0 && cycle != want {
		return 0, mentor.Errorf(mentor.ECONFLICT, "Cycle %d of %q has just been started by someone else.", want, p.Name)
	}
	won, err := s.DB.ClaimCycle(ctx, p.ID, cycle)
	if err != nil {
		return 0, err
	}
	if !won {
		return 0, mentor.Errorf(mentor.ECONFLICT, "Cycle %d of %q has just been started by someone else.", cycle, p.Name)
	}
	return cycle, nil
}

// proposals turns the engine's plan into matches of program p in state,
// with their explanations, skill exchanges and members' roles.
func proposals(p *mentor.Program, pl *pool, plan *match.PlanResult, cycle int, state mentor.MatchState) []mentor.Match {
	var matches []mentor.Match
	for _, pr := range plan.Proposals {
		m := mentor.Match{ProgramID: p.ID, Cycle: cycle, State: state, Score: round1(pr.Score), Summary: pr.Summary}
		for _, f := range pr.Factors {
			m.Factors = append(m.Factors, mentor.MatchFactor{Name: f.Name, Score: f.Score, Weight: f.Weight, Reason: f.Reason})
		}
		if len(pr.Members) == 2 {
			m.Skills = exchanges(pr.Pairs)
		}
		for i, idx := range pr.Members {
			role := pl.enrolled[idx].Role
			if p.Format == mentor.FormatAdvisoryBoard && i > 0 {
				role = mentor.Role(pr.Roles[i])
			}
			m.Members = append(m.Members, mentor.MatchMember{PersonID: pl.persons[idx].ID, Name: pl.persons[idx].Name, Role: role, Response: "pending"})
		}
		matches = append(matches, m)
	}
	return matches
}

// exchanges lists the teaching directions the engine found in scored pairs.
func exchanges(pairs []score.Scored) []mentor.SkillExchange {
	var out []mentor.SkillExchange
	for _, p := range pairs {
		for _, sm := range p.Skills {
			out = append(out, mentor.SkillExchange{FromID: idOf(sm.FromID), ToID: idOf(sm.ToID), Skill: sm.Skill, Level: sm.Level})
		}
	}
	return out
}

func round1(x float64) float64 { return float64(int64(x*10+0.5)) / 10 }

// nextCycle returns the number of the program's next rotation cycle.
func (s *Service) nextCycle(ctx context.Context, programID int64) (int, error) {
	ms, err := allMatches(ctx, s.DB, programID)
	if err != nil {
		return 0, err
	}
	c := 0
	for _, m := range ms {
		c = max(c, m.Cycle)
	}
	return c + 1, nil
}

// Enrolled counts the program's enrollments that were not withdrawn.
func (s *Service) Enrolled(ctx context.Context, programID int64) (int, error) {
	ens, err := allEnrollments(ctx, s.DB, programID)
	n := 0
	for _, e := range ens {
		if e.Status != mentor.EnrollmentWithdrawn {
			n++
		}
	}
	return n, err
}

// StartDueCycles starts the next cycle of every running rotation program
// whose cycle cadence has passed since its last cycle began (the first
// cycle is started by a coordinator). Auto programs publish the new pairs at
// once; review programs get a draft to look over. It returns the runs made.
func (s *Service) StartDueCycles(ctx context.Context, now time.Time) ([]*mentor.MatchRun, error) {
	var out []*mentor.MatchRun
	cursor := ""
	for {
		programs, next, err := s.DB.Programs(ctx, store.ProgramFilter{Format: mentor.FormatRotation, Status: mentor.StatusRunning, Page: store.Page{Limit: store.MaxLimit, Cursor: cursor}})
		if err != nil {
			return out, err
		}
		for _, p := range programs {
			ms, err := allMatches(ctx, s.DB, p.ID)
			if err != nil {
				return out, err
			}
			last, started := 0, time.Time{}
			for _, m := range ms {
				if m.Cycle > last || m.Cycle == last && m.CreatedAt.After(started) {
					last, started = m.Cycle, m.CreatedAt
				}
			}
			days := p.Options.CycleCadence.Days()
			if last == 0 || days == 0 || now.Before(started.AddDate(0, 0, days)) {
				continue
			}
			// The cycle found due is the one to start: another instance may
			// have started it since, and the next one is not due yet.
			res, err := s.Run(ctx, p.ID, Options{Seed: int64(last + 1), Publish: p.Mode == mentor.ModeAuto, Cycle: last + 1})
			if mentor.ErrorCode(err) == mentor.ECONFLICT {
				continue // another instance started it
			}
			if err != nil {
				return out, err
			}
			out = append(out, res.Run)
		}
		if next == "" {
			return out, nil
		}
		cursor = next
	}
}

// people loads the people of enrollments in one go; an enrollment of a
// person who no longer exists is an internal error (the schema cascades).
func (s *Service) people(ctx context.Context, ens []mentor.Enrollment) (map[int64]*mentor.Person, error) {
	ids := make([]int64, len(ens))
	for i, e := range ens {
		ids[i] = e.PersonID
	}
	people, err := s.DB.PeopleByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if people[id] == nil {
			return nil, mentor.Internal(fmt.Errorf("enrolled person %d does not exist", id))
		}
	}
	return people, nil
}
