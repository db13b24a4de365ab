package web

import (
	"net/http"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// slotView is an office-hours slot with its mentor's name.
type slotView struct {
	Slot   mentor.OfficeHours
	Mentor string
}

// officeHoursPage finds future slots by topic or skill (free ones, sorted by
// time) and lists the viewer's own bookings.
func (s *Server) officeHoursPage(w http.ResponseWriter, r *http.Request) error {
	ctx, me := r.Context(), currentUser(r).PersonID
	d := struct {
		pageData
		Topic       string
		Free, Mine  []slotView
		MentorNames map[int64]string
	}{pageData: s.base(r, "Office hours"), Topic: strings.TrimSpace(r.URL.Query().Get("topic"))}
	slots, err := store.All(func(p store.Page) ([]mentor.OfficeHours, string, error) {
		return s.DB.ListOfficeHours(ctx, store.OfficeHoursFilter{From: d.Now, Page: p})
	})
	if err != nil {
		return err
	}
	ids := []int64{}
	for _, o := range slots {
		ids = append(ids, o.MentorID)
	}
	people, err := s.DB.PeopleByIDs(ctx, ids)
	if err != nil {
		return err
	}
	topic := strings.ToLower(d.Topic)
	for _, o := range slots {
		v := slotView{Slot: o}
		if p := people[o.MentorID]; p != nil {
			v.Mentor = p.Name
		}
		switch {
		case o.BookedBy != nil && *o.BookedBy == me:
			d.Mine = append(d.Mine, v)
		case o.BookedBy == nil && o.MentorID != me && (topic == "" || slotMatches(v, topic)):
			d.Free = append(d.Free, v)
		}
	}
	return s.render(w, r, http.StatusOK, "officehours", d)
}

// slotMatches reports whether a slot's topics or mentor name contain the search text.
func slotMatches(v slotView, q string) bool {
	if strings.Contains(strings.ToLower(v.Mentor), q) {
		return true
	}
	for _, t := range v.Slot.Topics {
		if strings.Contains(strings.ToLower(t), q) {
			return true
		}
	}
	return false
}

func (s *Server) officeHoursRoutesHTML() {
	s.private("GET /office-hours", s.officeHoursPage)
	s.private("POST /office-hours/{id}/book", func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		if err := parseForm(w, r); err != nil {
			return err
		}
		o, err := s.bookSlot(r, id, r.PostForm.Get("topic"), r.PostForm.Get("question"))
		if err != nil {
			return err
		}
		return s.redirectFlash(w, r, "/office-hours", "Booked: "+s.base(r, "").When(o.StartsAt)+".")
	})
	s.private("POST /office-hours/{id}/cancel", func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		if _, err := s.cancelSlot(r, id); err != nil {
			return err
		}
		return s.redirectFlash(w, r, "/office-hours", "Booking cancelled; the slot is free again.")
	})
}
