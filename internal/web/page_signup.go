package web

import (
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

type signupData struct {
	pageData
	Program     *mentor.Program
	Roles       []mentor.Role
	Error, Done string
}

func (s *Server) signupPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.DB.ProgramBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "signup", signupData{pageData: s.base(r, p.Name), Program: p, Roles: p.Format.Roles()})
}

func (s *Server) signupSubmit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.DB.ProgramBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return badRequest("", "The form could not be read.")
	}
	data := signupData{pageData: s.base(r, p.Name), Program: p, Roles: p.Format.Roles()}
	if p.Status != mentor.StatusEnrolling {
		data.Error = "This program is not taking sign-ups at the moment."
		return s.render(w, r, http.StatusConflict, "signup", data)
	}
	e := mentor.Enrollment{ProgramID: p.ID, PersonID: currentUser(r).PersonID, Role: mentor.Role(r.PostForm.Get("role")), Goals: r.PostForm.Get("goals")}
	if e.Role == mentor.RoleMentor {
		e.Capacity, _ = strconv.Atoi(r.PostForm.Get("capacity"))
	}
	if err := s.DB.CreateEnrollment(r.Context(), &e); err != nil {
		if c := mentor.ErrorCode(err); c == mentor.EINVALID || c == mentor.ECONFLICT {
			msg := mentor.ErrorMessage(err)
			for _, f := range mentor.ErrorFields(err) {
				msg += " " + f.Field + ": " + f.Message + "."
			}
			data.Error = msg
			return s.render(w, r, codeStatus[c], "signup", data)
		}
		return err
	}
	data.Done = "You are signed up as " + string(e.Role) + "."
	if e.Status == mentor.EnrollmentWaitlisted {
		data.Done += " You are on the waitlist."
	}
	return s.render(w, r, http.StatusOK, "signup", data)
}
