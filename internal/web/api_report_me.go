package web

import (
	"net/http"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
	"github.com/mentormesh/mentormesh/internal/store"
)

// myReport is a participant's own progress: their goals, how their skills
// moved and their meetings, in the filter's period.
type myReport struct {
	From        time.Time            `json:"from,omitzero"`
	To          time.Time            `json:"to,omitzero"`
	Goals       myGoals              `json:"goals"`
	Proficiency []report.SkillChange `json:"proficiency"`
	Meetings    myMeetings           `json:"meetings"`
}

// myGoals counts the person's own goals due in the period (all goals when
// the period is open) by status; Completion is the share that reached their
// target or were marked achieved (abandoned ones count as not completed, the
// rule of the outcomes report) and MeanProgress their mean progress.
type myGoals struct {
	Total        int      `json:"total"`
	Open         int      `json:"open"`
	Achieved     int      `json:"achieved"`
	Abandoned    int      `json:"abandoned"`
	Completed    int      `json:"completed"`
	Completion   *float64 `json:"completion"`
	MeanProgress *float64 `json:"mean_progress"`
}

// myMeetings counts the meetings of the person's matches that start in the period.
type myMeetings struct {
	Held      int `json:"held"`
	Scheduled int `json:"scheduled"`
	Cancelled int `json:"cancelled"`
}

// apiReportMe answers the signed-in person's own report (any role).
func (s *Server) apiReportMe(w http.ResponseWriter, r *http.Request) error {
	f, err := s.reportFilter(r)
	if err != nil {
		return err
	}
	me := currentUser(r).PersonID
	ctx := r.Context()
	goals, err := store.All(func(p store.Page) ([]mentor.Goal, string, error) {
		return s.DB.Goals(ctx, store.GoalFilter{OwnerID: me, Page: p})
	})
	if err != nil {
		return err
	}
	assessments, err := store.All(func(p store.Page) ([]mentor.SkillAssessment, string, error) {
		return s.DB.Assessments(ctx, store.AssessmentFilter{PersonID: me, Page: p})
	})
	if err != nil {
		return err
	}
	meetings, err := store.All(func(p store.Page) ([]mentor.Meeting, string, error) {
		return s.DB.Meetings(ctx, store.MeetingFilter{PersonID: me, From: f.From, To: f.To, Page: p})
	})
	if err != nil {
		return err
	}
	out := myReport{From: f.From, To: f.To, Goals: countGoals(goals, f)}
	list := make([]report.Assessment, len(assessments))
	for i, a := range assessments {
		list[i] = report.Assessment{PersonID: a.PersonID, Skill: a.Skill, Level: a.Level, Kind: a.Kind, At: a.AssessedAt}
	}
	out.Proficiency = report.ProficiencyChanges(list, f)
	for _, m := range meetings {
		switch m.Status {
		case mentor.MeetingHeld:
			out.Meetings.Held++
		case mentor.MeetingCancelled:
			out.Meetings.Cancelled++
		default:
			out.Meetings.Scheduled++
		}
	}
	return writeJSON(w, http.StatusOK, out)
}

// countGoals counts goals due in the filter's period (or all, when open).
func countGoals(goals []mentor.Goal, f report.Filter) myGoals {
	var g myGoals
	var progress float64
	for _, goal := range goals {
		if goal.DueDate != nil && (!f.From.IsZero() && goal.DueDate.Before(f.From) || !f.To.IsZero() && !goal.DueDate.Before(f.To)) {
			continue
		}
		g.Total++
		switch goal.Status {
		case mentor.GoalAchieved:
			g.Achieved++
		case mentor.GoalAbandoned:
			g.Abandoned++
		default:
			g.Open++
		}
		rg := report.Goal{Status: goal.Status, Progress: goal.Progress()}
		if rg.Completed() {
			g.Completed++
		}
		progress += rg.Reached()
	}
	if g.Total > 0 {
		c, p := float64(g.Completed)/float64(g.Total), progress/float64(g.Total)
		g.Completion, g.MeanProgress = &c, &p
	}
	return g
}
