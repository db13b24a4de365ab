package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// goalAction is a form POST on a goal page; it answers like matchAction.
func (s *Server) goalAction(name string, do func(r *http.Request, g *mentor.Goal) (string, error)) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		g, err := s.goalInPath(r)
		if err != nil {
			return err
		}
		if err := parseForm(w, r); err != nil {
			return err
		}
		msg, err := do(r, g)
		if err != nil {
			f, status, ok := refused(r, err)
			if !ok {
				return err
			}
			return s.renderGoal(w, r, status, map[string]form{name: f})
		}
		return s.redirectFlash(w, r, "/goals/"+strconv.FormatInt(g.ID, 10), msg)
	}
}

// goalProgress records a new value of the goal's metric (owner or match partner, as in the API).
func (s *Server) goalProgress(r *http.Request, g *mentor.Goal) (string, error) {
	v, ok := formFloat(r, "value")
	if !ok || v == nil {
		return "", &mentor.Error{Code: mentor.EINVALID, Message: "Progress needs the new value of the goal's metric.",
			Fields: []mentor.FieldError{{Field: "value", Message: "give the new value as a number"}}}
	}
	_, err := s.DB.AddProgress(r.Context(), &mentor.ProgressUpdate{GoalID: g.ID, AuthorID: currentUser(r).PersonID, Value: *v, Note: r.PostForm.Get("note")})
	return "Progress saved.", err
}

// ownGoal refuses changes to a goal by anyone but its owner (coordinators use the API).
func ownGoal(r *http.Request, g *mentor.Goal) error {
	if g.OwnerID != currentUser(r).PersonID {
		return forbidden("Only the goal's owner may change it; add progress instead.")
	}
	return nil
}

// goalMilestones ticks milestones done (the checked ones) and adds a new one.
func (s *Server) goalMilestones(r *http.Request, g *mentor.Goal) (string, error) {
	if err := ownGoal(r, g); err != nil {
		return "", err
	}
	done := map[string]bool{}
	for _, v := range r.PostForm["done"] {
		done[v] = true
	}
	for i := range g.Milestones {
		g.Milestones[i].Done = done[strconv.FormatInt(g.Milestones[i].ID, 10)]
	}
	msg := "Milestones saved."
	if t := strings.TrimSpace(r.PostForm.Get("title")); t != "" {
		g.Milestones = append(g.Milestones, mentor.Milestone{Title: t})
		msg = "Milestone added."
	}
	return msg, s.DB.UpdateGoal(r.Context(), g)
}

// goalStatus marks the goal achieved, abandoned or open again.
func (s *Server) goalStatus(r *http.Request, g *mentor.Goal) (string, error) {
	if err := ownGoal(r, g); err != nil {
		return "", err
	}
	g.Status = mentor.GoalStatus(r.PostForm.Get("status"))
	if err := s.DB.UpdateGoal(r.Context(), g); err != nil {
		return "", err
	}
	return "Goal marked " + strings.ToLower(label(g.Status)) + ".", nil
}
