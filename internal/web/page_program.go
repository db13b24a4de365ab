package web

import (
	"fmt"
	"net/http"

	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

type programPageData struct {
	pageData
	Program       *mentor.Program
	Enrolled      int
	Waitlisted    int
	Roles         map[mentor.Role]int
	Matches       []mentor.Match
	Drafts        []int64
	CanRun        bool
	Error, Notice string
}

// programPage is the coordinator's view of one program: enrollment, the
// matches with their explanations, and the matching actions.
func (s *Server) programPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderProgram(w, r, http.StatusOK, "", "")
}

func (s *Server) renderProgram(w http.ResponseWriter, r *http.Request, status int, errMsg, notice string) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.DB.Program(r.Context(), id)
	if err != nil {
		return err
	}
	d := programPageData{pageData: s.base(r, p.Name), Program: p, Roles: map[mentor.Role]int{}, Error: errMsg, Notice: notice}
	d.CanRun = p.Format != mentor.FormatFlash && (p.Status == mentor.StatusMatching || p.Status == mentor.StatusRunning)
	ens, _, err := s.DB.Enrollments(r.Context(), store.EnrollmentFilter{ProgramID: id, Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		return err
	}
	for _, e := range ens {
		switch e.Status {
		case mentor.EnrollmentActive:
			d.Enrolled++
			d.Roles[e.Role]++
		case mentor.EnrollmentWaitlisted:
			d.Enrolled++
			d.Waitlisted++
			d.Roles[e.Role]++
		}
	}
	if d.Matches, _, err = s.DB.Matches(r.Context(), store.MatchFilter{ProgramID: id, Page: store.Page{Limit: store.MaxLimit}}); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, m := range d.Matches {
		if m.State == mentor.MatchDraft && m.RunID != nil && !seen[*m.RunID] {
			seen[*m.RunID] = true
			d.Drafts = append(d.Drafts, *m.RunID)
		}
	}
	return s.render(w, r, status, "program", d)
}

func (s *Server) programRunSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return badRequest("", "The form could not be read.")
	}
	res, err := s.Runs.Run(r.Context(), id, matchrun.Options{Seed: 1, Rematch: r.PostForm.Get("rematch") == "true"})
	if c := mentor.ErrorCode(err); c == mentor.ECONFLICT || c == mentor.EINVALID {
		return s.renderProgram(w, r, codeStatus[c], mentor.ErrorMessage(err), "")
	} else if err != nil {
		return err
	}
	s.audit(r, "match-run", "program", id, fmt.Sprint(res.Run.ID))
	http.Redirect(w, r, fmt.Sprintf("/programs/%d", id), http.StatusSeeOther)
	return nil
}

func (s *Server) runPublishSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.DB.PublishMatchRun(r.Context(), id)
	if err != nil {
		return err
	}
	s.audit(r, "publish", "match-run", id, "")
	http.Redirect(w, r, fmt.Sprintf("/programs/%d", run.ProgramID), http.StatusSeeOther)
	return nil
}
