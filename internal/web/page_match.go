package web

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// partnerView is one other member of a match as the viewer may see them:
// contact details only once the match is confirmed (SPEC §6).
type partnerView struct {
	Person  *mentor.Person
	Role    mentor.Role
	Answer  string
	Contact bool
}

// teachView is one direction of teaching in a match, with names.
type teachView struct{ From, To, Skill string }

type matchPage struct {
	pageData
	Match         *mentor.Match
	Program       *mentor.Program
	Partners      []partnerView
	Teaching      []teachView
	Upcoming      []mentor.Meeting
	Past          []mentor.Meeting
	Next          *mentor.Meeting
	Goals         []mentor.Goal
	Suggestions   []suggestion
	Names         map[int64]string
	Member        bool
	Answered      bool
	Open          bool // meetings may still be scheduled
	MySkills      []mentor.PersonSkill
	PartnerSkills []mentor.PersonSkill
	Forms         map[string]form
	// SuggestedStart fills the schedule form from a suggested time (?starts_at=).
	SuggestedStart string
}

// pulseWords are the five answers of a check-in, from 1 to 5.
var pulseWords = []string{"Struggling", "Not great", "Fine", "Good", "Thriving"}

// suggestion is a meeting time both (or all) members are free, ready for the form.
type suggestion struct{ Label, Value string }

// matchPageGet shows one match to a member (or a coordinator).
func (s *Server) matchPageGet(w http.ResponseWriter, r *http.Request) error {
	return s.renderMatch(w, r, http.StatusOK, nil)
}

// renderMatch renders the match page; forms carries a refused form to show
// again, by name ("schedule", "end", "report", "checkin", "assess").
func (s *Server) renderMatch(w http.ResponseWriter, r *http.Request, status int, forms map[string]form) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.visibleMatch(r, id)
	if err != nil {
		return err
	}
	ctx, u := r.Context(), currentUser(r)
	p, err := s.DB.Program(ctx, m.ProgramID)
	if err != nil {
		return err
	}
	d := matchPage{pageData: s.base(r, p.Name), Match: m, Program: p, Member: m.HasMember(u.PersonID), Forms: forms,
		Names: map[int64]string{}, Open: !m.State.Closed() && m.State != mentor.MatchProposed}
	ids := make([]int64, 0, len(m.Members))
	for _, mm := range m.Members {
		ids = append(ids, mm.PersonID)
		d.Names[mm.PersonID] = mm.Name
		d.Answered = d.Answered || mm.PersonID == u.PersonID && mm.Response != "pending"
	}
	people, err := s.DB.PeopleByIDs(ctx, ids)
	if err != nil {
		return err
	}
	var all []*mentor.Person
	for _, mm := range m.Members {
		pp := people[mm.PersonID]
		if pp == nil {
			continue
		}
		all = append(all, pp)
		if mm.PersonID == u.PersonID {
			d.MySkills = pp.Skills
			continue
		}
		d.PartnerSkills = append(d.PartnerSkills, pp.Skills...)
		d.Partners = append(d.Partners, partnerView{Person: pp, Role: mm.Role, Answer: mm.Response, Contact: m.State.Confirmed() || u.Manages()})
	}
	for _, x := range m.Skills {
		d.Teaching = append(d.Teaching, teachView{From: d.Names[x.FromID], To: d.Names[x.ToID], Skill: x.Skill})
	}
	if err := s.matchMeetings(r, &d); err != nil {
		return err
	}
	if d.Goals, _, err = s.DB.Goals(ctx, store.GoalFilter{MatchID: id, Page: store.Page{Limit: store.MaxLimit}}); err != nil {
		return err
	}
	if _, ok := d.parseInputTime(r.URL.Query().Get("starts_at")); ok {
		d.SuggestedStart = r.URL.Query().Get("starts_at")
	}
	if d.Open && d.Member {
		for _, t := range suggestSlots(all, d.Now, 60, 4) {
			d.Suggestions = append(d.Suggestions, suggestion{Label: d.When(t), Value: d.InputTime(t)})
		}
	}
	return s.render(w, r, status, "match", d)
}

// matchMeetings fills the match's meetings, upcoming first by start time.
func (s *Server) matchMeetings(r *http.Request, d *matchPage) error {
	list, _, err := s.DB.Meetings(r.Context(), store.MeetingFilter{MatchID: d.Match.ID, Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		return err
	}
	d.Upcoming, d.Past = splitMeetings(list, d.Now)
	if len(d.Upcoming) > 0 {
		d.Next = &d.Upcoming[0]
	}
	return nil
}

// splitMeetings sorts meetings by start time and splits them into those to
// come (soonest first) and the rest (latest first).
func splitMeetings(list []mentor.Meeting, now time.Time) (upcoming, past []mentor.Meeting) {
	slices.SortStableFunc(list, func(a, b mentor.Meeting) int {
		if c := a.StartsAt.Compare(b.StartsAt); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	for _, mt := range list {
		if mt.Status == mentor.MeetingScheduled && mt.StartsAt.After(now) {
			upcoming = append(upcoming, mt)
		} else {
			past = append(past, mt)
		}
	}
	slices.Reverse(past)
	return upcoming, past
}

// matchPath is the address of a match page.
func matchPath(id int64) string { return "/matches/" + strconv.FormatInt(id, 10) }
