package web

import (
	"net/http"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

type profilePageData struct {
	pageData
	Person *mentor.Person
	Form   form
	// FeedURL is a new calendar address, shown once right after it is made.
	FeedURL string
}

// profilePage shows the signed-in person's profile: the details a
// participant edits themselves, the ones coordinators manage (read-only)
// and the calendar feed.
func (s *Server) profilePage(w http.ResponseWriter, r *http.Request) error {
	return s.renderProfile(w, r, http.StatusOK, form{}, "")
}

func (s *Server) renderProfile(w http.ResponseWriter, r *http.Request, status int, f form, feed string) error {
	p, err := s.DB.Person(r.Context(), currentUser(r).PersonID)
	if err != nil {
		return err
	}
	if f.Values == nil {
		f.Values = map[string][]string{"phone": {p.Phone}, "location": {p.Location}, "time_zone": {p.TimeZone},
			"languages": {strings.Join(p.Languages, ", ")}, "bio": {p.Bio}}
	}
	return s.render(w, r, status, "profile", profilePageData{pageData: s.base(r, "Profile"), Person: p, Form: f, FeedURL: feed})
}

// splitList reads a comma-separated list, dropping empty entries.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// profileSubmit saves the details a participant edits themselves (phone,
// location, time zone, languages, bio); the fields coordinators manage are
// not in the form and stay as they are. Errors show beside the fields with
// the input kept.
func (s *Server) profileSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	p, err := s.DB.Person(r.Context(), currentUser(r).PersonID)
	if err != nil {
		return err
	}
	v := r.PostForm
	p.Phone, p.Location, p.TimeZone = strings.TrimSpace(v.Get("phone")), strings.TrimSpace(v.Get("location")), strings.TrimSpace(v.Get("time_zone"))
	p.Languages, p.Bio = splitList(v.Get("languages")), strings.TrimSpace(v.Get("bio"))
	var pr mentor.Problems
	pr.Check(len(p.Phone) > 50, "phone", "is longer than 50 characters")
	pr.Check(len(p.Location) > 200, "location", "is longer than 200 characters")
	pr.Check(len(p.Bio) > 4000, "bio", "is longer than 4000 characters")
	pr.Check(len(p.Languages) > 20, "languages", "lists more than 20 languages")
	err = pr.Err("profile")
	if err == nil {
		err = s.DB.UpdatePerson(r.Context(), p)
	}
	if err != nil {
		if f, status, ok := refused(r, err); ok {
			return s.renderProfile(w, r, status, f, "")
		}
		return err
	}
	return s.redirectFlash(w, r, "/profile", "Profile saved.")
}

// profileCalendar makes a new calendar-feed address and shows it once; the
// old address stops working.
func (s *Server) profileCalendar(w http.ResponseWriter, r *http.Request) error {
	token, err := s.DB.CalendarToken(r.Context(), currentUser(r).PersonID, true)
	if err != nil {
		return err
	}
	return s.renderProfile(w, r, http.StatusOK, form{}, s.feedURL(token))
}
