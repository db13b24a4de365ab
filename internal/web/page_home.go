package web

import (
	"net/http"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

type matchRow struct {
	Match       mentor.Match
	ProgramName string
	// Answered is true when the viewer has already answered the proposal.
	Answered bool
}

func (s *Server) homePage(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), currentUser(r)
	data := struct {
		pageData
		Manages  bool
		Matches  []matchRow
		Meetings []mentor.Meeting
		Goals    []mentor.Goal
		Open     []mentor.Program
	}{pageData: s.base(r, "Home"), Manages: u.Manages()}
	ms, _, err := s.DB.Matches(ctx, store.MatchFilter{PersonID: u.PersonID, Published: true})
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, m := range ms {
		if _, ok := names[m.ProgramID]; !ok {
			if p, err := s.DB.Program(ctx, m.ProgramID); err == nil {
				names[m.ProgramID] = p.Name
			}
		}
		row := matchRow{Match: m, ProgramName: names[m.ProgramID]}
		for _, mm := range m.Members {
			row.Answered = row.Answered || mm.PersonID == u.PersonID && mm.Response != "pending"
		}
		data.Matches = append(data.Matches, row)
	}
	if data.Meetings, _, err = s.DB.Meetings(ctx, store.MeetingFilter{PersonID: u.PersonID, From: time.Now().UTC(), Status: mentor.MeetingScheduled, Page: store.Page{Limit: 5}}); err != nil {
		return err
	}
	if data.Goals, _, err = s.DB.Goals(ctx, store.GoalFilter{OwnerID: u.PersonID, Status: mentor.GoalOpen}); err != nil {
		return err
	}
	open, _, err := s.DB.Programs(ctx, store.ProgramFilter{Status: mentor.StatusEnrolling})
	if err != nil {
		return err
	}
	for _, p := range open {
		if p.Slug != "" {
			data.Open = append(data.Open, p)
		}
	}
	return s.render(w, r, http.StatusOK, "home", data)
}

// respondSubmit accepts or declines a proposed match from the home page.
func (s *Server) respondSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.memberOf(r, id); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return badRequest("", "The form could not be read.")
	}
	answer := r.PostForm.Get("answer")
	if answer != "accept" && answer != "decline" {
		return badRequest("answer", "answer must be accept or decline")
	}
	if _, err := s.DB.RespondToMatch(r.Context(), id, currentUser(r).PersonID, answer == "accept", r.PostForm.Get("reason")); err != nil {
		return err
	}
	to, msg := "/", "You declined the proposal."
	if r.PostForm.Get("next") == "match" {
		to = matchPath(id)
	}
	if answer == "accept" {
		msg = "You accepted the match."
	}
	return s.redirectFlash(w, r, to, msg)
}
