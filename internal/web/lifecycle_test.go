package web

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestLifecycle_Mentoring(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := newCohort(t, f, "men", mentorsAndMentees(2, 5, 5, 2, 2, true))
		pid, matches := c.program(t, mentor.FormatMentoring, map[string]any{"cross_functional": true})
		load := map[int64]int{}
		for _, m := range matches {
			var mentorID, menteeID int64
			for _, mm := range m.Members {
				if mm.Role == mentor.RoleMentor {
					mentorID = mm.PersonID
				} else {
					menteeID = mm.PersonID
				}
			}
			load[mentorID]++
			if c.byID[mentorID].dept == c.byID[menteeID].dept {
				t.Errorf("cross-functional program paired two people of %s", c.byID[mentorID].dept)
			}
		}
		for id, n := range load {
			if n > 2 {
				t.Errorf("mentor %d has %d mentees, capacity 2", id, n)
			}
		}
		if len(matches) != 4 {
			t.Errorf("2 mentors with capacity 2 should take 4 of 5 mentees, got %d matches", len(matches))
		}
		c.meet(t, matches[0], 2, nil)
		c.progress(t, matches[0])
		var ens struct{ Items []mentor.Enrollment }
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/programs/%d/enrollments?status=waitlisted", pid), nil, http.StatusOK, &ens)
		if len(ens.Items) != 1 {
			t.Errorf("the unmatched mentee should be waitlisted, got %d", len(ens.Items))
		}
		c.close(t, pid)
	})
}

func TestLifecycle_Reverse(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	ms := mentorsAndMentees(3, 3, 2, 6, 1, false) // junior mentors, senior mentees
	c := newCohort(t, f, "rev", ms)
	pid, matches := c.program(t, mentor.FormatReverse, nil)
	for _, m := range matches {
		var mentorSen, menteeSen int
		for _, mm := range m.Members {
			if mm.Role == mentor.RoleMentor {
				mentorSen = c.byID[mm.PersonID].seniority
			} else {
				menteeSen = c.byID[mm.PersonID].seniority
			}
		}
		if mentorSen >= menteeSen {
			t.Errorf("reverse mentoring: mentor seniority %d not below mentee %d", mentorSen, menteeSen)
		}
	}
	c.meet(t, matches[0], 1, nil)
	c.progress(t, matches[0])
	c.close(t, pid)
}

func TestLifecycle_Shadow(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	c := newCohort(t, f, "sha", mentorsAndMentees(2, 2, 6, 2, 1, false))
	pid, matches := c.program(t, mentor.FormatShadow, nil)
	m := matches[0]
	meetings := c.meet(t, m, 1, map[string]any{"kind": "shadow"})
	var mentee, mentorID int64
	for _, mm := range m.Members {
		if mm.Role == mentor.RoleMentee {
			mentee = mm.PersonID
		} else {
			mentorID = mm.PersonID
		}
	}
	f.do(c.tokens[mentee], "POST", fmt.Sprintf("/api/v1/meetings/%d/notes", meetings[0].ID), map[string]any{"text": "Observed: the mentor opened the incident review by asking for facts first."}, http.StatusCreated, nil)
	f.do(c.tokens[mentorID], "POST", fmt.Sprintf("/api/v1/meetings/%d/notes", meetings[0].ID), map[string]any{"text": "Feedback on your observation: also note how I closed the review."}, http.StatusCreated, nil)
	var notes struct{ Items []mentor.Note }
	f.do(c.tokens[mentee], "GET", fmt.Sprintf("/api/v1/meetings/%d/notes", meetings[0].ID), nil, http.StatusOK, &notes)
	if len(notes.Items) != 2 || meetings[0].Kind != mentor.MeetingShadow {
		t.Fatalf("shadow meeting: kind %s, %d notes", meetings[0].Kind, len(notes.Items))
	}
	c.progress(t, m)
	c.close(t, pid)
}

func TestLifecycle_Peer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := newCohort(t, f, "peer", peers(6, func(i int) ([]string, []string) { return []string{"Feedback"}, []string{"Negotiation"} }))
		pid, matches := c.program(t, mentor.FormatPeer, nil)
		if len(matches) != 3 {
			t.Fatalf("6 peers make 3 pairs, got %d", len(matches))
		}
		meetings := c.meet(t, matches[0], 4, map[string]any{"dilemma": "how to say no to my lead"})
		for i, mt := range meetings {
			if mt.MenteeID == nil || mt.Dilemma == "" {
				t.Fatalf("peer meeting %d has no mentee or dilemma: %+v", i, mt)
			}
			if i > 0 && *mt.MenteeID == *meetings[i-1].MenteeID {
				t.Fatalf("the mentee role did not alternate at meeting %d", i)
			}
		}
		c.progress(t, matches[0])
		c.close(t, pid)
	})
}

func TestLifecycle_SkillSwap(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	c := newCohort(t, f, "swap", peers(4, func(i int) ([]string, []string) {
		if i%2 == 0 {
			return []string{"Go"}, []string{"Design"}
		}
		return []string{"Design"}, []string{"Go"}
	}))
	pid, matches := c.program(t, mentor.FormatSkillSwap, nil)
	for _, m := range matches {
		if len(m.Skills) != 2 || m.Skills[0].FromID != m.Skills[1].ToID || m.Skills[0].Skill == m.Skills[1].Skill {
			t.Fatalf("a swap must name both skills, one each way: %+v", m.Skills)
		}
	}
	meetings := c.meet(t, matches[0], 2, nil)
	if *meetings[0].MenteeID == *meetings[1].MenteeID {
		t.Fatal("the teaching direction did not alternate")
	}
	// Both progressions are assessed: each learner at the start and the
	// end, by themselves and by the partner who teaches them.
	for _, ex := range matches[0].Skills {
		for _, a := range []map[string]any{
			{"person_id": ex.ToID, "skill": ex.Skill, "kind": "self", "phase": "start", "level": 1, "match_id": matches[0].ID},
			{"person_id": ex.ToID, "skill": ex.Skill, "kind": "self", "phase": "end", "level": 3, "match_id": matches[0].ID},
		} {
			f.do(c.tokens[ex.ToID], "POST", "/api/v1/assessments", a, http.StatusCreated, nil)
		}
		f.do(c.tokens[ex.FromID], "POST", "/api/v1/assessments", map[string]any{"person_id": ex.ToID, "skill": ex.Skill, "kind": "partner", "phase": "end", "level": 3, "match_id": matches[0].ID}, http.StatusCreated, nil)
		var got struct{ Items []mentor.SkillAssessment }
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/assessments?person_id=%d&match_id=%d", ex.ToID, matches[0].ID), nil, http.StatusOK, &got)
		if len(got.Items) != 3 {
			t.Fatalf("%s's progression in %s: %d assessments", c.byID[ex.ToID].name, ex.Skill, len(got.Items))
		}
	}
	c.progress(t, matches[0])
	c.close(t, pid)
}

func TestLifecycle_Circles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ms := peers(8, func(int) ([]string, []string) { return []string{"Coaching"}, []string{"Facilitation"} })
		for i := range ms {
			ms[i].role = mentor.RoleMember
		}
		c := newCohort(t, f, "circ", ms)
		pid, matches := c.program(t, mentor.FormatCircles, map[string]any{"group_size": 4})
		if len(matches) != 2 {
			t.Fatalf("8 people in circles of 4 make 2 circles, got %d", len(matches))
		}
		for _, m := range matches {
			if len(m.Members) != 4 {
				t.Fatalf("circle of %d", len(m.Members))
			}
		}
		meetings := c.meet(t, matches[0], 5, nil)
		seen := map[int64]bool{}
		for i, mt := range meetings {
			if mt.FacilitatorID == nil || mt.Kind != mentor.MeetingCircle {
				t.Fatalf("circle meeting %d: %+v", i, mt)
			}
			if i > 0 && *mt.FacilitatorID == *meetings[i-1].FacilitatorID {
				t.Fatal("the facilitator did not rotate")
			}
			seen[*mt.FacilitatorID] = true
		}
		if len(seen) != 4 {
			t.Fatalf("over 5 meetings the facilitator role reached %d of 4 members", len(seen))
		}
		// Accountability: every member checks in.
		for _, mm := range matches[0].Members {
			f.do(c.tokens[mm.PersonID], "POST", "/api/v1/check-ins", map[string]any{"match_id": matches[0].ID, "pulse": 4, "note": "did my action"}, http.StatusCreated, nil)
		}
		c.progress(t, matches[0])
		c.close(t, pid)
	})
}

func TestLifecycle_Rotation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := newCohort(t, f, "rot", peers(8, func(int) ([]string, []string) { return []string{"Product"}, []string{"Marketing"} }))
		pid, first := c.program(t, mentor.FormatRotation, map[string]any{"cycle_cadence": "weekly"})
		met := map[[2]int64]int{}
		record := func(ms []mentor.Match) {
			for _, m := range ms {
				ids := []int64{m.Members[0].PersonID, m.Members[1].PersonID}
				sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
				met[[2]int64{ids[0], ids[1]}]++
			}
		}
		record(first)
		// The first cycle's pairs meet before the next cycle completes them.
		c.meet(t, first[0], 1, nil)
		c.progress(t, first[0])
		skipper := c.ids[0]
		f.do(c.tokens[skipper], "POST", fmt.Sprintf("/api/v1/programs/%d/skip-cycle", pid), nil, http.StatusOK, nil)
		for cycle := 2; cycle <= 4; cycle++ {
			var run struct{ Matches []mentor.Match }
			f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/cycles", pid), map[string]any{"publish": true, "seed": cycle}, http.StatusCreated, &run)
			for _, m := range run.Matches {
				if m.Cycle != cycle {
					t.Fatalf("cycle %d made a match of cycle %d", cycle, m.Cycle)
				}
				if cycle == 2 && m.HasMember(skipper) {
					t.Fatal("a participant who skipped the cycle was matched")
				}
			}
			record(run.Matches)
		}
		// The weekly cadence starts the next cycle by itself, once.
		svc := &matchrun.Service{DB: f.db}
		if runs, err := svc.StartDueCycles(context.Background(), time.Now()); err != nil || len(runs) != 0 {
			t.Fatalf("a cycle started before the cadence passed: %v %v", runs, err)
		}
		later := time.Now().UTC().AddDate(0, 0, 8).Truncate(time.Microsecond)
		clock := f.db.Now
		f.db.Now = func() time.Time { return later }
		runs, err := svc.StartDueCycles(context.Background(), later)
		again, _ := svc.StartDueCycles(context.Background(), later)
		f.db.Now = clock // sessions live on the real clock
		if err != nil || len(runs) != 1 {
			t.Fatalf("due cycle: %v %v", runs, err)
		}
		if len(again) != 0 {
			t.Fatal("the due cycle started twice")
		}
		var fifth struct{ Matches []mentor.Match }
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/match-runs/%d", runs[0].ID), nil, http.StatusOK, &fifth)
		record(fifth.Matches)
		for pair, n := range met {
			if n > 1 {
				t.Fatalf("pair %v met %d times", pair, n)
			}
		}
		var done mentor.Match
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/matches/%d", first[0].ID), nil, http.StatusOK, &done)
		if done.State != mentor.MatchCompleted {
			t.Fatalf("the first cycle's match is %s after later cycles started", done.State)
		}
		c.close(t, pid)
	})
}

func TestLifecycle_AdvisoryBoard(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	var ms []member
	ms = append(ms, member{name: "Owner", dept: "Data", seniority: 3, role: mentor.RoleMentee, wants: []string{"Strategy", "Leadership"}, background: "physics"})
	ms = append(ms, member{name: "Mentor", dept: "Finance", seniority: 6, role: mentor.RoleMentor, capacity: 1, offers: []string{"Strategy", "Leadership"}, background: "economics"})
	for i, d := range []string{"Sales", "Design", "Legal", "Sales"} {
		ms = append(ms, member{name: fmt.Sprintf("Peer%d", i), dept: d, seniority: 3, role: mentor.RolePeer, capacity: 1, offers: []string{"Strategy"}, background: d})
	}
	c := newCohort(t, f, "board", ms)
	pid, matches := c.program(t, mentor.FormatAdvisoryBoard, nil)
	if len(matches) != 1 {
		t.Fatalf("one owner gets one board, got %d", len(matches))
	}
	b := matches[0]
	if len(b.Members) < 3 || len(b.Members) > 4 {
		t.Fatalf("a board has the owner, a mentor and 2-3 peers: %+v", b.Members)
	}
	depts := map[string]bool{}
	roles := map[mentor.Role]int{}
	for _, mm := range b.Members {
		roles[mm.Role]++
		if mm.Role == mentor.RolePeer {
			depts[c.byID[mm.PersonID].dept] = true
		}
	}
	if roles[mentor.RoleMentor] != 1 || roles[mentor.RoleMentee] != 1 || len(depts) != roles[mentor.RolePeer] {
		t.Fatalf("board roles %v, peer departments %v: peers must come from different departments", roles, depts)
	}
	c.meet(t, b, 1, nil)
	c.progress(t, b)
	c.close(t, pid)
}

func TestLifecycle_Flash(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := newCohort(t, f, "flash", mentorsAndMentees(1, 6, 6, 2, 1, false))
		var p mentor.Program
		f.do(f.coordTok, "POST", "/api/v1/programs", map[string]any{"name": "Ask an expert", "format": "flash"}, http.StatusCreated, &p)
		f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "enrolling"}, http.StatusOK, nil)
		var bulk []map[string]any
		for _, id := range c.ids {
			bulk = append(bulk, map[string]any{"person_id": id, "role": c.byID[id].role})
		}
		f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments/bulk", p.ID), map[string]any{"enrollments": bulk}, http.StatusOK, nil)
		for _, s := range []string{"matching", "running"} {
			f.do(f.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": s}, http.StatusOK, nil)
		}
		expert := c.ids[0]
		var slot mentor.OfficeHours
		f.do(c.tokens[expert], "POST", "/api/v1/office-hours", map[string]any{"program_id": p.ID, "starts_at": time.Now().Add(48 * time.Hour).UTC().Truncate(time.Minute),
			"minutes": 20, "topics": []string{"SQL", "Career"}}, http.StatusCreated, &slot)
		f.problem(c.tokens[c.ids[1]], "POST", "/api/v1/office-hours", map[string]any{"program_id": p.ID, "starts_at": time.Now().Add(72 * time.Hour).UTC(), "minutes": 20}, http.StatusForbidden)
		var found struct{ Items []mentor.OfficeHours }
		f.do(c.tokens[c.ids[1]], "GET", "/api/v1/office-hours?topic=sql&free=true", nil, http.StatusOK, &found)
		if len(found.Items) != 1 {
			t.Fatalf("search by topic: %d slots", len(found.Items))
		}
		// Five mentees try to book the one slot at the same moment.
		var wg sync.WaitGroup
		codes := make([]int, 5)
		for i := range 5 {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				resp, _ := f.req(c.tokens[c.ids[1+i]], "POST", fmt.Sprintf("/api/v1/office-hours/%d/book", slot.ID), map[string]any{"question": "window functions?"})
				codes[i] = resp.StatusCode
			}(i)
		}
		wg.Wait()
		ok, conflict := 0, 0
		booker := int64(0)
		for i, code := range codes {
			switch code {
			case http.StatusOK:
				ok++
				booker = c.ids[1+i]
			case http.StatusConflict:
				conflict++
			}
		}
		if ok != 1 || conflict != 4 {
			t.Fatalf("concurrent booking: %d booked, %d refused (codes %v)", ok, conflict, codes)
		}
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/office-hours/%d", slot.ID), nil, http.StatusOK, &slot)
		if slot.BookedBy == nil || *slot.BookedBy != booker || slot.MeetingID == nil {
			t.Fatalf("slot after booking: %+v", slot)
		}
		var mt mentor.Meeting
		f.do(c.tokens[booker], "GET", fmt.Sprintf("/api/v1/meetings/%d", *slot.MeetingID), nil, http.StatusOK, &mt)
		if mt.Kind != mentor.MeetingFlash {
			t.Fatalf("flash meeting kind %s", mt.Kind)
		}
		// Feedback follows the session: it is held first.
		f.do(c.tokens[booker], "PUT", fmt.Sprintf("/api/v1/meetings/%d", mt.ID), map[string]any{"starts_at": mt.StartsAt, "minutes": mt.Minutes,
			"kind": mt.Kind, "status": "held"}, http.StatusOK, nil)
		f.do(c.tokens[booker], "POST", fmt.Sprintf("/api/v1/meetings/%d/feedback", mt.ID), map[string]any{"rating": 5, "style": "directive", "text": "exactly what I needed"}, http.StatusCreated, nil)
		f.do(c.tokens[expert], "POST", fmt.Sprintf("/api/v1/meetings/%d/feedback", mt.ID), map[string]any{"rating": 4}, http.StatusCreated, nil)
		var m mentor.Match
		f.do(c.tokens[booker], "GET", fmt.Sprintf("/api/v1/matches/%d", mt.MatchID), nil, http.StatusOK, &m)
		c.progress(t, m)
		// A second slot, booked and cancelled, is free again.
		var slot2 mentor.OfficeHours
		f.do(c.tokens[expert], "POST", "/api/v1/office-hours", map[string]any{"program_id": p.ID, "starts_at": time.Now().Add(96 * time.Hour).UTC().Truncate(time.Minute),
			"minutes": 20, "topics": []string{"Career"}}, http.StatusCreated, &slot2)
		f.do(c.tokens[c.ids[2]], "POST", fmt.Sprintf("/api/v1/office-hours/%d/book", slot2.ID), nil, http.StatusOK, nil)
		f.do(c.tokens[c.ids[2]], "POST", fmt.Sprintf("/api/v1/office-hours/%d/cancel", slot2.ID), nil, http.StatusOK, &slot2)
		if slot2.BookedBy != nil {
			t.Fatal("cancelled slot still booked")
		}
		c.close(t, p.ID)
	})
}
