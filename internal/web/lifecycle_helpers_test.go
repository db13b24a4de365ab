package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// member describes one participant of a lifecycle test.
type member struct {
	name       string
	dept       string
	seniority  int
	role       mentor.Role
	capacity   int
	offers     []string
	wants      []string
	background string
}

// cohort is the people of one lifecycle test with their bearer tokens.
type cohort struct {
	f      *fixture
	ids    []int64
	byID   map[int64]member
	tokens map[int64]string
}

func newCohort(t *testing.T, f *fixture, prefix string, ms []member) *cohort {
	t.Helper()
	ctx := context.Background()
	c := &cohort{f: f, byID: map[int64]member{}, tokens: map[int64]string{}}
	for i, m := range ms {
		p := &mentor.Person{Name: fmt.Sprintf("%s %s", prefix, m.name), Email: fmt.Sprintf("%s.%d@example.com", prefix, i),
			Department: m.dept, Seniority: m.seniority, YearsExperience: m.seniority * 3, TimeZone: "Europe/Berlin",
			Languages: []string{"English"}, Background: []string{m.background}, BirthYear: 2000 - m.seniority*3}
		for _, s := range m.offers {
			p.Skills = append(p.Skills, mentor.PersonSkill{Skill: s, Level: 4, Offers: true})
		}
		for _, s := range m.wants {
			p.Skills = append(p.Skills, mentor.PersonSkill{Skill: s, Level: 1, Wants: true})
		}
		if err := f.db.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		u := &mentor.User{Email: p.Email, Role: mentor.UserParticipant, PersonID: p.ID}
		if err := f.db.CreateUser(ctx, u, testPassword); err != nil {
			t.Fatal(err)
		}
		tok, err := f.db.CreateSession(ctx, u.ID, store.SessionBearer, store.SessionPolicy{TTL: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		c.ids = append(c.ids, p.ID)
		c.byID[p.ID] = m
		c.tokens[p.ID] = tok
	}
	return c
}

// program creates a program, enrolls the cohort in bulk, matches it in
// review mode, checks that drafts stay hidden, publishes, has every member
// accept and starts the program. It returns the program id and its matches.
func (c *cohort) program(t *testing.T, format mentor.Format, options map[string]any) (int64, []mentor.Match) {
	t.Helper()
	f := c.f
	var p mentor.Program
	f.do(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": "Lifecycle " + string(format), "format": format,
		"matching_mode": "review", "options": options}, http.StatusCreated, &p)
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "enrolling"}, http.StatusOK, nil)
	var bulk []map[string]any
	for _, id := range c.ids {
		m := c.byID[id]
		e := map[string]any{"person_id": id, "role": m.role}
		if m.capacity > 0 {
			e["capacity"] = m.capacity
		}
		bulk = append(bulk, e)
	}
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments/bulk", p.ID), map[string]any{"enrollments": bulk}, http.StatusOK, nil)
	f.problem(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/match-runs", p.ID), nil, http.StatusConflict) // still enrolling
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "matching"}, http.StatusOK, nil)
	var run struct {
		ID      int64          `json:"id"`
		Status  string         `json:"status"`
		Matches []mentor.Match `json:"matches"`
	}
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/match-runs", p.ID), map[string]any{"seed": 7}, http.StatusCreated, &run)
	if run.Status != "draft" || len(run.Matches) == 0 {
		t.Fatalf("%s: run %s with %d matches", format, run.Status, len(run.Matches))
	}
	for _, m := range run.Matches {
		if m.State != mentor.MatchDraft || m.Summary == "" {
			t.Fatalf("%s: proposal %+v", format, m)
		}
	}
	first := run.Matches[0].Members[0].PersonID
	var hidden struct{ Items []mentor.Match }
	f.do(c.tokens[first], "GET", fmt.Sprintf("/api/v1/matches?program_id=%d", p.ID), nil, http.StatusOK, &hidden)
	if len(hidden.Items) != 0 {
		t.Fatalf("%s: a participant sees %d unpublished drafts", format, len(hidden.Items))
	}
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/match-runs/%d/publish", run.ID), nil, http.StatusOK, &run)
	f.problem(f.coordTok, "POST", fmt.Sprintf("/api/v1/match-runs/%d/publish", run.ID), nil, http.StatusConflict)
	for _, m := range run.Matches {
		for _, mm := range m.Members {
			f.do(c.tokens[mm.PersonID], "POST", fmt.Sprintf("/api/v1/matches/%d/accept", m.ID), nil, http.StatusOK, nil)
		}
		var got mentor.Match
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/matches/%d", m.ID), nil, http.StatusOK, &got)
		if got.State != mentor.MatchAccepted {
			t.Fatalf("%s: match %d is %s after everyone accepted", format, m.ID, got.State)
		}
	}
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "running"}, http.StatusOK, nil)
	return p.ID, run.Matches
}

// meet holds n meetings of a match, each followed by feedback from every
// member, and returns them as stored.
func (c *cohort) meet(t *testing.T, m mentor.Match, n int, extra map[string]any) []mentor.Meeting {
	t.Helper()
	var out []mentor.Meeting
	tok := c.tokens[m.Members[0].PersonID]
	for i := range n {
		body := map[string]any{"match_id": m.ID, "starts_at": time.Date(2026, 9, 1+7*i, 10, 0, 0, 0, time.UTC), "minutes": 45,
			"agenda": fmt.Sprintf("session %d", i+1), "status": "held"}
		for k, v := range extra {
			body[k] = v
		}
		var mt mentor.Meeting
		c.f.do(tok, "POST", "/api/v1/meetings", body, http.StatusCreated, &mt)
		for j, mm := range m.Members {
			style := []string{"directive", "reflective"}[j%2]
			c.f.do(c.tokens[mm.PersonID], "POST", fmt.Sprintf("/api/v1/meetings/%d/feedback", mt.ID),
				map[string]any{"rating": 4 + j%2, "style": style, "text": "useful"}, http.StatusCreated, nil)
		}
		out = append(out, mt)
	}
	return out
}

// progress sets a shared goal for the match and moves it forward.
func (c *cohort) progress(t *testing.T, m mentor.Match) {
	t.Helper()
	owner := m.Members[0].PersonID
	body := validGoalBody(owner)
	body["match_id"] = m.ID
	var g mentor.Goal
	c.f.do(c.tokens[owner], "POST", "/api/v1/goals", body, http.StatusCreated, &g)
	other := m.Members[len(m.Members)-1].PersonID
	c.f.do(c.tokens[other], "POST", fmt.Sprintf("/api/v1/goals/%d/progress", g.ID), map[string]any{"value": 2, "note": "done"}, http.StatusCreated, &g)
	if g.Current != 2 || g.Status != mentor.GoalAchieved {
		t.Fatalf("goal progress: %+v", g)
	}
}

// close ends the program and checks that its accepted matches completed.
func (c *cohort) close(t *testing.T, programID int64) {
	t.Helper()
	f := c.f
	f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", programID), map[string]any{"status": "closed"}, http.StatusOK, nil)
	var ms struct{ Items []mentor.Match }
	f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/matches?program_id=%d&limit=500", programID), nil, http.StatusOK, &ms)
	for _, m := range ms.Items {
		if m.State == mentor.MatchAccepted || m.State == mentor.MatchActive {
			t.Fatalf("match %d still %s after closing", m.ID, m.State)
		}
	}
	f.problem(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", programID), map[string]any{"status": "running"}, http.StatusConflict)
	// The closing survey: every participant rates the program once.
	for i, id := range c.ids {
		f.do(c.tokens[id], "POST", fmt.Sprintf("/api/v1/programs/%d/survey", programID), map[string]any{"rating": 3 + i%3, "recommend": i%2 == 0, "text": "worth it"}, http.StatusCreated, nil)
	}
	f.problem(c.tokens[c.ids[0]], "POST", fmt.Sprintf("/api/v1/programs/%d/survey", programID), map[string]any{"rating": 5}, http.StatusConflict)
	f.problem(f.caiTok, "POST", fmt.Sprintf("/api/v1/programs/%d/survey", programID), map[string]any{"rating": 5}, http.StatusForbidden)
	var sum struct {
		Responses int     `json:"responses"`
		Enrolled  int     `json:"enrolled"`
		Mean      float64 `json:"mean_rating"`
	}
	f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/programs/%d/survey", programID), nil, http.StatusOK, &sum)
	if sum.Responses != len(c.ids) || sum.Enrolled != len(c.ids) || sum.Mean < 3 || sum.Mean > 5 {
		t.Fatalf("survey summary: %+v", sum)
	}
}

func mentorsAndMentees(nMentors, nMentees, mentorSen, menteeSen, capacity int, crossDepts bool) []member {
	var ms []member
	for i := range nMentors {
		dept := "Data"
		if crossDepts {
			dept = []string{"Data", "Sales"}[i%2]
		}
		ms = append(ms, member{name: fmt.Sprintf("Mentor%d", i), dept: dept, seniority: mentorSen, role: mentor.RoleMentor, capacity: capacity,
			offers: []string{"SQL", "Leadership"}, background: "physics"})
	}
	for i := range nMentees {
		dept := "Data"
		if crossDepts {
			dept = []string{"Data", "Sales"}[i%2]
		}
		ms = append(ms, member{name: fmt.Sprintf("Mentee%d", i), dept: dept, seniority: menteeSen, role: mentor.RoleMentee,
			wants: []string{"SQL", "Leadership"}, background: "history"})
	}
	return ms
}

func peers(n int, skillsFor func(i int) ([]string, []string)) []member {
	var ms []member
	for i := range n {
		offers, wants := skillsFor(i)
		ms = append(ms, member{name: fmt.Sprintf("Peer%d", i), dept: []string{"Data", "Sales", "Design"}[i%3], seniority: 3,
			role: mentor.RolePeer, offers: offers, wants: wants, background: []string{"physics", "law", "art"}[i%3]})
	}
	return ms
}
