package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

func (s *Server) apiMatchesList(w http.ResponseWriter, r *http.Request) error {
	switch r.URL.Query().Get("format") {
	case "", "json":
	case "csv":
		return s.matchesCSV(w, r)
	default:
		return badRequest("format", "format must be json or csv")
	}
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

// matchesCSV exports every match of the filter (all pages) for coordinators.
func (s *Server) matchesCSV(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	f := store.MatchFilter{State: mentor.MatchState(r.URL.Query().Get("state"))}
	var err error
	if f.ProgramID, err = queryInt(r, "program_id"); err != nil {
		return err
	}
	if f.PersonID, err = queryInt(r, "person_id"); err != nil {
		return err
	}
	all, err := store.All(func(p store.Page) ([]mentor.Match, string, error) {
		f.Page = p
		return s.DB.Matches(r.Context(), f)
	})
	if err != nil {
		return err
	}
	cw := newCSVExport(w, "matches.csv", "match_id", "program_id", "cycle", "state", "score", "members", "roles", "responses", "summary", "created_at")
	for _, m := range all {
		var names, roles, answers []string
		for _, mm := range m.Members {
			names = append(names, mm.Name)
			roles = append(roles, string(mm.Role))
			answers = append(answers, mm.Response)
		}
		cw.row(strconv.FormatInt(m.ID, 10), strconv.FormatInt(m.ProgramID, 10), strconv.Itoa(m.Cycle), string(m.State),
			strconv.FormatFloat(m.Score, 'f', 1, 64), strings.Join(names, "; "), strings.Join(roles, "; "), strings.Join(answers, "; "),
			m.Summary, m.CreatedAt.Format(time.RFC3339))
	}
	return cw.close()
}
