package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

func (s *Server) officeHoursRoutes() {
	s.private("GET /api/v1/office-hours", s.apiOfficeHoursList)
	s.private("POST /api/v1/office-hours", s.apiOfficeHoursCreate)
	s.private("GET /api/v1/office-hours/{id}", s.apiOfficeHoursGet)
	s.private("POST /api/v1/office-hours/{id}/book", s.apiOfficeHoursBook)
	s.private("POST /api/v1/office-hours/{id}/cancel", s.apiOfficeHoursCancel)
}

func (s *Server) apiOfficeHoursList(w http.ResponseWriter, r *http.Request) error {
	pg, err := page(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := store.OfficeHoursFilter{Topic: q.Get("topic"), Free: q.Get("free") == "true", Page: pg}
	if f.Topic == "" {
		f.Topic = q.Get("skill")
	}
	if f.ProgramID, err = queryInt(r, "program_id"); err != nil {
		return err
	}
	if f.MentorID, err = queryInt(r, "mentor_id"); err != nil {
		return err
	}
	if v := q.Get("from"); v != "" {
		if f.From, err = time.Parse(time.RFC3339, v); err != nil {
			return badRequest("from", "from must be an RFC 3339 time such as 2026-03-01T09:00:00Z")
		}
	}
	switch q.Get("past") { // slots that have started are left out unless asked for
	case "", "false":
		if f.From.IsZero() {
			f.From = s.DB.Now()
		}
	case "true":
	default:
		return badRequest("past", "past must be true or false")
	}
	list, next, err := s.DB.ListOfficeHours(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

// apiOfficeHoursCreate publishes a slot: a mentor of a flash program for
// themselves, a coordinator for any of its mentors.
func (s *Server) apiOfficeHoursCreate(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		ProgramID int64     `json:"program_id"`
		MentorID  int64     `json:"mentor_id"`
		StartsAt  time.Time `json:"starts_at"`
		Minutes   int       `json:"minutes"`
		Topics    []string  `json:"topics"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u := currentUser(r)
	if in.MentorID == 0 {
		in.MentorID = u.PersonID
	}
	if !u.Manages() && in.MentorID != u.PersonID {
		return forbidden("You may publish office hours for yourself only.")
	}
	p, err := s.DB.Program(r.Context(), in.ProgramID)
	if err != nil {
		if mentor.ErrorCode(err) == mentor.ENOTFOUND {
			return &mentor.Error{Code: mentor.EINVALID, Message: "Unknown program.", Fields: []mentor.FieldError{{Field: "program_id", Message: "does not name a program"}}}
		}
		return err
	}
	if p.Format != mentor.FormatFlash {
		return &mentor.Error{Code: mentor.EINVALID, Message: "Office hours belong to flash mentoring programs.",
			Fields: []mentor.FieldError{{Field: "program_id", Message: "is a " + string(p.Format) + " program, not flash"}}}
	}
	ens, _, err := s.DB.Enrollments(r.Context(), store.EnrollmentFilter{ProgramID: p.ID, PersonID: in.MentorID, Role: mentor.RoleMentor, Status: mentor.EnrollmentActive})
	if err != nil {
		return err
	}
	if len(ens) == 0 {
		return forbidden("Only mentors enrolled in %q may publish office hours.", p.Name)
	}
	o := mentor.OfficeHours{ProgramID: p.ID, MentorID: in.MentorID, StartsAt: in.StartsAt.UTC(), Minutes: in.Minutes, Topics: in.Topics}
	if err := s.DB.CreateOfficeHours(r.Context(), &o); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/office-hours/"+strconv.FormatInt(o.ID, 10))
	return writeJSON(w, http.StatusCreated, o)
}

func (s *Server) apiOfficeHoursGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.DB.OfficeHoursByID(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

// apiOfficeHoursBook books a free slot for the signed-in participant. The
// booking is atomic in the store (no double booking, even concurrently);
// it then becomes a flash match with one meeting, so that both can leave
// feedback afterwards. If that fails the booking is undone.
func (s *Server) apiOfficeHoursBook(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Topic    string `json:"topic"`
		Question string `json:"question"`
	}
	if r.ContentLength != 0 {
		if err := decode(w, r, &in); err != nil {
			return err
		}
	}
	o, err := s.bookSlot(r, id, in.Topic, in.Question)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

// bookSlot books slot id for the signed-in participant (the API and the
// office-hours page both call it). The booking is atomic in the store (no
// double booking, even concurrently); it then becomes a flash match with one
// meeting, so that both can leave feedback afterwards. If that fails the
// booking is undone.
func (s *Server) bookSlot(r *http.Request, id int64, topic, question string) (*mentor.OfficeHours, error) {
	me := currentUser(r).PersonID
	o, err := s.DB.BookOfficeHours(r.Context(), id, me)
	if err != nil {
		return nil, err
	}
	if topic == "" {
		topic = strings.Join(o.Topics, ", ")
	}
	m := &mentor.Match{ProgramID: o.ProgramID, State: mentor.MatchActive, Summary: "Flash session on " + topic + ".",
		Members: []mentor.MatchMember{{PersonID: me, Role: mentor.RoleMentee, Response: "accepted"}, {PersonID: o.MentorID, Role: mentor.RoleMentor, Response: "accepted"}}}
	undo := func(err error) (*mentor.OfficeHours, error) {
		if cerr := s.DB.CancelBooking(r.Context(), id, me); cerr != nil {
			logError(s.Logger, r, "undo booking", cerr)
		}
		return nil, err
	}
	if err := s.DB.CreateMatch(r.Context(), m); err != nil {
		return undo(err)
	}
	mt := &mentor.Meeting{MatchID: m.ID, StartsAt: o.StartsAt, Minutes: o.Minutes, Kind: mentor.MeetingFlash,
		Agenda: strings.TrimSpace(topic + "\n" + question), MenteeID: &me}
	if err := s.DB.CreateMeeting(r.Context(), mt); err != nil {
		return undo(err)
	}
	if err := s.DB.LinkOfficeHoursMeeting(r.Context(), id, mt.ID); err != nil {
		return undo(err)
	}
	o.MeetingID = &mt.ID
	return o, nil
}

func (s *Server) apiOfficeHoursCancel(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	o, err := s.cancelSlot(r, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

// cancelSlot cancels the signed-in participant's booking of slot id, with
// its meeting and flash match, and returns the slot as it is now.
func (s *Server) cancelSlot(r *http.Request, id int64) (*mentor.OfficeHours, error) {
	o, err := s.DB.OfficeHoursByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if err := s.DB.CancelBooking(r.Context(), id, currentUser(r).PersonID); err != nil {
		return nil, err
	}
	if o.MeetingID != nil {
		if mt, err := s.DB.Meeting(r.Context(), *o.MeetingID); err == nil {
			mt.Status = mentor.MeetingCancelled
			if err := s.DB.UpdateMeeting(r.Context(), mt); err != nil {
				return nil, err
			}
			if err := s.DB.SetMatchState(r.Context(), mt.MatchID, mentor.MatchEnded); err != nil {
				return nil, err
			}
		}
	}
	return s.DB.OfficeHoursByID(r.Context(), id)
}
