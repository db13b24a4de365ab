package web

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// pickProgram creates a self-select program of format f with options
// through the API, enrolls the cohort (with capacities for mentors) and
// moves it to matching. It checks that shortlists open only then.
func pickProgram(t *testing.T, c *cohort, f mentor.Format, options map[string]any) int64 {
	t.Helper()
	fx := c.f
	var p mentor.Program
	fx.do(fx.coordTok, "POST", "/api/v1/programs", map[string]any{"name": "Self-select " + string(f), "format": f,
		"matching_mode": "self_select", "options": options}, http.StatusCreated, &p)
	fx.do(fx.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "enrolling"}, http.StatusOK, nil)
	for _, id := range c.ids {
		m := c.byID[id]
		e := map[string]any{"person_id": id, "role": m.role}
		if m.capacity > 0 {
			e["capacity"] = m.capacity
		}
		fx.do(fx.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/enrollments", p.ID), e, http.StatusCreated, nil)
	}
	fx.problem(c.tokens[c.ids[len(c.ids)-1]], "GET", fmt.Sprintf("/api/v1/programs/%d/shortlist", p.ID), nil, http.StatusConflict)
	fx.do(fx.coordTok, "POST", fmt.Sprintf("/api/v1/programs/%d/status", p.ID), map[string]any{"status": "matching"}, http.StatusOK, nil)
	return p.ID
}

// pickList is the answer of GET /programs/{id}/picks.
type pickList struct {
	Items []mentor.Pick `json:"items"`
}

// shortlistAnswer is the answer of GET /programs/{id}/shortlist.
type shortlistAnswer struct {
	PersonID int64                 `json:"person_id"`
	Items    []matchrun.Suggestion `json:"items"`
}

func TestPicks_MentorApproval(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := newCohort(t, f, "Pk", []member{
			{name: "Mia", dept: "Eng", seniority: 4, role: mentor.RoleMentor, capacity: 1, offers: []string{"SQL", "Go"}, background: "math"},
			{name: "Max", dept: "Ops", seniority: 5, role: mentor.RoleMentor, capacity: 2, offers: []string{"SQL"}, background: "law"},
			{name: "Ida", dept: "Sales", seniority: 2, role: mentor.RoleMentee, wants: []string{"SQL", "Go"}, background: "art"},
			{name: "Ivo", dept: "Sales", seniority: 2, role: mentor.RoleMentee, wants: []string{"SQL"}, background: "art"},
			{name: "Ina", dept: "HR", seniority: 2, role: mentor.RoleMentee, wants: []string{"SQL"}, background: "music"},
			{name: "Isa", dept: "HR", seniority: 2, role: mentor.RoleMentee, wants: []string{"SQL"}, background: "music"},
		})
		mia, maxi, ida, ivo, ina, isa := c.ids[0], c.ids[1], c.ids[2], c.ids[3], c.ids[4], c.ids[5]
		tok := c.tokens
		pid := pickProgram(t, c, mentor.FormatMentoring, map[string]any{"shortlist_size": 2, "max_pending_requests": 1})
		base := fmt.Sprintf("/api/v1/programs/%d", pid)

		// Shortlists: ranked candidates with reasons. Four mentees want two
		// suggestions each from three places (Mia 1, Max 2): every place is
		// shown max(3, ceil(8/3)) = 3 times, so Mia, everyone's best (her
		// seniority gap is the ideal one), reaches three mentees, not all four.
		lists := map[int64][]matchrun.Suggestion{}
		shown := map[int64]int{}
		for _, who := range []int64{ida, ivo, ina, isa} {
			var sl shortlistAnswer
			f.do(tok[who], "GET", base+"/shortlist", nil, http.StatusOK, &sl)
			if sl.PersonID != who || len(sl.Items) == 0 || len(sl.Items) > 2 {
				t.Fatalf("shortlist of %d: %+v", who, sl)
			}
			for i, s := range sl.Items {
				shown[s.PersonID]++
				if s.Role != mentor.RoleMentor || s.Summary == "" || len(s.Factors) == 0 || s.Factors[0].Reason == "" || (i > 0 && s.Score > sl.Items[i-1].Score) {
					t.Fatalf("suggestion %d: %+v", i, s)
				}
			}
			if len(sl.Items) == 2 && sl.Items[0].PersonID != mia {
				t.Fatalf("Mia, two levels above (the ideal gap), should lead: %+v", sl.Items)
			}
			lists[who] = sl.Items
		}
		if shown[mia] != 3 || shown[maxi] != 4 {
			t.Fatalf("Mia (one place) shown %d times, Max (two places) %d; want 3 and 4", shown[mia], shown[maxi])
		}
		var bySomeoneElse shortlistAnswer
		f.do(f.coordTok, "GET", fmt.Sprintf("%s/shortlist?person_id=%d", base, ida), nil, http.StatusOK, &bySomeoneElse)
		if !reflect.DeepEqual(bySomeoneElse.Items, lists[ida]) {
			t.Fatalf("the coordinator's view of Ida's shortlist %+v differs from hers %+v", bySomeoneElse.Items, lists[ida])
		}
		f.problem(tok[ivo], "GET", fmt.Sprintf("%s/shortlist?person_id=%d", base, ida), nil, http.StatusForbidden)
		p := f.problem(tok[mia], "GET", base+"/shortlist", nil, http.StatusConflict)
		if !strings.Contains(p.Detail, "answer the picks") {
			t.Fatalf("a mentor's shortlist: %+v", p)
		}
		f.problem(f.caiTok, "GET", base+"/shortlist", nil, http.StatusNotFound)
		p = f.problem(tok[ida], "GET", base+"/shortlist?person_id=x", nil, http.StatusBadRequest)
		if !hasField(p, "person_id") {
			t.Fatalf("a bad person_id: %+v", p)
		}

		// Picks: bad input names the field.
		for _, tc := range []struct {
			name  string
			body  any
			want  int
			field string
		}{
			{"no person", map[string]any{}, http.StatusUnprocessableEntity, "person_id"},
			{"a person id that is not a number", `{"person_id": "Mia"}`, http.StatusBadRequest, "person_id"},
			{"an unknown field", map[string]any{"person_id": mia, "persn": 1}, http.StatusBadRequest, "persn"},
			{"a mentee picked", map[string]any{"person_id": ivo}, http.StatusUnprocessableEntity, "person_id"},
			{"oneself", map[string]any{"person_id": ida}, http.StatusUnprocessableEntity, "person_id"},
			{"a long message", map[string]any{"person_id": mia, "message": strings.Repeat("x", 1001)}, http.StatusUnprocessableEntity, "message"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if p := f.problem(tok[ida], "POST", base+"/picks", tc.body, tc.want); !hasField(p, tc.field) {
					t.Fatalf("want the field %s named: %+v", tc.field, p)
				}
			})
		}
		f.problem(tok[mia], "POST", base+"/picks", map[string]any{"person_id": ida}, http.StatusConflict) // mentors answer, not pick

		// Isa picks Mia, who declines; Ida picks Mia and is at her cap of one.
		var isaPick, idaPick mentor.Pick
		f.do(tok[isa], "POST", base+"/picks", map[string]any{"person_id": mia}, http.StatusCreated, &isaPick)
		f.do(tok[mia], "POST", fmt.Sprintf("/api/v1/picks/%d/decline", isaPick.ID), map[string]any{"reason": "full calendar"}, http.StatusOK, &isaPick)
		if isaPick.Status != mentor.PickDeclined || isaPick.Reason != "full calendar" {
			t.Fatalf("declined: %+v", isaPick)
		}
		f.do(tok[ida], "POST", base+"/picks", map[string]any{"person_id": mia, "message": "I'd love to learn Go"}, http.StatusCreated, &idaPick)
		// A pick may name anyone compatible, on the picker's shortlist or not.
		if idaPick.Status != mentor.PickPending || idaPick.PickerID != ida || idaPick.PickedID != mia || idaPick.Score <= 0 || idaPick.Summary == "" ||
			len(idaPick.Factors) == 0 || len(idaPick.Skills) == 0 {
			t.Fatalf("Ida's pick: %+v", idaPick)
		}
		for _, s := range lists[ida] {
			if s.PersonID == mia && (s.Score != idaPick.Score || s.Summary != idaPick.Summary) {
				t.Fatalf("the pick %+v must carry the suggestion's score and reasons %+v", idaPick, s)
			}
		}
		p = f.problem(tok[ida], "POST", base+"/picks", map[string]any{"person_id": maxi}, http.StatusConflict)
		if !strings.Contains(p.Detail, "max_pending_requests = 1") || !hasField(p, "person_id") {
			t.Fatalf("over the pending cap: %+v", p)
		}

		// Who sees which picks.
		for _, tc := range []struct {
			name  string
			token string
			query string
			want  int
		}{
			{"Ida sees the pick she made", tok[ida], "", 1},
			{"Mia sees the picks she received", tok[mia], "", 2},
			{"Ivo sees nobody else's picks", tok[ivo], "", 0},
			{"Cai, outside the program, sees none", f.caiTok, "", 0},
			{"the coordinator sees all", f.coordTok, "", 2},
			{"the coordinator filters by person", f.coordTok, fmt.Sprintf("?person_id=%d", isa), 1},
			{"by status", f.coordTok, "?status=pending", 1},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var got pickList
				f.do(tc.token, "GET", base+"/picks"+tc.query, nil, http.StatusOK, &got)
				if len(got.Items) != tc.want {
					t.Fatalf("%d picks, want %d: %+v", len(got.Items), tc.want, got.Items)
				}
			})
		}
		f.problem(tok[ivo], "GET", fmt.Sprintf("%s/picks?person_id=%d", base, ida), nil, http.StatusForbidden)
		if p := f.problem(f.coordTok, "GET", base+"/picks?status=maybe", nil, http.StatusUnprocessableEntity); !hasField(p, "status") {
			t.Fatalf("a bad status: %+v", p)
		}
		f.problem(f.coordTok, "GET", "/api/v1/programs/9999/picks", nil, http.StatusNotFound)

		// Only Mia answers Ida's pick; her approval makes the match.
		accept := fmt.Sprintf("/api/v1/picks/%d/accept", idaPick.ID)
		f.problem(tok[ivo], "POST", accept, nil, http.StatusNotFound)
		f.problem(tok[ida], "POST", accept, nil, http.StatusForbidden)
		f.problem(tok[mia], "POST", "/api/v1/picks/9999/accept", nil, http.StatusNotFound)
		if p := f.problem(tok[mia], "POST", accept, `{"reason": 5}`, http.StatusBadRequest); !hasField(p, "reason") {
			t.Fatalf("a reason that is not text: %+v", p)
		}
		f.do(tok[mia], "POST", accept, nil, http.StatusOK, &idaPick)
		if idaPick.Status != mentor.PickAccepted || idaPick.MatchID == nil {
			t.Fatalf("accepted pick: %+v", idaPick)
		}
		var m mentor.Match
		f.do(tok[ida], "GET", fmt.Sprintf("/api/v1/matches/%d", *idaPick.MatchID), nil, http.StatusOK, &m)
		if m.State != mentor.MatchAccepted || !m.HasMember(mia) || m.Summary != idaPick.Summary || m.Score != idaPick.Score {
			t.Fatalf("the match of an approved pick: %+v", m)
		}
		f.problem(tok[mia], "POST", accept, nil, http.StatusConflict) // answered already
		f.problem(tok[ida], "GET", base+"/shortlist", nil, http.StatusConflict)

		// Capacity: Mia (one place) is full; Max takes two of three.
		if p := f.problem(tok[ivo], "POST", base+"/picks", map[string]any{"person_id": mia}, http.StatusConflict); !strings.Contains(p.Detail, "no room") {
			t.Fatalf("picking a full mentor: %+v", p)
		}
		var sl shortlistAnswer
		f.do(tok[ivo], "GET", base+"/shortlist", nil, http.StatusOK, &sl)
		for _, s := range sl.Items {
			if s.PersonID == mia {
				t.Fatalf("a full mentor is still suggested: %+v", sl.Items)
			}
		}
		picks := map[int64]mentor.Pick{}
		for _, who := range []int64{ivo, ina, isa} {
			var k mentor.Pick
			f.do(tok[who], "POST", base+"/picks", map[string]any{"person_id": maxi}, http.StatusCreated, &k)
			picks[who] = k
		}
		var withdrawn mentor.Pick
		f.problem(tok[maxi], "POST", fmt.Sprintf("/api/v1/picks/%d/withdraw", picks[isa].ID), nil, http.StatusForbidden)
		f.do(tok[isa], "POST", fmt.Sprintf("/api/v1/picks/%d/withdraw", picks[isa].ID), nil, http.StatusOK, &withdrawn)
		if withdrawn.Status != mentor.PickWithdrawn {
			t.Fatalf("withdrawn: %+v", withdrawn)
		}
		f.do(tok[isa], "POST", base+"/picks", map[string]any{"person_id": maxi}, http.StatusCreated, &withdrawn)
		if withdrawn.ID != picks[isa].ID || withdrawn.Status != mentor.PickPending {
			t.Fatalf("picking again reopens the withdrawn pick: %+v", withdrawn)
		}
		for _, who := range []int64{ivo, ina} {
			f.do(tok[maxi], "POST", fmt.Sprintf("/api/v1/picks/%d/accept", picks[who].ID), nil, http.StatusOK, nil)
		}
		f.problem(tok[maxi], "POST", fmt.Sprintf("/api/v1/picks/%d/accept", picks[isa].ID), nil, http.StatusConflict)
		var left mentor.Pick
		var all pickList
		f.do(tok[isa], "GET", base+"/picks?status=withdrawn", nil, http.StatusOK, &all)
		for _, k := range all.Items {
			if k.ID == picks[isa].ID {
				left = k
			}
		}
		if !strings.Contains(left.Reason, "no room") {
			t.Fatalf("Isa's pick of a full mentor must be closed with the reason: %+v", all.Items)
		}
		var maxMatches struct{ Items []mentor.Match }
		f.do(f.coordTok, "GET", fmt.Sprintf("/api/v1/matches?program_id=%d", pid), nil, http.StatusOK, &maxMatches)
		if len(maxMatches.Items) != 3 {
			t.Fatalf("%d matches, want Mia's one and Max's two", len(maxMatches.Items))
		}
	})
}

func TestPicks_MutualPeers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := newCohort(t, f, "Peer", []member{
			{name: "Ada", dept: "Eng", seniority: 3, role: mentor.RolePeer, offers: []string{"Go"}, wants: []string{"Design"}, background: "math"},
			{name: "Bo", dept: "Design", seniority: 3, role: mentor.RolePeer, offers: []string{"Design"}, wants: []string{"Go"}, background: "art"},
			{name: "Cy", dept: "Ops", seniority: 4, role: mentor.RolePeer, offers: []string{"SQL"}, wants: []string{"Go"}, background: "law"},
		})
		ada, bo, cy := c.ids[0], c.ids[1], c.ids[2]
		tok := c.tokens
		pid := pickProgram(t, c, mentor.FormatPeer, map[string]any{"shortlist_size": 3})
		base := fmt.Sprintf("/api/v1/programs/%d", pid)

		var ab, ba mentor.Pick
		f.do(tok[ada], "POST", base+"/picks", map[string]any{"person_id": bo, "message": "swap Go for design?"}, http.StatusCreated, &ab)
		if ab.Status != mentor.PickPending || ab.Message != "swap Go for design?" {
			t.Fatalf("first pick: %+v", ab)
		}
		var sl shortlistAnswer
		f.do(tok[bo], "GET", base+"/shortlist", nil, http.StatusOK, &sl)
		found := false
		for _, s := range sl.Items {
			if s.PersonID == ada {
				found = s.PickedYou && !s.Picked && s.Summary != ""
			}
		}
		if !found {
			t.Fatalf("Bo's shortlist must show that Ada picked Bo: %+v", sl.Items)
		}
		var cyPicks pickList
		f.do(tok[cy], "GET", base+"/picks", nil, http.StatusOK, &cyPicks)
		if len(cyPicks.Items) != 0 {
			t.Fatalf("Cy sees other people's picks: %+v", cyPicks.Items)
		}
		// Bo picks Ada back: a mutual pick makes the match at once.
		f.do(tok[bo], "POST", base+"/picks", map[string]any{"person_id": ada}, http.StatusCreated, &ba)
		if ba.Status != mentor.PickAccepted || ba.MatchID == nil {
			t.Fatalf("a mutual pick: %+v", ba)
		}
		var m mentor.Match
		f.do(tok[ada], "GET", fmt.Sprintf("/api/v1/matches/%d", *ba.MatchID), nil, http.StatusOK, &m)
		if m.State != mentor.MatchAccepted || !m.HasMember(ada) || !m.HasMember(bo) || len(m.Factors) == 0 {
			t.Fatalf("the mutual match: %+v", m)
		}
		var adas pickList
		f.do(tok[ada], "GET", base+"/picks", nil, http.StatusOK, &adas)
		if len(adas.Items) != 2 || adas.Items[0].Status != mentor.PickAccepted || adas.Items[1].Status != mentor.PickAccepted {
			t.Fatalf("Ada's picks after the match: %+v", adas.Items)
		}
		if p := f.problem(tok[cy], "POST", base+"/picks", map[string]any{"person_id": ada}, http.StatusConflict); !strings.Contains(p.Detail, "already has a match") {
			t.Fatalf("picking a matched peer: %+v", p)
		}
		f.problem(f.caiTok, "POST", base+"/picks", map[string]any{"person_id": cy}, http.StatusConflict) // not enrolled
		f.problem(tok[cy], "POST", "/api/v1/programs/9999/picks", map[string]any{"person_id": ada}, http.StatusNotFound)
	})
}

func TestPicks_OnlySelfSelectPrograms(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	// The fixture's program is a draft in review mode.
	base := fmt.Sprintf("/api/v1/programs/%d", f.program.ID)
	if p := f.problem(f.anaTok, "GET", base+"/shortlist", nil, http.StatusConflict); !strings.Contains(p.Detail, "self-select") {
		t.Fatalf("a shortlist in review mode: %+v", p)
	}
	f.problem(f.anaTok, "POST", base+"/picks", map[string]any{"person_id": f.ben.ID}, http.StatusConflict)
	f.problem(f.anaTok, "GET", "/api/v1/programs/9999/shortlist", nil, http.StatusNotFound)
	f.problem(f.anaTok, "POST", "/api/v1/picks/abc/decline", nil, http.StatusNotFound)
}
