package score

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// explainer turns what eval saw into a breakdown and words. Wording is
// fixed: the same pair always gets the same sentences.
type explainer struct {
	s        *scorer
	a, b     *Profile
	ca, cb   *prof
	d        *detail
	positive [numFactors]bool // the factor speaks for the pair
}

// factors returns the breakdown (factors of positive weight, fixed order)
// and records which factors speak for the pair.
func (x *explainer) factors() []Factor {
	weights := vec{x.s.w.Skill, x.s.w.Experience, x.s.w.Diversity,
		x.s.w.Availability, x.s.w.Language, x.s.w.Preference}
	names := [numFactors]string{FactorSkill, FactorExperience, FactorDiversity,
		FactorAvailability, FactorLanguage, FactorPreference}
	reasons := [numFactors]func() (string, bool){
		x.skillReason, x.experienceReason, x.diversityReason,
		x.availabilityReason, x.languageReason, x.preferenceReason,
	}
	var out []Factor
	for i := range numFactors {
		if x.s.wn[i] == 0 {
			continue
		}
		reason, pos := reasons[i]()
		x.positive[i] = pos
		out = append(out, Factor{Name: names[i], Score: x.d.v[i], Weight: weights[i],
			Points: x.s.wn[i] * x.d.v[i], Reason: reason})
	}
	return out
}

// summary joins the reasons of the factors that speak for the pair,
// largest Points first (ties in breakdown order), into one sentence.
func summary(fs []Factor, positive [numFactors]bool) string {
	var picked []Factor
	for _, f := range fs {
		if positive[factorIndex(f.Name)] {
			picked = append(picked, f)
		}
	}
	if len(picked) == 0 {
		total := 0.0
		for _, f := range fs {
			total += f.Points
		}
		return "No factor stands out; score " + strconv.FormatFloat(total, 'f', 0, 64) + " of 100."
	}
	slices.SortStableFunc(picked, func(p, q Factor) int {
		switch {
		case p.Points > q.Points:
			return -1
		case p.Points < q.Points:
			return 1
		}
		return 0
	})
	clauses := make([]string, len(picked))
	for i, f := range picked {
		clauses[i] = f.Reason
	}
	return capitalize(strings.Join(clauses, "; ")) + "."
}

func factorIndex(name string) int {
	switch name {
	case FactorSkill:
		return fSkill
	case FactorExperience:
		return fExperience
	case FactorDiversity:
		return fDiversity
	case FactorAvailability:
		return fAvailability
	case FactorLanguage:
		return fLanguage
	}
	return fPreference
}

// skillMatches lists the fitting teaching directions (see Scored.Skills).
func (x *explainer) skillMatches() []SkillMatch {
	var out []SkillMatch
	if x.s.dir {
		if x.d.ba.count > 0 {
			out = append(out, x.match(x.b, x.a, x.ca, x.d.ba))
		}
		return out
	}
	if x.d.ab.count > 0 {
		out = append(out, x.match(x.a, x.b, x.cb, x.d.ab))
	}
	if x.d.ba.count > 0 {
		out = append(out, x.match(x.b, x.a, x.ca, x.d.ba))
	}
	return out
}

// match describes teacher t's best fit for learner l (compiled as cl).
func (x *explainer) match(t, l *Profile, cl *prof, d teaching) SkillMatch {
	w := cl.wants()[d.want]
	return SkillMatch{FromID: t.ID, ToID: l.ID, Skill: strings.TrimSpace(l.Wants[w.src].Skill),
		Level: int(d.offer), ToLevel: int(w.lvl), More: int(d.count - 1)}
}

func levelOf(l int) string { return strconv.Itoa(l) + "/5" }

// offerPhrase: "Ana offers Go (4/5) that Ben wants (now 2/5), plus 1 more skill Ben wants".
func (x *explainer) offerPhrase(m SkillMatch, t, l *Profile) string {
	s := displayName(t) + " offers " + m.Skill + " (" + levelOf(m.Level) + ") that " +
		displayName(l) + " wants (now " + levelOf(m.ToLevel) + ")"
	if m.More > 0 {
		s += ", plus " + count(m.More, "more skill", "more skills") + " " + displayName(l) + " wants"
	}
	return s
}

func (x *explainer) skillReason() (string, bool) {
	an, bn := displayName(x.a), displayName(x.b)
	ms := x.skillMatches()
	switch {
	case x.s.dir:
		if len(ms) == 1 {
			return x.offerPhrase(ms[0], x.b, x.a), true
		}
		if len(x.ca.wants()) == 0 {
			return an + " lists no skills to learn", false
		}
		return bn + " offers none of the skills " + an + " wants at " + an + "'s level or above", false
	case x.s.swap:
		ab, ba := ms[0], ms[1]
		return an + " teaches " + bn + " " + ab.Skill + " (" + levelOf(ab.Level) + ") and " +
			bn + " teaches " + an + " " + ba.Skill + " (" + levelOf(ba.Level) + ")", true
	}
	switch len(ms) {
	case 2:
		return an + " offers " + ms[0].Skill + " (" + levelOf(ms[0].Level) + ") that " + bn +
			" wants, and " + bn + " offers " + ms[1].Skill + " (" + levelOf(ms[1].Level) + ") that " +
			an + " wants", true
	case 1:
		if ms[0].FromID == x.a.ID {
			return x.offerPhrase(ms[0], x.a, x.b), true
		}
		return x.offerPhrase(ms[0], x.b, x.a), true
	}
	return "neither offers a skill the other wants", false
}

func levelWords(n int32) string {
	return count(int(n), "level", "levels")
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (x *explainer) experienceReason() (string, bool) {
	an, bn := displayName(x.a), displayName(x.b)
	la, lb := "level "+strconv.Itoa(x.a.Seniority), "level "+strconv.Itoa(x.b.Seniority)
	v := x.d.v[fExperience]
	pos := v >= 0.6
	if !x.s.dir {
		what := "similar work experience"
		if !pos {
			what = "different work experience"
		}
		return what + " (levels " + strconv.Itoa(x.a.Seniority) + " and " + strconv.Itoa(x.b.Seniority) +
			", " + strconv.Itoa(x.a.YearsExperience) + " and " + strconv.Itoa(x.b.YearsExperience) +
			" years)", pos
	}
	g := x.d.gap
	if x.s.reverse {
		switch {
		case g > 0:
			return "reverse mentoring: " + bn + " (" + lb + ") mentors " + an + ", " + levelWords(g) +
				" more senior (" + la + ")", pos
		case g == 0:
			return bn + " mentors " + an + " at the same seniority (" + la + ")", pos
		}
		return bn + " (" + lb + ") is " + levelWords(-g) + " senior to " + an + " (" + la +
			"), not junior", pos
	}
	switch {
	case g > 0:
		return bn + " (" + lb + ") is " + levelWords(g) + " above " + an + " (" + la + ")", pos
	case g == 0:
		return bn + " and " + an + " are both at " + la, pos
	}
	return bn + " (" + lb + ") is " + levelWords(-g) + " below " + an + " (" + la + ")", pos
}

func (x *explainer) diversityReason() (string, bool) {
	var diff, same []string
	add := func(v float64, name string) {
		switch v {
		case 1:
			diff = append(diff, name+"s")
		case 0:
			same = append(same, name)
		}
	}
	add(x.d.dept, "home department")
	add(x.d.loc, "location")
	add(x.d.gen, "generation")
	if x.ca.hasTags && x.cb.hasTags {
		if x.d.tags >= 0.5 {
			diff = append(diff, "backgrounds")
		} else {
			same = append(same, "background")
		}
	}
	if len(diff) > 0 {
		s := "different " + joinAnd(diff)
		if !x.s.dir {
			s = "distinctive profiles: " + s
		}
		return s, true
	}
	if len(same) > 0 {
		return "similar profiles: same " + joinAnd(same), false
	}
	return "backgrounds not recorded", false
}

func (x *explainer) availabilityReason() (string, bool) {
	h := x.d.overlap
	pos := x.d.v[fAvailability] >= 0.5
	if x.ca.avDefault && x.cb.avDefault {
		daily := dailyOverlap(x.ca.tzHour, x.cb.tzHour)
		return strconv.Itoa(daily) + " h working-hours overlap (" + strconv.Itoa(h) + " h a week)", pos
	}
	return strconv.Itoa(h) + " h a week of shared availability", pos
}

// dailyOverlap is the overlap of two 8-hour local working days whose time
// zones are offA and offB whole hours east of UTC.
func dailyOverlap(offA, offB int32) int {
	d := (offA - offB) % 24
	if d < 0 {
		d += 24
	}
	if 24-d < d {
		d = 24 - d
	}
	if d >= 8 {
		return 0
	}
	return int(8 - d)
}

func (x *explainer) languageReason() (string, bool) {
	if !x.ca.hasLang || !x.cb.hasLang {
		var who []string
		if !x.ca.hasLang {
			who = append(who, displayName(x.a))
		}
		if !x.cb.hasLang {
			who = append(who, displayName(x.b))
		}
		return "languages not recorded for " + joinAnd(who), false
	}
	return "both speak " + joinAnd(sharedNames(x.a.Languages, x.b.Languages)), true
}

// sharedNames lists the values of a that b also has (folded comparison),
// in a's order, without repeats.
func sharedNames(a, b []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range a {
		k := fold(v)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		for _, w := range b {
			if fold(w) == k {
				out = append(out, strings.TrimSpace(v))
				break
			}
		}
	}
	return out
}

func (x *explainer) preferenceReason() (string, bool) {
	an, bn := displayName(x.a), displayName(x.b)
	switch {
	case x.d.aPicksB && x.d.bPicksA:
		return an + " and " + bn + " picked each other", true
	case x.d.aPicksB:
		return an + " picked " + bn, true
	case x.d.bPicksA:
		return bn + " picked " + an, true
	}
	return "neither picked the other", false
}

// removedReason says in words why constraint c removed the pair.
func removedReason(s *scorer, a, b *Profile, ca, cb *prof, c Constraint) string {
	an, bn := displayName(a), displayName(b)
	switch c {
	case ConstraintManager:
		if ca.manager == 1 {
			return bn + " is " + an + "'s manager"
		}
		return an + " is " + bn + "'s manager"
	case ConstraintBlocked:
		if has(ca.blocked(), 1) {
			return an + " blocked " + bn
		}
		return bn + " blocked " + an
	case ConstraintPastPartner:
		return an + " and " + bn + " were partners before (the program never repeats a pair)"
	case ConstraintCrossFunctional:
		return "same department, " + strings.TrimSpace(a.Department) + " (cross-functional program)"
	case ConstraintLanguage:
		return "no shared language (" + an + ": " + joinAnd(a.Languages) + "; " + bn + ": " +
			joinAnd(b.Languages) + ")"
	case ConstraintSeniority:
		levels := "; " + an + " is level " + strconv.Itoa(a.Seniority) + ", " + bn + " is level " +
			strconv.Itoa(b.Seniority)
		rng := strconv.Itoa(s.r.MinSeniorityGap) + " to " + strconv.Itoa(s.r.MaxSeniorityGap)
		switch {
		case s.reverse:
			return "the mentor must be " + rng + " levels junior to the mentee" + levels
		case s.dir:
			return "the mentor must be " + rng + " levels above the mentee" + levels
		}
		return "seniority more than " + levelWords(int32(s.r.MaxSeniorityGap)) + " apart" + levels
	case ConstraintAvailability:
		return "only " + strconv.Itoa(ca.av.Overlap(cb.av)) + " h a week of shared availability; the program needs " +
			strconv.Itoa(s.r.MinOverlapHours)
	case ConstraintReciprocity:
		t, l := an, bn
		if teachingFit(cb, ca).count == 0 {
			t, l = bn, an
		}
		return "a skill swap needs both directions, but " + t + " offers none of the skills " + l + " wants"
	}
	return string(c)
}

// joinAnd joins "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return "none"
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
