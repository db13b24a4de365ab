package mentor

import "time"

// Closed reports whether a match is over (completed, ended or declined):
// it takes no new meetings.
func (s MatchState) Closed() bool {
	return s == MatchCompleted || s == MatchEnded || s == MatchDeclined
}

// Happened reports whether the meeting has taken place at now: it was
// marked held, or it is still scheduled and its start has passed. A
// cancelled meeting never happened. Feedback is given only on meetings that
// happened.
func (m *Meeting) Happened(now time.Time) bool {
	return m.Status == MeetingHeld || m.Status == MeetingScheduled && !m.StartsAt.After(now)
}

// Resumes reports whether saving the meeting moves its match from state
// back to active: a paused match whose meeting was held is running again.
func (m *Meeting) Resumes(state MatchState) bool {
	return state == MatchPaused && m.Status == MeetingHeld
}

// CheckDueDate refuses a due date of a new goal that lies in the past:
// before today's date in every time zone (the date at now minus 12 hours,
// in UTC), so nobody's "today" is refused. Existing goals keep theirs.
func (g *Goal) CheckDueDate(now time.Time) error {
	var pr Problems
	earliest := now.UTC().Add(-12 * time.Hour)
	today := time.Date(earliest.Year(), earliest.Month(), earliest.Day(), 0, 0, 0, 0, time.UTC)
	pr.Check(g.DueDate != nil && g.DueDate.Before(today), "due_date", "lies in the past (%s); a new goal needs a due date from today on", g.DueDate)
	return pr.Err("goal")
}
