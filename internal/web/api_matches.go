package web

import (
	"net/http"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

func (s *Server) apiMatchesList(w http.ResponseWriter, r *http.Request) error {
	pg, err := page(r)
	if err != nil {
		return err
	}
	f := store.MatchFilter{State: mentor.MatchState(r.URL.Query().Get("state")), Page: pg}
	if f.ProgramID, err = queryInt(r, "program_id"); err != nil {
		return err
	}
	if f.PersonID, err = queryInt(r, "person_id"); err != nil {
		return err
	}
	if u := currentUser(r); !u.Manages() {
		f.PersonID, f.Published = u.PersonID, true
	}
	list, next, err := s.DB.Matches(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (s *Server) apiMatchGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.visibleMatch(r, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, m)
}

func (s *Server) respond(accept bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		if _, err := s.memberOf(r, id); err != nil {
			return err
		}
		var in struct {
			Reason string `json:"reason"`
		}
		if r.ContentLength != 0 {
			if err := decode(w, r, &in); err != nil {
				return err
			}
		}
		m, err := s.DB.RespondToMatch(r.Context(), id, currentUser(r).PersonID, accept, in.Reason)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, m)
	}
}
