package demo

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// TestGenerate_HistoryValid checks every value of the history against its
// domain Validate and its place in time: past events in the six months
// before now, scheduled meetings after it, and each event after what it
// depends on.
func TestGenerate_HistoryValid(t *testing.T) { forOrgs(t, checkHistoryValid) }

func checkHistoryValid(t *testing.T, o *Org) {
	past := func(what string, at time.Time) {
		t.Helper()
		if !inWindow(o, at) {
			t.Errorf("%s at %v is outside [%v, %v]", what, at, o.Start, o.Now)
		}
	}
	for _, ps := range o.Programs {
		past(ps.Program.Name+" created", ps.Program.CreatedAt)
		for _, tr := range ps.Transitions {
			past(ps.Program.Name+" moved to "+string(tr.To), tr.At)
		}
		for _, run := range ps.Runs {
			past("match run", run.CreatedAt)
			if run.CreatedAt.Before(statusAt(&ps, mentor.StatusMatching)) {
				t.Errorf("%s: a run at %v before matching started", ps.Program.Name, run.CreatedAt)
			}
		}
		for _, oh := range ps.OfficeHours {
			past("office hours published", oh.CreatedAt)
			if oh.BookedBy >= 0 {
				past("office hours booked", oh.BookedAt)
			}
		}
	}
	eachMatch(t, o, func(ps *ProgramSpec, m *MatchSpec) {
		name := ps.Program.Name
		past(name+" match proposed", m.Match.CreatedAt)
		past(name+" match updated", m.Match.UpdatedAt)
		if m.Match.UpdatedAt.Before(m.Match.CreatedAt) || (!m.AcceptedAt.IsZero() && m.AcceptedAt.Before(m.Match.CreatedAt)) {
			t.Errorf("%s: match changes before it was proposed", name)
		}
		if end := statusAt(ps, mentor.StatusClosed); !end.IsZero() && m.Match.UpdatedAt.After(end) {
			t.Errorf("%s: match changed after the program closed", name)
		}
		for _, ms := range m.Meetings {
			mt := ms.Meeting
			mt.MatchID = 1
			if err := mt.Validate(); err != nil {
				t.Errorf("%s: meeting: %v", name, err)
			}
			past(name+" meeting created", mt.CreatedAt)
			if mt.CreatedAt.After(mt.StartsAt) || mt.CreatedAt.Before(m.AcceptedAt) {
				t.Errorf("%s: meeting created at %v, starts %v, match accepted %v", name, mt.CreatedAt, mt.StartsAt, m.AcceptedAt)
			}
			switch mt.Status {
			case "scheduled":
				if !mt.StartsAt.After(o.Now) {
					t.Errorf("%s: scheduled meeting in the past at %v", name, mt.StartsAt)
				}
			default:
				past(name+" "+string(mt.Status)+" meeting", mt.StartsAt)
			}
			if mt.Status != "held" && (len(ms.Feedback) > 0 || len(ms.Notes) > 0 || mt.SharedNotes != "") {
				t.Errorf("%s: a %s meeting has notes or feedback", name, mt.Status)
			}
			if mt.Status == "held" && (mt.SharedNotes == "" || len(ms.Attendance) == 0) {
				t.Errorf("%s: a held meeting without shared notes or attendance", name)
			}
			end := mt.StartsAt.Add(time.Duration(mt.Minutes) * time.Minute)
			for _, n := range ms.Notes {
				if err := n.Note.Validate(); err != nil {
					t.Errorf("%s: note: %v", name, err)
				}
				past("note", n.Note.CreatedAt)
				if n.Note.CreatedAt.Before(end) || !slices.Contains(ms.Attendance, n.Author) {
					t.Errorf("%s: note before the meeting ended or by someone absent", name)
				}
			}
			authors := map[int]bool{}
			for _, f := range ms.Feedback {
				if err := f.Feedback.Validate(); err != nil {
					t.Errorf("%s: feedback: %v", name, err)
				}
				past("feedback", f.Feedback.CreatedAt)
				if f.Feedback.CreatedAt.Before(end) || !slices.Contains(ms.Attendance, f.Author) || authors[f.Author] {
					t.Errorf("%s: feedback before the meeting ended, by someone absent, or twice", name)
				}
				authors[f.Author] = true
			}
			for _, p := range append(slices.Clone(ms.Attendance), ms.Mentee, ms.Facilitator) {
				if p >= 0 && !slices.Contains(m.Members, p) {
					t.Errorf("%s: person %d in a meeting of a match they are not in", name, p)
				}
			}
		}
		for _, c := range m.CheckIns {
			ci := c.CheckIn
			ci.MatchID = 1
			if err := ci.Validate(); err != nil {
				t.Errorf("%s: check-in: %v", name, err)
			}
			past("check-in", ci.CreatedAt)
			if !slices.Contains(m.Members, c.Person) || ci.CreatedAt.Before(m.AcceptedAt) {
				t.Errorf("%s: check-in by a non-member or before the match started", name)
			}
		}
		for _, a := range m.Assessments {
			as := a.Assessment
			as.PersonID = 1
			if err := as.Validate(); err != nil {
				t.Errorf("%s: assessment: %v", name, err)
			}
			past("assessment", as.AssessedAt)
			if (as.Kind == "self") != (a.Person == a.Assessor) || !slices.Contains(m.Members, a.Person) || !slices.Contains(m.Members, a.Assessor) {
				t.Errorf("%s: assessment of %d by %d as %s", name, a.Person, a.Assessor, as.Kind)
			}
		}
		for _, gs := range m.Goals {
			checkGoal(t, o, name, m, gs)
		}
	})
}

func checkGoal(t *testing.T, o *Org, name string, m *MatchSpec, gs GoalSpec) {
	t.Helper()
	g := gs.Goal
	g.Milestones = slices.Clone(g.Milestones)
	if err := g.Validate(); err != nil {
		t.Errorf("%s: goal %q: %v", name, g.Title, err)
		return
	}
	if !inWindow(o, g.CreatedAt) || !inWindow(o, g.UpdatedAt) || g.UpdatedAt.Before(g.CreatedAt) {
		t.Errorf("%s: goal %q created %v, updated %v", name, g.Title, g.CreatedAt, g.UpdatedAt)
	}
	if !slices.Contains(m.Members, gs.Owner) || gs.Skill == "" || len(g.Milestones) == 0 {
		t.Errorf("%s: goal %q: owner %d, skill %q, %d milestones", name, g.Title, gs.Owner, gs.Skill, len(g.Milestones))
	}
	prev, last := *g.Baseline, g.CreatedAt
	for _, p := range gs.Progress {
		u := p.Update
		if u.Value < prev || u.CreatedAt.Before(last) || !inWindow(o, u.CreatedAt) || p.Author != gs.Owner {
			t.Errorf("%s: goal %q: progress %v at %v after %v at %v", name, g.Title, u.Value, u.CreatedAt, prev, last)
		}
		prev, last = u.Value, u.CreatedAt
	}
	if g.Current != prev || prev > *g.Target {
		t.Errorf("%s: goal %q: current %v, last progress %v, target %v", name, g.Title, g.Current, prev, *g.Target)
	}
	if (g.Status == mentor.GoalAchieved) != (g.Current == *g.Target) {
		t.Errorf("%s: goal %q is %s at %v of %v", name, g.Title, g.Status, g.Current, *g.Target)
	}
	for k, ms := range g.Milestones {
		if want := g.Progress() >= float64(k+1)/float64(len(g.Milestones))-1e-9; ms.Done != want {
			t.Errorf("%s: goal %q milestone %d done=%v at progress %.2f", name, g.Title, k, ms.Done, g.Progress())
		}
	}
}

func TestGenerate_FormatShapes(t *testing.T) { forOrgs(t, checkFormatShapes) }

func checkFormatShapes(t *testing.T, o *Org) {
	t.Run("peer turns alternate with a dilemma", func(t *testing.T) {
		for _, m := range program(t, o, mentor.FormatPeer).Matches {
			for k, ms := range m.Meetings {
				if ms.Mentee != m.Members[k%2] || ms.Meeting.Dilemma == "" {
					t.Fatalf("peer meeting %d: mentee %d, members %v, dilemma %q", k, ms.Mentee, m.Members, ms.Meeting.Dilemma)
				}
			}
		}
	})
	t.Run("circle facilitator rotates", func(t *testing.T) {
		ps := program(t, o, mentor.FormatCircles)
		for _, m := range ps.Matches {
			if len(m.Members) != ps.Program.Options.GroupSize {
				t.Errorf("circle of %d, group size %d", len(m.Members), ps.Program.Options.GroupSize)
			}
			for k, ms := range m.Meetings {
				if ms.Facilitator != m.Members[k%len(m.Members)] || ms.Meeting.Kind != mentor.MeetingCircle {
					t.Fatalf("circle meeting %d: facilitator %d, members %v", k, ms.Facilitator, m.Members)
				}
			}
			if shared := slices.IndexFunc(m.Goals, func(g GoalSpec) bool { return g.Shared }); shared < 0 {
				t.Error("a circle without a shared goal")
			}
		}
	})
	t.Run("skill swap names both skills and both directions fit", func(t *testing.T) {
		for _, m := range program(t, o, mentor.FormatSkillSwap).Matches {
			a, b := o.People[m.Members[0]].Person, o.People[m.Members[1]].Person
			if !teachesIn(a, b, m.Match.Summary) || !teachesIn(b, a, m.Match.Summary) {
				t.Errorf("swap %q does not name a skill each way", m.Match.Summary)
			}
		}
	})
	t.Run("shadow meetings log observations", func(t *testing.T) {
		for _, m := range program(t, o, mentor.FormatShadow).Matches {
			for _, ms := range m.Meetings {
				if ms.Meeting.Kind != mentor.MeetingShadow || (ms.Meeting.Status == "held" && !strings.HasPrefix(ms.Meeting.SharedNotes, "Observed ")) {
					t.Fatalf("shadow meeting %+v", ms.Meeting)
				}
			}
		}
	})
	t.Run("flash slots, some booked", func(t *testing.T) {
		ps := program(t, o, mentor.FormatFlash)
		booked, open, future := 0, 0, 0
		for _, oh := range ps.OfficeHours {
			if oh.Slot.StartsAt.After(o.Now) {
				future++
			}
			if oh.BookedBy < 0 {
				open++
				continue
			}
			booked++
			m := ps.Matches[oh.Match]
			if len(m.Meetings) != 1 || !m.Meetings[0].Meeting.StartsAt.Equal(oh.Slot.StartsAt) || m.Members[0] != oh.BookedBy ||
				m.Members[1] != oh.Mentor || m.Meetings[0].Meeting.Kind != mentor.MeetingFlash || oh.BookedAt.After(oh.Slot.StartsAt) {
				t.Errorf("booked slot %+v does not fit its match %+v", oh, m.Match)
			}
		}
		if booked < 10 || open < 10 || future < 5 {
			t.Errorf("%d booked, %d open, %d future slots", booked, open, future)
		}
		byBooker := map[int][]mentor.OfficeHours{}
		for _, oh := range ps.OfficeHours {
			if oh.BookedBy < 0 {
				continue
			}
			for _, other := range byBooker[oh.BookedBy] {
				if d := oh.Slot.StartsAt.Sub(other.StartsAt); d > -30*time.Minute && d < 30*time.Minute {
					t.Errorf("person %d booked overlapping slots at %v and %v", oh.BookedBy, other.StartsAt, oh.Slot.StartsAt)
				}
			}
			byBooker[oh.BookedBy] = append(byBooker[oh.BookedBy], oh.Slot)
		}
		if booked != len(ps.Matches) {
			t.Errorf("%d bookings but %d matches", booked, len(ps.Matches))
		}
	})
}

// teachesIn reports whether summary names a skill a offers and b wants.
func teachesIn(a, b mentor.Person, summary string) bool {
	for _, s := range a.Skills {
		if !s.Offers || !strings.Contains(summary, s.Skill) {
			continue
		}
		for _, w := range b.Skills {
			if w.Wants && w.Skill == s.Skill {
				return true
			}
		}
	}
	return false
}

func TestGenerate_Outcomes(t *testing.T) { forOrgs(t, checkOutcomes) }

func checkOutcomes(t *testing.T, o *Org) {
	atRisk, lowPulse, pulses, good := 0, 0, 0, 0
	styles := map[string]int{}
	type series struct {
		person, assessor int
		skill            string
	}
	start := map[*MatchSpec]map[series]int{}
	var rise, count int
	eachMatch(t, o, func(ps *ProgramSpec, m *MatchSpec) {
		if m.Match.State == mentor.MatchActive && o.Now.Sub(m.AcceptedAt) > 42*24*time.Hour && o.Now.Sub(lastHeld(m)) > 42*24*time.Hour {
			atRisk++
		}
		for _, c := range m.CheckIns {
			pulses++
			if c.CheckIn.Pulse >= 3 {
				good++
			} else {
				lowPulse++
			}
		}
		for _, ms := range m.Meetings {
			for _, f := range ms.Feedback {
				styles[f.Feedback.Style]++
			}
		}
		for _, a := range m.Assessments {
			k := series{a.Person, a.Assessor, a.Assessment.Skill}
			if a.Assessment.Phase == "start" {
				if start[m] == nil {
					start[m] = map[series]int{}
				}
				start[m][k] = a.Assessment.Level
				continue
			}
			if s, ok := start[m][k]; ok {
				rise += a.Assessment.Level - s
				count++
			}
		}
	})
	t.Logf("%d at-risk matches; pulses %d/%d at 3+; styles %v; assessments rise %d levels over %d", atRisk, good, pulses, styles, rise, count)
	if atRisk < 3 {
		t.Errorf("%d at-risk matches (no meeting for six weeks), want a few", atRisk)
	}
	if lowPulse == 0 || float64(good)/float64(pulses) < 0.75 {
		t.Errorf("pulses: %d of %d at 3 or more, %d low", good, pulses, lowPulse)
	}
	if styles["directive"] == 0 || styles["reflective"] == 0 {
		t.Errorf("feedback styles %v", styles)
	}
	if count < 50 || float64(rise)/float64(count) < 0.3 {
		t.Errorf("later assessments rise by %d levels over %d assessments; want levels tending to rise", rise, count)
	}
}
