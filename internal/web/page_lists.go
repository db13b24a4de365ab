package web

import (
	"net/http"
	"slices"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// matchesPage lists the viewer's published matches, open ones first.
func (s *Server) matchesPage(w http.ResponseWriter, r *http.Request) error {
	rows, err := s.myMatches(r)
	if err != nil {
		return err
	}
	slices.SortStableFunc(rows, func(a, b matchRow) int {
		ca, cb := a.Match.State.Closed(), b.Match.State.Closed()
		switch {
		case ca == cb:
			return 0
		case cb:
			return -1
		}
		return 1
	})
	return s.render(w, r, http.StatusOK, "matches", struct {
		pageData
		Matches []matchRow
	}{s.base(r, "My matches"), rows})
}

// myMatches lists the viewer's published matches with their program names.
func (s *Server) myMatches(r *http.Request) ([]matchRow, error) {
	ctx, u := r.Context(), currentUser(r)
	ms, err := store.All(func(p store.Page) ([]mentor.Match, string, error) {
		return s.DB.Matches(ctx, store.MatchFilter{PersonID: u.PersonID, Published: true, Page: p})
	})
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	rows := make([]matchRow, 0, len(ms))
	for _, m := range ms {
		if _, ok := names[m.ProgramID]; !ok {
			p, err := s.DB.Program(ctx, m.ProgramID)
			if err != nil {
				return nil, err
			}
			names[m.ProgramID] = p.Name
		}
		row := matchRow{Match: m, ProgramName: names[m.ProgramID]}
		for _, mm := range m.Members {
			row.Answered = row.Answered || mm.PersonID == u.PersonID && mm.Response != "pending"
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// meetingsPage lists the viewer's meetings: upcoming by start time, then the last past ones.
func (s *Server) meetingsPage(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	d := struct {
		pageData
		Upcoming, Past []mentor.Meeting
	}{pageData: s.base(r, "Meetings")}
	list, err := store.All(func(p store.Page) ([]mentor.Meeting, string, error) {
		return s.DB.Meetings(r.Context(), store.MeetingFilter{PersonID: u.PersonID, Page: p})
	})
	if err != nil {
		return err
	}
	d.Upcoming, d.Past = splitMeetings(list, d.Now)
	if len(d.Past) > 20 {
		d.Past = d.Past[:20]
	}
	return s.render(w, r, http.StatusOK, "meetings", d)
}
