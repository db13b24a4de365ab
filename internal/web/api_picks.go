package web

import (
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// pickRoutes registers self-select matching: shortlists, picks and answers.
func (s *Server) pickRoutes() {
	s.private("GET /api/v1/programs/{id}/shortlist", s.apiShortlist)
	s.private("POST /api/v1/programs/{id}/picks", s.apiPicksCreate)
	s.private("GET /api/v1/programs/{id}/picks", s.apiPicksList)
	s.private("POST /api/v1/picks/{id}/accept", s.answerPick(true))
	s.private("POST /api/v1/picks/{id}/decline", s.answerPick(false))
	s.private("POST /api/v1/picks/{id}/withdraw", s.apiPickWithdraw)
}

// shortlistView is one participant's shortlist in a program.
type shortlistView struct {
	ProgramID int64                 `json:"program_id"`
	PersonID  int64                 `json:"person_id"`
	Items     []matchrun.Suggestion `json:"items"`
}

// apiShortlist answers the signed-in participant's own shortlist; a
// coordinator may ask for anybody's with ?person_id=.
func (s *Server) apiShortlist(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	u := currentUser(r)
	person, err := queryInt(r, "person_id")
	if err != nil {
		return err
	}
	switch {
	case person == 0:
		person = u.PersonID
	case person != u.PersonID && !u.Manages():
		return forbidden("Only coordinators may see another participant's shortlist.")
	}
	list, err := s.Runs.Shortlist(r.Context(), id, person)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, shortlistView{ProgramID: id, PersonID: person, Items: list})
}

// pickInput is the body of a new pick.
type pickInput struct {
	PersonID int64  `json:"person_id"`
	Message  string `json:"message"`
}

// apiPicksCreate records the signed-in participant's pick of person_id.
func (s *Server) apiPicksCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in pickInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	var pr mentor.Problems
	pr.Check(in.PersonID <= 0, "person_id", "is required: the id of the person you pick")
	if err := pr.Err("pick"); err != nil {
		return err
	}
	k, err := s.Runs.Pick(r.Context(), id, currentUser(r).PersonID, in.PersonID, in.Message)
	if err != nil {
		return err
	}
	s.audit(r, "pick", "program", id, strconv.FormatInt(k.ID, 10)+" "+string(k.Status))
	return writeJSON(w, http.StatusCreated, k)
}

// apiPicksList lists the picks a participant made and received in the
// program; coordinators see every pick, optionally one person's.
func (s *Server) apiPicksList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.DB.Program(r.Context(), id); err != nil {
		return err
	}
	pg, err := page(r)
	if err != nil {
		return err
	}
	f := store.PickFilter{ProgramID: id, Status: mentor.PickStatus(r.URL.Query().Get("status")), Page: pg}
	if f.PersonID, err = queryInt(r, "person_id"); err != nil {
		return err
	}
	if u := currentUser(r); !u.Manages() {
		if f.PersonID != 0 && f.PersonID != u.PersonID {
			return forbidden("Only coordinators may see another participant's picks.")
		}
		f.PersonID = u.PersonID
	}
	list, next, err := s.DB.Picks(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

// answerPick lets the picked person accept (making the match) or decline a pick.
func (s *Server) answerPick(accept bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
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
		k, err := s.DB.RespondToPick(r.Context(), id, currentUser(r).PersonID, accept, in.Reason)
		if err != nil {
			return err
		}
		s.audit(r, "answer", "pick", id, string(k.Status))
		return writeJSON(w, http.StatusOK, k)
	}
}

// apiPickWithdraw lets the picker take back a pending pick.
func (s *Server) apiPickWithdraw(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	k, err := s.DB.WithdrawPick(r.Context(), id, currentUser(r).PersonID)
	if err != nil {
		return err
	}
	s.audit(r, "withdraw", "pick", id, "")
	return writeJSON(w, http.StatusOK, k)
}
