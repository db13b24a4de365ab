package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/store"
)

// feedPast is how far back a calendar feed reaches; future meetings are all in it.
const feedPast = 180 * 24 * time.Hour

// feedMaxMeetings bounds one feed.
const feedMaxMeetings = 5 * store.MaxLimit

func (s *Server) calendarRoutes() {
	s.private("GET /api/v1/me/calendar", s.apiMyCalendar)
	s.private("POST /api/v1/me/calendar", s.apiMyCalendarRotate)
	s.route("GET /calendar/{file}", s.handle(s.calendarFeed))
	s.private("GET /api/v1/meetings/{id}/invite.ics", s.apiMeetingInviteICS)
	s.private("POST /api/v1/meetings/{id}/invite", s.apiMeetingInviteSend)
}

// calendarAddress answers GET and POST /api/v1/me/calendar. URL is there only
// when the address was just made: the server keeps a hash of its secret.
type calendarAddress struct {
	URL       string    `json:"url,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	Detail    string    `json:"detail,omitempty"`
}

// apiMyCalendar gives the signed-in person a calendar-feed address the first
// time; later it says when the address was made, as it cannot be shown again.
func (s *Server) apiMyCalendar(w http.ResponseWriter, r *http.Request) error {
	token, created, err := s.DB.FirstCalendarToken(r.Context(), currentUser(r).PersonID)
	if err != nil {
		return err
	}
	if token != "" {
		return writeJSON(w, http.StatusOK, calendarAddress{URL: s.feedURL(token), CreatedAt: created})
	}
	return writeJSON(w, http.StatusOK, calendarAddress{CreatedAt: created,
		Detail: "Your calendar address was shown when it was made and is kept only as a hash. POST /api/v1/me/calendar makes a new one; the old one then stops working."})
}

// apiMyCalendarRotate makes a new calendar-feed address; the old one stops working.
func (s *Server) apiMyCalendarRotate(w http.ResponseWriter, r *http.Request) error {
	token, err := s.DB.CalendarToken(r.Context(), currentUser(r).PersonID, true)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, calendarAddress{URL: s.feedURL(token), CreatedAt: s.DB.Now()})
}

func (s *Server) feedURL(token string) string {
	return strings.TrimRight(s.BaseURL, "/") + "/calendar/" + token + ".ics"
}

// meetingLink is the link calendars and mails give for a meeting; it also
// scopes the meeting's UID, so it must be the same everywhere.
func (s *Server) meetingLink() string {
	if s.BaseURL == "" {
		return ""
	}
	return strings.TrimRight(s.BaseURL, "/") + "/"
}

// calendarFeed serves a person's meetings as text/calendar to whoever holds
// the secret address; an unknown address is a 404.
func (s *Server) calendarFeed(w http.ResponseWriter, r *http.Request) error {
	token, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	if !ok {
		return mentor.Errorf(mentor.ENOTFOUND, "That calendar address does not exist.")
	}
	p, err := s.DB.PersonByCalendarToken(r.Context(), token)
	if err != nil {
		return err
	}
	f := store.MeetingFilter{PersonID: p.ID, From: s.DB.Now().Add(-feedPast), Page: store.Page{Limit: store.MaxLimit}}
	var meetings []mentor.Meeting
	for len(meetings) < feedMaxMeetings {
		list, next, err := s.DB.Meetings(r.Context(), f)
		if err != nil {
			return err
		}
		meetings = append(meetings, list...)
		if next == "" {
			break
		}
		f.Cursor = next
	}
	matches := map[int64]*mentor.Match{}
	events := make([]notify.Event, 0, len(meetings))
	for _, m := range meetings {
		match, ok := matches[m.MatchID]
		if !ok {
			if match, err = s.DB.Match(r.Context(), m.MatchID); err != nil {
				return err
			}
			matches[m.MatchID] = match
		}
		if match.State == mentor.MatchDraft {
			continue
		}
		var names []string
		for _, mm := range match.Members {
			if mm.PersonID != p.ID {
				names = append(names, mm.Name)
			}
		}
		events = append(events, notify.Event{Meeting: m, Title: notify.MeetingTitle(m.Kind, names), URL: s.meetingLink()})
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="mentormesh.ics"`)
	w.Header().Set("Cache-Control", "private, max-age=300")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.Header().Set("X-Robots-Tag", "noindex")
	_, err = w.Write(notify.FeedICS("mentormesh: "+p.Name, s.DB.Now(), events))
	return err
}

// inviteAttendees returns the members of the meeting's match as attendees.
// E-mail addresses are given to coordinators, and to members once the match
// is confirmed (contact details never leave a confirmed match); before that
// a member sees only their own.
func (s *Server) inviteAttendees(r *http.Request, m *mentor.Meeting) ([]notify.Attendee, *mentor.Match, error) {
	match, err := s.DB.Match(r.Context(), m.MatchID)
	if err != nil {
		return nil, nil, err
	}
	u := currentUser(r)
	out := make([]notify.Attendee, 0, len(match.Members))
	for _, mm := range match.Members {
		p, err := s.DB.Person(r.Context(), mm.PersonID)
		if err != nil {
			return nil, nil, err
		}
		a := notify.Attendee{Name: p.Name}
		if u.Manages() || match.State.Confirmed() || p.ID == u.PersonID {
			a.Email = p.Email
		}
		out = append(out, a)
	}
	return out, match, nil
}

// organizer is who invitations come from: the mailer's sender, or without
// a mailer the signed-in person who downloads the invitation (RFC 5546: a
// REQUEST must name its ORGANIZER).
func (s *Server) organizer(r *http.Request) (notify.Attendee, error) {
	if s.Mailer != nil {
		return notify.Attendee{Name: s.Mailer.FromName(), Email: s.Mailer.From()}, nil
	}
	p, err := s.DB.Person(r.Context(), currentUser(r).PersonID)
	if err != nil {
		return notify.Attendee{}, err
	}
	return notify.Attendee{Name: p.Name, Email: p.Email}, nil
}

// apiMeetingInviteICS serves a meeting's invitation to its members and coordinators.
func (s *Server) apiMeetingInviteICS(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.visibleMeeting(r, id)
	if err != nil {
		return err
	}
	attendees, _, err := s.inviteAttendees(r, m)
	if err != nil {
		return err
	}
	organizer, err := s.organizer(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/calendar; method=REQUEST; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="meeting-`+strconv.FormatInt(m.ID, 10)+`.ics"`)
	_, err = w.Write(notify.MeetingICS(*m, attendees, organizer, s.meetingLink(), s.DB.Now()))
	return err
}

// apiMeetingInviteSend e-mails the meeting's invitation to every member of
// its match; the match must be confirmed, since the mail shows everyone's address.
func (s *Server) apiMeetingInviteSend(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.visibleMeeting(r, id)
	if err != nil {
		return err
	}
	if s.Mailer == nil {
		return errNoMail
	}
	attendees, match, err := s.inviteAttendees(r, m)
	if err != nil {
		return err
	}
	if !match.State.Confirmed() {
		return mentor.Errorf(mentor.ECONFLICT, "Invitations go out once the match is confirmed; it is %s.", match.State)
	}
	if err := s.Mailer.Invite(r.Context(), *m, attendees, s.meetingLink()); err != nil {
		logError(s.Logger, r, "send invitation", err)
		return mentor.Errorf(mentor.ECONFLICT, "The invitation could not be sent; try again later.")
	}
	sent := 0
	for _, a := range attendees {
		if a.Email != "" {
			sent++
		}
	}
	s.audit(r, "invite", "meeting", m.ID, strconv.Itoa(sent)+" recipients")
	return writeJSON(w, http.StatusOK, map[string]int{"recipients": sent})
}
