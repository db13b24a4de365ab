package score_test

import (
	"math"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/score"
)

// basePair returns a compatible mentee a (Ana) and mentor b (Ben): same
// time zone, a shared language, b two levels above a, different departments.
func basePair() (score.Profile, score.Profile) {
	a := score.Profile{ID: "ana", Name: "Ana", Department: "Data", Seniority: 3, YearsExperience: 5,
		Location: "Madrid", UTCOffsetMinutes: 60, Languages: []string{"English", "Spanish"},
		Background: []string{"economics"}, Generation: "Millennial",
		Wants: []score.SkillLevel{{"Kubernetes", 2}}, Role: score.RoleMentee}
	b := score.Profile{ID: "ben", Name: "Ben", Department: "Engineering", Seniority: 5, YearsExperience: 11,
		Location: "Berlin", UTCOffsetMinutes: 60, Languages: []string{"German", "Spanish"},
		Background: []string{"physics"}, Generation: "Gen X",
		Offers: []score.SkillLevel{{"Kubernetes", 4}}, Role: score.RoleMentor, Capacity: 2}
	return a, b
}

func mustScore(tb testing.TB, a, b *score.Profile, f score.Format, w score.Weights, r score.Rules) score.Scored {
	tb.Helper()
	s, ok := score.Score(a, b, f, w, r)
	if !ok {
		tb.Fatalf("Score(%s, %s, %s) removed the pair: %s", a.ID, b.ID, f, s.Summary)
	}
	return s
}

func factorOf(tb testing.TB, s score.Scored, name string) score.Factor {
	tb.Helper()
	for _, f := range s.Factors {
		if f.Name == name {
			return f
		}
	}
	tb.Fatalf("no %s factor in %+v", name, s.Factors)
	return score.Factor{}
}

func near(x, y float64) bool { return math.Abs(x-y) < 1e-9 }

func TestScore_SkillFit(t *testing.T) {
	tests := []struct {
		name   string
		wants  []score.SkillLevel
		offers []score.SkillLevel
		want   float64
	}{
		{"no wants", nil, []score.SkillLevel{{"Go", 5}}, 0},
		{"other skill", []score.SkillLevel{{"SQL", 1}}, []score.SkillLevel{{"Go", 5}}, 0},
		{"offer below the learner", []score.SkillLevel{{"Go", 3}}, []score.SkillLevel{{"Go", 2}}, 0},
		{"same level", []score.SkillLevel{{"Go", 3}}, []score.SkillLevel{{"Go", 3}}, 0.4},
		{"one level above", []score.SkillLevel{{"Go", 3}}, []score.SkillLevel{{"Go", 4}}, 0.6},
		{"two levels above", []score.SkillLevel{{"Go", 3}}, []score.SkillLevel{{"Go", 5}}, 0.8},
		{"three levels above", []score.SkillLevel{{"Go", 1}}, []score.SkillLevel{{"Go", 4}}, 1},
		{"four levels above is capped", []score.SkillLevel{{"Go", 1}}, []score.SkillLevel{{"Go", 5}}, 1},
		{"best skill plus 0.1 per further one", []score.SkillLevel{{"SQL", 2}, {"Go", 3}},
			[]score.SkillLevel{{"Go", 4}, {"SQL", 3}}, 0.7},
		{"further skills capped at 1", []score.SkillLevel{{"SQL", 1}, {"Go", 1}},
			[]score.SkillLevel{{"Go", 5}, {"SQL", 5}}, 1},
		{"names compare case-insensitively", []score.SkillLevel{{"kubernetes", 2}},
			[]score.SkillLevel{{" Kubernetes ", 4}}, 0.8},
		{"a repeated offer keeps its first level", []score.SkillLevel{{"Go", 1}},
			[]score.SkillLevel{{"Go", 2}, {"Go", 5}}, 0.6},
		{"levels are clamped to 1..5", []score.SkillLevel{{"Go", 0}}, []score.SkillLevel{{"Go", 9}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			a.Wants, b.Offers = tt.wants, tt.offers
			s := mustScore(t, &a, &b, score.FormatMentoring, score.DefaultWeights(score.FormatMentoring), score.DefaultRules(score.FormatMentoring))
			if got := factorOf(t, s, score.FactorSkill).Score; !near(got, tt.want) {
				t.Errorf("skill = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScore_ExperienceDirectional(t *testing.T) {
	tests := []struct {
		name   string
		f      score.Format
		mentee int
		mentor int
		want   float64
	}{
		{"mentoring gap 1", score.FormatMentoring, 3, 4, 0.8},
		{"mentoring gap 2 is ideal", score.FormatMentoring, 3, 5, 1},
		{"mentoring gap 3", score.FormatMentoring, 2, 5, 0.8},
		{"mentoring gap 4", score.FormatMentoring, 1, 5, 0.6},
		{"flash gap 1 is ideal", score.FormatFlash, 3, 4, 1},
		{"flash same level", score.FormatFlash, 3, 3, 0.8},
		{"flash expert below the asker", score.FormatFlash, 4, 3, 0.6},
		{"flash gap 6", score.FormatFlash, 1, 7, 0},
		{"reverse gap 2 (mentee senior) is ideal", score.FormatReverse, 6, 4, 1},
		{"reverse gap 1", score.FormatReverse, 5, 4, 0.8},
		{"reverse gap 5", score.FormatReverse, 7, 2, 0.4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			a.Seniority, b.Seniority = tt.mentee, tt.mentor
			s := mustScore(t, &a, &b, tt.f, score.DefaultWeights(tt.f), score.DefaultRules(tt.f))
			if got := factorOf(t, s, score.FactorExperience).Score; !near(got, tt.want) {
				t.Errorf("experience = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScore_ExperiencePeer(t *testing.T) {
	tests := []struct {
		name         string
		senA, senB   int
		yearA, yearB int
		want         float64
	}{
		{"same level and years", 4, 4, 8, 8, 1},
		{"one level and two years apart", 4, 5, 8, 10, 1 - 0.25 - 0.08},
		{"two levels and ten years apart", 2, 4, 3, 13, 1 - 0.5 - 0.4},
		{"floor at zero", 3, 5, 2, 30, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			a.Seniority, b.Seniority, a.YearsExperience, b.YearsExperience = tt.senA, tt.senB, tt.yearA, tt.yearB
			s := mustScore(t, &a, &b, score.FormatPeer, score.DefaultWeights(score.FormatPeer), score.DefaultRules(score.FormatPeer))
			if got := factorOf(t, s, score.FactorExperience).Score; !near(got, tt.want) {
				t.Errorf("experience = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScore_Diversity(t *testing.T) {
	tests := []struct {
		name   string
		change func(a, b *score.Profile)
		want   float64
	}{
		{"everything different", func(a, b *score.Profile) {}, 1},
		{"everything the same", func(a, b *score.Profile) {
			b.Department, b.Location, b.Generation, b.Background = a.Department, a.Location, a.Generation, a.Background
		}, 0},
		{"same department only", func(a, b *score.Profile) { b.Department = "data " }, 0.7},
		{"tags half shared", func(a, b *score.Profile) {
			a.Background, b.Background = []string{"law", "arts"}, []string{"Arts", "music"}
		}, 0.4*(1-1.0/3) + 0.6},
		{"all unknown counts half", func(a, b *score.Profile) {
			a.Department, a.Location, a.Generation, a.Background = "", "", "", nil
		}, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			tt.change(&a, &b)
			s := mustScore(t, &a, &b, score.FormatPeer, score.DefaultWeights(score.FormatPeer), score.DefaultRules(score.FormatPeer))
			if got := factorOf(t, s, score.FactorDiversity).Score; !near(got, tt.want) {
				t.Errorf("diversity = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScore_Availability(t *testing.T) {
	slots := func(from, to int) score.WeekHours {
		var w score.WeekHours
		w.SetRange(from, to)
		return w
	}
	tests := []struct {
		name       string
		offA, offB int
		slotsA     score.WeekHours
		want       float64
		reason     string
	}{
		{"same zone", 60, 60, score.WeekHours{}, 1, "8 h working-hours overlap (40 h a week)"},
		{"six hours apart: 10 h a week", 0, 360, score.WeekHours{}, 1, "2 h working-hours overlap (10 h a week)"},
		{"seven hours apart: 5 h a week", 0, 420, score.WeekHours{}, 0.5, "1 h working-hours overlap (5 h a week)"},
		{"+5:30 counts as +6", 0, 330, score.WeekHours{}, 1, "2 h working-hours overlap (10 h a week)"},
		{"eighteen hours apart: weekend loses a day", -480, 600, score.WeekHours{}, 0.8,
			"2 h working-hours overlap (8 h a week)"},
		{"explicit slots", 0, 0, slots(10, 13), 0.3, "3 h a week of shared availability"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			a.UTCOffsetMinutes, b.UTCOffsetMinutes, a.Availability = tt.offA, tt.offB, tt.slotsA
			s := mustScore(t, &a, &b, score.FormatMentoring, score.DefaultWeights(score.FormatMentoring), score.DefaultRules(score.FormatMentoring))
			f := factorOf(t, s, score.FactorAvailability)
			if !near(f.Score, tt.want) || f.Reason != tt.reason {
				t.Errorf("availability = %v %q, want %v %q", f.Score, f.Reason, tt.want, tt.reason)
			}
		})
	}
}

func TestScore_Language(t *testing.T) {
	tests := []struct {
		name   string
		a, b   []string
		want   float64
		reason string
	}{
		{"one shared", []string{"English", "Spanish"}, []string{"German", "spanish"}, 1, "both speak Spanish"},
		{"two shared", []string{"English", "Spanish"}, []string{"Spanish", "English"}, 1, "both speak English and Spanish"},
		{"unknown for one", nil, []string{"German"}, 0.5, "languages not recorded for Ana"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			a.Languages, b.Languages = tt.a, tt.b
			s := mustScore(t, &a, &b, score.FormatMentoring, score.DefaultWeights(score.FormatMentoring), score.DefaultRules(score.FormatMentoring))
			f := factorOf(t, s, score.FactorLanguage)
			if !near(f.Score, tt.want) || f.Reason != tt.reason {
				t.Errorf("language = %v %q, want %v %q", f.Score, f.Reason, tt.want, tt.reason)
			}
		})
	}
}

func TestScore_Preference(t *testing.T) {
	tests := []struct {
		name         string
		aPick, bPick bool
		want         float64
		reason       string
	}{
		{"no picks", false, false, 0, "neither picked the other"},
		{"mentee picked", true, false, 0.6, "Ana picked Ben"},
		{"mentor picked", false, true, 0.6, "Ben picked Ana"},
		{"mutual", true, true, 1, "Ana and Ben picked each other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			a.Picks, b.Picks = []string{"zoe"}, []string{"zoe"}
			if tt.aPick {
				a.Picks = append(a.Picks, "ben")
			}
			if tt.bPick {
				b.Picks = append(b.Picks, "ana")
			}
			w := score.DefaultWeights(score.FormatMentoring)
			w.Preference = 15
			s := mustScore(t, &a, &b, score.FormatMentoring, w, score.DefaultRules(score.FormatMentoring))
			f := factorOf(t, s, score.FactorPreference)
			if !near(f.Score, tt.want) || f.Reason != tt.reason {
				t.Errorf("preference = %v %q, want %v %q", f.Score, f.Reason, tt.want, tt.reason)
			}
		})
	}
}

// TestScore_TotalIsWeightedMean: the total is 100 * sum(w*s) / sum(w), the
// breakdown's Points add up to it exactly, scaling the weights changes
// nothing, and factors of weight <= 0 leave the breakdown.
func TestScore_TotalIsWeightedMean(t *testing.T) {
	a, b := basePair()
	a.Wants = append(a.Wants, score.SkillLevel{"Go", 1})
	b.Offers = append(b.Offers, score.SkillLevel{"Go", 3})
	a.Picks = []string{"ben"}
	w := score.Weights{Skill: 40, Experience: 20, Diversity: 10, Availability: 20, Language: 10, Preference: 15}
	r := score.DefaultRules(score.FormatMentoring)
	s := mustScore(t, &a, &b, score.FormatMentoring, w, r)
	if len(s.Factors) != 6 {
		t.Fatalf("%d factors, want 6", len(s.Factors))
	}
	sum, weighted, total := 0.0, 0.0, 0.0
	for _, f := range s.Factors {
		if f.Score < 0 || f.Score > 1 || f.Reason == "" {
			t.Errorf("factor %+v: score outside 0..1 or no reason", f)
		}
		sum += f.Weight
		weighted += f.Weight * f.Score
		total += f.Points
	}
	if total != s.Total {
		t.Errorf("points add up to %v, total is %v", total, s.Total)
	}
	if !near(s.Total, 100*weighted/sum) {
		t.Errorf("total %v, want %v", s.Total, 100*weighted/sum)
	}
	w3 := score.Weights{Skill: 120, Experience: 60, Diversity: 30, Availability: 60, Language: 30, Preference: 45}
	if s3 := mustScore(t, &a, &b, score.FormatMentoring, w3, r); !near(s3.Total, s.Total) {
		t.Errorf("weights x3: total %v, want %v", s3.Total, s.Total)
	}
	w.Diversity, w.Preference = -5, 0
	s2 := mustScore(t, &a, &b, score.FormatMentoring, w, r)
	var names []string
	for _, f := range s2.Factors {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, ","); got != "skill,experience,availability,language" {
		t.Errorf("factors with a negative and a zero weight: %s", got)
	}
	if s0 := mustScore(t, &a, &b, score.FormatMentoring, score.Weights{}, r); s0.Total != 0 || len(s0.Factors) != 0 {
		t.Errorf("zero weights: total %v, %d factors; want 0 and none", s0.Total, len(s0.Factors))
	}
}
