package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
)

// Format trials (issue 9): coordinators and admins create, list, read and
// close them; anyone signed in may volunteer themselves, and coordinators
// and admins may volunteer anyone.
func (s *Server) trialRoutes() {
	s.private("POST /api/v1/trials", s.apiTrialsCreate)
	s.private("GET /api/v1/trials", s.apiTrialsList)
	s.private("GET /api/v1/trials/{id}", s.apiTrialGet)
	s.private("POST /api/v1/trials/{id}/volunteers", s.apiTrialVolunteer)
	s.private("POST /api/v1/trials/{id}/close", s.apiTrialClose)
}

// trialInput is the body of POST /api/v1/trials; a missing seed draws one.
type trialInput struct {
	Name       string  `json:"name"`
	ProgramIDs []int64 `json:"program_ids"`
	Seed       int64   `json:"seed"`
}

// designRandomised labels the result of a format trial: people were
// assigned to formats at random, the strongest evidence the reports have.
const designRandomised = "randomised"

// trialDetail is the answer of GET /api/v1/trials/{id}.
type trialDetail struct {
	*mentor.Trial
	Assignments []mentor.TrialAssignment `json:"assignments"`
	Balance     []report.ArmBalance      `json:"balance"`
	Result      trialResult              `json:"result"`
}

// trialResult is the format comparison restricted to a trial's arms and
// volunteers, labelled with its design.
type trialResult struct {
	Design string `json:"design"`
	report.Comparison
}

func (s *Server) apiTrialsCreate(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	var in trialInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	t := mentor.Trial{Name: in.Name, Seed: in.Seed}
	if err := s.DB.CreateTrial(r.Context(), &t, in.ProgramIDs); err != nil {
		return err
	}
	s.audit(r, "create", "trial", t.ID, t.Name)
	w.Header().Set("Location", "/api/v1/trials/"+strconv.FormatInt(t.ID, 10))
	return writeJSON(w, http.StatusCreated, t)
}

func (s *Server) apiTrialsList(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	pg, err := page(r)
	if err != nil {
		return err
	}
	list, next, err := s.DB.Trials(r.Context(), pg)
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

// apiTrialGet answers a trial with its assignments, the balance table and
// the randomised comparison of its arms.
func (s *Server) apiTrialGet(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, list, err := s.loadTrial(r.Context(), id)
	if err != nil {
		return err
	}
	out := trialDetail{Trial: t, Assignments: list}
	out.Balance = report.TrialBalance(t.Arms, out.Assignments)
	if out.Result, err = s.trialResult(r.Context(), t, out.Assignments); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

// loadTrial reads a trial and its assignments (ENOTFOUND for no trial).
func (s *Server) loadTrial(ctx context.Context, id int64) (*mentor.Trial, []mentor.TrialAssignment, error) {
	t, err := s.DB.Trial(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	list, err := s.DB.TrialAssignments(ctx, id)
	return t, list, err
}

// trialResult compares the trial's arms over its volunteers only: the
// relationships, goals, meetings and assessments of assigned people in the
// arms' programs (a mentor who did not volunteer counts through the
// relationship with a volunteer, not alone).
func (s *Server) trialResult(ctx context.Context, t *mentor.Trial, list []mentor.TrialAssignment) (trialResult, error) {
	f := report.Filter{To: s.reportEnd()}
	for _, a := range t.Arms {
		f.Programs = append(f.Programs, a.ProgramID)
	}
	for _, a := range list {
		f.People = append(f.People, a.PersonID)
	}
	d := &report.Data{} // no volunteers yet: nothing to compare (an empty People would select everyone)
	if len(f.People) > 0 {
		var err error
		if d, err = s.DB.ReportData(ctx); err != nil {
			return trialResult{}, err
		}
	}
	return trialResult{Design: designRandomised, Comparison: report.Compare(d, f, report.CompareOptions{})}, nil
}

// volunteerInput is the body of POST /api/v1/trials/{id}/volunteers.
type volunteerInput struct {
	PersonID int64 `json:"person_id"`
}

// apiTrialVolunteer assigns a volunteer to an arm at random and enrolls
// them there. A participant volunteers themselves only (person_id may be
// left out); coordinators and admins may volunteer anyone.
func (s *Server) apiTrialVolunteer(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in volunteerInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u := currentUser(r)
	if in.PersonID == 0 {
		in.PersonID = u.PersonID
	}
	if !u.Manages() && in.PersonID != u.PersonID {
		return forbidden("You may volunteer only yourself.")
	}
	a, err := s.DB.Volunteer(r.Context(), id, in.PersonID)
	if err != nil {
		return err
	}
	s.audit(r, "volunteer", "trial", id, strconv.FormatInt(a.PersonID, 10))
	return writeJSON(w, http.StatusCreated, a)
}

func (s *Server) apiTrialClose(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := s.DB.CloseTrial(r.Context(), id)
	if err != nil {
		return err
	}
	s.audit(r, "close", "trial", id, t.Name)
	return writeJSON(w, http.StatusOK, t)
}
