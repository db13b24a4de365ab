package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// meetingInput holds the writable fields of a meeting.
type meetingInput struct {
	MatchID       int64                `json:"match_id"`
	StartsAt      time.Time            `json:"starts_at"`
	Minutes       int                  `json:"minutes"`
	Kind          mentor.MeetingKind   `json:"kind"`
	Agenda        string               `json:"agenda"`
	MenteeID      *int64               `json:"mentee_id"`
	Dilemma       string               `json:"dilemma"`
	FacilitatorID *int64               `json:"facilitator_id"`
	SharedNotes   string               `json:"shared_notes"`
	Attendance    []int64              `json:"attendance"`
	Status        mentor.MeetingStatus `json:"status"`
}

func (in *meetingInput) apply(m *mentor.Meeting) {
	m.MatchID, m.StartsAt, m.Minutes, m.Kind, m.Agenda = in.MatchID, in.StartsAt.UTC(), in.Minutes, in.Kind, in.Agenda
	m.MenteeID, m.Dilemma, m.FacilitatorID, m.SharedNotes = in.MenteeID, in.Dilemma, in.FacilitatorID, in.SharedNotes
	m.Attendance, m.Status = in.Attendance, in.Status
}

// checkMembers refuses a mentee, facilitator or attendee who is not in the match.
func checkMembers(m *mentor.Match, in *meetingInput) error {
	var pr mentor.Problems
	pr.Check(in.MenteeID != nil && !m.HasMember(*in.MenteeID), "mentee_id", "is not a member of match %d", m.ID)
	pr.Check(in.FacilitatorID != nil && !m.HasMember(*in.FacilitatorID), "facilitator_id", "is not a member of match %d", m.ID)
	for i, p := range in.Attendance {
		pr.Check(!m.HasMember(p), "attendance["+strconv.Itoa(i)+"]", "person %d is not a member of match %d", p, m.ID)
	}
	return pr.Err("meeting")
}

func (s *Server) apiMeetingsList(w http.ResponseWriter, r *http.Request) error {
	pg, err := page(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := store.MeetingFilter{Status: mentor.MeetingStatus(q.Get("status")), Page: pg}
	if f.MatchID, err = queryInt(r, "match_id"); err != nil {
		return err
	}
	if f.ProgramID, err = queryInt(r, "program_id"); err != nil {
		return err
	}
	for name, dst := range map[string]*time.Time{"from": &f.From, "to": &f.To} {
		if v := q.Get(name); v != "" {
			if *dst, err = time.Parse(time.RFC3339, v); err != nil {
				return badRequest(name, "%s must be an RFC 3339 time such as 2026-03-01T09:00:00Z", name)
			}
		}
	}
	if u := currentUser(r); !u.Manages() {
		f.PersonID = u.PersonID
	}
	list, next, err := s.DB.Meetings(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (s *Server) apiMeetingsCreate(w http.ResponseWriter, r *http.Request) error {
	var in meetingInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.MatchID == 0 {
		return &mentor.Error{Code: mentor.EINVALID, Message: "A meeting belongs to a match.", Fields: []mentor.FieldError{{Field: "match_id", Message: "is required"}}}
	}
	m, err := s.visibleMatch(r, in.MatchID)
	if err != nil {
		return err
	}
	if err := checkMembers(m, &in); err != nil {
		return err
	}
	var mt mentor.Meeting
	in.apply(&mt)
	if err := s.DB.CreateMeeting(r.Context(), &mt); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/meetings/"+strconv.FormatInt(mt.ID, 10))
	return writeJSON(w, http.StatusCreated, mt)
}

func (s *Server) apiMeetingGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.visibleMeeting(r, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, m)
}

func (s *Server) apiMeetingUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	old, err := s.visibleMeeting(r, id)
	if err != nil {
		return err
	}
	var in meetingInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.MatchID != 0 && in.MatchID != old.MatchID {
		return &mentor.Error{Code: mentor.EINVALID, Message: "A meeting stays with its match.", Fields: []mentor.FieldError{{Field: "match_id", Message: "cannot change"}}}
	}
	in.MatchID = old.MatchID
	m, err := s.DB.Match(r.Context(), old.MatchID)
	if err != nil {
		return err
	}
	if err := checkMembers(m, &in); err != nil {
		return err
	}
	mt := *old
	in.apply(&mt)
	if err := s.DB.UpdateMeeting(r.Context(), &mt); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, mt)
}

func (s *Server) apiMeetingNotes(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.visibleMeeting(r, id); err != nil {
		return err
	}
	notes, err := s.DB.Notes(r.Context(), id, currentUser(r).PersonID)
	if err != nil {
		return err
	}
	return writeList(w, notes, "")
}

func (s *Server) apiMeetingNoteAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := s.meetingOfMember(r)
	if err != nil {
		return err
	}
	var in struct {
		Text    string `json:"text"`
		Private bool   `json:"private"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	n := mentor.Note{MeetingID: id, AuthorID: currentUser(r).PersonID, Private: in.Private, Text: in.Text}
	if err := s.DB.AddNote(r.Context(), &n); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, n)
}

func (s *Server) apiMeetingFeedback(w http.ResponseWriter, r *http.Request) error {
	id, err := s.meetingOfMember(r)
	if err != nil {
		return err
	}
	var in struct {
		Rating int    `json:"rating"`
		Style  string `json:"style"`
		Text   string `json:"text"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	f := mentor.Feedback{MeetingID: id, AuthorID: currentUser(r).PersonID, Rating: in.Rating, Style: in.Style, Text: in.Text}
	if err := s.DB.AddFeedback(r.Context(), &f); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, f)
}

func (s *Server) apiMeetingFeedbackList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.visibleMeeting(r, id); err != nil {
		return err
	}
	list, err := s.DB.Feedback(r.Context(), id)
	if err != nil {
		return err
	}
	return writeList(w, list, "")
}

// meetingOfMember returns the id of the meeting in the path when the
// current user is a member of its match (to others it does not exist, or is
// forbidden to coordinators, who are not members).
func (s *Server) meetingOfMember(r *http.Request) (int64, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, err
	}
	m, err := s.visibleMeeting(r, id)
	if err != nil {
		return 0, err
	}
	if _, err := s.memberOf(r, m.MatchID); err != nil {
		return 0, err
	}
	return id, nil
}
