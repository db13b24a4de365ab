package demo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// pairing is a proposed mentor-mentee pair and what it is about.
type pairing struct {
	mentee, mentor int
	skill          string
	fit            fit
}

// wantsOf lists the skills person p wants, in profile order.
func (g *gen) wantsOf(p int) []string {
	var out []string
	for _, s := range g.person(p).Skills {
		if s.Wants {
			out = append(out, s.Skill)
		}
	}
	return out
}

// teachable returns the first skill mentee wants that mentor offers at
// least two levels above the mentee's current level, or "".
func (g *gen) teachable(mentee, mentor int, among []string) string {
	for _, w := range g.wantsOf(mentee) {
		if among != nil && !slices.Contains(among, w) {
			continue
		}
		if lv, ok := g.info[mentor].offers[w]; ok && lv >= g.learnerLevel(mentee, w)+2 {
			return w
		}
	}
	return ""
}

// bipartite pairs mentees with mentors greedily by score, respecting each
// mentor's capacity; ok filters pairs and skill names what a pair is about
// ("" removes the pair).
func (b *builder) bipartite(f mentor.Format, mentees, mentors []int, capacity map[int]int, ok func(a, m int) bool, skill func(a, m int) string) []pairing {
	g := b.g
	var all []pairing
	for _, a := range mentees {
		for _, m := range mentors {
			if a == m || !ok(a, m) || len(g.sharedLanguages(a, m)) == 0 {
				continue
			}
			s := skill(a, m)
			if s == "" {
				continue
			}
			all = append(all, pairing{mentee: a, mentor: m, skill: s, fit: g.pairFit(f, a, m, s)})
		}
	}
	slices.SortStableFunc(all, func(x, y pairing) int {
		switch {
		case x.fit.total > y.fit.total:
			return -1
		case x.fit.total < y.fit.total:
			return 1
		}
		return 0
	})
	used := map[int]bool{}
	load := map[int]int{}
	var out []pairing
	for _, p := range all {
		if used[p.mentee] || load[p.mentor] >= capacity[p.mentor] {
			continue
		}
		used[p.mentee] = true
		load[p.mentor]++
		out = append(out, p)
	}
	// Keep the proposals in mentee order so that a run reads naturally.
	slices.SortStableFunc(out, func(x, y pairing) int { return slices.Index(mentees, x.mentee) - slices.Index(mentees, y.mentee) })
	return out
}

// alternative returns another mentor than not who would fit mentee (for a declined first proposal), or -1.
func (b *builder) alternative(f mentor.Format, mentee, not int, mentors []int, ok func(a, m int) bool) int {
	for _, m := range mentors {
		if m != not && m != mentee && ok(mentee, m) && len(b.g.sharedLanguages(mentee, m)) > 0 {
			return m
		}
	}
	return -1
}

// fate decides how an accepted relationship ends: still active (maybe at
// risk), completed early, or ended by a member.
type fate struct {
	state  mentor.MatchState
	end    time.Time
	ender  int // member position that ended it, -1
	reason string
	quiet  time.Time
}

func (b *builder) drawFate(accepted time.Time, pEnded, pCompleted, pRisk float64) fate {
	g, r := b.g, b.r
	f := fate{state: mentor.MatchActive, ender: -1}
	x := r.Float64()
	switch {
	case x < pEnded:
		end := accepted.Add(days(float64(r.between(30, 120))))
		if end.Before(g.now.Add(-7 * 24 * time.Hour)) {
			f.state, f.end, f.ender, f.reason = mentor.MatchEnded, end, r.IntN(2), pick(r, endReasons)
		}
	case x < pEnded+pCompleted:
		end := accepted.Add(days(float64(r.between(100, 150))))
		if end.Before(g.now.Add(-3 * 24 * time.Hour)) {
			f.state, f.end = mentor.MatchCompleted, end
		}
	case x < pEnded+pCompleted+pRisk:
		f.quiet = g.now.Add(-days(float64(r.between(46, 80))))
		if f.quiet.Before(accepted) {
			f.quiet = accepted
		}
	}
	return f
}

// directional runs the common life of mentor-mentee programs: enroll,
// match, accept (some decline first), live, and end as fate decides.
type directionalSpec struct {
	mentees, mentors []int
	capacity         map[int]int
	ok               func(a, m int) bool
	skill            func(a, m int) string
	pEnded, pDone    float64
	pRisk, pDecline  float64
	cadence          float64
	minutes          func() int
	kind             mentor.MeetingKind
	agenda           func(mentee, mentor int, skill string) func(k int, ms *MeetingSpec)
	// closeAt, when set, completes every surviving match at that moment.
	closeAt time.Time
}

func (b *builder) directional(d directionalSpec) {
	g, r := b.g, b.r
	f := b.ps.Program.Format
	runAt := b.statusAt(mentor.StatusMatching).Add(r.minutes(60, 24*60))
	run := b.addRun(runAt, settingsOf(&b.ps.Program), len(d.mentees)+len(d.mentors))
	ok := d.ok
	d.ok = func(a, m int) bool { return ok(a, m) && b.overlaps(a, m) } // the program's min_overlap_hours
	for _, p := range b.bipartite(f, d.mentees, d.mentors, d.capacity, d.ok, d.skill) {
		proposed := runAt
		fromRun := run
		if r.chance(d.pDecline) {
			if alt := b.alternative(f, p.mentee, p.mentor, d.mentors, d.ok); alt >= 0 {
				s := d.skill(p.mentee, alt)
				if s == "" {
					s = p.skill
				}
				m := b.newMatch(run, 0, []int{p.mentee, alt}, []mentor.Role{mentor.RoleMentee, mentor.RoleMentor}, g.pairFit(f, p.mentee, alt, s), runAt)
				at := runAt.Add(r.minutes(12*60, 5*24*60))
				who := r.IntN(2)
				m.Match.Members[1-who].Response = "accepted"
				decline(m, who, pick(r, declineReasons), at)
				proposed, fromRun = at.Add(r.minutes(12*60, 3*24*60)), -1
			}
		}
		m := b.newMatch(fromRun, 0, []int{p.mentee, p.mentor}, []mentor.Role{mentor.RoleMentee, mentor.RoleMentor}, p.fit, proposed)
		accepted := proposed.Add(r.minutes(2*60, 6*24*60))
		accept(m, accepted, mentor.MatchActive)
		ft := b.drawFate(accepted, d.pEnded, d.pDone, d.pRisk)
		if !d.closeAt.IsZero() {
			if ft.state != mentor.MatchEnded || ft.end.After(d.closeAt) {
				ft = fate{state: mentor.MatchCompleted, end: d.closeAt, ender: -1}
			}
		}
		if ft.state != mentor.MatchActive {
			finish(m, ft.state, ft.ender, ft.reason, ft.end)
		}
		mi := len(b.ps.Matches) - 1
		b.live(&rel{
			mi: mi, start: accepted, end: ft.end, eng: engagement(r), quiet: ft.quiet,
			cadence: d.cadence, minutes: d.minutes(), kind: d.kind,
			lessons: []lesson{{learner: p.mentee, teacher: p.mentor, skill: p.skill}},
			goals:   true, agenda: d.agenda(p.mentee, p.mentor, p.skill),
		})
	}
}

func (b *builder) mentoring() {
	g, r := b.g, b.r
	b.begin(mentor.FormatMentoring, "Grow: Cross-Functional Mentoring 2026", "grow-mentoring",
		"Our flagship program: a more senior colleague from another department mentors you for nine months on "+
			"your career and one skill you want to build. Mentors take one to four mentees; pairs meet every two weeks.",
		mentor.ModeReview, plan{created: 1, enrolling: 2, matching: 17, running: 21, closed: -1, months: 9},
		mentor.ProgramOptions{CrossFunctional: true, DefaultCapacity: 2, MinSeniorityGap: 1, MaxSeniorityGap: 4,
			MinOverlapHours: hours(2), MeetingCadence: mentor.CadenceFortnightly})
	mentors := b.pool(42, func(i int) bool { return g.person(i).Seniority >= 4 })
	mentees := b.pool(80, func(i int) bool { return g.person(i).Seniority <= 4 })
	capacity := map[int]int{}
	for _, m := range mentors {
		capacity[m] = 1 + r.weighted([]float64{0.25, 0.4, 0.2, 0.15})
		b.enroll(m, mentor.RoleMentor, capacity[m], pick(r, enrollmentGoals), map[string]string{"topics": joinSkills(g, m, true)})
	}
	for _, m := range mentees {
		b.enroll(m, mentor.RoleMentee, 0, pick(r, enrollmentGoals), map[string]string{"want_to_learn": joinSkills(g, m, false)})
	}
	ok := func(a, m int) bool {
		pa, pm := g.person(a), g.person(m)
		gap := pm.Seniority - pa.Seniority
		return pa.Department != pm.Department && gap >= 1 && gap <= 4
	}
	skill := func(a, m int) string {
		if s := g.teachable(a, m, nil); s != "" {
			return s
		}
		// A career mentor fits even without a matching skill: take the first want.
		return g.wantsOf(a)[0]
	}
	b.directional(directionalSpec{
		mentees: mentees, mentors: mentors, capacity: capacity, ok: ok, skill: skill,
		pEnded: 0.07, pDone: 0.08, pRisk: 0.1, pDecline: 0.06, cadence: 14,
		minutes: func() int { return 60 }, kind: mentor.MeetingRegular,
		agenda: func(mentee, mn int, sk string) func(int, *MeetingSpec) {
			return func(k int, ms *MeetingSpec) {
				if k == 0 {
					ms.Meeting.Agenda = "Kick-off: expectations, goals and how we work together"
					ms.Meeting.SharedNotes = fmt.Sprintf("Agreed to meet every two weeks. Focus: %s and %s's next career step. %s", sk, g.firstName(mentee), pick(r, takeaways))
					return
				}
				topic := pick(r, mentoringTopics)
				if r.chance(0.4) {
					topic = "hands-on work on " + sk
				}
				ms.Meeting.Agenda = "Discuss " + topic
				ms.Meeting.SharedNotes = fmt.Sprintf("Talked through %s. %s", topic, pick(r, takeaways))
			}
		},
	})
}

func (b *builder) reverse() {
	g, r := b.g, b.r
	b.begin(mentor.FormatReverse, "Reverse Mentoring: Digital Fluency", "reverse-mentoring",
		"Early-career colleagues mentor senior leaders on the digital skills they use every day: generative AI, "+
			"social media, automation. Leaders get hands-on practice; mentors get visibility and a window into leadership.",
		mentor.ModeReview, plan{created: 38, enrolling: 39, matching: 56, running: 60, closed: -1, months: 6},
		mentor.ProgramOptions{DefaultCapacity: 1, MinSeniorityGap: 2, MaxSeniorityGap: 7, MeetingCadence: mentor.CadenceFortnightly})
	digital := func(i int, offers bool) bool {
		for _, s := range digitalSkills {
			if lv, ok := g.info[i].offers[s]; offers && ok && lv >= 3 {
				return true
			}
			if _, ok := g.info[i].wants[s]; !offers && ok {
				return true
			}
		}
		return false
	}
	mentors := b.pool(30, func(i int) bool { return g.person(i).Seniority <= 3 && digital(i, true) })
	mentees := b.pool(24, func(i int) bool { return g.person(i).Seniority >= 5 && digital(i, false) })
	capacity := map[int]int{}
	for _, m := range mentors {
		capacity[m] = 1 + r.weighted([]float64{0.7, 0.3})
		b.enroll(m, mentor.RoleMentor, capacity[m], "Share what I know about digital tools and learn how leaders think.", nil)
	}
	for _, m := range mentees {
		b.enroll(m, mentor.RoleMentee, 0, "Pick up digital skills I never had time for.", nil)
	}
	b.directional(directionalSpec{
		mentees: mentees, mentors: mentors, capacity: capacity,
		ok: func(a, m int) bool {
			gap := g.person(a).Seniority - g.person(m).Seniority
			return gap >= 2 && gap <= 7
		},
		skill:  func(a, m int) string { return g.teachable(a, m, digitalSkills) },
		pEnded: 0.05, pDone: 0.05, pRisk: 0.08, pDecline: 0.05, cadence: 14,
		minutes: func() int { return 45 }, kind: mentor.MeetingRegular,
		agenda: func(mentee, mn int, sk string) func(int, *MeetingSpec) {
			return func(k int, ms *MeetingSpec) {
				ms.Meeting.Agenda = fmt.Sprintf("Hands-on: %s on a real task from %s's week", sk, g.firstName(mentee))
				ms.Meeting.SharedNotes = fmt.Sprintf("%s showed a %s workflow; %s tried it on a live task. %s", g.firstName(mn), sk, g.firstName(mentee), pick(r, takeaways))
			}
		},
	})
}

func (b *builder) shadow() {
	g, r := b.g, b.r
	closed := 136.0
	b.begin(mentor.FormatShadow, "Shadow a Leader", "shadow-a-leader",
		"Spend a few hours at a time observing a senior leader at real work: reviews, negotiations, hiring panels. "+
			"Log what you notice and debrief it together afterwards.",
		mentor.ModeAuto, plan{created: 0.5, enrolling: 1, matching: 13, running: 16, closed: closed, months: 4},
		mentor.ProgramOptions{DefaultCapacity: 1, MinSeniorityGap: 2, MaxSeniorityGap: 6, MeetingCadence: mentor.CadenceFortnightly})
	mentors := b.pool(14, func(i int) bool { return g.person(i).Seniority >= 6 })
	mentees := b.pool(22, func(i int) bool { s := g.person(i).Seniority; return s >= 2 && s <= 4 })
	capacity := map[int]int{}
	for _, m := range mentors {
		capacity[m] = 1 + r.weighted([]float64{0.5, 0.5})
		b.enroll(m, mentor.RoleMentor, capacity[m], "Open my calendar to someone who wants to see leadership up close.", nil)
	}
	for _, m := range mentees {
		b.enroll(m, mentor.RoleMentee, 0, "See how decisions get made at the top.", nil)
	}
	b.directional(directionalSpec{
		mentees: mentees, mentors: mentors, capacity: capacity,
		ok: func(a, m int) bool {
			gap := g.person(m).Seniority - g.person(a).Seniority
			return gap >= 2 && gap <= 6
		},
		skill: func(a, m int) string {
			if s := g.teachable(a, m, nil); s != "" {
				return s
			}
			return g.wantsOf(a)[0]
		},
		pEnded: 0.08, pDone: 0, pRisk: 0, pDecline: 0, cadence: 18,
		minutes: func() int { return pick(r, []int{120, 180, 240}) }, kind: mentor.MeetingShadow,
		agenda: func(mentee, mn int, sk string) func(int, *MeetingSpec) {
			return func(k int, ms *MeetingSpec) {
				ms.Meeting.Agenda = fmt.Sprintf("Shadow %s; debrief on %s afterwards", g.firstName(mn), sk)
				ms.Meeting.SharedNotes = shadowObservation(r, g.firstName(mn))
			}
		},
		closeAt: b.statusAt(mentor.StatusClosed),
	})
}

// joinSkills lists a person's offered or wanted skills for an enrollment answer.
func joinSkills(g *gen, p int, offered bool) string {
	var out []string
	for _, s := range g.person(p).Skills {
		if (offered && s.Offers) || (!offered && s.Wants) {
			out = append(out, s.Skill)
		}
	}
	return strings.Join(out, ", ")
}
