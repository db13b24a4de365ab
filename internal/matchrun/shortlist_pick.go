package matchrun

import (
	"context"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// Pick records pickerID's pick of pickedID in a self-select program and
// returns it (store.CreatePick has the rules: roles, room, the pending cap,
// mutual picks making the match at once).
//
// A pick may name any active participant the engine finds compatible, not
// only someone on the picker's shortlist: the shortlist caps how often a
// person is recommended, not whom people may choose, and the pending cap
// and mentors' capacities still bound the load. A pair that a hard
// constraint removes (own manager, no shared language, seniority gap ...)
// is EINVALID naming person_id with the reason. The pick carries the pair's
// score and explanation, with the pick itself counted as a preference, so
// the match it may become explains itself.
func (s *Service) Pick(ctx context.Context, programID, pickerID, pickedID int64, message string) (*mentor.Pick, error) {
	p, err := s.DB.Program(ctx, programID)
	if err != nil {
		return nil, err
	}
	if err := p.CheckSelfSelect(); err != nil {
		return nil, err
	}
	k := &mentor.Pick{ProgramID: programID, PickerID: pickerID, PickedID: pickedID, Message: message}
	if pickerID != pickedID && pickerID != 0 && pickedID != 0 {
		if err := s.scorePick(ctx, p, k); err != nil {
			return nil, err
		}
	}
	if err := s.DB.CreatePick(ctx, k); err != nil {
		return nil, err
	}
	return k, nil
}

// scorePick fills k's score and explanation when both people are enrolled
// in p, and refuses a pair a hard constraint removes. When either is not
// enrolled it leaves k alone: CreatePick reports that.
func (s *Service) scorePick(ctx context.Context, p *mentor.Program, k *mentor.Pick) error {
	var profiles [2]score.Profile
	now := time.Now().UTC()
	sides := [2]mentor.Role{mentor.RoleMentee, mentor.RoleMentor}
	for i, id := range []int64{k.PickerID, k.PickedID} {
		ens, _, err := s.DB.Enrollments(ctx, store.EnrollmentFilter{ProgramID: p.ID, PersonID: id})
		if err != nil {
			return err
		}
		if len(ens) == 0 || ens[0].Status != mentor.EnrollmentActive || p.Format.Directional() && ens[0].Role != sides[i] {
			return nil
		}
		person, err := s.DB.Person(ctx, id)
		if err != nil {
			return err
		}
		profiles[i] = Profile(person, &ens[0], nil, now)
	}
	a, b := &profiles[0], &profiles[1]
	a.Picks = []string{b.ID}
	back, _, err := s.DB.Picks(ctx, store.PickFilter{ProgramID: p.ID, PickerID: k.PickedID, PickedID: k.PickerID, Status: mentor.PickPending})
	if err != nil {
		return err
	}
	if len(back) > 0 {
		b.Picks = []string{a.ID}
	}
	// The picker is the mentee in directional formats, so it goes first.
	sc, ok := score.Score(a, b, score.Format(p.Format), Weights(p), Rules(p))
	if !ok {
		return &mentor.Error{Code: mentor.EINVALID, Message: "You cannot be matched with " + b.Name + ": " + sc.Summary + ".",
			Fields: []mentor.FieldError{{Field: "person_id", Message: "cannot be matched with you: " + sc.Summary}}}
	}
	k.Score, k.Summary, k.Skills = round1(sc.Total), sc.Summary, exchanges([]score.Scored{sc})
	for _, f := range sc.Factors {
		k.Factors = append(k.Factors, mentor.MatchFactor{Name: f.Name, Score: f.Score, Weight: f.Weight, Reason: f.Reason})
	}
	return nil
}
