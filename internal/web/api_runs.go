package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// runView is a match run with its matches; a rotation cycle's answer also
// says how many pairs meet again, with a warning for each.
type runView struct {
	*mentor.MatchRun
	Matches   []mentor.Match `json:"matches"`
	Unmatched []int64        `json:"unmatched,omitempty"`
	Repeats   *int           `json:"repeats,omitempty"`
	Warnings  []string       `json:"warnings,omitempty"`
}

func (s *Server) startRun(w http.ResponseWriter, r *http.Request, cycle bool) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Seed    int64 `json:"seed"`
		Rematch bool  `json:"rematch"`
		Publish bool  `json:"publish"`
	}
	if r.ContentLength != 0 {
		if err := decode(w, r, &in); err != nil {
			return err
		}
	}
	opt := matchrun.Options{Seed: in.Seed, Rematch: in.Rematch, Publish: in.Publish}
	if cycle {
		switch r.URL.Query().Get("allow_repeats") {
		case "", "true":
		case "false":
			opt.RefuseRepeats = true
		default:
			return badRequest("allow_repeats", "allow_repeats must be true or false")
		}
		p, err := s.DB.Program(r.Context(), id)
		if err != nil {
			return err
		}
		if p.Format != mentor.FormatRotation {
			return mentor.Errorf(mentor.ECONFLICT, "Only rotation programs have cycles; %q is a %s program.", p.Name, p.Format)
		}
		if p.Status != mentor.StatusRunning {
			return mentor.Errorf(mentor.ECONFLICT, "Start the program (running) before its first cycle; it is %s.", p.Status)
		}
	}
	res, err := s.Runs.Run(r.Context(), id, opt)
	if err != nil {
		return err
	}
	s.audit(r, "match-run", "program", id, strconv.FormatInt(res.Run.ID, 10))
	w.Header().Set("Location", "/api/v1/match-runs/"+strconv.FormatInt(res.Run.ID, 10))
	view := runView{MatchRun: res.Run, Matches: res.Matches, Unmatched: res.Unmatched, Warnings: res.Warnings}
	if cycle {
		n := len(res.Warnings)
		view.Repeats = &n
	}
	return writeJSON(w, http.StatusCreated, view)
}

func (s *Server) writeRun(w http.ResponseWriter, r *http.Request, id int64) error {
	run, err := s.DB.MatchRun(r.Context(), id)
	if err != nil {
		return err
	}
	all, err := store.All(func(p store.Page) ([]mentor.Match, string, error) {
		return s.DB.Matches(r.Context(), store.MatchFilter{RunID: id, Page: p})
	})
	if err != nil {
		return err
	}
	if all == nil {
		all = []mentor.Match{}
	}
	return writeJSON(w, http.StatusOK, runView{MatchRun: run, Matches: all})
}

func (s *Server) apiRunGet(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.writeRun(w, r, id)
}

func (s *Server) apiRunPublish(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.DB.PublishMatchRun(r.Context(), id); err != nil {
		return err
	}
	s.audit(r, "publish", "match-run", id, "")
	return s.writeRun(w, r, id)
}

// matchEdit is a coordinator's edit of a draft match: its new members, and
// whether to keep it although it breaks hard rules of the program.
type matchEdit struct {
	Members []struct {
		PersonID int64       `json:"person_id"`
		Role     mentor.Role `json:"role"`
	} `json:"members"`
	Override bool `json:"override"`
}

func (e *matchEdit) members() []mentor.MatchMember {
	out := make([]mentor.MatchMember, len(e.Members))
	for i, m := range e.Members {
		out[i] = mentor.MatchMember{PersonID: m.PersonID, Role: m.Role}
	}
	return out
}

// editView is a revised match with the evaluation of the edit, the hard
// rules it breaks that the coordinator overrode, and the run's new total.
type editView struct {
	Match      *mentor.Match       `json:"match"`
	Warnings   []string            `json:"warnings"`
	Overridden []mentor.RuleBreach `json:"overridden,omitempty"`
	RunTotal   float64             `json:"run_total"`
}

// saveEdit stores a hand-made or edited draft match if it obeys every hard
// rule the engine obeys, or breaks them with an explicit override (kept in
// the audit trail); otherwise it answers 409 naming the rules.
func (s *Server) saveEdit(w http.ResponseWriter, r *http.Request, m *mentor.Match, override bool, status int) error {
	ev, breaches, err := s.Runs.CheckMatch(r.Context(), m)
	if err != nil {
		return err
	}
	if len(breaches) > 0 && !override {
		return mentor.BreachError(breaches)
	}
	m.Score, m.Summary, m.Factors = ev.Score, ev.Summary, ev.Factors
	if m.ID == 0 {
		err = s.DB.AddDraftMatch(r.Context(), m)
	} else {
		err = s.DB.ReviseDraftMatch(r.Context(), m)
	}
	if err != nil {
		return err
	}
	if len(breaches) > 0 {
		s.audit(r, "override", "match", m.ID, breachDetail(breaches))
	}
	if m, err = s.DB.Match(r.Context(), m.ID); err != nil {
		return err
	}
	view := editView{Match: m, Warnings: ev.Warnings, Overridden: breaches}
	if m.RunID != nil {
		run, err := s.DB.MatchRun(r.Context(), *m.RunID)
		if err != nil {
			return err
		}
		view.RunTotal = run.Total
	}
	return writeJSON(w, status, view)
}

// breachDetail lists overridden rules for the audit trail.
func breachDetail(breaches []mentor.RuleBreach) string {
	var parts []string
	for _, b := range breaches {
		parts = append(parts, b.Rule+": "+b.Message)
	}
	return "kept despite hard rules: " + strings.Join(parts, "; ")
}

func (s *Server) apiMatchEdit(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.DB.Match(r.Context(), id)
	if err != nil {
		return err
	}
	if m.State != mentor.MatchDraft {
		return mentor.Errorf(mentor.ECONFLICT, "Match %d is %s; only draft matches of an unpublished run can be edited.", id, m.State)
	}
	var in matchEdit
	if err := decode(w, r, &in); err != nil {
		return err
	}
	m.Members = in.members()
	return s.saveEdit(w, r, m, in.Override, http.StatusOK)
}

func (s *Server) apiRunAddMatch(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.DB.MatchRun(r.Context(), id)
	if err != nil {
		return err
	}
	if run.Status != "draft" {
		return mentor.Errorf(mentor.ECONFLICT, "Match run %d is %s; add matches to a draft run only.", id, run.Status)
	}
	var in matchEdit
	if err := decode(w, r, &in); err != nil {
		return err
	}
	m := &mentor.Match{ProgramID: run.ProgramID, RunID: &run.ID, State: mentor.MatchDraft, Members: in.members()}
	return s.saveEdit(w, r, m, in.Override, http.StatusCreated)
}

func (s *Server) apiMatchDelete(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.DB.DeleteDraftMatch(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
