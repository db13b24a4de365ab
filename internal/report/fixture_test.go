package report

import (
	"math"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// day parses "2006-01-02" as midnight UTC.
func day(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(mentor.DateLayout, s)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// near fails unless got is within 1e-3 of want.
func near(tb testing.TB, name string, got *float64, want float64) {
	tb.Helper()
	if got == nil {
		tb.Errorf("%s = nil, want %.4f", name, want)
		return
	}
	if math.Abs(*got-want) > 1e-3 {
		tb.Errorf("%s = %.4f, want %.4f", name, *got, want)
	}
}

// smallOrg is a hand-sized organisation: a mentoring program (1) and a
// peer program (2), January and February 2026. The expected figures in the
// tests are worked out by hand from it.
func smallOrg(tb testing.TB) *Data {
	tb.Helper()
	d := func(s string) time.Time { return day(tb, s) }
	mentee, mentorR, peer := mentor.RoleMentee, mentor.RoleMentor, mentor.RolePeer
	active, wait, gone := mentor.EnrollmentActive, mentor.EnrollmentWaitlisted, mentor.EnrollmentWithdrawn
	return &Data{
		Programs: []Program{
			{ID: 1, Name: "Mentoring A", Format: mentor.FormatMentoring, Start: d("2026-01-01"), End: d("2026-07-01"), Cadence: mentor.CadenceFortnightly},
			{ID: 2, Name: "Peer B", Format: mentor.FormatPeer, Cadence: mentor.CadenceMonthly, MatchTarget: 0.5},
		},
		Enrollments: []Enrollment{
			{PersonID: 1, ProgramID: 1, Role: mentorR, Capacity: 2, Status: active, JoinedAt: d("2025-12-01"), Seniority: 6, Department: "Eng", Cohort: "A"},
			{PersonID: 2, ProgramID: 1, Role: mentee, Status: active, JoinedAt: d("2025-12-10"), Seniority: 2, Department: "Eng", Cohort: "A"},
			{PersonID: 3, ProgramID: 1, Role: mentee, Status: active, JoinedAt: d("2026-01-05"), Seniority: 2, Department: "Sales", Cohort: "B"},
			{PersonID: 4, ProgramID: 1, Role: mentee, Status: wait, JoinedAt: d("2026-01-10"), Seniority: 3, Department: "Sales", Cohort: "B"},
			{PersonID: 5, ProgramID: 1, Role: mentee, Status: gone, JoinedAt: d("2025-12-01"), Seniority: 3, Department: "Eng", Cohort: "A"},
			{PersonID: 6, ProgramID: 1, Role: mentee, Status: active, JoinedAt: d("2026-03-15"), Seniority: 1, Department: "Eng", Cohort: "A"},
			{PersonID: 7, ProgramID: 2, Role: peer, Status: active, JoinedAt: d("2026-01-01"), Seniority: 4, Department: "Eng", Cohort: "A"},
			{PersonID: 8, ProgramID: 2, Role: peer, Status: active, JoinedAt: d("2026-01-01"), Seniority: 4, Department: "Sales", Cohort: "B"},
			{PersonID: 9, ProgramID: 2, Role: peer, Status: active, JoinedAt: d("2026-01-20"), Seniority: 5, Department: "Eng", Cohort: "A"},
		},
		Proposals: []Proposal{
			{MatchID: 10, ProgramID: 1, ProposedAt: d("2025-12-20"), Outcome: OutcomeAccepted, Members: []int64{1, 2}},
			{MatchID: 11, ProgramID: 1, ProposedAt: d("2026-01-20"), Outcome: OutcomeAccepted, Members: []int64{1, 3}},
			{MatchID: 12, ProgramID: 1, ProposedAt: d("2026-01-25"), Outcome: OutcomeDeclined, Members: []int64{1, 4}},
			{MatchID: 13, ProgramID: 1, ProposedAt: d("2026-02-10"), Outcome: OutcomeExpired, Members: []int64{1, 5}},
			{MatchID: 14, ProgramID: 1, ProposedAt: d("2026-02-20"), Outcome: OutcomePending, Members: []int64{1, 4}},
			{MatchID: 20, ProgramID: 2, ProposedAt: d("2026-01-10"), Outcome: OutcomeAccepted, Members: []int64{7, 8}},
		},
		Relationships: []Relationship{
			{ID: 10, ProgramID: 1, State: mentor.MatchActive, Members: []Member{{1, mentorR}, {2, mentee}}, Started: d("2026-01-01")},
			{ID: 11, ProgramID: 1, State: mentor.MatchEnded, Members: []Member{{1, mentorR}, {3, mentee}}, Started: d("2026-02-01"), Stopped: d("2026-02-15")},
			{ID: 20, ProgramID: 2, State: mentor.MatchActive, Members: []Member{{7, peer}, {8, peer}}, Started: d("2026-01-15")},
		},
		Meetings: []Meeting{
			{ID: 100, RelationshipID: 10, At: d("2026-01-10"), Status: "held"},
			{ID: 101, RelationshipID: 10, At: d("2026-01-24"), Status: "held"},
			{ID: 102, RelationshipID: 10, At: d("2026-02-20"), Status: "held"},
			{ID: 103, RelationshipID: 10, At: d("2026-02-25"), Status: "cancelled"},
			{ID: 110, RelationshipID: 11, At: d("2026-02-05"), Status: "held"},
		},
		CheckIns: []CheckIn{
			{RelationshipID: 10, PersonID: 2, Pulse: 4, At: d("2026-01-15")},
			{RelationshipID: 10, PersonID: 2, Pulse: 2, At: d("2026-02-14")},
			{RelationshipID: 11, PersonID: 3, Pulse: 3, At: d("2026-02-10")},
		},
		AtRisk: []Risk{{MatchID: 20, ProgramID: 2, Reasons: []string{"no_meeting"}}},
	}
}

// janFeb is the period of smallOrg.
func janFeb(tb testing.TB) Filter {
	tb.Helper()
	return Filter{From: day(tb, "2026-01-01"), To: day(tb, "2026-03-01")}
}
