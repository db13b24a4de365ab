package match

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/bipartite"
	"github.com/mentormesh/mentormesh/internal/match/general"
	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/groups"
	"github.com/mentormesh/mentormesh/internal/match/rotation"
	"github.com/mentormesh/mentormesh/internal/match/score"
)

// PlanOptions tune Plan.
type PlanOptions struct {
	// TopK is the length of each person's candidate list (0 means 50).
	TopK int
	// GroupSize is k for circles and rotation groups (rotation: 2 = pairs).
	GroupSize int
	// Fair first maximises the worst pair, then the total (bipartite formats).
	Fair bool
	// MaxCardinality first matches as many people as possible, then
	// maximises the total; on by default through Plan's callers.
	MaxCardinality bool
	// BoardPeers is how many peers an advisory board gets besides its
	// mentor (2 or 3; 0 means 2).
	BoardPeers int
	Seed       int64
	// Budget bounds the groups heuristic (0: its default).
	Budget time.Duration
}

// Proposal is one proposed pair or group with its explanation.
type Proposal struct {
	// Members are indexes into the people slice; in directional formats the
	// mentee (board owner) comes first, then the mentor, then board peers.
	Members []int
	Roles   []score.Role
	Score   float64 // 0..100; for groups the mean of the pairs inside
	Summary string
	Factors []score.Factor
	// Pairs holds the scored pairs behind a group proposal.
	Pairs []score.Scored
}

// PlanResult is the outcome of Plan.
type PlanResult struct {
	Format    score.Format
	Proposals []Proposal
	// Unmatched lists people (indexes) left without a partner or group.
	Unmatched []int
	Total     float64
	// Bound is an upper bound on the groups objective (circles), else 0.
	Bound float64
}

// Plan scores the people of one program and solves its matching problem:
// bipartite b-matching with mentor capacities for mentoring, reverse,
// shadow and flash; maximum-weight general matching for peer and
// skill_swap; groups of GroupSize for circles; one round of a rotation
// (never repeating PastPartners) for rotation; and for advisory_board a
// mentor per board owner plus BoardPeers peers chosen for diverse
// departments. It fails on invalid input, never panics.
func Plan(people []score.Profile, f score.Format, w score.Weights, r score.Rules, opt PlanOptions) (PlanResult, error) {
	if opt.TopK <= 0 {
		opt.TopK = 50
	}
	res := PlanResult{Format: f}
	if len(people) == 0 {
		return res, nil
	}
	cs, err := score.Candidates(people, f, w, r, opt.TopK)
	if err != nil {
		return res, err
	}
	g, err := cs.Graph(people)
	if err != nil {
		return res, err
	}
	switch f {
	case score.FormatMentoring, score.FormatReverse, score.FormatShadow, score.FormatFlash:
		err = planBipartite(people, f, w, r, g, opt, &res)
	case score.FormatAdvisoryBoard:
		err = planBoards(people, f, w, r, g, opt, &res)
	case score.FormatPeer, score.FormatSkillSwap:
		err = planPairs(people, f, w, r, g, opt, &res)
	case score.FormatCircles:
		err = planGroups(people, f, w, r, g, opt, &res)
	case score.FormatRotation:
		err = planRotation(people, f, w, r, g, opt, &res)
	default:
		err = fmt.Errorf("match: plan: unknown format %q", f)
	}
	if err != nil {
		return res, err
	}
	in := make([]bool, len(people))
	for _, p := range res.Proposals {
		res.Total += p.Score
		for _, m := range p.Members {
			in[m] = true
		}
	}
	for i := range people {
		if !in[i] {
			res.Unmatched = append(res.Unmatched, i)
		}
	}
	return res, nil
}

func pairProposal(people []score.Profile, f score.Format, w score.Weights, r score.Rules, a, b int, ra, rb score.Role) Proposal {
	s, _ := score.Score(&people[a], &people[b], f, w, r)
	return Proposal{Members: []int{a, b}, Roles: []score.Role{ra, rb}, Score: s.Total, Summary: s.Summary, Factors: s.Factors, Pairs: []score.Scored{s}}
}

func planBipartite(people []score.Profile, f score.Format, w score.Weights, r score.Rules, g score.CandidateGraph, opt PlanOptions, res *PlanResult) error {
	br, err := bipartite.Match(len(g.Left), len(g.Right), g.Edges, g.Capacity, bipartite.Options{MaxCardinality: opt.MaxCardinality, Fair: opt.Fair})
	if err != nil {
		return err
	}
	for _, e := range br.Pairs {
		res.Proposals = append(res.Proposals, pairProposal(people, f, w, r, g.Left[e.U], g.Right[e.V], score.RoleMentee, score.RoleMentor))
	}
	return nil
}

func planPairs(people []score.Profile, f score.Format, w score.Weights, r score.Rules, g score.CandidateGraph, opt PlanOptions, res *PlanResult) error {
	gr, err := general.Match(len(people), g.Edges, general.Options{MaxCardinality: opt.MaxCardinality})
	if err != nil {
		return err
	}
	for _, e := range gr.Pairs {
		res.Proposals = append(res.Proposals, pairProposal(people, f, w, r, e.U, e.V, score.RolePeer, score.RolePeer))
	}
	return nil
}

// groupProposal scores every pair inside a group and explains the group by
// its mean score and the reasons of its strongest pairs.
func groupProposal(people []score.Profile, f score.Format, w score.Weights, r score.Rules, members []int, role score.Role) Proposal {
	p := Proposal{Members: members}
	var sum float64
	n := 0
	for i := 0; i < len(members); i++ {
		p.Roles = append(p.Roles, role)
		for j := i + 1; j < len(members); j++ {
			s, ok := score.Score(&people[members[i]], &people[members[j]], f, w, r)
			if ok {
				sum += s.Total
			}
			n++
			p.Pairs = append(p.Pairs, s)
		}
	}
	if n > 0 {
		p.Score = sum / float64(n)
	}
	best := slices.Clone(p.Pairs)
	slices.SortStableFunc(best, func(a, b score.Scored) int { return cmp.Compare(b.Total, a.Total) })
	depts := map[string]bool{}
	for _, m := range members {
		if d := strings.ToLower(strings.TrimSpace(people[m].Department)); d != "" {
			depts[d] = true
		}
	}
	parts := []string{fmt.Sprintf("%d members from %d departments, mean fit %.0f/100", len(members), len(depts), p.Score)}
	for _, s := range best[:min(2, len(best))] {
		if s.Total > 0 && s.Summary != "" {
			parts = append(parts, s.Summary)
		}
	}
	p.Summary = strings.Join(parts, " ")
	if len(best) > 0 {
		p.Factors = best[0].Factors
	}
	return p
}

func planGroups(people []score.Profile, f score.Format, w score.Weights, r score.Rules, g score.CandidateGraph, opt PlanOptions, res *PlanResult) error {
	k := opt.GroupSize
	if k < 2 {
		return errors.New("match: plan: circles need a group size of at least 2")
	}
	gr, err := groups.Partition(len(people), g.Edges, groups.Options{Size: k, Seed: opt.Seed, Budget: opt.Budget})
	if err != nil {
		return err
	}
	res.Bound = gr.Bound
	for _, grp := range gr.Groups {
		if len(grp) < 2 {
			continue
		}
		res.Proposals = append(res.Proposals, groupProposal(people, f, w, r, grp, score.RoleMember))
	}
	return nil
}

func planRotation(people []score.Profile, f score.Format, w score.Weights, r score.Rules, g score.CandidateGraph, opt PlanOptions, res *PlanResult) error {
	k := max(opt.GroupSize, 2)
	index := make(map[string]int, len(people))
	for i, p := range people {
		index[p.ID] = i
	}
	var history [][2]int
	for i, p := range people {
		for _, id := range p.PastPartners {
			if j, ok := index[id]; ok && i < j {
				history = append(history, [2]int{i, j})
			}
		}
	}
	rr, err := rotation.Schedule(len(people), g.Edges, rotation.Options{Size: k, Rounds: 1, History: history, Seed: opt.Seed})
	if err != nil {
		return err
	}
	if len(rr.Rounds) == 0 {
		return nil
	}
	// Scores come without the past-partner rule: the rotation solver keeps
	// repeats to a minimum and reports them, rather than leaving people out.
	rs := r
	rs.ExcludePastPartners = false
	for _, grp := range rr.Rounds[0] {
		switch len(grp) {
		case 0, 1:
		case 2:
			res.Proposals = append(res.Proposals, pairProposal(people, f, w, rs, grp[0], grp[1], score.RolePeer, score.RolePeer))
		default:
			res.Proposals = append(res.Proposals, groupProposal(people, f, w, rs, grp, score.RolePeer))
		}
	}
	return nil
}

// planBoards gives every board owner (role mentee) one mentor, by
// bipartite matching with mentor capacities, then BoardPeers peers, one
// round at a time; in each round a peer scores less for an owner whose
// board already has someone of the peer's department, so boards come out
// diverse.
func planBoards(people []score.Profile, f score.Format, w score.Weights, r score.Rules, g score.CandidateGraph, opt PlanOptions, res *PlanResult) error {
	peers := opt.BoardPeers
	if peers <= 0 {
		peers = 2
	}
	var mentorEdges []graph.Edge
	isMentor := make([]bool, len(g.Right))
	for j, pi := range g.Right {
		isMentor[j] = people[pi].Role == score.RoleMentor
	}
	for _, e := range g.Edges {
		if isMentor[e.V] {
			mentorEdges = append(mentorEdges, e)
		}
	}
	capacity := slices.Clone(g.Capacity)
	br, err := bipartite.Match(len(g.Left), len(g.Right), mentorEdges, capacity, bipartite.Options{MaxCardinality: true, Fair: opt.Fair})
	if err != nil {
		return err
	}
	board := make([][]int, len(g.Left)) // right-side indexes on each owner's board
	for _, e := range br.Pairs {
		board[e.U] = append(board[e.U], e.V)
	}
	left := make([]int, len(g.Right))
	for j := range g.Right {
		left[j] = max(capacity[j], 1)
		if isMentor[j] {
			left[j] = 0
		}
	}
	for round := 0; round < peers; round++ {
		var edges []graph.Edge
		for _, e := range g.Edges {
			if isMentor[e.V] || left[e.V] == 0 || slices.Contains(board[e.U], e.V) || len(board[e.U]) == 0 {
				continue
			}
			wgt := e.W
			for _, on := range board[e.U] {
				if strings.EqualFold(people[g.Right[on]].Department, people[g.Right[e.V]].Department) {
					wgt -= 25 // a second person from the same department adds less perspective
				}
			}
			edges = append(edges, graph.Edge{U: e.U, V: e.V, W: max(wgt, 0.01)})
		}
		rr, err := bipartite.Match(len(g.Left), len(g.Right), edges, left, bipartite.Options{MaxCardinality: true})
		if err != nil {
			return err
		}
		for _, e := range rr.Pairs {
			board[e.U] = append(board[e.U], e.V)
			left[e.V]--
		}
	}
	for u, b := range board {
		if len(b) > 0 {
			res.Proposals = append(res.Proposals, boardProposal(people, f, w, r, g.Left[u], g.Right, b))
		}
	}
	return nil
}

// boardProposal explains the board of owner: advisers are right-side
// indexes into right, the mentor first, then the peers.
func boardProposal(people []score.Profile, f score.Format, w score.Weights, r score.Rules, owner int, right []int, advisers []int) Proposal {
	p := Proposal{Members: []int{owner}, Roles: []score.Role{score.RoleMentee}}
	var sum float64
	var reasons []string
	for i, v := range advisers {
		adv := right[v]
		s, _ := score.Score(&people[owner], &people[adv], f, w, r)
		role := score.RolePeer
		if i == 0 {
			role = score.RoleMentor
			p.Factors = s.Factors
		}
		p.Members = append(p.Members, adv)
		p.Roles = append(p.Roles, role)
		p.Pairs = append(p.Pairs, s)
		sum += s.Total
		if s.Summary != "" && len(reasons) < 2 {
			reasons = append(reasons, s.Summary)
		}
	}
	p.Score = sum / float64(len(advisers))
	p.Summary = fmt.Sprintf("A board of %d advisers, mean fit %.0f/100. %s", len(advisers), p.Score, strings.Join(reasons, " "))
	return p
}
