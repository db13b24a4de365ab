package demo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

func (b *builder) circles() {
	g, r := b.g, b.r
	const k = 5
	b.begin(mentor.FormatCircles, "Leadership Circles for New Managers", "leadership-circles",
		"Peer coaching circles of five managers from different departments. Once a month one member brings a real "+
			"leadership case and facilitates; the circle helps with questions, not answers.",
		mentor.ModeAuto, plan{created: 24, enrolling: 25, matching: 40, running: 44, closed: -1, months: 6},
		mentor.ProgramOptions{GroupSize: k, MeetingCadence: mentor.CadenceMonthly})
	pool := b.pool(40, func(i int) bool {
		s := g.person(i).Seniority
		return s >= 3 && s <= 6 && slices.Contains(g.person(i).Languages, "English")
	})
	groups := b.dealCircles(pool, k)
	for _, members := range groups {
		for _, p := range members {
			b.enroll(p, mentor.RoleMember, 0, "Learn from other new managers facing the same problems.", nil)
		}
	}
	runAt := b.statusAt(mentor.StatusMatching).Add(r.minutes(60, 24*60))
	run := b.addRun(runAt, settingsOf(&b.ps.Program), len(pool))
	risky := r.IntN(len(groups))
	for gi, members := range groups {
		shuffle(r, members)
		focus := circleFocus(g, members)
		roles := make([]mentor.Role, len(members))
		for i := range roles {
			roles[i] = mentor.RoleMember
		}
		m := b.newMatch(run, 0, members, roles, g.groupFit(mentor.FormatCircles, members, focus), runAt)
		accepted := runAt.Add(r.minutes(6*60, 5*24*60))
		accept(m, accepted, mentor.MatchActive)
		var lessons []lesson
		for _, p := range members {
			s := focus
			for _, w := range g.wantsOf(p) {
				if slices.Contains(midCareerWants, w) || slices.Contains(leadershipSkills, w) {
					s = w
					break
				}
			}
			lessons = append(lessons, lesson{learner: p, teacher: -1, skill: s})
		}
		rl := &rel{mi: len(b.ps.Matches) - 1, start: accepted, eng: engagement(r), cadence: 30, minutes: 90,
			kind: mentor.MeetingCircle, lessons: lessons, goals: true}
		if gi == risky {
			rl.eng = 0.3
			rl.quiet = g.now.Add(-days(float64(r.between(50, 70))))
		}
		shared := sharedCircleGoal(r, focus)
		rl.sharedGoal = &shared
		rl.agenda = func(k int, ms *MeetingSpec) {
			f := members[k%len(members)]
			ms.Facilitator = f
			c := pick(r, circleCases)
			ms.Meeting.Agenda = fmt.Sprintf("Case clinic facilitated by %s: %s", g.firstName(f), c)
			ms.Meeting.SharedNotes = fmt.Sprintf("Case: %s Questions that helped: what do you want them to feel afterwards? what have you not tried yet? Each member named one next step.", c)
		}
		b.live(rl)
	}
}

// dealCircles deals people sorted by department round-robin into circles
// of k, so each circle mixes departments; a person goes to the next circle
// with room whose members all share the program's weekly hours with them,
// and is left out when there is none. Circles that end up short are dropped.
func (b *builder) dealCircles(pool []int, k int) [][]int {
	g := b.g
	sorted := slices.Clone(pool)
	slices.SortStableFunc(sorted, func(x, y int) int { return strings.Compare(g.person(x).Department, g.person(y).Department) })
	groups := make([][]int, len(pool)/k)
	for i, p := range sorted {
		for j := range groups {
			grp := &groups[(i+j)%len(groups)]
			if len(*grp) < k && b.overlaps(append(slices.Clone(*grp), p)...) {
				*grp = append(*grp, p)
				break
			}
		}
	}
	return slices.DeleteFunc(groups, func(grp []int) bool { return len(grp) < k })
}

// circleFocus is the leadership skill most members of a circle want (People Management by default).
func circleFocus(g *gen, members []int) string {
	count := map[string]int{}
	best, bestN := "People Management", 0
	for _, p := range members {
		for _, w := range g.wantsOf(p) {
			if slices.Contains(midCareerWants, w) {
				count[w]++
				if count[w] > bestN || (count[w] == bestN && w < best) {
					best, bestN = w, count[w]
				}
			}
		}
	}
	return best
}

func (b *builder) flash() {
	g, r := b.g, b.r
	b.begin(mentor.FormatFlash, "Ask an Expert: Flash Mentoring", "ask-an-expert",
		"Book a 30-minute slot from an expert's published office hours for one focused question. No long-term "+
			"commitment: one session, one topic.",
		mentor.ModeSelfSelect, plan{created: 7, enrolling: 8, matching: 19, running: 21, closed: -1, months: 12},
		mentor.ProgramOptions{DefaultCapacity: 3, MeetingCadence: mentor.CadenceWeekly})
	experts := b.pool(12, func(i int) bool { return g.person(i).Seniority >= 4 })
	mentees := b.pool(45, func(i int) bool { return g.person(i).Seniority <= 4 })
	for _, e := range experts {
		b.enroll(e, mentor.RoleMentor, 3, "Help colleagues with quick, focused questions.", map[string]string{"topics": joinSkills(g, e, true)})
	}
	for _, m := range mentees {
		b.enroll(m, mentor.RoleMentee, 0, "Get quick answers from experts when I am stuck.", nil)
	}
	running := b.statusAt(mentor.StatusRunning)
	o := outcomes[mentor.FormatFlash]
	for _, e := range experts {
		var topics []string
		for _, s := range g.person(e).Skills {
			if s.Offers && len(topics) < 3 {
				topics = append(topics, s.Skill)
			}
		}
		slot := g.info[e].week[0].from
		for t := running.Add(days(float64(r.between(1, 14)))); t.Before(g.now.AddDate(0, 0, 28)); t = t.Add(days(float64(r.between(14, 24)))) {
			startsAt := slotNear(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), slot)
			created := startsAt.Add(-days(float64(r.between(7, 14))))
			if created.Before(running) {
				created = running
			}
			if created.After(g.now) {
				created = g.now.Add(-time.Duration(r.between(1, 48)) * time.Hour)
			}
			oh := OfficeHoursSpec{Mentor: e, CreatedAt: created, BookedBy: -1, Match: -1,
				Slot: mentor.OfficeHours{StartsAt: startsAt, Minutes: 30, Topics: topics}}
			past := startsAt.Before(g.now.Add(-48 * time.Hour))
			future := startsAt.After(g.now)
			if (past && r.chance(0.6)) || (future && r.chance(0.3)) {
				b.book(&oh, e, mentees, topics, past, o)
			}
			b.ps.OfficeHours = append(b.ps.OfficeHours, oh)
		}
	}
}

// busyAt reports whether person p has booked a slot overlapping slot (the
// store refuses a second session at an overlapping time).
func (b *builder) busyAt(p int, slot mentor.OfficeHours) bool {
	end := slot.StartsAt.Add(time.Duration(slot.Minutes) * time.Minute)
	for _, o := range b.booked[p] {
		if o.StartsAt.Before(end) && slot.StartsAt.Before(o.StartsAt.Add(time.Duration(o.Minutes)*time.Minute)) {
			return true
		}
	}
	return false
}

// book lets a mentee book slot oh of expert e: the booking becomes a match
// with one flash meeting at the slot's time.
func (b *builder) book(oh *OfficeHoursSpec, e int, mentees []int, topics []string, past bool, o outcome) {
	g, r := b.g, b.r
	who, topic := -1, topics[0]
	for _, i := range r.Perm(len(mentees)) {
		m := mentees[i]
		if len(g.sharedLanguages(m, e)) == 0 || b.busyAt(m, oh.Slot) || !b.overlaps(m, e) {
			continue
		}
		if who < 0 {
			who = m
		}
		if _, ok := g.info[m].wants[topics[0]]; ok {
			who = m
			break
		}
	}
	if who < 0 {
		return
	}
	if _, ok := g.info[who].wants[topics[0]]; !ok {
		topic = pick(r, topics)
	}
	latest := oh.Slot.StartsAt.Add(-time.Hour)
	if latest.After(g.now) {
		latest = g.now
	}
	span := latest.Sub(oh.CreatedAt)
	if span <= 0 {
		return
	}
	bookedAt := oh.CreatedAt.Add(time.Duration(r.Float64() * float64(span))).Truncate(time.Minute)
	m := b.newMatch(-1, 0, []int{who, e}, []mentor.Role{mentor.RoleMentee, mentor.RoleMentor}, g.pairFit(mentor.FormatFlash, who, e, topic), bookedAt)
	accept(m, bookedAt, mentor.MatchAccepted)
	oh.BookedBy, oh.BookedAt, oh.Match = who, bookedAt, len(b.ps.Matches)-1
	b.booked[who] = append(b.booked[who], oh.Slot)
	rl := &rel{mi: oh.Match, start: bookedAt, kind: mentor.MeetingFlash, minutes: 30, eng: engagement(r),
		lessons: []lesson{{learner: who, teacher: e, skill: topic}},
		agenda: func(k int, ms *MeetingSpec) {
			ms.Meeting.Agenda = fmt.Sprintf("Flash session on %s: %s", topic, pick(r, flashQuestions))
			ms.Meeting.SharedNotes = fmt.Sprintf("%s answered the question on %s and pointed to two resources. %s", g.firstName(e), topic, pick(r, takeaways))
		}}
	status := mentor.MeetingScheduled
	if past {
		status = mentor.MeetingHeld
		if !r.chance(o.attend) {
			status = mentor.MeetingCancelled
		}
		end := oh.Slot.StartsAt.Add(time.Duration(oh.Slot.Minutes) * time.Minute)
		finish(m, mentor.MatchCompleted, -1, "", end)
		if status == mentor.MeetingCancelled {
			finish(m, mentor.MatchEnded, 0, "Could not make the slot.", end)
		}
	}
	b.meeting(rl, m, oh.Slot.StartsAt, status, o)
}

func (b *builder) advisoryBoard() {
	g, r := b.g, b.r
	h := g.now.Sub(g.start).Hours() / 24
	b.begin(mentor.FormatAdvisoryBoard, "Personal Advisory Boards (pilot)", "advisory-boards",
		"Build your own board: one senior mentor plus two or three peers with different backgrounds who advise you "+
			"on your career for six months. Enrolling now; boards start next month.",
		mentor.ModeReview, plan{created: h - 21, enrolling: h - 20, matching: -1, running: -1, closed: -1, months: 6},
		mentor.ProgramOptions{DefaultCapacity: 2, MinOverlapHours: hours(1), MeetingCadence: mentor.CadenceMonthly})
	for _, p := range b.pool(16, func(i int) bool { s := g.person(i).Seniority; return s >= 2 && s <= 5 }) {
		b.enroll(p, mentor.RoleMentee, 0, pick(r, enrollmentGoals), map[string]string{"career_aim": pick(r, []string{"Move into management", "Become a recognised expert", "Switch to another department", "Prepare for a director role"})})
	}
	for _, p := range b.pool(8, func(i int) bool { return g.person(i).Seniority >= 6 }) {
		b.enroll(p, mentor.RoleMentor, 1+r.IntN(3), "Advise someone outside my own reporting line.", nil)
	}
	for _, p := range b.pool(20, func(i int) bool { s := g.person(i).Seniority; return s >= 2 && s <= 5 }) {
		b.enroll(p, mentor.RolePeer, 0, "Give a peer a different perspective.", nil)
	}
}

// coordinator picks the person in People closest to seniority 5 and makes
// them the learning & development lead who runs the programs.
func (g *gen) coordinator() Account {
	best := -1
	for i, ps := range g.org.People {
		p := ps.Person
		if p.Department != "People" || !slices.Contains(p.Languages, "English") {
			continue
		}
		if best < 0 || abs(p.Seniority-5) < abs(g.person(best).Seniority-5) {
			best = i
		}
	}
	p := g.person(best)
	p.Title = "Learning & Development Lead"
	return Account{Person: best, Email: p.Email, Password: CoordinatorPassword, Role: mentor.UserCoordinator}
}

// participant picks the person whose account shows the most: a mentee in
// the mentoring program with a healthy match and active matches in as many
// other programs as possible.
func (g *gen) participant() Account {
	type stat struct {
		healthyMentee bool
		programs      map[int]bool
		goals         int
	}
	st := map[int]*stat{}
	get := func(p int) *stat {
		if st[p] == nil {
			st[p] = &stat{programs: map[int]bool{}}
		}
		return st[p]
	}
	for pi, ps := range g.org.Programs {
		for _, m := range ps.Matches {
			if m.Match.State != mentor.MatchActive {
				continue
			}
			lastHeld := time.Time{}
			for _, ms := range m.Meetings {
				if ms.Meeting.Status == mentor.MeetingHeld && ms.Meeting.StartsAt.After(lastHeld) {
					lastHeld = ms.Meeting.StartsAt
				}
			}
			healthy := g.now.Sub(lastHeld) < days(30)
			for k, p := range m.Members {
				s := get(p)
				s.programs[pi] = true
				if ps.Program.Format == mentor.FormatMentoring && m.Match.Members[k].Role == mentor.RoleMentee && healthy {
					s.healthyMentee = true
				}
			}
			for _, gs := range m.Goals {
				get(gs.Owner).goals++
			}
		}
	}
	best, bestScore := -1, -1
	for p := range g.org.People {
		s, ok := st[p]
		if !ok || !s.healthyMentee || p == g.org.Coordinator.Person {
			continue
		}
		score := 10*len(s.programs) + s.goals
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	if best < 0 { // cannot happen with the demo's sizes; fall back to any person
		best = 0
	}
	return Account{Person: best, Email: g.person(best).Email, Password: ParticipantPassword, Role: mentor.UserParticipant}
}
