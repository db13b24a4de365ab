package report

import (
	"testing"
)

func TestHealth_Organisation(t *testing.T) {
	rep := Health(smallOrg(t), janFeb(t), HealthOptions{})
	h := rep.Organisation.Total
	if h.Enrolled != 6 || h.Matched != 5 || h.Waitlist != 1 {
		t.Errorf("enrolled %d matched %d waitlist %d, want 6 5 1", h.Enrolled, h.Matched, h.Waitlist)
	}
	near(t, "matched share", h.MatchedShare, 5.0/6)
	near(t, "match target", &h.MatchTarget, 0.6)
	p := h.Proposals
	if p.Accepted != 2 || p.Declined != 1 || p.Expired != 1 || p.Pending != 1 {
		t.Errorf("proposals %+v, want 2 accepted, 1 declined, 1 expired, 1 pending", p)
	}
	near(t, "acceptance", p.AcceptanceRate, 0.5)
	near(t, "median days", h.MedianDaysToMatch, 22)
	near(t, "meetings per month", h.MeetingsPerMatchMonth, 4/(118.0/30))
	near(t, "expected per month", h.ExpectedPerMatchMonth, (73.0/14+45.0/30)/(118.0/30))
	if h.ActiveMatches != 2 || h.SilentMatches != 1 {
		t.Errorf("active %d silent %d, want 2 1", h.ActiveMatches, h.SilentMatches)
	}
	near(t, "silent share", h.SilentShare, 0.5)
	if h.Pulse.Count != 3 {
		t.Errorf("pulse count %d, want 3", h.Pulse.Count)
	}
	near(t, "pulse mean", h.Pulse.Mean, 3)
	near(t, "pulse trend", h.Pulse.Trend, -30.0/(530.0+2.0/3)*30)
	if h.AtRiskCount != 1 || len(rep.Organisation.AtRisk) != 1 {
		t.Errorf("at risk %d, want 1", h.AtRiskCount)
	}
	if h.Mentors != 1 || h.Mentees != 2 || h.CapacityTotal != 2 || h.CapacityUsed != 1 {
		t.Errorf("mentors %d mentees %d capacity %d/%d, want 1 2 1/2", h.Mentors, h.Mentees, h.CapacityUsed, h.CapacityTotal)
	}
	near(t, "mentees per mentor", h.MenteesPerMentor, 2)
	near(t, "capacity share", h.CapacityShare, 0.5)
}

func TestHealth_PerProgram(t *testing.T) {
	rep := Health(smallOrg(t), janFeb(t), HealthOptions{})
	if len(rep.Programs) != 2 {
		t.Fatalf("%d programs, want 2", len(rep.Programs))
	}
	a, b := rep.Programs[0], rep.Programs[1]
	if a.Name != "Mentoring A" || a.Total.Enrolled != 3 || a.Total.Matched != 3 || a.Total.AtRiskCount != 0 {
		t.Errorf("program A: %s enrolled %d matched %d at risk %d, want 3 3 0", a.Name, a.Total.Enrolled, a.Total.Matched, a.Total.AtRiskCount)
	}
	near(t, "A acceptance", a.Total.Proposals.AcceptanceRate, 1.0/3)
	near(t, "A median days", a.Total.MedianDaysToMatch, 27)
	near(t, "A meetings per month", a.Total.MeetingsPerMatchMonth, 4/(73.0/30))
	near(t, "A expected", a.Total.ExpectedPerMatchMonth, 30.0/14)
	near(t, "B matched share", b.Total.MatchedShare, 2.0/3)
	near(t, "B target", &b.Total.MatchTarget, 0.5)
	near(t, "B silent share", b.Total.SilentShare, 1)
	if b.Total.MeetingsPerMatchMonth == nil || *b.Total.MeetingsPerMatchMonth != 0 {
		t.Errorf("B meetings per month %v, want 0", b.Total.MeetingsPerMatchMonth)
	}
	if b.Total.MenteesPerMentor != nil {
		t.Errorf("B mentees per mentor %v, want nil (no mentors)", *b.Total.MenteesPerMentor)
	}
}

func TestHealth_Monthly(t *testing.T) {
	rep := Health(smallOrg(t), janFeb(t), HealthOptions{})
	m := rep.Programs[0].Monthly
	if len(m) != 2 {
		t.Fatalf("%d months, want 2", len(m))
	}
	jan, feb := m[0], m[1]
	if jan.Enrolled != 3 || jan.Matched != 2 {
		t.Errorf("January enrolled %d matched %d, want 3 2", jan.Enrolled, jan.Matched)
	}
	near(t, "January meetings per month", jan.MeetingsPerMatchMonth, 2/(31.0/30))
	near(t, "February meetings per month", feb.MeetingsPerMatchMonth, 2/(42.0/30))
	if jan.Proposals.Declined != 1 || feb.Proposals.Expired != 1 {
		t.Errorf("January declined %d, February expired %d, want 1 1", jan.Proposals.Declined, feb.Proposals.Expired)
	}
	near(t, "January days to match", jan.MedianDaysToMatch, 26.5) // p1 31, p2 22
}

func TestHealth_SilentDays(t *testing.T) {
	// With N = 5 the mentoring match, last met on 20 February, is silent at 1 March.
	rep := Health(smallOrg(t), janFeb(t), HealthOptions{SilentDays: 5})
	if got := rep.Programs[0].Total.SilentMatches; got != 1 {
		t.Errorf("silent matches %d, want 1", got)
	}
}
