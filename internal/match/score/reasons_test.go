package score_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
	"github.com/mentormesh/mentormesh/internal/match/score"
)

func TestSummary_MentoringSentence(t *testing.T) {
	a, b := basePair()
	s := mustScore(t, &a, &b, score.FormatMentoring, score.DefaultWeights(score.FormatMentoring), score.DefaultRules(score.FormatMentoring))
	want := "Ben offers Kubernetes (4/5) that Ana wants (now 2/5); Ben (level 5) is 2 levels above Ana (level 3); " +
		"8 h working-hours overlap (40 h a week); different home departments, locations, generations and backgrounds; " +
		"both speak Spanish."
	if s.Summary != want {
		t.Errorf("Summary:\n got  %q\n want %q", s.Summary, want)
	}
	if s.Total != 92 {
		t.Errorf("Total = %v, want 92 (skill 0.8*40 + 20 + 10 + 20 + 10)", s.Total)
	}
}

// TestSummary_MatchesBreakdown: on synthetic pairs of every format the
// summary is one sentence made of breakdown reasons, strongest first, with
// no empty clause, and never repeats a reason of a factor scoring 0.
func TestSummary_MatchesBreakdown(t *testing.T) {
	for _, f := range score.Formats() {
		people := synth.People(t, 40, 13, f)
		w := score.DefaultWeights(f)
		w.Preference = 10
		r := score.DefaultRules(f)
		checked := 0
		for i := range people {
			for j := range people {
				if i == j {
					continue
				}
				s, ok := score.Score(&people[i], &people[j], f, w, r)
				if !ok {
					if !strings.HasPrefix(s.Summary, "removed: ") || len(s.Summary) < 20 {
						t.Fatalf("%s: removed summary %q", f, s.Summary)
					}
					continue
				}
				checked++
				checkSummary(t, s)
			}
		}
		if checked < 5 {
			t.Errorf("%s: only %d kept pairs", f, checked)
		}
	}
}

func checkSummary(tb testing.TB, s score.Scored) {
	tb.Helper()
	sum := s.Summary
	r, _ := utf8.DecodeRuneInString(sum)
	if !strings.HasSuffix(sum, ".") || strings.HasSuffix(sum, "..") || unicode.IsLower(r) {
		tb.Fatalf("summary %q is not one capitalised sentence", sum)
	}
	if strings.HasPrefix(sum, "No factor stands out") {
		return
	}
	reasons := map[string]score.Factor{}
	for _, f := range s.Factors {
		if f.Reason == "" {
			tb.Fatalf("factor %s without a reason", f.Name)
		}
		reasons[strings.ToLower(f.Reason[:1])+f.Reason[1:]] = f
	}
	last := 101.0
	for i, c := range strings.Split(strings.TrimSuffix(sum, "."), "; ") {
		if strings.TrimSpace(c) == "" {
			tb.Fatalf("empty clause in %q", sum)
		}
		if i > 0 && unicode.IsUpper(rune(c[0])) && !hasReason(s.Factors, c) {
			tb.Fatalf("clause %q of %q capitalised mid-sentence", c, sum)
		}
		f, ok := reasons[strings.ToLower(c[:1])+c[1:]]
		if !ok {
			tb.Fatalf("clause %q of %q is no factor's reason %+v", c, sum, s.Factors)
		}
		if f.Score == 0 || f.Points > last {
			tb.Fatalf("clause %q (score %v, points %v) out of place in %q", c, f.Score, f.Points, sum)
		}
		last = f.Points
	}
}

func hasReason(fs []score.Factor, reason string) bool {
	for _, f := range fs {
		if f.Reason == reason {
			return true
		}
	}
	return false
}

func TestReasons_Wording(t *testing.T) {
	tests := []struct {
		name   string
		f      score.Format
		change func(a, b *score.Profile)
		factor string
		want   string
	}{
		{"more wanted skills", score.FormatMentoring, func(a, b *score.Profile) {
			a.Wants = append(a.Wants, score.SkillLevel{"Go", 1}, score.SkillLevel{"SQL", 1})
			b.Offers = append(b.Offers, score.SkillLevel{"Go", 2}, score.SkillLevel{"SQL", 2})
		}, score.FactorSkill, "Ben offers Kubernetes (4/5) that Ana wants (now 2/5), plus 2 more skills Ana wants"},
		{"one more wanted skill", score.FormatMentoring, func(a, b *score.Profile) {
			a.Wants = append(a.Wants, score.SkillLevel{"Go", 1})
			b.Offers = append(b.Offers, score.SkillLevel{"Go", 5})
		}, score.FactorSkill, "Ben offers Go (5/5) that Ana wants (now 1/5), plus 1 more skill Ana wants"},
		{"no wanted skill offered", score.FormatMentoring, func(a, b *score.Profile) { b.Offers = nil },
			score.FactorSkill, "Ben offers none of the skills Ana wants at Ana's level or above"},
		{"mentee wants nothing", score.FormatMentoring, func(a, b *score.Profile) { a.Wants = nil },
			score.FactorSkill, "Ana lists no skills to learn"},
		{"peer both directions", score.FormatPeer, func(a, b *score.Profile) {
			b.Seniority = a.Seniority
			a.Offers = []score.SkillLevel{{"SQL", 5}}
			b.Wants = []score.SkillLevel{{"SQL", 1}}
		}, score.FactorSkill, "Ana offers SQL (5/5) that Ben wants, and Ben offers Kubernetes (4/5) that Ana wants"},
		{"peer neither direction", score.FormatPeer, func(a, b *score.Profile) {
			b.Seniority = a.Seniority
			a.Wants = nil
		}, score.FactorSkill, "neither offers a skill the other wants"},
		{"flash expert at the same level", score.FormatFlash, func(a, b *score.Profile) { b.Seniority = a.Seniority },
			score.FactorExperience, "Ben and Ana are both at level 3"},
		{"flash expert below", score.FormatFlash, func(a, b *score.Profile) { b.Seniority = 2 },
			score.FactorExperience, "Ben (level 2) is 1 level below Ana (level 3)"},
		{"similar profiles", score.FormatMentoring, func(a, b *score.Profile) {
			b.Department, b.Location, b.Generation, b.Background = a.Department, a.Location, a.Generation, a.Background
		}, score.FactorDiversity, "similar profiles: same home department, location, generation and background"},
		{"backgrounds unknown", score.FormatMentoring, func(a, b *score.Profile) {
			a.Department, a.Location, a.Generation, a.Background = "", "", "", nil
		}, score.FactorDiversity, "backgrounds not recorded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := basePair()
			tt.change(&a, &b)
			s := mustScore(t, &a, &b, tt.f, score.DefaultWeights(tt.f), score.DefaultRules(tt.f))
			if got := factorOf(t, s, tt.factor).Reason; got != tt.want {
				t.Errorf("%s reason:\n got  %q\n want %q", tt.factor, got, tt.want)
			}
			checkSummary(t, s)
		})
	}
}

func TestSummary_NothingStandsOut(t *testing.T) {
	a, b := basePair()
	b.Offers = nil
	s := mustScore(t, &a, &b, score.FormatMentoring, score.Weights{Skill: 1}, score.DefaultRules(score.FormatMentoring))
	if want := "No factor stands out; score 0 of 100."; s.Summary != want {
		t.Errorf("Summary = %q, want %q", s.Summary, want)
	}
}
