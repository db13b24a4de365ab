package demo

import (
	"fmt"
	"slices"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// duo is a proposed pair of peers.
type duo struct {
	a, b int
	fit  fit
	// x is what a teaches b, y what b teaches a (skill swap only).
	x, y string
}

// greedyPairs picks disjoint pairs among people by descending score.
func greedyPairs(cands []duo, limit int) []duo {
	slices.SortStableFunc(cands, func(p, q duo) int {
		switch {
		case p.fit.total > q.fit.total:
			return -1
		case p.fit.total < q.fit.total:
			return 1
		}
		return 0
	})
	used := map[int]bool{}
	var out []duo
	for _, c := range cands {
		if len(out) == limit {
			break
		}
		if used[c.a] || used[c.b] {
			continue
		}
		used[c.a], used[c.b] = true, true
		out = append(out, c)
	}
	return out
}

// peerLesson is what a learns from b in a peer pair: a skill a wants that b
// offers, else a's first want.
func (g *gen) peerLesson(a, b int) lesson {
	s := g.teachable(a, b, nil)
	if s == "" {
		s = g.wantsOf(a)[0]
	}
	return lesson{learner: a, teacher: b, skill: s}
}

// pairLife accepts (or declines) one proposed pair and lets it unfold.
func (b *builder) pairLife(run int, d duo, pDecline, pEnded, pRisk, cadence float64, agenda func(k int, ms *MeetingSpec), lessons []lesson) {
	r := b.r
	at := b.statusAt(mentor.StatusMatching).Add(r.minutes(60, 24*60))
	if run >= 0 {
		at = b.ps.Runs[run].CreatedAt
	}
	m := b.newMatch(run, 0, []int{d.a, d.b}, []mentor.Role{mentor.RolePeer, mentor.RolePeer}, d.fit, at)
	if r.chance(pDecline) {
		who := r.IntN(2)
		m.Match.Members[1-who].Response = "accepted"
		decline(m, who, pick(r, declineReasons), at.Add(r.minutes(6*60, 4*24*60)))
		return
	}
	accepted := at.Add(r.minutes(2*60, 5*24*60))
	accept(m, accepted, mentor.MatchActive)
	ft := b.drawFate(accepted, pEnded, 0, pRisk)
	if ft.state != mentor.MatchActive {
		finish(m, ft.state, ft.ender, ft.reason, ft.end)
	}
	b.live(&rel{mi: len(b.ps.Matches) - 1, start: accepted, end: ft.end, eng: engagement(r), quiet: ft.quiet,
		cadence: cadence, minutes: 60, kind: mentor.MeetingRegular, lessons: lessons, goals: true, agenda: agenda})
}

func (b *builder) peer() {
	g, r := b.g, b.r
	b.begin(mentor.FormatPeer, "Gen Z Peer Exchange", "gen-z-peers",
		"Reciprocal peer mentoring for colleagues born from 1997 on. Pairs of similar level take turns: in each "+
			"session one of you is the mentee and brings a real dilemma, the other asks questions. Pick your partner from a shortlist.",
		mentor.ModeSelfSelect, plan{created: 52, enrolling: 53, matching: 70, running: 74, closed: -1, months: 6},
		mentor.ProgramOptions{CohortGenerations: []string{"gen_z"}, GroupSize: 2, MinOverlapHours: hours(2), MeetingCadence: mentor.CadenceFortnightly})
	pool := b.pool(40, func(i int) bool { return g.info[i].gen == "gen_z" })
	for _, p := range pool {
		b.enroll(p, mentor.RolePeer, 0, pick(r, enrollmentGoals), nil)
	}
	var cands []duo
	for i, a := range pool {
		for _, c := range pool[i+1:] {
			if abs(g.person(a).Seniority-g.person(c).Seniority) > 1 || len(g.sharedLanguages(a, c)) == 0 || !b.overlaps(a, c) {
				continue
			}
			cands = append(cands, duo{a: a, b: c, fit: g.pairFit(mentor.FormatPeer, a, c, g.peerLesson(a, c).skill)})
		}
	}
	runAt := b.statusAt(mentor.StatusMatching).Add(r.minutes(60, 24*60))
	run := b.addRun(runAt, settingsOf(&b.ps.Program), len(pool))
	for _, d := range greedyPairs(cands, len(pool)/2) {
		la, lb := g.peerLesson(d.a, d.b), g.peerLesson(d.b, d.a)
		agenda := func(k int, ms *MeetingSpec) {
			turn := []int{d.a, d.b}[k%2]
			ms.Mentee = turn
			ms.Meeting.Dilemma = pick(r, dilemmas)
			ms.Meeting.Agenda = fmt.Sprintf("%s's turn as mentee: bring one dilemma; the other asks questions", g.firstName(turn))
			ms.Meeting.SharedNotes = fmt.Sprintf("Worked on %s's dilemma. Options we explored: talk to the manager first, test a small step, or wait a month. %s", g.firstName(turn), pick(r, takeaways))
		}
		b.pairLife(run, d, 0.05, 0.05, 0.08, peerCadenceDays, agenda, []lesson{la, lb})
	}
}

func (b *builder) skillSwap() {
	g, r := b.g, b.r
	b.begin(mentor.FormatSkillSwap, "Skill Swap: Teach One, Learn One", "skill-swap",
		"Reciprocal pairs: you teach your partner a skill you know well, your partner teaches you one you want. "+
			"Both directions must fit, so every pair learns something.",
		mentor.ModeAuto, plan{created: 78, enrolling: 79, matching: 94, running: 98, closed: -1, months: 4},
		mentor.ProgramOptions{GroupSize: 2, MeetingCadence: mentor.CadenceFortnightly})
	// Find reciprocal pairs in the whole company, then enroll them and a
	// few people who will find no partner.
	var cands []duo
	n := len(g.org.People)
	for a := 0; a < n; a++ {
		if a == g.org.Coordinator.Person || g.info[a].programs > 2 {
			continue
		}
		for c := a + 1; c < n; c++ {
			if c == g.org.Coordinator.Person || g.info[c].programs > 2 || len(g.sharedLanguages(a, c)) == 0 || !b.overlaps(a, c) {
				continue
			}
			x, y := g.teachable(c, a, nil), g.teachable(a, c, nil)
			if x == "" || y == "" || x == y {
				continue
			}
			cands = append(cands, duo{a: a, b: c, x: x, y: y, fit: g.swapFit(a, c, x, y)})
		}
	}
	pairs := greedyPairs(cands, 22)
	var people []int
	for _, d := range pairs {
		people = append(people, d.a, d.b)
	}
	for _, p := range people {
		b.enroll(p, mentor.RolePeer, 0, "Share what I know and learn something new in return.", nil)
	}
	for _, p := range b.pool(4, func(i int) bool { return g.info[i].programs <= 2 }) {
		b.enroll(p, mentor.RolePeer, 0, "Swap skills with someone from another team.", nil)
	}
	runAt := b.statusAt(mentor.StatusMatching).Add(r.minutes(60, 24*60))
	run := b.addRun(runAt, settingsOf(&b.ps.Program), len(b.ps.Enrollments))
	for _, d := range pairs {
		agenda := func(k int, ms *MeetingSpec) {
			teacher, learner, skill := d.a, d.b, d.x
			if k%2 == 1 {
				teacher, learner, skill = d.b, d.a, d.y
			}
			ms.Meeting.Agenda = fmt.Sprintf("%s teaches %s: %s", g.firstName(teacher), g.firstName(learner), skill)
			ms.Meeting.SharedNotes = fmt.Sprintf("%s walked %s through a %s exercise; homework agreed for next time.", g.firstName(teacher), g.firstName(learner), skill)
		}
		b.pairLife(run, d, 0.04, 0.06, 0.06, 14, agenda,
			[]lesson{{learner: d.b, teacher: d.a, skill: d.x}, {learner: d.a, teacher: d.b, skill: d.y}})
	}
}

func (b *builder) rotation() {
	g, r := b.g, b.r
	b.begin(mentor.FormatRotation, "Coffee Roulette: Meet Someone New", "coffee-roulette",
		"Every month you are paired with a colleague from another department for a 30-minute coffee chat. "+
			"You never meet the same person twice.",
		mentor.ModeAuto, plan{created: 4, enrolling: 5, matching: 16, running: 19, closed: -1, months: 6},
		mentor.ProgramOptions{CrossFunctional: true, GroupSize: 2, CycleCadence: mentor.CadenceMonthly, MeetingCadence: mentor.CadenceMonthly})
	pool := b.pool(60, func(i int) bool { return true })
	for _, p := range pool {
		b.enroll(p, mentor.RolePeer, 0, "Meet people outside my team.", nil)
	}
	seen := map[[2]int]bool{}
	running := b.statusAt(mentor.StatusRunning)
	for c := 1; ; c++ {
		cycleStart := running.Add(days(float64(30 * (c - 1))))
		if cycleStart.After(g.now.Add(-days(2))) {
			break
		}
		cycleEnd := cycleStart.Add(days(30))
		runAt := cycleStart.Add(-r.minutes(60, 6*60))
		if c == 1 {
			runAt = cycleStart.Add(r.minutes(10, 60))
		}
		run := b.addRun(runAt, map[string]any{"format": "rotation", "cycle": c}, len(pool))
		for _, pr := range b.rotationRound(pool, seen) {
			seen[pairKey(pr[0], pr[1])] = true
			a, c2 := pr[0], pr[1]
			m := b.newMatch(run, c, []int{a, c2}, []mentor.Role{mentor.RolePeer, mentor.RolePeer}, g.pairFit(mentor.FormatRotation, a, c2, ""), runAt)
			if r.chance(0.04) {
				who := r.IntN(2)
				m.Match.Members[1-who].Response = "accepted"
				decline(m, who, "Away this month.", runAt.Add(r.minutes(60, 2*24*60)))
				continue
			}
			accepted := runAt.Add(r.minutes(30, 2*24*60))
			accept(m, accepted, mentor.MatchActive)
			if cycleEnd.Before(g.now) {
				finish(m, mentor.MatchCompleted, -1, "", cycleEnd)
			}
			b.live(&rel{mi: len(b.ps.Matches) - 1, start: accepted, end: cycleEnd, eng: engagement(r), cadence: 30, minutes: 30,
				kind: mentor.MeetingRegular, maxSessions: 1,
				agenda: func(k int, ms *MeetingSpec) {
					ms.Meeting.Agenda = "Coffee chat: what are you working on, and what could we learn from each other?"
					ms.Meeting.SharedNotes = "Swapped stories about our teams; " + pick(r, []string{"found a shared interest in automation.", "agreed to introduce each other to our leads.", "might pair on a small cross-team project.", "just a nice chat."})
				}})
		}
	}
}

func pairKey(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

// rotationRound pairs the pool for one cycle: different departments, a
// shared language, and nobody meets a past partner. It tries several
// shuffles and keeps the one that pairs the most people.
func (b *builder) rotationRound(pool []int, seen map[[2]int]bool) [][2]int {
	g, r := b.g, b.r
	var best [][2]int
	for try := 0; try < 40 && len(best) < len(pool)/2; try++ {
		order := slices.Clone(pool)
		shuffle(r, order)
		used := map[int]bool{}
		var pairs [][2]int
		for i, a := range order {
			if used[a] {
				continue
			}
			for _, c := range order[i+1:] {
				if used[c] || seen[pairKey(a, c)] || g.person(a).Department == g.person(c).Department || len(g.sharedLanguages(a, c)) == 0 ||
					!b.overlaps(a, c) {
					continue
				}
				used[a], used[c] = true, true
				pairs = append(pairs, [2]int{a, c})
				break
			}
		}
		if len(pairs) > len(best) {
			best = pairs
		}
	}
	return best
}
