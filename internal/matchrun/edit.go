package matchrun

import (
	"context"
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Evaluation is the score of a hand-made pair or group with the hard
// constraints it breaks; a coordinator may keep it anyway.
type Evaluation struct {
	Score    float64              `json:"score"`
	Summary  string               `json:"summary"`
	Factors  []mentor.MatchFactor `json:"factors"`
	Warnings []string             `json:"warnings"`
}

// Evaluate scores members as one match of the program: a pair directly,
// a group as the mean of its pairs. Every pair a hard constraint removes is
// reported as a warning ("Ana and Ben: removed: same department ...").
// Members must be enrolled in the program; a member without a role gets
// the role of their enrollment (written back into members).
func (s *Service) Evaluate(ctx context.Context, programID int64, members []mentor.MatchMember) (*Evaluation, error) {
	p, err := s.DB.Program(ctx, programID)
	if err != nil {
		return nil, err
	}
	ens, err := allEnrollments(ctx, s.DB, programID)
	if err != nil {
		return nil, err
	}
	byPerson := map[int64]mentor.Enrollment{}
	for _, e := range ens {
		byPerson[e.PersonID] = e
	}
	var pr mentor.Problems
	profiles := make([]score.Profile, len(members))
	now := time.Now().UTC()
	for i, m := range members {
		e, ok := byPerson[m.PersonID]
		if !ok || e.Status == mentor.EnrollmentWithdrawn {
			pr.Add(fmt.Sprintf("members[%d].person_id", i), "person %d is not enrolled in program %d", m.PersonID, programID)
			continue
		}
		person, err := s.DB.Person(ctx, m.PersonID)
		if err != nil {
			return nil, err
		}
		if m.Role != "" {
			e.Role = m.Role
		} else {
			members[i].Role = e.Role
		}
		profiles[i] = Profile(person, &e, nil, now)
	}
	pr.Check(len(members) < 2, "members", "a match needs at least 2 members")
	if err := pr.Err("match"); err != nil {
		return nil, err
	}
	return scoreMembers(p, profiles), nil
}

// scoreMembers scores the profiles as one match of program p: in directional
// formats the first mentee with every other member, otherwise every pair;
// the score is the mean over the pairs, a pair the hard rules remove counts
// 0 and is named in a warning, and the first pair that passes explains it.
func scoreMembers(p *mentor.Program, profiles []score.Profile) *Evaluation {
	f, w, r := score.Format(p.Format), Weights(p), Rules(p)
	ev := &Evaluation{Warnings: []string{}}
	var sum float64
	n := 0
	addPair := func(a, b *score.Profile) {
		sc, ok := score.Score(a, b, f, w, r)
		n++
		if !ok {
			ev.Warnings = append(ev.Warnings, fmt.Sprintf("%s and %s: %s", a.Name, b.Name, sc.Summary))
			return
		}
		sum += sc.Total
		if ev.Summary == "" {
			ev.Summary = sc.Summary
			for _, fc := range sc.Factors {
				ev.Factors = append(ev.Factors, mentor.MatchFactor{Name: fc.Name, Score: fc.Score, Weight: fc.Weight, Reason: fc.Reason})
			}
		}
	}
	if f.Directional() {
		// The first mentee learns from every other member.
		lead := -1
		for i := range profiles {
			if profiles[i].Role == score.RoleMentee && lead < 0 {
				lead = i
			}
		}
		if lead < 0 {
			ev.Warnings = append(ev.Warnings, "no member has the mentee role")
			lead = 0
		}
		for i := range profiles {
			if i != lead {
				addPair(&profiles[lead], &profiles[i])
			}
		}
	} else {
		for i := range profiles {
			for j := i + 1; j < len(profiles); j++ {
				addPair(&profiles[i], &profiles[j])
			}
		}
	}
	if n > 0 {
		ev.Score = round1(sum / float64(n))
	}
	if ev.Summary == "" {
		ev.Summary = "No pair in this match passes the program's hard rules."
	}
	return ev
}
