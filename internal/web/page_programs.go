package web

import (
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// myEnrollment is one of my enrollments with its program.
type myEnrollment struct {
	Enrollment mentor.Enrollment
	Program    mentor.Program
}

type programsPageData struct {
	pageData
	Open []mentor.Program // taking enrollments, with a public sign-up page, that I am not in
	Mine []myEnrollment
}

// programsPage lists, for the signed-in person, the programs open to join
// (each format in one line) and their own enrollments, which they may
// withdraw from. Coordinators run programs from their console.
func (s *Server) programsPage(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	ctx := r.Context()
	ens, err := store.All(func(p store.Page) ([]mentor.Enrollment, string, error) {
		return s.DB.Enrollments(ctx, store.EnrollmentFilter{PersonID: u.PersonID, Page: p})
	})
	if err != nil {
		return err
	}
	d := programsPageData{pageData: s.base(r, "Programs")}
	in := map[int64]bool{}
	for _, e := range ens {
		p, err := s.DB.Program(ctx, e.ProgramID)
		if err != nil {
			return err
		}
		in[p.ID] = true
		d.Mine = append(d.Mine, myEnrollment{Enrollment: e, Program: *p})
	}
	open, err := s.enrollingPrograms(ctx)
	if err != nil {
		return err
	}
	for _, p := range open {
		if p.Slug != "" && !in[p.ID] {
			d.Open = append(d.Open, p)
		}
	}
	return s.render(w, r, http.StatusOK, "programs", d)
}

// programWithdraw withdraws the signed-in person from a program, as
// PATCH of their enrollment with status withdrawn does in the API.
func (s *Server) programWithdraw(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	u := currentUser(r)
	list, _, err := s.DB.Enrollments(r.Context(), store.EnrollmentFilter{ProgramID: id, PersonID: u.PersonID, Page: store.Page{Limit: 1}})
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return mentor.Errorf(mentor.ENOTFOUND, "You are not enrolled in program %d.", id)
	}
	e := list[0]
	if e.Status == mentor.EnrollmentWithdrawn {
		return s.redirectFlash(w, r, "/programs", "You had already withdrawn.")
	}
	e.Status = mentor.EnrollmentWithdrawn
	if err := s.DB.UpdateEnrollment(r.Context(), &e); err != nil {
		return err
	}
	s.audit(r, "withdraw", "enrollment", e.ID, strconv.FormatInt(id, 10))
	return s.redirectFlash(w, r, "/programs", "You have withdrawn from the program.")
}
