package score_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
	"github.com/mentormesh/mentormesh/internal/match/score"
)

func TestScore_MentoringGap(t *testing.T) {
	f, w, r := score.FormatMentoring, score.DefaultWeights(score.FormatMentoring), score.DefaultRules(score.FormatMentoring)
	totals := map[int]float64{}
	for mentor := 1; mentor <= 8; mentor++ {
		a, b := basePair()
		b.Seniority = mentor
		s, ok := score.Score(&a, &b, f, w, r)
		gap := mentor - a.Seniority
		if inRange := gap >= 1 && gap <= 4; ok != inRange {
			t.Errorf("gap %d: kept %v, want %v (%s)", gap, ok, inRange, s.Summary)
		}
		if ok {
			totals[gap] = s.Total
		}
	}
	if !(totals[2] > totals[1] && totals[2] > totals[3] && totals[3] > totals[4]) {
		t.Errorf("totals by gap %v: want the ideal gap 2 first, then falling with distance", totals)
	}
}

// TestScore_Reverse: the junior mentors the senior, and skill fit is the
// junior's offers against the senior's wants.
func TestScore_Reverse(t *testing.T) {
	f, w, r := score.FormatReverse, score.DefaultWeights(score.FormatReverse), score.DefaultRules(score.FormatReverse)
	senior := score.Profile{ID: "sara", Name: "Sara", Seniority: 7, YearsExperience: 25, Languages: []string{"English"},
		Wants: []score.SkillLevel{{"Prompt engineering", 1}}, Offers: []score.SkillLevel{{"Negotiation", 5}}, Role: score.RoleMentee}
	junior := score.Profile{ID: "jay", Name: "Jay", Seniority: 2, YearsExperience: 2, Languages: []string{"English"},
		Offers: []score.SkillLevel{{"Prompt engineering", 4}}, Wants: []score.SkillLevel{{"Negotiation", 1}}, Role: score.RoleMentor}
	s := mustScore(t, &senior, &junior, f, w, r)
	if got := factorOf(t, s, score.FactorSkill); got.Score != 1 ||
		got.Reason != "Jay offers Prompt engineering (4/5) that Sara wants (now 1/5)" {
		t.Errorf("skill = %+v", got)
	}
	if got := factorOf(t, s, score.FactorExperience).Reason; got != "reverse mentoring: Jay (level 2) mentors Sara, 5 levels more senior (level 7)" {
		t.Errorf("experience reason = %q", got)
	}
	if len(s.Skills) != 1 || s.Skills[0].FromID != "jay" || s.Skills[0].ToID != "sara" {
		t.Errorf("Skills = %+v, want Jay -> Sara only", s.Skills)
	}
	// The senior's own offers do not count for the junior's wants.
	senior.Offers = nil
	if s2 := mustScore(t, &senior, &junior, f, w, r); s2.Total != s.Total {
		t.Errorf("senior's offers changed the total: %v -> %v", s.Total, s2.Total)
	}
	// Swapping the roles (senior as the mentor) breaks the reversed gap.
	if s3, ok := score.Score(&junior, &senior, f, w, r); ok || s3.RemovedBy != score.ConstraintSeniority {
		t.Errorf("senior mentoring junior in reverse: ok %v %q", ok, s3.RemovedBy)
	}
}

// TestScore_PeerSimilarButDiverse: in peer formats the best partner shares
// the work experience but brings a distinctive background.
func TestScore_PeerSimilarButDiverse(t *testing.T) {
	me := score.Profile{ID: "me", Name: "Mia", Department: "Sales", Seniority: 4, YearsExperience: 8, Location: "Lisbon",
		Languages: []string{"English"}, Background: []string{"economics"}, Generation: "Millennial"}
	mk := func(id string, sen, years int, dept, loc, tag, gen string) score.Profile {
		return score.Profile{ID: id, Name: id, Department: dept, Seniority: sen, YearsExperience: years, Location: loc,
			Languages: []string{"English"}, Background: []string{tag}, Generation: gen}
	}
	similarDiverse := mk("Sam", 4, 8, "Engineering", "Berlin", "physics", "Gen X")
	similarSame := mk("Sol", 4, 8, "Sales", "Lisbon", "economics", "Millennial")
	diverseJunior := mk("Dee", 2, 2, "Engineering", "Berlin", "physics", "Gen Z")
	for _, f := range []score.Format{score.FormatPeer, score.FormatCircles} {
		w, r := score.DefaultWeights(f), score.DefaultRules(f)
		best := mustScore(t, &me, &similarDiverse, f, w, r)
		same := mustScore(t, &me, &similarSame, f, w, r)
		junior := mustScore(t, &me, &diverseJunior, f, w, r)
		if !(best.Total > same.Total && best.Total > junior.Total) {
			t.Errorf("%s: similar+diverse %.1f, similar+same %.1f, diverse+junior %.1f", f, best.Total, same.Total, junior.Total)
		}
		exp := "similar work experience (levels 4 and 4, 8 and 8 years)"
		div := "distinctive profiles: different home departments, locations, generations and backgrounds"
		first, second := exp, div // by points: experience 25 = diversity 25 in peer, diversity 30 in circles
		if w.Diversity > w.Experience {
			first, second = div, exp
		}
		want := score.Capitalize(first) + "; " + second + "; 8 h working-hours overlap (40 h a week); both speak English."
		if best.Summary != want {
			t.Errorf("%s summary:\n got  %q\n want %q", f, best.Summary, want)
		}
	}
}

// TestScore_SkillSwap: both directions must fit, the weaker one counts and
// the result names both skills.
func TestScore_SkillSwap(t *testing.T) {
	f, w, r := score.FormatSkillSwap, score.DefaultWeights(score.FormatSkillSwap), score.DefaultRules(score.FormatSkillSwap)
	a := score.Profile{ID: "ana", Name: "Ana", Seniority: 3, Languages: []string{"English"},
		Offers: []score.SkillLevel{{"Go", 5}}, Wants: []score.SkillLevel{{"Figma", 2}}}
	b := score.Profile{ID: "bo", Name: "Bo", Seniority: 3, Languages: []string{"English"},
		Offers: []score.SkillLevel{{"Figma", 3}}, Wants: []score.SkillLevel{{"Go", 1}}}
	s := mustScore(t, &a, &b, f, w, r)
	want := []score.SkillMatch{
		{FromID: "ana", ToID: "bo", Skill: "Go", Level: 5, ToLevel: 1},
		{FromID: "bo", ToID: "ana", Skill: "Figma", Level: 3, ToLevel: 2},
	}
	if !reflect.DeepEqual(s.Skills, want) {
		t.Errorf("Skills = %+v, want %+v", s.Skills, want)
	}
	skill := factorOf(t, s, score.FactorSkill)
	if skill.Score != 0.6 || skill.Reason != "Ana teaches Bo Go (5/5) and Bo teaches Ana Figma (3/5)" {
		t.Errorf("skill = %v %q, want the weaker direction 0.6 and both skills", skill.Score, skill.Reason)
	}
	// Raising the stronger direction changes nothing; raising the weaker does.
	a.Offers[0].Level = 4
	if got := factorOf(t, mustScore(t, &a, &b, f, w, r), score.FactorSkill).Score; got != 0.6 {
		t.Errorf("stronger direction 1.0 -> 1.0 (capped) changed skill to %v", got)
	}
	b.Offers[0].Level = 5
	if got := factorOf(t, mustScore(t, &a, &b, f, w, r), score.FactorSkill).Score; !near(got, 1) {
		t.Errorf("weaker direction raised to 1.0: skill %v, want 1", got)
	}
	// One direction only: removed.
	b.Wants = nil
	if s2, ok := score.Score(&a, &b, f, w, r); ok || s2.RemovedBy != score.ConstraintReciprocity {
		t.Errorf("one-way swap: ok %v %q", ok, s2.RemovedBy)
	}
}

// TestScore_OnePoolSymmetric: in one-pool formats Score(a, b) and Score(b,
// a) agree bit for bit, on synthetic pairs with every kind of data.
func TestScore_OnePoolSymmetric(t *testing.T) {
	for _, f := range []score.Format{score.FormatPeer, score.FormatSkillSwap, score.FormatCircles, score.FormatRotation} {
		people := synth.People(t, 80, 11, f)
		w := score.DefaultWeights(f)
		w.Preference = 10
		r := score.DefaultRules(f)
		r.CrossFunctional = f == score.FormatCircles
		kept := 0
		for i := range people {
			for j := i + 1; j < len(people); j++ {
				ab, ok1 := score.Score(&people[i], &people[j], f, w, r)
				ba, ok2 := score.Score(&people[j], &people[i], f, w, r)
				if ok1 != ok2 || ab.Total != ba.Total || ab.RemovedBy != ba.RemovedBy {
					t.Fatalf("%s %d,%d: (%v %v %q) vs (%v %v %q)", f, i, j, ok1, ab.Total, ab.RemovedBy, ok2, ba.Total, ba.RemovedBy)
				}
				for k := range ab.Factors {
					if ab.Factors[k].Score != ba.Factors[k].Score {
						t.Fatalf("%s %d,%d: factor %s %v vs %v", f, i, j, ab.Factors[k].Name, ab.Factors[k].Score, ba.Factors[k].Score)
					}
				}
				if ok1 {
					kept++
				}
			}
		}
		if kept < 10 {
			t.Errorf("%s: only %d compatible pairs checked", f, kept)
		}
	}
}

// TestScore_Deterministic: the same inputs give the same result, and list
// order in a profile only changes wording, never the total.
func TestScore_Deterministic(t *testing.T) {
	people := synth.People(t, 60, 5, score.FormatPeer)
	w, r := score.DefaultWeights(score.FormatPeer), score.DefaultRules(score.FormatPeer)
	for i := 0; i+1 < len(people); i++ {
		s1, ok1 := score.Score(&people[i], &people[i+1], score.FormatPeer, w, r)
		s2, ok2 := score.Score(&people[i], &people[i+1], score.FormatPeer, w, r)
		if ok1 != ok2 || !reflect.DeepEqual(s1, s2) {
			t.Fatalf("pair %d: two calls differ:\n%+v\n%+v", i, s1, s2)
		}
		b := people[i+1]
		b.Languages = slices.Clone(b.Languages)
		b.Background = slices.Clone(b.Background)
		slices.Reverse(b.Languages)
		slices.Reverse(b.Background)
		s3, ok3 := score.Score(&people[i], &b, score.FormatPeer, w, r)
		if ok3 != ok1 || s3.Total != s1.Total {
			t.Fatalf("pair %d: reordering b's languages and tags changed the total %v -> %v", i, s1.Total, s3.Total)
		}
	}
}

// TestScore_AllFormatsScore: every format has defaults that keep a sensible
// pair and produce a full breakdown.
func TestScore_AllFormatsScore(t *testing.T) {
	for _, f := range score.Formats() {
		t.Run(string(f), func(t *testing.T) {
			a, b := basePair()
			if f == score.FormatReverse {
				a.Seniority, b.Seniority = 6, 3
			}
			if !f.Directional() {
				b.Seniority = a.Seniority
				a.Offers = []score.SkillLevel{{"Go", 4}}
				b.Wants = []score.SkillLevel{{"Go", 2}}
			}
			s := mustScore(t, &a, &b, f, score.DefaultWeights(f), score.DefaultRules(f))
			if len(s.Factors) != 5 || s.Total <= 50 || s.Total > 100 || !strings.HasSuffix(s.Summary, ".") {
				t.Errorf("%s: total %.1f, %d factors, summary %q", f, s.Total, len(s.Factors), s.Summary)
			}
		})
	}
	if score.DefaultWeights("nope") != (score.Weights{}) || score.DefaultRules("nope") != (score.Rules{}) {
		t.Errorf("unknown format: non-zero defaults")
	}
}
