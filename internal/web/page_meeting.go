package web

import (
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

type meetingPage struct {
	pageData
	Meeting    *mentor.Meeting
	Match      *mentor.Match
	Program    *mentor.Program
	Names      map[int64]string
	Shared     []mentor.Note
	Private    []mentor.Note
	Feedback   []mentor.Feedback
	MyFeedback *mentor.Feedback
	Present    map[int64]bool
	Member     bool
	Happened   bool
	Forms      map[string]form
}

func (s *Server) meetingPageGet(w http.ResponseWriter, r *http.Request) error {
	return s.renderMeeting(w, r, http.StatusOK, nil)
}

// renderMeeting renders the meeting page, with a refused form ("note",
// "feedback", "edit") shown again when forms has one.
func (s *Server) renderMeeting(w http.ResponseWriter, r *http.Request, status int, forms map[string]form) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	mt, err := s.visibleMeeting(r, id)
	if err != nil {
		return err
	}
	ctx, u := r.Context(), currentUser(r)
	m, err := s.DB.Match(ctx, mt.MatchID)
	if err != nil {
		return err
	}
	p, err := s.DB.Program(ctx, m.ProgramID)
	if err != nil {
		return err
	}
	d := meetingPage{pageData: s.base(r, "Meeting"), Meeting: mt, Match: m, Program: p, Names: map[int64]string{},
		Present: map[int64]bool{}, Member: m.HasMember(u.PersonID), Forms: forms}
	d.Happened = mt.Happened(d.Now)
	for _, mm := range m.Members {
		d.Names[mm.PersonID] = mm.Name
	}
	for _, a := range mt.Attendance {
		d.Present[a] = true
	}
	notes, err := s.DB.Notes(ctx, id, u.PersonID)
	if err != nil {
		return err
	}
	for _, n := range notes {
		if n.Private {
			d.Private = append(d.Private, n) // Notes gives private notes to their author only
		} else {
			d.Shared = append(d.Shared, n)
		}
	}
	if d.Feedback, err = s.DB.Feedback(ctx, id); err != nil {
		return err
	}
	for i := range d.Feedback {
		if d.Feedback[i].AuthorID == u.PersonID {
			d.MyFeedback = &d.Feedback[i]
		}
	}
	return s.render(w, r, status, "meeting", d)
}

// meetingAction is a form POST on a meeting page, for members of its match;
// it answers like matchAction.
func (s *Server) meetingAction(name string, do func(r *http.Request, mt *mentor.Meeting, d pageData) (string, error)) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := s.meetingOfMember(r)
		if err != nil {
			return err
		}
		mt, err := s.DB.Meeting(r.Context(), id)
		if err != nil {
			return err
		}
		if err := parseForm(w, r); err != nil {
			return err
		}
		msg, err := do(r, mt, s.base(r, ""))
		if err != nil {
			f, status, ok := refused(r, err)
			if !ok {
				return err
			}
			return s.renderMeeting(w, r, status, map[string]form{name: f})
		}
		return s.redirectFlash(w, r, meetingPath(id), msg)
	}
}

func (s *Server) meetingPageRoutes() {
	s.private("GET /meetings", s.meetingsPage)
	s.private("GET /meetings/{id}", s.meetingPageGet)
	s.private("POST /meetings/{id}/notes", s.meetingAction("note", func(r *http.Request, mt *mentor.Meeting, _ pageData) (string, error) {
		n := mentor.Note{MeetingID: mt.ID, AuthorID: currentUser(r).PersonID, Private: r.PostForm.Get("private") == "true", Text: r.PostForm.Get("text")}
		if err := s.DB.AddNote(r.Context(), &n); err != nil {
			return "", err
		}
		if n.Private {
			return "Private note saved. Only you can read it.", nil
		}
		return "Note shared with your partner.", nil
	}))
	s.private("POST /meetings/{id}/feedback", s.meetingAction("feedback", func(r *http.Request, mt *mentor.Meeting, _ pageData) (string, error) {
		rating, _ := formInt(r, "rating")
		f := mentor.Feedback{MeetingID: mt.ID, AuthorID: currentUser(r).PersonID, Rating: rating, Style: r.PostForm.Get("style"), Text: r.PostForm.Get("text")}
		return "Thank you for your feedback.", s.DB.AddFeedback(r.Context(), &f)
	}))
	s.private("POST /meetings/{id}/edit", s.meetingAction("edit", s.editMeeting))
	s.private("POST /meetings/{id}/cancel", s.meetingAction("cancel", func(r *http.Request, mt *mentor.Meeting, _ pageData) (string, error) {
		mt.Status = mentor.MeetingCancelled
		return "The meeting is cancelled.", s.DB.UpdateMeeting(r.Context(), mt)
	}))
}

// editMeeting reschedules a meeting, records who came and whether it was held.
func (s *Server) editMeeting(r *http.Request, mt *mentor.Meeting, d pageData) (string, error) {
	f := r.PostForm
	var pr mentor.Problems
	at, ok := d.parseInputTime(f.Get("starts_at"))
	pr.Check(!ok, "starts_at", "give a date and time")
	minutes, good := formInt(r, "minutes")
	pr.Check(!good, "minutes", "give the length in whole minutes")
	var present []int64
	for _, v := range f["attendance"] {
		id, err := strconv.ParseInt(v, 10, 64)
		pr.Check(err != nil, "attendance", "names somebody unknown")
		present = append(present, id)
	}
	if err := pr.Err("meeting"); err != nil {
		return "", err
	}
	mt.StartsAt, mt.Minutes, mt.Agenda, mt.Attendance = at, minutes, f.Get("agenda"), present
	if st := mentor.MeetingStatus(f.Get("status")); st != "" {
		mt.Status = st
	}
	if err := s.DB.UpdateMeeting(r.Context(), mt); err != nil {
		return "", err
	}
	return "Meeting saved.", nil
}

// meetingPath is the address of a meeting page.
func meetingPath(id int64) string { return "/meetings/" + strconv.FormatInt(id, 10) }
