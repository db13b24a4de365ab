package demo

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// fit is the demo's own explanation of why people were matched: a score of
// 0..100 and the factor lines a person can read. It mimics the engine's
// factors (skill, experience, diversity, availability, language) without
// depending on it, so that the demo data stays stable while the engine evolves.
type fit struct {
	total   float64
	factors []mentor.MatchFactor
	summary string
}

// firstName is the given name(s) of person i: every word but the last.
func (g *gen) firstName(i int) string {
	n := g.org.People[i].Person.Name
	if k := strings.LastIndex(n, " "); k > 0 {
		return n[:k]
	}
	return n
}

func (g *gen) person(i int) *mentor.Person { return &g.org.People[i].Person }

// sharedLanguages lists the languages all of the people speak.
func (g *gen) sharedLanguages(ps ...int) []string {
	var out []string
	for _, l := range g.person(ps[0]).Languages {
		ok := true
		for _, q := range ps[1:] {
			ok = ok && slices.Contains(g.person(q).Languages, l)
		}
		if ok {
			out = append(out, l)
		}
	}
	return out
}

// skillFactor scores teacher offering skill to learner.
func (g *gen) skillFactor(learner, teacher int, skill string) (float64, string) {
	lv, ok := g.info[teacher].offers[skill]
	if !ok {
		return 0.2, fmt.Sprintf("%s wants %s, which %s does not list", g.firstName(learner), skill, g.firstName(teacher))
	}
	cur := g.learnerLevel(learner, skill)
	s := math.Min(1, math.Max(0.2, float64(lv-cur)/3))
	return s, fmt.Sprintf("%s offers %s (%d/5) that %s wants", g.firstName(teacher), skill, lv, g.firstName(learner))
}

// learnerLevel is the person's current level in a skill they want to learn.
func (g *gen) learnerLevel(p int, skill string) int {
	if lv, ok := g.info[p].wants[skill]; ok {
		return lv
	}
	if lv, ok := g.info[p].offers[skill]; ok {
		return lv
	}
	return 1
}

func (g *gen) diversityFactor(a, b int) (float64, string) {
	pa, pb := g.person(a), g.person(b)
	var diff []string
	if pa.Department != pb.Department {
		diff = append(diff, fmt.Sprintf("different departments (%s, %s)", pa.Department, pb.Department))
	}
	if pa.Location != pb.Location {
		diff = append(diff, "different offices")
	}
	if g.info[a].gen != g.info[b].gen {
		diff = append(diff, "different generations")
	}
	if len(diff) == 0 {
		return 0.1, "same department, office and generation"
	}
	return float64(len(diff)) / 3, strings.Join(diff, ", ")
}

func (g *gen) availabilityFactor(a, b int) (float64, string) {
	h := float64(overlapMinutes(g.info[a].week, g.info[b].week)) / 60
	return math.Min(1, h/6), fmt.Sprintf("%.0f h of shared weekly availability", h)
}

func (g *gen) languageFactor(a, b int) (float64, string) {
	ls := g.sharedLanguages(a, b)
	if len(ls) == 0 {
		return 0, "no shared language"
	}
	return 1, "both speak " + ls[0]
}

// experienceFactor scores the seniority relation the format expects.
func (g *gen) experienceFactor(f mentor.Format, learner, teacher int) (float64, string) {
	sl, st := g.person(learner).Seniority, g.person(teacher).Seniority
	switch f {
	case mentor.FormatReverse:
		gap := sl - st
		return math.Max(0, 1-0.15*float64(abs(gap-4))), fmt.Sprintf("%s brings a fresh view from %d levels below", g.firstName(teacher), gap)
	case mentor.FormatMentoring, mentor.FormatShadow, mentor.FormatFlash, mentor.FormatAdvisoryBoard:
		gap := st - sl
		return math.Max(0, 1-0.25*float64(abs(gap-2))), fmt.Sprintf("%s is %d levels more senior", g.firstName(teacher), gap)
	}
	d := abs(sl - st)
	if d == 0 {
		return 1, "same seniority: shares your work experience"
	}
	return math.Max(0, 1-0.3*float64(d)), fmt.Sprintf("similar seniority (levels %d and %d)", sl, st)
}

// formatWeights are the factor weights the demo programs use.
func formatWeights(f mentor.Format) map[string]float64 {
	w := map[string]float64{"skill": 3, "experience": 2, "diversity": 1, "availability": 2, "language": 1}
	switch f {
	case mentor.FormatSkillSwap:
		w["skill"] = 4
	case mentor.FormatRotation:
		w["skill"], w["diversity"] = 1, 3
	case mentor.FormatPeer, mentor.FormatCircles:
		w["diversity"] = 2
	}
	return w
}

// pairFit scores learner with teacher on skill (for one-pool formats both
// are peers; skill may be "" when skills do not matter, as in rotation).
func (g *gen) pairFit(f mentor.Format, learner, teacher int, skill string) fit {
	w := formatWeights(f)
	var fs []mentor.MatchFactor
	add := func(name string, s float64, reason string) {
		fs = append(fs, mentor.MatchFactor{Name: name, Score: math.Round(s*100) / 100, Weight: w[name], Reason: reason})
	}
	if skill != "" {
		s, why := g.skillFactor(learner, teacher, skill)
		add("skill", s, why)
	}
	s, why := g.experienceFactor(f, learner, teacher)
	add("experience", s, why)
	s, why = g.diversityFactor(learner, teacher)
	add("diversity", s, why)
	s, why = g.availabilityFactor(learner, teacher)
	add("availability", s, why)
	s, why = g.languageFactor(learner, teacher)
	add("language", s, why)
	return finishFit(fs)
}

// swapFit scores a skill swap: a teaches b skill x, b teaches a skill y; the
// weaker direction counts.
func (g *gen) swapFit(a, b int, x, y string) fit {
	sx, _ := g.skillFactor(b, a, x)
	sy, _ := g.skillFactor(a, b, y)
	ft := g.pairFit(mentor.FormatSkillSwap, a, b, "")
	reason := fmt.Sprintf("%s teaches %s %s (%d/5); %s teaches %s %s (%d/5)", g.firstName(a), g.firstName(b), x,
		g.info[a].offers[x], g.firstName(b), g.firstName(a), y, g.info[b].offers[y])
	fs := append([]mentor.MatchFactor{{Name: "skill", Score: math.Round(math.Min(sx, sy)*100) / 100, Weight: formatWeights(mentor.FormatSkillSwap)["skill"], Reason: reason}}, ft.factors...)
	out := finishFit(fs)
	if !strings.Contains(out.summary, reason) {
		out.summary = reason + "; " + out.summary
	}
	return out
}

// groupFit explains a circle: how mixed it is and how well its members' hours overlap.
func (g *gen) groupFit(f mentor.Format, members []int, focus string) fit {
	w := formatWeights(f)
	depts := map[string]bool{}
	zones := map[string]bool{}
	minSen, maxSen := 9, 0
	for _, m := range members {
		depts[g.person(m).Department] = true
		zones[g.person(m).TimeZone] = true
		minSen, maxSen = min(minSen, g.person(m).Seniority), max(maxSen, g.person(m).Seniority)
	}
	var avail float64
	n := 0
	for i := range members {
		for j := i + 1; j < len(members); j++ {
			s, _ := g.availabilityFactor(members[i], members[j])
			avail += s
			n++
		}
	}
	avail /= float64(max(1, n))
	fs := []mentor.MatchFactor{
		{Name: "skill", Score: 0.8, Weight: w["skill"], Reason: "shared focus on " + focus},
		{Name: "experience", Score: math.Max(0, 1-0.2*float64(maxSen-minSen)), Weight: w["experience"], Reason: fmt.Sprintf("seniority levels %d to %d", minSen, maxSen)},
		{Name: "diversity", Score: math.Min(1, float64(len(depts))/float64(len(members))), Weight: w["diversity"], Reason: fmt.Sprintf("%d members from %d departments", len(members), len(depts))},
		{Name: "availability", Score: math.Round(avail*100) / 100, Weight: w["availability"], Reason: fmt.Sprintf("%d time zones", len(zones))},
	}
	if ls := g.sharedLanguages(members...); len(ls) > 0 {
		fs = append(fs, mentor.MatchFactor{Name: "language", Score: 1, Weight: w["language"], Reason: "everyone speaks " + ls[0]})
	} else {
		fs = append(fs, mentor.MatchFactor{Name: "language", Score: 0, Weight: w["language"], Reason: "no language everyone speaks"})
	}
	return finishFit(fs)
}

func finishFit(fs []mentor.MatchFactor) fit {
	var sum, wsum float64
	for _, f := range fs {
		sum += f.Weight * f.Score
		wsum += f.Weight
	}
	out := fit{factors: fs}
	if wsum > 0 {
		out.total = math.Round(1000*sum/wsum) / 10
	}
	order := slices.Clone(fs)
	slices.SortStableFunc(order, func(a, b mentor.MatchFactor) int {
		x, y := a.Weight*a.Score, b.Weight*b.Score
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
	var parts []string
	for _, f := range order[:min(3, len(order))] {
		if f.Score > 0.3 {
			parts = append(parts, f.Reason)
		}
	}
	out.summary = strings.Join(parts, "; ")
	if out.summary == "" && len(fs) > 0 {
		out.summary = fs[0].Reason
	}
	return out
}
