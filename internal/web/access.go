package web

import (
	"net/http"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// visibleMatch returns the match if the current user may see it: a member,
// or a coordinator. To others it does not exist (404), so that ids leak nothing.
func (s *Server) visibleMatch(r *http.Request, id int64) (*mentor.Match, error) {
	m, err := s.DB.Match(r.Context(), id)
	if err != nil {
		return nil, err
	}
	u := currentUser(r)
	if !u.Manages() && (!m.HasMember(u.PersonID) || m.State == mentor.MatchDraft) {
		// Drafts of an unpublished run are the coordinators' until published.
		return nil, mentor.Errorf(mentor.ENOTFOUND, "match %d was not found.", id)
	}
	return m, nil
}

// memberOf checks that the current user belongs to match id (coordinators
// act on behalf of members only where a handler says so).
func (s *Server) memberOf(r *http.Request, id int64) (*mentor.Match, error) {
	m, err := s.visibleMatch(r, id)
	if err != nil {
		return nil, err
	}
	if !m.HasMember(currentUser(r).PersonID) {
		return nil, forbidden("Only members of match %d may do this.", id)
	}
	return m, nil
}

// visibleGoal returns a goal its owner, the members of its match, or a
// coordinator may see; to others it does not exist.
func (s *Server) visibleGoal(r *http.Request, id int64) (*mentor.Goal, error) {
	g, err := s.DB.Goal(r.Context(), id)
	if err != nil {
		return nil, err
	}
	u := currentUser(r)
	if u.Manages() || g.OwnerID == u.PersonID {
		return g, nil
	}
	if g.MatchID != nil {
		if ok, err := s.DB.IsMatchMember(r.Context(), *g.MatchID, u.PersonID); err != nil || ok {
			return g, err
		}
	}
	return nil, mentor.Errorf(mentor.ENOTFOUND, "goal %d was not found.", id)
}

// visibleMeeting returns a meeting of a match the current user belongs to,
// or any meeting for a coordinator.
func (s *Server) visibleMeeting(r *http.Request, id int64) (*mentor.Meeting, error) {
	m, err := s.DB.Meeting(r.Context(), id)
	if err != nil {
		return nil, err
	}
	u := currentUser(r)
	if u.Manages() {
		return m, nil
	}
	ok, err := s.DB.IsMatchMember(r.Context(), m.MatchID, u.PersonID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, mentor.Errorf(mentor.ENOTFOUND, "meeting %d was not found.", id)
	}
	return m, nil
}
