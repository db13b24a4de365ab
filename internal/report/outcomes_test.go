package report

import (
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// withOutcomes adds goals, assessments, feedback and surveys to smallOrg.
func withOutcomes(tb testing.TB) *Data {
	tb.Helper()
	d := smallOrg(tb)
	t := func(s string) time.Time { return day(tb, s) }
	open, done, dropped := mentor.GoalOpen, mentor.GoalAchieved, mentor.GoalAbandoned
	d.Goals = []Goal{
		{ID: 1, OwnerID: 2, ProgramID: 1, RelationshipID: 10, Due: t("2026-01-31"), Status: done, Progress: 0.6},
		{ID: 2, OwnerID: 2, ProgramID: 1, Due: t("2026-02-15"), Status: open, Progress: 1},
		{ID: 3, OwnerID: 3, ProgramID: 1, RelationshipID: 11, Due: t("2026-02-20"), Status: dropped, Progress: 1},
		{ID: 4, OwnerID: 3, ProgramID: 1, RelationshipID: 11, Due: t("2026-02-28"), Status: open, Progress: 0.25},
		{ID: 5, OwnerID: 2, ProgramID: 1, RelationshipID: 10, Due: t("2026-04-01"), Status: done, Progress: 1},
		{ID: 6, OwnerID: 7, ProgramID: 2, RelationshipID: 20, Due: t("2026-02-01"), Status: open, Progress: 0.5},
	}
	d.Assessments = []Assessment{
		{PersonID: 2, ProgramID: 1, RelationshipID: 10, Skill: "Go", Level: 2, Kind: "self", At: t("2026-01-05")},
		{PersonID: 2, ProgramID: 1, RelationshipID: 10, Skill: "Go", Level: 4, Kind: "self", At: t("2026-02-20")},
		{PersonID: 2, ProgramID: 1, RelationshipID: 10, Skill: "Go", Level: 3, Kind: "self", At: t("2026-01-20")},
		{PersonID: 2, ProgramID: 1, RelationshipID: 10, Skill: "Go", Level: 1, Kind: "self", At: t("2025-12-01")},
		{PersonID: 2, ProgramID: 1, RelationshipID: 10, Skill: "Go", Level: 1, Kind: "mentor", At: t("2026-01-05")},
		{PersonID: 2, ProgramID: 1, RelationshipID: 10, Skill: "Go", Level: 2, Kind: "partner", At: t("2026-02-20")},
		{PersonID: 3, ProgramID: 1, Skill: "Sales", Level: 3, Kind: "self", At: t("2026-02-02")},
		{PersonID: 3, ProgramID: 1, Skill: "Sales", Level: 2, Kind: "self", At: t("2026-02-14")},
		{PersonID: 3, ProgramID: 1, Skill: "SQL", Level: 2, Kind: "self", At: t("2026-02-02")},
	}
	d.Feedback = []Feedback{
		{MeetingID: 100, AuthorID: 2, Rating: 4, Style: "directive"},
		{MeetingID: 100, AuthorID: 1, Rating: 5, Style: "reflective"},
		{MeetingID: 101, AuthorID: 2, Rating: 3, Style: "reflective"},
		{MeetingID: 103, AuthorID: 2, Rating: 1, Style: "directive"},
		{MeetingID: 110, AuthorID: 3, Rating: 2},
	}
	d.Surveys = []Survey{
		{PersonID: 2, ProgramID: 1, Rating: 4, Recommend: true, At: t("2026-02-27")},
		{PersonID: 3, ProgramID: 1, Rating: 2, At: t("2026-02-28")},
		{PersonID: 1, ProgramID: 1, Rating: 5, Recommend: true, At: t("2026-03-10")},
	}
	return d
}

func TestOutcomes_Mentoring(t *testing.T) {
	rep := Outcomes(withOutcomes(t), janFeb(t))
	if len(rep.Programs) != 2 {
		t.Fatalf("%d programs, want 2", len(rep.Programs))
	}
	o := rep.Programs[0]
	if o.GoalCompletion.Numerator != 2 || o.GoalCompletion.Denominator != 4 {
		t.Errorf("goal completion %v/%v, want 2/4 (abandoned at target is not completed)", o.GoalCompletion.Numerator, o.GoalCompletion.Denominator)
	}
	near(t, "goal progress", o.GoalProgress.Value, 3.25/4)
	near(t, "self change", o.ProficiencySelf.Value, 0.5)
	near(t, "partner change", o.ProficiencyPartner.Value, 1)
	if o.ProficiencySelf.Denominator != 2 || o.ProficiencyPartner.Denominator != 1 {
		t.Errorf("pairs self %v partner %v, want 2 and 1", o.ProficiencySelf.Denominator, o.ProficiencyPartner.Denominator)
	}
	near(t, "meeting rating", o.MeetingRating.Value, 3.5)
	near(t, "meetings per month", o.MeetingsPerMonth.Value, 4/(73.0/30))
	if s := o.FeedbackStyle; s.Directive != 1 || s.Reflective != 2 || s.Unspecified != 1 {
		t.Errorf("style %+v, want 1 directive, 2 reflective, 1 unspecified", s)
	}
	near(t, "directive share", o.FeedbackStyle.DirectiveShare, 1.0/3)
	near(t, "retention", o.Retention.Value, 0) // match 11 ended early; 10 still runs
	if o.Survey.Count != 2 {
		t.Errorf("surveys %d, want 2", o.Survey.Count)
	}
	near(t, "survey rating", o.Survey.MeanRating, 3)
	near(t, "recommend", o.Survey.RecommendShare, 0.5)
}

func TestOutcomes_Peer(t *testing.T) {
	o := Outcomes(withOutcomes(t), janFeb(t)).Programs[1]
	near(t, "goal completion", o.GoalCompletion.Value, 0)
	near(t, "goal progress", o.GoalProgress.Value, 0.5)
	if o.Retention.Value != nil || o.MeetingRating.Value != nil {
		t.Errorf("retention %v rating %v, want nil (nothing decided, no feedback)", o.Retention.Value, o.MeetingRating.Value)
	}
}

func TestOutcomes_RetentionAtProgramEnd(t *testing.T) {
	// Through July the mentoring program's end (1 July) falls in the
	// period: match 10 reached it, match 11 ended early.
	f := Filter{From: day(t, "2026-01-01"), To: day(t, "2026-08-01"), Programs: []int64{1}}
	o := Outcomes(withOutcomes(t), f).Programs[0]
	near(t, "retention", o.Retention.Value, 0.5)
}

func TestRetained_States(t *testing.T) {
	prog := &Program{End: day(t, "2026-06-01")}
	p := period{day(t, "2026-01-01"), day(t, "2027-01-01")}
	tests := []struct {
		name          string
		state         mentor.MatchState
		stopped       string
		kept, decided bool
	}{
		{"completed early", mentor.MatchCompleted, "2026-03-01", true, true},
		{"ended early", mentor.MatchEnded, "2026-03-01", false, true},
		{"paused early", mentor.MatchPaused, "2026-03-01", false, true},
		{"ended at the end", mentor.MatchEnded, "2026-06-01", true, true},
		{"active at the end", mentor.MatchActive, "", true, true},
		{"proposed", mentor.MatchProposed, "", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &Relationship{State: tc.state, Started: day(t, "2026-01-10")}
			if tc.stopped != "" {
				r.Stopped = day(t, tc.stopped)
			}
			kept, decided := retained(r, prog, p)
			if kept != tc.kept || decided != tc.decided {
				t.Errorf("retained = %v, decided = %v; want %v, %v", kept, decided, tc.kept, tc.decided)
			}
		})
	}
}
