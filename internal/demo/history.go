package demo

import (
	"math"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// outcome shapes how relationships of one format tend to go. These are the
// generator's inputs; reports compute their figures from the generated data.
type outcome struct {
	rating    float64 // mean session rating
	directive float64 // share of feedback that calls the style directive
	gain      float64 // skill levels gained per three months at full engagement
	goalPace  float64 // share of a goal reached per month at full engagement
	pulse     float64 // shift of the pulse check-ins
	attend    float64 // share of planned sessions held at full engagement
}

var outcomes = map[mentor.Format]outcome{
	mentor.FormatMentoring: {4.3, 0.6, 1.0, 0.24, 0.2, 0.9},
	mentor.FormatReverse:   {4.3, 0.5, 1.4, 0.28, 0.3, 0.9},
	mentor.FormatPeer:      {4.0, 0.25, 0.3, 0.2, 0.0, 0.95},
	mentor.FormatSkillSwap: {4.1, 0.45, 1.1, 0.26, 0.1, 0.8},
	mentor.FormatCircles:   {4.2, 0.2, 0.5, 0.18, 0.3, 0.9},
	mentor.FormatRotation:  {3.9, 0.3, 0, 0, 0, 0.75},
	mentor.FormatFlash:     {4.5, 0.75, 0, 0, 0, 0.95},
	mentor.FormatShadow:    {4.4, 0.55, 0.9, 0.22, 0.2, 0.92},
}

// lesson is who learns which skill from whom inside a match (teacher -1: from the group).
type lesson struct {
	learner, teacher int
	skill            string
}

// rel describes how one accepted match unfolds.
type rel struct {
	mi         int // index into the program's Matches
	start, end time.Time
	eng        float64   // engagement 0..1
	quiet      time.Time // at risk: no sessions after this moment (zero: not at risk)
	cadence    float64   // days between sessions
	minutes    int
	kind       mentor.MeetingKind
	lessons    []lesson
	goals      bool
	// agenda fills the agenda, shared notes and turn of the k-th session (from 0).
	agenda func(k int, ms *MeetingSpec)
	// sharedGoal, when set, is a goal the whole match owns.
	sharedGoal *goalText
	// maxSessions stops after this many sessions (0: no limit).
	maxSessions int
}

// horizon is the last moment of the relationship that lies in the past.
func (b *builder) horizon(rl *rel) time.Time {
	if !rl.end.IsZero() && rl.end.Before(b.g.now) {
		return rl.end
	}
	return b.g.now
}

// live generates the history of an accepted match: sessions, goals,
// check-ins and assessments.
func (b *builder) live(rl *rel) {
	b.sessions(rl)
	if rl.goals {
		b.goals(rl)
	}
	if rl.kind != mentor.MeetingFlash && b.ps.Program.Format != mentor.FormatRotation {
		b.checkIns(rl)
		b.assessments(rl)
	}
}

func (b *builder) memberWeeks(members []int) [][]span {
	ws := make([][]span, len(members))
	for i, p := range members {
		ws[i] = b.g.info[p].week
	}
	return ws
}

// meetingSlot returns the UTC minute of the week the members meet at.
func (b *builder) meetingSlot(members []int) int {
	if s := sharedSlot(b.memberWeeks(members)...); s >= 0 {
		return s
	}
	w := b.g.info[members[0]].week
	return w[0].from
}

func (b *builder) sessions(rl *rel) {
	g, r := b.g, b.r
	m := &b.ps.Matches[rl.mi]
	o := outcomes[b.ps.Program.Format]
	slot := b.meetingSlot(m.Members)
	hz := b.horizon(rl)
	stop := hz
	if !rl.quiet.IsZero() && rl.quiet.Before(stop) {
		stop = rl.quiet
	}
	t := rl.start.Add(days(float64(r.between(2, 9))))
	held := 0
	for {
		when := slotNear(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), slot)
		if rl.maxSessions > 0 && held >= rl.maxSessions {
			break
		}
		if !when.Before(stop) {
			future := rl.end.IsZero() || rl.end.After(g.now)
			if when.After(g.now) && future && rl.quiet.IsZero() {
				b.meeting(rl, m, when, mentor.MeetingScheduled, o)
			}
			break
		}
		t = when
		if when.Before(g.now.Add(-48 * time.Hour)) {
			switch {
			case r.chance(o.attend * (0.55 + 0.45*rl.eng)):
				b.meeting(rl, m, when, mentor.MeetingHeld, o)
				held++
			case r.chance(0.4):
				b.meeting(rl, m, when, mentor.MeetingCancelled, o)
			}
		}
		t = t.Add(days(rl.cadence * (0.85 + 0.3*r.Float64()) * (1 + (1-rl.eng)*0.4)))
	}
}

// meeting adds the next session of match m at when with the given status;
// the agenda sees its position among the match's sessions, so turns
// (peer mentee, circle facilitator) rotate over the sessions that exist.
func (b *builder) meeting(rl *rel, m *MatchSpec, when time.Time, status mentor.MeetingStatus, o outcome) {
	g, r := b.g, b.r
	ms := MeetingSpec{Mentee: -1, Facilitator: -1}
	mins := rl.minutes
	if rl.kind == mentor.MeetingRegular && r.chance(0.3) {
		mins += pick(r, []int{-15, 15, 30})
	}
	created := when.Add(-days(float64(r.between(3, 12))))
	if created.After(g.now) {
		created = g.now.Add(-time.Hour)
	}
	if created.Before(m.AcceptedAt) {
		created = m.AcceptedAt
	}
	ms.Meeting = mentor.Meeting{StartsAt: when, Minutes: mins, Kind: rl.kind, Status: status, CreatedAt: created}
	if rl.agenda != nil {
		rl.agenda(len(m.Meetings), &ms)
	}
	if status != mentor.MeetingHeld {
		ms.Meeting.SharedNotes = ""
		m.Meetings = append(m.Meetings, ms)
		return
	}
	for _, p := range m.Members {
		if len(m.Members) <= 2 || p == ms.Facilitator || r.chance(0.85) {
			ms.Attendance = append(ms.Attendance, p)
		}
	}
	end := when.Add(time.Duration(mins) * time.Minute)
	after := func() time.Time { return g.clampPast(end.Add(r.minutes(20, 30*60))) }
	if r.chance(0.3) {
		ms.Notes = append(ms.Notes, NoteSpec{Author: pick(r, ms.Attendance), Note: mentor.Note{Text: pick(r, actionNotes), CreatedAt: after()}})
	}
	if r.chance(0.2) {
		ms.Notes = append(ms.Notes, NoteSpec{Author: pick(r, ms.Attendance), Note: mentor.Note{Private: true, Text: pick(r, privateNotes), CreatedAt: after()}})
	}
	for _, p := range ms.Attendance {
		if !r.chance(b.feedbackChance(rl, p)) {
			continue
		}
		rating := clamp(iround(r.normal(o.rating+(rl.eng-0.7)*1.5, 0.6)), 1, 5)
		style := "reflective"
		if r.chance(o.directive) {
			style = "directive"
		}
		ms.Feedback = append(ms.Feedback, FeedbackSpec{Author: p, Feedback: mentor.Feedback{
			Rating: rating, Style: style, Text: feedbackText(r, rating, style), CreatedAt: after()}})
	}
	m.Meetings = append(m.Meetings, ms)
}

// feedbackChance is how likely person p gives feedback: learners more than teachers.
func (b *builder) feedbackChance(rl *rel, p int) float64 {
	for _, l := range rl.lessons {
		if l.learner == p {
			return 0.8
		}
	}
	return 0.5
}

func (b *builder) goals(rl *rel) {
	g, r := b.g, b.r
	m := &b.ps.Matches[rl.mi]
	for _, l := range rl.lessons {
		if l.skill == "" || !r.chance(0.9) {
			continue
		}
		gt := goalFor(r, l.skill, g.learnerLevel(l.learner, l.skill))
		m.Goals = append(m.Goals, b.goal(rl, l.learner, false, l.skill, gt))
	}
	if rl.sharedGoal != nil {
		m.Goals = append(m.Goals, b.goal(rl, m.Members[0], true, rl.lessons[0].skill, *rl.sharedGoal))
	}
}

// goal builds one goal with its progress over the relationship.
func (b *builder) goal(rl *rel, owner int, shared bool, skill string, gt goalText) GoalSpec {
	g, r := b.g, b.r
	o := outcomes[b.ps.Program.Format]
	created := g.clampPast(rl.start.Add(days(float64(r.between(2, 14)))))
	due := rl.start.AddDate(0, r.between(3, 6), 0)
	base, target := gt.baseline, gt.target
	goal := mentor.Goal{
		Title: gt.title, Description: gt.description, Metric: gt.metric, Unit: gt.unit,
		Baseline: &base, Target: &target, Current: base, Plan: gt.plan, Relevance: gt.relevance,
		DueDate: date(due), Status: mentor.GoalOpen, CreatedAt: created, UpdatedAt: created,
	}
	n := len(gt.milestones)
	for k, title := range gt.milestones {
		md := created.Add(time.Duration(float64(due.Sub(created)) * float64(k+1) / float64(n)))
		goal.Milestones = append(goal.Milestones, mentor.Milestone{Title: title, DueDate: date(md)})
	}
	spec := GoalSpec{Owner: owner, Shared: shared, Skill: skill}
	hz := b.horizon(rl)
	pace := o.goalPace * (0.4 + 0.8*rl.eng) * (0.7 + 0.6*r.Float64())
	frac := 0.0
	for t := created.Add(days(float64(r.between(18, 35)))); t.Before(hz); t = t.Add(days(float64(r.between(20, 40)))) {
		if !rl.quiet.IsZero() && t.After(rl.quiet) {
			break
		}
		frac = math.Min(1, frac+pace*(0.5+r.Float64()))
		v := math.Round(base + frac*(target-base))
		if v == goal.Current && r.chance(0.5) {
			continue
		}
		goal.Current = v
		goal.UpdatedAt = t
		spec.Progress = append(spec.Progress, ProgressSpec{Author: owner, Update: mentor.ProgressUpdate{Value: v, Note: progressNote(r, frac), CreatedAt: t}})
		if v == target {
			break
		}
	}
	progress := goal.Progress()
	for k := range goal.Milestones {
		goal.Milestones[k].Done = progress >= float64(k+1)/float64(n)-1e-9
	}
	switch {
	case goal.Current == target:
		goal.Status = mentor.GoalAchieved
	case b.ps.Matches[rl.mi].Match.State == mentor.MatchEnded && r.chance(0.6):
		goal.Status = mentor.GoalAbandoned
		goal.UpdatedAt = g.clampPast(maxTime(goal.UpdatedAt, rl.end))
	}
	spec.Goal = goal
	return spec
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func (b *builder) checkIns(rl *rel) {
	g, r := b.g, b.r
	m := &b.ps.Matches[rl.mi]
	o := outcomes[b.ps.Program.Format]
	hz := b.horizon(rl)
	for t := rl.start.Add(days(float64(r.between(24, 34)))); t.Before(hz); t = t.Add(days(float64(r.between(27, 34)))) {
		for _, p := range m.Members {
			if !r.chance(0.8) {
				continue
			}
			at := g.clampPast(t.Add(r.minutes(0, 3*24*60)))
			pulse := clamp(iround(r.normal(2.9+1.6*rl.eng+o.pulse, 0.6)), 1, 5)
			note := ""
			if !rl.quiet.IsZero() && at.After(rl.quiet.Add(days(14))) {
				pulse = r.between(1, 2)
				note = pick(r, quietNotes)
			} else if r.chance(0.3) {
				note = pulseNote(r, pulse)
			}
			m.CheckIns = append(m.CheckIns, CheckInSpec{Person: p, CheckIn: mentor.CheckIn{Pulse: pulse, Note: note, CreatedAt: at}})
		}
	}
}

func (b *builder) assessments(rl *rel) {
	g, r := b.g, b.r
	m := &b.ps.Matches[rl.mi]
	o := outcomes[b.ps.Program.Format]
	kind := "partner"
	if b.ps.Program.Format.Directional() {
		kind = "mentor"
	}
	hz := b.horizon(rl)
	for _, l := range rl.lessons {
		if l.skill == "" {
			continue
		}
		base := g.learnerLevel(l.learner, l.skill)
		assess := func(phase string, at time.Time, months float64) {
			gained := o.gain * (0.3 + 0.7*rl.eng) * months / 3 * juniorBoost(b.ps.Program.Format, g.org.People[l.learner].Person.Seniority)
			self := clamp(base+iround(gained+r.normal(0, 0.4)), 1, 5)
			m.Assessments = append(m.Assessments, AssessmentSpec{Person: l.learner, Assessor: l.learner,
				Assessment: mentor.SkillAssessment{Skill: l.skill, Kind: "self", Phase: phase, Level: self, AssessedAt: at}})
			if l.teacher >= 0 && r.chance(0.85) {
				other := clamp(base+iround(gained+r.normal(0, 0.5)), 1, 5)
				m.Assessments = append(m.Assessments, AssessmentSpec{Person: l.learner, Assessor: l.teacher,
					Assessment: mentor.SkillAssessment{Skill: l.skill, Kind: kind, Phase: phase, Level: other, AssessedAt: g.clampPast(at.Add(r.minutes(60, 5*24*60)))}})
			}
		}
		assess("start", g.clampPast(rl.start.Add(r.minutes(60, 7*24*60))), 0)
		if mid := rl.start.Add(days(float64(r.between(85, 100)))); mid.Before(hz) {
			assess("mid", mid, mid.Sub(rl.start).Hours()/24/30)
		}
		if !rl.end.IsZero() && !rl.end.After(g.now) && b.ps.Matches[rl.mi].Match.State == mentor.MatchCompleted {
			assess("end", rl.end.Add(-time.Duration(r.between(0, 48))*time.Hour), rl.end.Sub(rl.start).Hours()/24/30)
		}
	}
}

// engagement draws how engaged a relationship is, 0.05..1.
func engagement(r rnd) float64 {
	return math.Max(0.05, math.Min(1, r.normal(0.72, 0.2)))
}
