package web

import (
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// goalInput holds the writable fields of a S.M.A.R.T. goal.
type goalInput struct {
	OwnerID     int64              `json:"owner_id"`
	MatchID     *int64             `json:"match_id"`
	ProgramID   *int64             `json:"program_id"`
	Title       string             `json:"title"`
	Description string             `json:"description"`
	Metric      string             `json:"metric"`
	Unit        string             `json:"unit"`
	Baseline    *float64           `json:"baseline"`
	Target      *float64           `json:"target"`
	Plan        string             `json:"plan"`
	SkillID     *int64             `json:"skill_id"`
	Relevance   string             `json:"relevance"`
	DueDate     *mentor.Date       `json:"due_date"`
	Status      mentor.GoalStatus  `json:"status"`
	Milestones  []mentor.Milestone `json:"milestones"`
}

func (in *goalInput) apply(g *mentor.Goal) {
	g.MatchID, g.ProgramID, g.Title, g.Description = in.MatchID, in.ProgramID, in.Title, in.Description
	g.Metric, g.Unit, g.Baseline, g.Target, g.Plan = in.Metric, in.Unit, in.Baseline, in.Target, in.Plan
	g.SkillID, g.Relevance, g.DueDate, g.Status, g.Milestones = in.SkillID, in.Relevance, in.DueDate, in.Status, in.Milestones
}

func (s *Server) apiGoalsList(w http.ResponseWriter, r *http.Request) error {
	pg, err := page(r)
	if err != nil {
		return err
	}
	f := store.GoalFilter{Status: mentor.GoalStatus(r.URL.Query().Get("status")), Page: pg}
	for name, dst := range map[string]*int64{"owner_id": &f.OwnerID, "match_id": &f.MatchID, "program_id": &f.ProgramID} {
		if *dst, err = queryInt(r, name); err != nil {
			return err
		}
	}
	if u := currentUser(r); !u.Manages() {
		f.VisibleTo = u.PersonID
	}
	goals, next, err := s.DB.Goals(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, goals, next)
}

func (s *Server) apiGoalsCreate(w http.ResponseWriter, r *http.Request) error {
	var in goalInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u := currentUser(r)
	if in.OwnerID == 0 {
		in.OwnerID = u.PersonID
	}
	if !u.Manages() && in.OwnerID != u.PersonID {
		return forbidden("You may set goals only for yourself.")
	}
	if in.MatchID != nil && !u.Manages() {
		if _, err := s.memberOf(r, *in.MatchID); err != nil {
			return err
		}
	}
	g := mentor.Goal{OwnerID: in.OwnerID}
	in.apply(&g)
	if err := s.DB.CreateGoal(r.Context(), &g); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/goals/"+strconv.FormatInt(g.ID, 10))
	return writeJSON(w, http.StatusCreated, g)
}

func (s *Server) apiGoalGet(w http.ResponseWriter, r *http.Request) error {
	g, err := s.goalInPath(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, g)
}

func (s *Server) apiGoalUpdate(w http.ResponseWriter, r *http.Request) error {
	g, err := s.goalInPath(r)
	if err != nil {
		return err
	}
	id := g.ID
	u := currentUser(r)
	if !u.Manages() && g.OwnerID != u.PersonID {
		return forbidden("Only the goal's owner may change it; add progress instead.")
	}
	var in goalInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.OwnerID != 0 && in.OwnerID != g.OwnerID {
		return &mentor.Error{Code: mentor.EINVALID, Message: "A goal keeps its owner.", Fields: []mentor.FieldError{{Field: "owner_id", Message: "cannot change"}}}
	}
	if in.MatchID != nil && (g.MatchID == nil || *in.MatchID != *g.MatchID) && !u.Manages() {
		if _, err := s.memberOf(r, *in.MatchID); err != nil {
			return err
		}
	}
	in.apply(g)
	if err := s.DB.UpdateGoal(r.Context(), g); err != nil {
		return err
	}
	g, err = s.DB.Goal(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, g)
}

func (s *Server) apiGoalDelete(w http.ResponseWriter, r *http.Request) error {
	g, err := s.goalInPath(r)
	if err != nil {
		return err
	}
	id := g.ID
	if u := currentUser(r); !u.Manages() && g.OwnerID != u.PersonID {
		return forbidden("Only the goal's owner may delete it.")
	}
	if err := s.DB.DeleteGoal(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiGoalProgress(w http.ResponseWriter, r *http.Request) error {
	g, err := s.goalInPath(r)
	if err != nil {
		return err
	}
	id := g.ID
	var in struct {
		Value *float64 `json:"value"`
		Note  string   `json:"note"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.Value == nil {
		return &mentor.Error{Code: mentor.EINVALID, Message: "Progress needs the new value of the goal's metric.",
			Fields: []mentor.FieldError{{Field: "value", Message: "is required"}}}
	}
	g, err = s.DB.AddProgress(r.Context(), &mentor.ProgressUpdate{GoalID: id, AuthorID: currentUser(r).PersonID, Value: *in.Value, Note: in.Note})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, g)
}

func (s *Server) apiGoalProgressList(w http.ResponseWriter, r *http.Request) error {
	g, err := s.goalInPath(r)
	if err != nil {
		return err
	}
	id := g.ID
	ups, err := s.DB.ProgressUpdates(r.Context(), id)
	if err != nil {
		return err
	}
	return writeList(w, ups, "")
}

// goalInPath loads the goal named by the path if the current user may see it.
func (s *Server) goalInPath(r *http.Request) (*mentor.Goal, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.visibleGoal(r, id)
}
