package web

import (
	"net/http"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

type programRow struct {
	Program           mentor.Program
	Enrolled, Matches int
}

// consolePage is the coordinators' start page: every program with its
// enrollment and matches (issue 11 grows it into the full console).
func (s *Server) consolePage(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	ctx := r.Context()
	data := struct {
		pageData
		Programs []programRow
	}{pageData: s.base(r, "Console")}
	programs, _, err := s.DB.Programs(ctx, store.ProgramFilter{Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		return err
	}
	for _, p := range programs {
		ens, _, err := s.DB.Enrollments(ctx, store.EnrollmentFilter{ProgramID: p.ID, Page: store.Page{Limit: store.MaxLimit}})
		if err != nil {
			return err
		}
		ms, _, err := s.DB.Matches(ctx, store.MatchFilter{ProgramID: p.ID, Page: store.Page{Limit: store.MaxLimit}})
		if err != nil {
			return err
		}
		data.Programs = append(data.Programs, programRow{Program: p, Enrolled: len(ens), Matches: len(ms)})
	}
	return s.render(w, r, http.StatusOK, "console", data)
}
