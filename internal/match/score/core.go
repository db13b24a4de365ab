package score

import "math"

// Factor indexes, in the fixed order of every breakdown.
const (
	fSkill = iota
	fExperience
	fDiversity
	fAvailability
	fLanguage
	fPreference
	numFactors
)

// vec holds one value per factor, each in 0..1.
type vec [numFactors]float64

// scorer is a format, its weights and rules prepared for scoring.
type scorer struct {
	f       Format
	dir     bool // directional: a learns from b
	reverse bool // FormatReverse: the gap is a.sen - b.sen
	swap    bool // FormatSkillSwap: both directions must fit
	r       Rules
	w       Weights
	wn      vec // points per unit factor value: 100 * w / sum(w)
	good    float64
	ideal   int32 // directional: gap where the experience factor peaks
}

func newScorer(f Format, w Weights, r Rules) *scorer {
	s := &scorer{f: f, dir: f.Directional(), reverse: f == FormatReverse,
		swap: f == FormatSkillSwap, r: r, w: w, good: float64(r.goodOverlap())}
	raw := vec{w.Skill, w.Experience, w.Diversity, w.Availability, w.Language, w.Preference}
	sum := 0.0
	for i, x := range raw {
		if !(x > 0) { // negative and NaN weights count as 0
			raw[i] = 0
		}
		sum += raw[i]
	}
	if sum > 0 {
		for i := range raw {
			s.wn[i] = 100 * raw[i] / sum
		}
	}
	ideal := r.MinSeniorityGap + 1
	if ideal > r.MaxSeniorityGap {
		ideal = r.MaxSeniorityGap
	}
	if ideal < r.MinSeniorityGap {
		ideal = r.MinSeniorityGap
	}
	s.ideal = int32(ideal)
	return s
}

// combine turns factor values into a total. Every score and every upper
// bound goes through it, so a bound built from larger factor values is never
// below a score (float addition and multiplication by w >= 0 are monotone).
func (s *scorer) combine(v *vec) float64 {
	t := 0.0
	for i := range v {
		t += s.wn[i] * v[i]
	}
	return t
}

// pairFitTable is the fit of one offered skill for one wanted skill by the
// level gap offer - want: 0 (same level) .. 3 or more.
var pairFitTable = [4]float64{0.4, 0.6, 0.8, 1.0}

// pairFit is the fit of an offered level for a learner at level want: 0
// when the teacher is below the learner, rising with the gap.
func pairFit(offer, want int8) float64 {
	g := offer - want
	if g < 0 {
		return 0
	}
	if g > 3 {
		g = 3
	}
	return pairFitTable[g]
}

// teachingValue is a direction's skill fit: the best single fit plus 0.1 for
// every further wanted skill the teacher covers, at most 1.
func teachingValue(best float64, count int32) float64 {
	if count == 0 {
		return 0
	}
	v := best + 0.1*float64(count-1)
	if v > 1 {
		v = 1
	}
	return v
}

// teaching is the fit of teacher t for learner l.
type teaching struct {
	fit   float64
	want  int32 // index in l.wants() of the best-fitting skill, -1 when none
	offer int8  // t's level in that skill
	count int32 // number of l's wants that t covers
}

// teachingFit scores teacher t for learner l. Ties between skills go to the
// earlier one in l's Wants.
func teachingFit(t, l *prof) teaching {
	d := teaching{want: -1}
	best := 0.0
	lw, to := l.wants(), t.offers()
	for i := range lw {
		w := &lw[i]
		for j := range to {
			o := &to[j]
			if o.id != w.id {
				continue
			}
			if pf := pairFit(o.lvl, w.lvl); pf > 0 {
				d.count++
				if pf > best {
					best, d.want, d.offer = pf, int32(i), o.lvl
				}
			}
			break
		}
	}
	d.fit = teachingValue(best, d.count)
	return d
}

// gapScore is the directional experience factor: 1 at the ideal gap, 0.2
// less per level away, at least 0.
func gapScore(gap, ideal int32) float64 {
	d := gap - ideal
	if d < 0 {
		d = -d
	}
	v := 1 - 0.2*float64(d)
	if v < 0 {
		return 0
	}
	return v
}

// similarity is the one-pool experience factor from the seniority and
// years differences (both >= 0).
func similarity(dSen, dYears int32) float64 {
	v := 1 - 0.25*float64(dSen) - 0.04*float64(dYears)
	if v < 0 {
		return 0
	}
	return v
}

// diff is 1 for two different known values, 0 for equal ones and 0.5 when
// either is unknown.
func diff(x, y int32) float64 {
	if x < 0 || y < 0 {
		return 0.5
	}
	if x == y {
		return 0
	}
	return 1
}

// tagDistance is the Jaccard distance of two tag sets, 0.5 when either is
// empty.
func tagDistance(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0.5
	}
	c := common(a, b)
	return 1 - float64(c)/float64(len(a)+len(b)-c)
}

// diversity combines the diversity components (each 0..1).
func diversity(tags, dept, loc, gen float64) float64 {
	return 0.4*tags + 0.3*dept + 0.15*loc + 0.15*gen
}

// availValue is the availability factor for h shared hours a week.
func (s *scorer) availValue(h int) float64 {
	v := float64(h) / s.good
	if v > 1 {
		return 1
	}
	return v
}

// prefValue is the preference factor for the number of picks (0..2)
// between two people.
func prefValue(picks int) float64 {
	switch picks {
	case 0:
		return 0
	case 1:
		return 0.6
	}
	return 1
}

// langShared reports whether a and b share a language.
func langShared(a, b *prof) bool {
	if a.langExact && b.langExact {
		return a.langMask&b.langMask != 0
	}
	return intersects(a.langs(), b.langs())
}

// detail records what eval saw, for explanations.
type detail struct {
	v              vec
	ab, ba         teaching // a teaches b; b teaches a
	gap            int32    // directional: leader's seniority advantage
	dSen, dYears   int32
	tags           float64
	dept, loc, gen float64
	overlap        int
	aPicksB        bool
	bPicksA        bool
}

// below is eval's answer when the pair cannot reach the cut-off (never
// returned by Score).
const below Constraint = "below_cut"

// eval scores the pair (a, b) whose person indexes are ai and bi; in
// directional formats a is the mentee and b the mentor. It returns the
// total, or the first hard constraint that removes the pair. d, when not
// nil, receives the details.
func (s *scorer) eval(a, b *prof, ai, bi int32, d *detail) (float64, Constraint) {
	return s.evalCut(a, b, ai, bi, 1, math.Inf(-1), d)
}

// evalCut is eval for the candidate search: when the total cannot reach
// cut, given that the skill factor is at most skillUB, it stops before the
// costly skill and tag comparisons and returns below. A total it does
// return is bit-identical to eval's.
//
// It is long because the hard constraints are checked in the documented
// order, each with its early return, before the factors are computed; the
// order is part of the contract.
func (s *scorer) evalCut(a, b *prof, ai, bi int32, skillUB, cut float64, d *detail) (float64, Constraint) {
	if ai == bi {
		return 0, ConstraintSelf
	}
	if a.manager == bi || b.manager == ai {
		return 0, ConstraintManager
	}
	if (a.nBlocked > 0 && has(a.blocked(), bi)) || (b.nBlocked > 0 && has(b.blocked(), ai)) {
		return 0, ConstraintBlocked
	}
	if s.r.ExcludePastPartners &&
		((a.nPast > 0 && has(a.past(), bi)) || (b.nPast > 0 && has(b.past(), ai))) {
		return 0, ConstraintPastPartner
	}
	if s.r.CrossFunctional && a.dept >= 0 && a.dept == b.dept {
		return 0, ConstraintCrossFunctional
	}
	var v vec
	if a.hasLang && b.hasLang {
		if !langShared(a, b) {
			return 0, ConstraintLanguage
		}
		v[fLanguage] = 1
	} else {
		v[fLanguage] = 0.5
	}

	dSen := a.sen - b.sen
	if dSen < 0 {
		dSen = -dSen
	}
	var gap int32
	if s.dir {
		gap = b.sen - a.sen
		if s.reverse {
			gap = -gap
		}
		if s.r.EnforceSeniorityGap && (gap < int32(s.r.MinSeniorityGap) || gap > int32(s.r.MaxSeniorityGap)) {
			return 0, ConstraintSeniority
		}
	} else if s.r.EnforceSeniorityGap && dSen > int32(s.r.MaxSeniorityGap) {
		return 0, ConstraintSeniority
	}

	h := a.av.Overlap(b.av)
	if h < s.r.MinOverlapHours {
		return 0, ConstraintAvailability
	}
	v[fAvailability] = s.availValue(h)

	dYears := a.years - b.years
	if dYears < 0 {
		dYears = -dYears
	}
	if s.dir {
		v[fExperience] = gapScore(gap, s.ideal)
	} else {
		v[fExperience] = similarity(dSen, dYears)
	}

	aPicks := a.nPick > 0 && has(a.picks(), bi)
	bPicks := b.nPick > 0 && has(b.picks(), ai)
	n := 0
	if aPicks {
		n++
	}
	if bPicks {
		n++
	}
	v[fPreference] = prefValue(n)

	dept, loc, gen := diff(a.dept, b.dept), diff(a.loc, b.loc), diff(a.gen, b.gen)
	if cut > math.Inf(-1) {
		tagsUB := 0.5
		if a.hasTags && b.hasTags {
			tagsUB = 1
		}
		ub := v
		ub[fSkill] = skillUB
		ub[fDiversity] = diversity(tagsUB, dept, loc, gen)
		if s.combine(&ub)+1e-9 < cut {
			return 0, below
		}
	}
	tags := tagDistance(a.tags(), b.tags())
	v[fDiversity] = diversity(tags, dept, loc, gen)

	var ab, ba teaching
	if s.dir {
		ba = teachingFit(b, a)
		v[fSkill] = ba.fit
	} else {
		ab, ba = teachingFit(a, b), teachingFit(b, a)
		if s.swap {
			if ab.count == 0 || ba.count == 0 {
				return 0, ConstraintReciprocity
			}
			v[fSkill] = min(ab.fit, ba.fit)
		} else {
			v[fSkill] = max(ab.fit, ba.fit)
		}
	}

	if d != nil {
		*d = detail{v: v, ab: ab, ba: ba, gap: gap, dSen: dSen, dYears: dYears,
			tags: tags, dept: dept, loc: loc, gen: gen, overlap: h, aPicksB: aPicks, bPicksA: bPicks}
	}
	return s.combine(&v), ConstraintNone
}
