package matchrun

import (
	"context"
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// Suggestion is one candidate partner on a participant's self-select
// shortlist, with the engine's score and reasons.
type Suggestion struct {
	PersonID int64       `json:"person_id"`
	Name     string      `json:"name"`
	Role     mentor.Role `json:"role"`
	// Score is the pair's total (0..100, one decimal), as a match would carry it.
	Score   float64              `json:"score"`
	Summary string               `json:"summary"`
	Factors []mentor.MatchFactor `json:"factors"`
	// Picked reports that the participant has already picked this person
	// (the pick is pending).
	Picked bool `json:"picked"`
	// PickedYou reports that this person has a pending pick of the
	// participant; in one-pool formats picking them back makes the match.
	PickedYou bool `json:"picked_you"`
}

// DefaultShortlistSize is the shortlist length of a program whose options
// leave shortlist_size at 0.
const DefaultShortlistSize = 5

// MinExposurePerPlace is the least number of shortlists one free place of a
// candidate may appear on (see Shortlists).
const MinExposurePerPlace = 3

// Shortlists returns the self-select shortlist of every participant of the
// program who picks, keyed by person id: mentees in directional formats
// (they pick mentors; mentors answer), everybody in one-pool formats. Only
// active participants without a live match pick or appear, and a mentor
// appears only with a free place. A list holds at most the program's
// shortlist_size candidates (DefaultShortlistSize when unset) that no hard
// constraint removes, best score first (then enrollment order), and never
// someone who declined the participant's pick.
//
// Exposure is capped so that a popular person is not recommended to
// everybody (SPEC §7, "don't show everyone the same star mentor"): a
// candidate with r free places (a mentor's capacity minus live matches; 1
// for a peer) appears on at most r*k shortlists, where
//
//	k = max(MinExposurePerPlace, ceil(pickers * size / places))
//
// over the pickers with at least one compatible candidate and the free
// places of the candidates in anyone's candidate list (the engine's best
// max(50, 10*size) partners per picker). Every free place thus
// gets the same exposure, a one-place star as much as any other one-place
// mentor: three showings a place when places are plentiful, and when they
// are scarce just enough that the places can fill every list. The lists are
// then filled in two steps, both deterministic:
//
//  1. everybody's first suggestion comes from an exact b-matching
//     (bipartite.Match, maximum cardinality, then maximum total score) of
//     pickers to candidates within the budgets, so as many people as the
//     budgets allow get a non-empty list, and everybody does when that is
//     possible at all;
//  2. the remaining places are dealt in rounds, each picker's next
//     suggestion per round, higher-scoring pairs first within a round; a
//     picker whose next best candidate has no budget left falls back to
//     the next one.
//
// It fails with ENOTFOUND for a missing program and ECONFLICT when the
// program does not take picks (store.CheckSelfSelect).
func (s *Service) Shortlists(ctx context.Context, programID int64) (map[int64][]Suggestion, error) {
	res, err := s.shortlists(ctx, programID)
	if err != nil {
		return nil, err
	}
	return res.lists, nil
}

// Shortlist returns one participant's shortlist (see Shortlists). A person
// not enrolled in the program is ENOTFOUND; a waitlisted or withdrawn
// participant, a mentor of a directional program (mentors answer picks
// instead) and a participant who already has a live match are ECONFLICT.
func (s *Service) Shortlist(ctx context.Context, programID, personID int64) ([]Suggestion, error) {
	res, err := s.shortlists(ctx, programID)
	if err != nil {
		return nil, err
	}
	if err := res.why[personID]; err != nil {
		return nil, err
	}
	list, ok := res.lists[personID]
	if !ok {
		return nil, mentor.Errorf(mentor.ENOTFOUND, "person %d is not enrolled in program %d.", personID, programID)
	}
	return list, nil
}

// shortlistResult is what Shortlists computes, with what tests check.
type shortlistResult struct {
	lists map[int64][]Suggestion
	// why says why an enrolled person has no shortlist.
	why map[int64]error
	// budget is each candidate's exposure budget; exposure the k of Shortlists.
	budget   map[int64]int
	exposure int
}

// ssPool is a program's self-select pool: every active participant without
// a live match, as engine profiles, with who picks and who has room.
type ssPool struct {
	program  *mentor.Program
	profiles []score.Profile
	persons  []*mentor.Person
	enrolled []mentor.Enrollment
	picker   []bool
	room     []int // free places as a candidate, 0 when not a candidate
	// pending holds the pending picks as [picker, picked] person ids.
	pending map[[2]int64]bool
	why     map[int64]error
}

func (s *Service) shortlists(ctx context.Context, programID int64) (*shortlistResult, error) {
	p, err := s.DB.Program(ctx, programID)
	if err != nil {
		return nil, err
	}
	if err := p.CheckSelfSelect(); err != nil {
		return nil, err
	}
	pl, err := s.loadSelfSelect(ctx, p)
	if err != nil {
		return nil, err
	}
	size := p.Options.ShortlistSize
	if size <= 0 {
		size = DefaultShortlistSize
	}
	f, w, r := score.Format(p.Format), Weights(p), Rules(p)
	res := &shortlistResult{lists: map[int64][]Suggestion{}, why: pl.why, budget: map[int64]int{}}
	for i, e := range pl.enrolled {
		if pl.picker[i] {
			res.lists[e.PersonID] = []Suggestion{}
		}
	}
	if len(pl.profiles) < 2 {
		return res, nil
	}
	cs, err := score.Candidates(pl.profiles, f, w, r, max(50, 10*size))
	if err != nil {
		return nil, mentor.Internal(fmt.Errorf("shortlists: %w", err))
	}
	options := make([][]ssOption, len(pl.profiles))
	for i := range pl.profiles {
		if !pl.picker[i] {
			continue
		}
		for _, c := range cs.Lists[i] {
			if pl.room[c.Partner] > 0 {
				options[i] = append(options[i], ssOption{cand: c.Partner, score: round1(c.Score)})
			}
		}
	}
	budget, k := exposureBudgets(options, pl.room, size)
	res.exposure = k
	for i, b := range budget {
		if pl.room[i] > 0 {
			res.budget[pl.enrolled[i].PersonID] = b
		}
	}
	chosen, err := assignShortlists(options, budget, size)
	if err != nil {
		return nil, mentor.Internal(fmt.Errorf("shortlists: %w", err))
	}
	for i, list := range chosen {
		if !pl.picker[i] {
			continue
		}
		me := pl.enrolled[i].PersonID
		out := make([]Suggestion, 0, len(list))
		for _, o := range list {
			out = append(out, pl.suggestion(i, o.cand, f, w, r, me))
		}
		res.lists[me] = out
	}
	return res, nil
}

// suggestion explains candidate j for picker i.
func (pl *ssPool) suggestion(i, j int, f score.Format, w score.Weights, r score.Rules, me int64) Suggestion {
	a, b := &pl.profiles[i], &pl.profiles[j]
	sc, _ := score.Score(a, b, f, w, r) // picker first: the mentee in directional formats
	other := pl.enrolled[j].PersonID
	sg := Suggestion{PersonID: other, Name: pl.persons[j].Name, Role: pl.enrolled[j].Role, Score: round1(sc.Total),
		Summary: sc.Summary, Factors: []mentor.MatchFactor{},
		Picked: pl.pending[[2]int64{me, other}], PickedYou: pl.pending[[2]int64{other, me}]}
	for _, fc := range sc.Factors {
		sg.Factors = append(sg.Factors, mentor.MatchFactor{Name: fc.Name, Score: fc.Score, Weight: fc.Weight, Reason: fc.Reason})
	}
	return sg
}

// loadSelfSelect builds the self-select pool of program p and records why
// each enrolled person who does not pick has no shortlist.
func (s *Service) loadSelfSelect(ctx context.Context, p *mentor.Program) (*ssPool, error) {
	ens, err := allEnrollments(ctx, s.DB, p.ID)
	if err != nil {
		return nil, err
	}
	people, err := s.people(ctx, ens)
	if err != nil {
		return nil, err
	}
	matches, err := allMatches(ctx, s.DB, p.ID)
	if err != nil {
		return nil, err
	}
	picks, err := allPicks(ctx, s.DB, p.ID)
	if err != nil {
		return nil, err
	}
	past, load, busy := matchHistory(matches)
	pl := &ssPool{program: p, pending: map[[2]int64]bool{}, why: map[int64]error{}}
	chosen, blocked := pickSets(picks, pl.pending)
	directional := p.Format.Directional()
	now := time.Now().UTC()
	for _, e := range ens {
		picker, room := false, 0
		switch {
		case e.Status == mentor.EnrollmentWaitlisted:
			pl.why[e.PersonID] = mentor.Errorf(mentor.ECONFLICT, "You are on the waitlist of program %q; shortlists are for active participants.", p.Name)
			continue
		case e.Status != mentor.EnrollmentActive:
			pl.why[e.PersonID] = mentor.Errorf(mentor.ECONFLICT, "You have withdrawn from program %q.", p.Name)
			continue
		case directional && e.Role == mentor.RoleMentor:
			room = e.Capacity - load[e.PersonID]
			pl.why[e.PersonID] = mentor.Errorf(mentor.ECONFLICT, "In a %s program mentees pick their mentors; as a mentor you answer the picks you receive.", p.Format)
		case busy[e.PersonID]:
			pl.why[e.PersonID] = mentor.Errorf(mentor.ECONFLICT, "You already have a match in program %q.", p.Name)
		case directional && e.Role != mentor.RoleMentee:
			pl.why[e.PersonID] = mentor.Errorf(mentor.ECONFLICT, "A %s has no shortlist in a %s program.", e.Role, p.Format)
		case directional:
			picker = true
		default:
			picker, room = true, 1
		}
		if !picker && room <= 0 {
			continue
		}
		person := people[e.PersonID]
		prof := Profile(person, &e, past[e.PersonID], now)
		prof.Picks, prof.Blocked = chosen[e.PersonID], blocked[e.PersonID]
		pl.profiles = append(pl.profiles, prof)
		pl.persons = append(pl.persons, person)
		pl.enrolled = append(pl.enrolled, e)
		pl.picker = append(pl.picker, picker)
		pl.room = append(pl.room, max(room, 0))
	}
	return pl, nil
}

// matchHistory reads a program's matches: each person's past partners, each
// mentor's live load, and who has a live match. Drafts of an unpublished run
// bind nobody yet and are skipped.
func matchHistory(matches []mentor.Match) (past map[int64][]int64, load map[int64]int, busy map[int64]bool) {
	past, load, busy = map[int64][]int64{}, map[int64]int{}, map[int64]bool{}
	for _, m := range matches {
		if m.State == mentor.MatchDraft {
			continue
		}
		for _, a := range m.Members {
			for _, b := range m.Members {
				if a.PersonID != b.PersonID {
					past[a.PersonID] = append(past[a.PersonID], b.PersonID)
				}
			}
			if live(m.State) {
				busy[a.PersonID] = true
				if a.Role == mentor.RoleMentor {
					load[a.PersonID]++
				}
			}
		}
	}
	return past, load, busy
}

// pickSets reads a program's picks: whom each picker has chosen (pending or
// accepted picks) and who declined them, as profile ids, and marks each
// pending (picker, picked) pair in pending.
func pickSets(picks []mentor.Pick, pending map[[2]int64]bool) (chosen, blocked map[int64][]string) {
	chosen, blocked = map[int64][]string{}, map[int64][]string{}
	for _, k := range picks {
		switch k.Status {
		case mentor.PickPending:
			pending[[2]int64{k.PickerID, k.PickedID}] = true
			chosen[k.PickerID] = append(chosen[k.PickerID], idString(k.PickedID))
		case mentor.PickAccepted:
			chosen[k.PickerID] = append(chosen[k.PickerID], idString(k.PickedID))
		case mentor.PickDeclined:
			blocked[k.PickerID] = append(blocked[k.PickerID], idString(k.PickedID))
		}
	}
	return chosen, blocked
}

// allPicks reads every pick of a program.
func allPicks(ctx context.Context, db *store.DB, programID int64) ([]mentor.Pick, error) {
	return store.All(func(p store.Page) ([]mentor.Pick, string, error) {
		return db.Picks(ctx, store.PickFilter{ProgramID: programID, Page: p})
	})
}
