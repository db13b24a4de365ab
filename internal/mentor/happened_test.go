package mentor

import (
	"testing"
	"time"
)

func TestMeeting_Happened(t *testing.T) {
	now := time.Date(2026, 12, 8, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		start  time.Time
		status MeetingStatus
		want   bool
	}{
		{"held in the future", now.Add(time.Hour), MeetingHeld, true},
		{"scheduled, started", now.Add(-time.Minute), MeetingScheduled, true},
		{"scheduled, starting now", now, MeetingScheduled, true},
		{"scheduled, to come", now.Add(time.Minute), MeetingScheduled, false},
		{"cancelled in the past", now.Add(-time.Hour), MeetingCancelled, false},
	} {
		m := Meeting{StartsAt: tc.start, Status: tc.status}
		if got := m.Happened(now); got != tc.want {
			t.Errorf("%s: Happened = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestMeeting_Resumes(t *testing.T) {
	held, planned := Meeting{Status: MeetingHeld}, Meeting{Status: MeetingScheduled}
	if !held.Resumes(MatchPaused) || held.Resumes(MatchActive) || held.Resumes(MatchEnded) || planned.Resumes(MatchPaused) {
		t.Fatal("only a held meeting of a paused match resumes it")
	}
}

func TestGoal_CheckDueDate(t *testing.T) {
	now := time.Date(2026, 12, 8, 6, 0, 0, 0, time.UTC) // still 7 December west of UTC-6
	for _, tc := range []struct {
		due  string
		want bool
	}{{"2026-12-08", true}, {"2026-12-07", true}, {"2026-12-06", false}, {"2027-01-01", true}} {
		d, err := ParseDate(tc.due)
		if err != nil {
			t.Fatal(err)
		}
		g := Goal{DueDate: &d}
		if ok := g.CheckDueDate(now) == nil; ok != tc.want {
			t.Errorf("due %s: accepted %v, want %v", tc.due, ok, tc.want)
		}
	}
	if (&Goal{}).CheckDueDate(now) != nil {
		t.Error("a missing due date is Validate's to report")
	}
}
