package matchrun

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// ssWorld is a self-select program with enrolled people.
type ssWorld struct {
	svc     *Service
	program *mentor.Program
	byName  map[string]int64
}

// ssPerson describes one participant: role, seniority, the level at which
// they offer (mentors) or want (mentees) Go, their language and capacity.
type ssPerson struct {
	name      string
	role      mentor.Role
	seniority int
	goLevel   int
	language  string
	capacity  int
}

// newSSWorld stores a self-select program of format f with options o and
// the given people, and moves it to matching.
func newSSWorld(tb testing.TB, db *store.DB, f mentor.Format, o mentor.ProgramOptions, people []ssPerson) *ssWorld {
	tb.Helper()
	ctx := context.Background()
	w := &ssWorld{svc: &Service{DB: db}, byName: map[string]int64{},
		program: &mentor.Program{Name: "Pick " + string(f), Format: f, Mode: mentor.ModeSelfSelect, Status: mentor.StatusEnrolling, Options: o}}
	if err := db.CreateProgram(ctx, w.program); err != nil {
		tb.Fatal(err)
	}
	for i, sp := range people {
		lang := sp.language
		if lang == "" {
			lang = "English"
		}
		skill := mentor.PersonSkill{Skill: "Go", Level: sp.goLevel, Wants: sp.role != mentor.RoleMentor, Offers: sp.role != mentor.RoleMentee}
		p := &mentor.Person{Name: sp.name, Email: fmt.Sprintf("p%d-%d@example.com", w.program.ID, i), Seniority: sp.seniority,
			Department: fmt.Sprintf("Dept %d", i%3), TimeZone: "Europe/Berlin", Languages: []string{lang}, Skills: []mentor.PersonSkill{skill}}
		if err := db.CreatePerson(ctx, p); err != nil {
			tb.Fatal(err)
		}
		e := &mentor.Enrollment{ProgramID: w.program.ID, PersonID: p.ID, Role: sp.role, Capacity: sp.capacity}
		if err := db.CreateEnrollment(ctx, e); err != nil {
			tb.Fatal(err)
		}
		w.byName[sp.name] = p.ID
	}
	p, err := db.SetProgramStatus(ctx, w.program.ID, mentor.StatusMatching)
	if err != nil {
		tb.Fatal(err)
	}
	w.program = p
	return w
}

func (w *ssWorld) id(name string) int64 { return w.byName[name] }

// names returns the names of a shortlist's people in order.
func (w *ssWorld) names(list []Suggestion) []string {
	out := []string{}
	for _, s := range list {
		out = append(out, s.Name)
	}
	return out
}

// mentoringPeople is a program with a star mentor whom every mentee scores
// highest, four ordinary mentors and ten mentees (one who speaks no shared
// language), every mentor with one place.
func mentoringPeople() []ssPerson {
	people := []ssPerson{{name: "Star", role: mentor.RoleMentor, seniority: 4, goLevel: 5, capacity: 1}}
	for i := range 4 {
		people = append(people, ssPerson{name: fmt.Sprintf("Mentor%d", i), role: mentor.RoleMentor, seniority: 4, goLevel: 2 + i%2, capacity: 1})
	}
	for i := range 9 {
		people = append(people, ssPerson{name: fmt.Sprintf("Mentee%d", i), role: mentor.RoleMentee, seniority: 2, goLevel: 1})
	}
	return append(people, ssPerson{name: "Loner", role: mentor.RoleMentee, seniority: 2, goLevel: 1, language: "Finnish"})
}

func TestShortlists_ExposureCap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newSSWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{ShortlistSize: 3}, mentoringPeople())
		res, err := w.svc.shortlists(ctx, w.program.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Nine mentees with a partner want three suggestions each from five
		// one-place mentors: ceil(27/5) = 6 showings a place.
		if res.exposure != 6 || res.budget[w.id("Star")] != 6 {
			t.Fatalf("exposure %d, star budget %d; want 6 and 6", res.exposure, res.budget[w.id("Star")])
		}
		if len(res.lists) != 10 {
			t.Fatalf("%d shortlists, want one per mentee", len(res.lists))
		}
		shown := map[int64]int{}
		p := w.program
		for person, list := range res.lists {
			if person == w.id("Loner") {
				if len(list) != 0 {
					t.Fatalf("a mentee without a shared language got %v", w.names(list))
				}
				continue
			}
			if len(list) == 0 || len(list) > 3 {
				t.Fatalf("mentee %d: %d suggestions", person, len(list))
			}
			for i, sg := range list {
				shown[sg.PersonID]++
				if i > 0 && sg.Score > list[i-1].Score {
					t.Fatalf("mentee %d: not ranked by score: %v", person, list)
				}
				if sg.Role != mentor.RoleMentor || sg.Summary == "" || len(sg.Factors) == 0 || sg.Picked || sg.PickedYou {
					t.Fatalf("suggestion: %+v", sg)
				}
				// The score is the engine's, as a match of the pair would carry it.
				mentee, _ := db.Person(ctx, person)
				mentorP, _ := db.Person(ctx, sg.PersonID)
				a := Profile(mentee, &mentor.Enrollment{Role: mentor.RoleMentee, Capacity: 1}, nil, time.Now())
				b := Profile(mentorP, &mentor.Enrollment{Role: mentor.RoleMentor, Capacity: 1}, nil, time.Now())
				sc, ok := score.Score(&a, &b, score.Format(p.Format), Weights(p), Rules(p))
				if !ok || round1(sc.Total) != sg.Score || sc.Summary != sg.Summary {
					t.Fatalf("suggestion %+v, engine %v %+v", sg, ok, sc)
				}
			}
		}
		for person, n := range shown {
			if n > res.budget[person] {
				t.Fatalf("person %d shown %d times, budget %d", person, n, res.budget[person])
			}
		}
		if shown[w.id("Star")] != 6 {
			t.Fatalf("the star, everyone's best, is shown %d times; want its budget of 6 (not all 9)", shown[w.id("Star")])
		}
		for _, name := range []string{"Mentor0", "Mentor1", "Mentor2", "Mentor3"} {
			if shown[w.id(name)] == 0 {
				t.Fatalf("%s is never recommended: %v", name, shown)
			}
		}
	})
}

func TestShortlists_LooseBudgetIsTopScores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		// Two mentees, five mentors with five places each: nobody's budget binds.
		people := []ssPerson{{name: "A", role: mentor.RoleMentee, seniority: 2, goLevel: 1}, {name: "B", role: mentor.RoleMentee, seniority: 2, goLevel: 2}}
		for i := range 5 {
			people = append(people, ssPerson{name: fmt.Sprintf("M%d", i), role: mentor.RoleMentor, seniority: 3 + i%3, goLevel: 1 + i, capacity: 5})
		}
		w := newSSWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{ShortlistSize: 3}, people)
		pl, err := w.svc.loadSelfSelect(ctx, w.program)
		if err != nil {
			t.Fatal(err)
		}
		p := w.program
		for _, mentee := range []string{"A", "B"} {
			got, err := w.svc.Shortlist(ctx, p.ID, w.id(mentee))
			if err != nil {
				t.Fatal(err)
			}
			// Brute force: score the mentee against every mentor.
			var all []Suggestion
			me := slices.IndexFunc(pl.enrolled, func(e mentor.Enrollment) bool { return e.PersonID == w.id(mentee) })
			for j, e := range pl.enrolled {
				if e.Role == mentor.RoleMentor {
					if sc, ok := score.Score(&pl.profiles[me], &pl.profiles[j], score.Format(p.Format), Weights(p), Rules(p)); ok {
						all = append(all, Suggestion{Name: pl.persons[j].Name, Score: round1(sc.Total)})
					}
				}
			}
			slices.SortStableFunc(all, func(a, b Suggestion) int { return -cmpFloat(a.Score, b.Score) })
			want := all[:min(3, len(all))]
			if len(got) != len(want) {
				t.Fatalf("%s: %v, want %v", mentee, w.names(got), w.names(want))
			}
			for i := range want {
				if got[i].Score != want[i].Score {
					t.Fatalf("%s: scores %v, want the top three %v", mentee, got, want)
				}
			}
		}
	})
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestShortlist_Who(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newSSWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{}, mentoringPeople())
		outsider := &mentor.Person{Name: "Out", Email: "out@example.com", Seniority: 3}
		if err := db.CreatePerson(ctx, outsider); err != nil {
			t.Fatal(err)
		}
		review := &mentor.Program{Name: "Review", Format: mentor.FormatMentoring, Status: mentor.StatusMatching}
		if err := db.CreateProgram(ctx, review); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name           string
			program        int64
			person         int64
			code, phrase   string
			wantSuggestion bool
		}{
			{"a mentee", w.program.ID, w.id("Mentee0"), "", "", true},
			{"a mentor", w.program.ID, w.id("Star"), mentor.ECONFLICT, "answer the picks", false},
			{"somebody outside", w.program.ID, outsider.ID, mentor.ENOTFOUND, "not enrolled", false},
			{"a program in review mode", review.ID, w.id("Mentee0"), mentor.ECONFLICT, "self-select", false},
			{"a missing program", 9999, w.id("Mentee0"), mentor.ENOTFOUND, "", false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, err := w.svc.Shortlist(ctx, tc.program, tc.person)
				if mentor.ErrorCode(err) != tc.code || (err != nil && !strings.Contains(err.Error(), tc.phrase)) {
					t.Fatalf("want %q mentioning %q, got %v", tc.code, tc.phrase, err)
				}
				if tc.wantSuggestion && len(list) == 0 {
					t.Fatal("empty shortlist")
				}
			})
		}
	})
}

func TestShortlist_FollowsPicks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newSSWorld(t, db, mentor.FormatMentoring, mentor.ProgramOptions{ShortlistSize: 5}, mentoringPeople())
		m0 := w.id("Mentee0")
		list, err := w.svc.Shortlist(ctx, w.program.ID, m0)
		if err != nil || len(list) < 2 {
			t.Fatalf("shortlist %v %v", list, err)
		}
		first, second := list[0].PersonID, list[1].PersonID
		k, err := w.svc.Pick(ctx, w.program.ID, m0, first, "I want to learn Go")
		if err != nil || k.Status != mentor.PickPending || k.Score != list[0].Score || k.Summary == "" || len(k.Factors) == 0 {
			t.Fatalf("pick: %+v %v (suggested %+v)", k, err, list[0])
		}
		k2, err := w.svc.Pick(ctx, w.program.ID, m0, second, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.RespondToPick(ctx, k2.ID, second, false, "no time"); err != nil {
			t.Fatal(err)
		}
		list, err = w.svc.Shortlist(ctx, w.program.ID, m0)
		if err != nil {
			t.Fatal(err)
		}
		at := slices.IndexFunc(list, func(s Suggestion) bool { return s.PersonID == first })
		if at < 0 || !list[at].Picked {
			t.Fatalf("the picked mentor must stay on the list, marked: %+v", list)
		}
		if slices.ContainsFunc(list, func(s Suggestion) bool { return s.PersonID == second }) {
			t.Fatalf("a mentor who declined is suggested again: %v", w.names(list))
		}
		// Once matched, the mentee has no shortlist and the full mentor leaves the others'.
		if _, err := db.RespondToPick(ctx, k.ID, first, true, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Shortlist(ctx, w.program.ID, m0); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("a matched mentee's shortlist: %v", err)
		}
		all, err := w.svc.Shortlists(ctx, w.program.ID)
		if err != nil {
			t.Fatal(err)
		}
		for person, l := range all {
			if slices.ContainsFunc(l, func(s Suggestion) bool { return s.PersonID == first }) {
				t.Fatalf("a full mentor is still suggested to %d", person)
			}
		}
	})
}

func TestPick_Rules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newSSWorld(t, db, mentor.FormatPeer, mentor.ProgramOptions{}, []ssPerson{
			{name: "A", role: mentor.RolePeer, seniority: 3, goLevel: 2}, {name: "B", role: mentor.RolePeer, seniority: 3, goLevel: 3},
			{name: "C", role: mentor.RolePeer, seniority: 3, goLevel: 3, language: "Finnish"}, {name: "D", role: mentor.RolePeer, seniority: 7, goLevel: 3}})
		for _, tc := range []struct {
			name           string
			picker, picked string
			phrase         string
		}{{"no shared language", "A", "C", "language"}, {"seniority too far apart", "A", "D", "seniority"}} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := w.svc.Pick(ctx, w.program.ID, w.id(tc.picker), w.id(tc.picked), "")
				if mentor.ErrorCode(err) != mentor.EINVALID || mentor.ErrorFields(err)[0].Field != "person_id" || !strings.Contains(err.Error(), tc.phrase) {
					t.Fatalf("want an invalid person_id mentioning %q, got %v", tc.phrase, err)
				}
			})
		}
		ab, err := w.svc.Pick(ctx, w.program.ID, w.id("A"), w.id("B"), "")
		if err != nil || ab.Status != mentor.PickPending {
			t.Fatalf("A picks B: %+v %v", ab, err)
		}
		list, err := w.svc.Shortlist(ctx, w.program.ID, w.id("B"))
		if err != nil || len(list) != 1 || list[0].PersonID != w.id("A") || !list[0].PickedYou {
			t.Fatalf("B's shortlist must show that A picked B: %+v %v", list, err)
		}
		ba, err := w.svc.Pick(ctx, w.program.ID, w.id("B"), w.id("A"), "")
		if err != nil || ba.Status != mentor.PickAccepted || ba.MatchID == nil {
			t.Fatalf("B picks A back: %+v %v", ba, err)
		}
		m, err := db.Match(ctx, *ba.MatchID)
		if err != nil || m.Score != ba.Score || m.Summary != ba.Summary || m.State != mentor.MatchAccepted ||
			len(m.Skills) == 0 || !reflect.DeepEqual(m.Skills, ba.Skills) {
			t.Fatalf("match %+v %v from pick %+v", m, err, ba)
		}
	})
}
