package matchrun

import (
	"context"
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/mentor"
)

// CheckMatch scores a hand-made or edited match m as Evaluate does (filling
// in members' roles) and lists every hard rule of the engine it breaks:
// the pair rules of the program (score.Score's RemovedBy: manager, blocked
// or declined before, past partner in rotations, cross-functional,
// language, seniority gap, availability ...), each mentor's capacity and
// one live match per person (mentor.CheckLoad). The live matches that
// count are the program's published ones and the drafts of m's own run;
// m itself (by id) is left out.
func (s *Service) CheckMatch(ctx context.Context, m *mentor.Match) (*Evaluation, []mentor.RuleBreach, error) {
	ev, err := s.Evaluate(ctx, m.ProgramID, m.Members)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.DB.Program(ctx, m.ProgramID)
	if err != nil {
		return nil, nil, err
	}
	ens, err := allEnrollments(ctx, s.DB, m.ProgramID)
	if err != nil {
		return nil, nil, err
	}
	all, err := allMatches(ctx, s.DB, m.ProgramID)
	if err != nil {
		return nil, nil, err
	}
	var others []mentor.Match
	for _, o := range all {
		sameRun := o.RunID != nil && m.RunID != nil && *o.RunID == *m.RunID
		if o.ID != m.ID && live(o.State) && (o.State != mentor.MatchDraft || sameRun) {
			others = append(others, o)
		}
	}
	capacity := map[int64]int{}
	for _, e := range ens {
		capacity[e.PersonID] = e.Capacity
	}
	ids := make([]int64, len(m.Members))
	for i, mm := range m.Members {
		ids[i] = mm.PersonID
	}
	people, err := s.DB.PeopleByIDs(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	for i := range m.Members {
		m.Members[i].Name = people[m.Members[i].PersonID].Name // Evaluate checked that they exist
	}
	breaches := mentor.CheckLoad(m, others, capacity)
	return ev, append(breaches, pairBreaches(p, m, people, ens, all)...), nil
}

// pairBreaches scores the pairs of m the engine would score (in
// directional formats the first mentee with every other member, else all
// pairs) with the program's history, and reports each pair a hard rule removes.
func pairBreaches(p *mentor.Program, m *mentor.Match, people map[int64]*mentor.Person, ens []mentor.Enrollment, history []mentor.Match) []mentor.RuleBreach {
	past, declined := partnersOf(history, m.ID)
	byPerson := map[int64]mentor.Enrollment{}
	for _, e := range ens {
		byPerson[e.PersonID] = e
	}
	now := time.Now().UTC()
	profiles := make([]score.Profile, len(m.Members))
	lead := -1
	for i, mm := range m.Members {
		e := byPerson[mm.PersonID]
		e.Role = mm.Role
		profiles[i] = Profile(people[mm.PersonID], &e, past[mm.PersonID], now)
		for _, id := range declined[mm.PersonID] {
			profiles[i].Blocked = append(profiles[i].Blocked, idString(id))
		}
		if lead < 0 && mm.Role == mentor.RoleMentee {
			lead = i
		}
	}
	f := score.Format(p.Format)
	var out []mentor.RuleBreach
	for i := range profiles {
		for j := i + 1; j < len(profiles); j++ {
			a, b := i, j
			if f.Directional() {
				if lead < 0 || (i != lead && j != lead) {
					continue
				}
				if b == lead {
					a, b = b, a // the mentee comes first
				}
			}
			if sc, ok := score.Score(&profiles[a], &profiles[b], f, Weights(p), Rules(p)); !ok {
				out = append(out, mentor.RuleBreach{Rule: string(sc.RemovedBy), Field: "members",
					Message: fmt.Sprintf("%s and %s: %s", profiles[a].Name, profiles[b].Name, sc.Summary)})
			}
		}
	}
	return out
}

// partnersOf lists, per person, who they shared a published match with
// (past partners) and who declined a match with them, leaving out match skip.
func partnersOf(matches []mentor.Match, skip int64) (past, declined map[int64][]int64) {
	past, declined = map[int64][]int64{}, map[int64][]int64{}
	for _, o := range matches {
		if o.ID == skip || o.State == mentor.MatchDraft {
			continue
		}
		for _, a := range o.Members {
			for _, b := range o.Members {
				if a.PersonID == b.PersonID {
					continue
				}
				past[a.PersonID] = append(past[a.PersonID], b.PersonID)
				if o.State == mentor.MatchDeclined {
					declined[a.PersonID] = append(declined[a.PersonID], b.PersonID)
				}
			}
		}
	}
	return past, declined
}
