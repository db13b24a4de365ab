package web

import (
	"net/http"
)

// apiMatchResume resumes a paused match on behalf of a member or a
// coordinator (POST /api/v1/matches/{id}/resume).
func (s *Server) apiMatchResume(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.visibleMatch(r, id); err != nil {
		return err
	}
	m, err := s.DB.ResumeMatch(r.Context(), id, currentUser(r).PersonID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, m)
}
