package mentor

import (
	"strings"
	"time"
)

// GoalStatus is where a goal stands.
type GoalStatus string

// Goal states.
const (
	GoalOpen      GoalStatus = "open"
	GoalAchieved  GoalStatus = "achieved"
	GoalAbandoned GoalStatus = "abandoned"
)

// Goal is a S.M.A.R.T. goal: Specific (title, description), Measurable (metric,
// unit, baseline, target), Achievable (plan), Relevant (a skill or career aim),
// Time-bound (due date). It belongs to a person and may be shared by a match.
type Goal struct {
	ID          int64       `json:"id"`
	OwnerID     int64       `json:"owner_id"`
	MatchID     *int64      `json:"match_id,omitempty"`
	ProgramID   *int64      `json:"program_id,omitempty"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Metric      string      `json:"metric"`
	Unit        string      `json:"unit"`
	Baseline    *float64    `json:"baseline"`
	Target      *float64    `json:"target"`
	Current     float64     `json:"current"`
	Plan        string      `json:"plan"`
	SkillID     *int64      `json:"skill_id,omitempty"`
	Relevance   string      `json:"relevance"`
	DueDate     *Date       `json:"due_date"`
	Status      GoalStatus  `json:"status"`
	Milestones  []Milestone `json:"milestones"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`
}

// Progress returns how far the goal is from baseline to target, 0..1.
func (g *Goal) Progress() float64 {
	if g.Baseline == nil || g.Target == nil || *g.Target == *g.Baseline {
		return 0
	}
	p := (g.Current - *g.Baseline) / (*g.Target - *g.Baseline)
	return min(1, max(0, p))
}

// Validate rejects a goal that lacks any S.M.A.R.T. letter, naming the letter
// and the field in each problem.
func (g *Goal) Validate() error {
	var pr Problems
	g.Title = strings.TrimSpace(g.Title)
	g.Metric = strings.TrimSpace(g.Metric)
	g.Plan = strings.TrimSpace(g.Plan)
	g.Relevance = strings.TrimSpace(g.Relevance)
	if g.Status == "" {
		g.Status = GoalOpen
	}
	pr.Check(g.Title == "", "title", "S (specific): a goal needs a title that says what will change")
	pr.Check(len(g.Title) > 200, "title", "is longer than 200 characters")
	pr.Check(g.Metric == "", "metric", "M (measurable): say what you will measure")
	pr.Check(g.Target == nil, "target", "M (measurable): give a target value")
	pr.Check(g.Baseline == nil, "baseline", "M (measurable): give the value you start from")
	pr.Check(g.Baseline != nil && g.Target != nil && *g.Baseline == *g.Target, "target", "M (measurable): the target must differ from the baseline")
	pr.Check(g.Plan == "", "plan", "A (achievable): write the steps you plan to take")
	pr.Check(g.SkillID == nil && g.Relevance == "", "relevance", "R (relevant): link a skill or say which career aim it serves")
	pr.Check(g.DueDate == nil, "due_date", "T (time-bound): a goal needs a due date")
	switch g.Status {
	case GoalOpen, GoalAchieved, GoalAbandoned:
	default:
		pr.Add("status", "must be open, achieved or abandoned")
	}
	for i, m := range g.Milestones {
		pr.Check(strings.TrimSpace(m.Title) == "", field("milestones", i, "title"), "is required")
	}
	return pr.Err("goal")
}

// Milestone is a step on the way to a goal.
type Milestone struct {
	ID      int64  `json:"id"`
	GoalID  int64  `json:"goal_id"`
	Title   string `json:"title"`
	DueDate *Date  `json:"due_date,omitempty"`
	Done    bool   `json:"done"`
}

// ProgressUpdate records a new value of a goal's metric.
type ProgressUpdate struct {
	ID        int64     `json:"id"`
	GoalID    int64     `json:"goal_id"`
	AuthorID  int64     `json:"author_id"`
	Value     float64   `json:"value"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
}
