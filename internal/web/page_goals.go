package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/chart"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

func (s *Server) goalPageRoutes() {
	s.private("GET /goals", s.goalsPage)
	s.private("GET /goals/new", func(w http.ResponseWriter, r *http.Request) error {
		return s.renderGoalForm(w, r, http.StatusOK, form{})
	})
	s.private("POST /goals", s.goalCreate)
	s.private("GET /goals/{id}", func(w http.ResponseWriter, r *http.Request) error { return s.renderGoal(w, r, http.StatusOK, nil) })
	s.private("POST /goals/{id}/progress", s.goalAction("progress", s.goalProgress))
	s.private("POST /goals/{id}/milestones", s.goalAction("milestone", s.goalMilestones))
	s.private("POST /goals/{id}/status", s.goalAction("status", s.goalStatus))
}

// goalsPage lists my goals and the goals shared with my matches.
func (s *Server) goalsPage(w http.ResponseWriter, r *http.Request) error {
	goals, err := store.All(func(p store.Page) ([]mentor.Goal, string, error) {
		return s.DB.Goals(r.Context(), store.GoalFilter{VisibleTo: currentUser(r).PersonID, Page: p})
	})
	if err != nil {
		return err
	}
	d := struct {
		pageData
		Open, Done []mentor.Goal
	}{pageData: s.base(r, "Goals")}
	for _, g := range goals {
		if g.Status == mentor.GoalOpen {
			d.Open = append(d.Open, g)
		} else {
			d.Done = append(d.Done, g)
		}
	}
	return s.render(w, r, http.StatusOK, "goals", d)
}

// renderGoalForm shows the S.M.A.R.T. form, again with the input and errors after a refusal.
func (s *Server) renderGoalForm(w http.ResponseWriter, r *http.Request, status int, f form) error {
	rows, err := s.myMatches(r)
	if err != nil {
		return err
	}
	var open []matchRow
	for _, m := range rows {
		if m.Match.State.Confirmed() {
			open = append(open, m)
		}
	}
	return s.render(w, r, status, "goal_new", struct {
		pageData
		Form    form
		Matches []matchRow
	}{s.base(r, "New goal"), f, open})
}

// goalCreate creates a goal from the S.M.A.R.T. form, with the API's rules.
func (s *Server) goalCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	u := currentUser(r)
	f := r.PostForm
	g := mentor.Goal{OwnerID: u.PersonID, Title: f.Get("title"), Description: f.Get("description"), Metric: f.Get("metric"),
		Unit: f.Get("unit"), Plan: f.Get("plan"), Relevance: f.Get("relevance")}
	var pr mentor.Problems
	var ok bool
	g.Baseline, ok = formFloat(r, "baseline")
	pr.Check(!ok, "baseline", "M (measurable): give the starting value as a number")
	g.Target, ok = formFloat(r, "target")
	pr.Check(!ok, "target", "M (measurable): give the target as a number")
	if v := strings.TrimSpace(f.Get("due_date")); v != "" {
		d, err := mentor.ParseDate(v)
		pr.Check(err != nil, "due_date", "T (time-bound): give a date like 2027-03-31")
		if err == nil {
			g.DueDate = &d
		}
	}
	if name := strings.TrimSpace(f.Get("skill")); name != "" {
		sk, err := s.DB.ResolveSkill(r.Context(), name)
		pr.Check(err != nil, "skill", "R (relevant): %q is not a skill we know; write the career aim instead", name)
		if err == nil {
			g.SkillID = &sk.ID
		}
	}
	if id, _ := strconv.ParseInt(f.Get("match_id"), 10, 64); id > 0 {
		if _, err := s.memberOf(r, id); err != nil {
			return err
		}
		g.MatchID = &id
	}
	err := pr.Err("goal")
	if err == nil {
		err = s.DB.CreateGoal(r.Context(), &g)
	}
	if err != nil {
		fm, status, ok := refused(r, mergeProblems(err, g.Validate))
		if !ok {
			return err
		}
		return s.renderGoalForm(w, r, status, fm)
	}
	return s.redirectFlash(w, r, "/goals/"+strconv.FormatInt(g.ID, 10), "Goal saved.")
}

// mergeProblems adds the domain's field errors to a form-reading error, so
// that one answer names every missing letter at once.
func mergeProblems(err error, validate func() error) error {
	e, ok := err.(*mentor.Error)
	if !ok || e.Code != mentor.EINVALID {
		return err
	}
	have := map[string]bool{}
	for _, f := range e.Fields {
		have[f.Field] = true
	}
	for _, f := range mentor.ErrorFields(validate()) {
		if !have[f.Field] {
			e.Fields = append(e.Fields, f)
		}
	}
	return e
}

type goalPage struct {
	pageData
	Goal    *mentor.Goal
	Updates []mentor.ProgressUpdate
	Chart   any
	Mine    bool
	Forms   map[string]form
}

// renderGoal shows one goal: its letters, milestones, progress and chart.
func (s *Server) renderGoal(w http.ResponseWriter, r *http.Request, status int, forms map[string]form) error {
	g, err := s.goalInPath(r)
	if err != nil {
		return err
	}
	ups, err := s.DB.ProgressUpdates(r.Context(), g.ID)
	if err != nil {
		return err
	}
	d := goalPage{pageData: s.base(r, g.Title), Goal: g, Updates: ups, Mine: g.OwnerID == currentUser(r).PersonID, Forms: forms}
	if len(ups) > 0 {
		steps := []string{"start"}
		pts := []chart.Point{{Value: valueOf(g.Baseline), Valid: g.Baseline != nil}}
		for _, u := range ups {
			steps = append(steps, u.CreatedAt.In(d.loc()).Format("2 Jan"))
			pts = append(pts, chart.Point{Value: u.Value, Valid: true})
		}
		d.Chart = chart.Lines("Progress of "+g.Title, steps, []chart.Series{{Label: g.Metric, Points: pts}}, g.Target, num)
	}
	return s.render(w, r, status, "goal", d)
}

func valueOf(f *float64) float64 {
	if f == nil {
		return 0
	}
	return *f
}
