package match

import "math"

// Factor indexes, in the fixed order of every breakdown.
const (
	scFSkill = iota
	scFExperience
	scFDiversity
	scFAvailability
	scFLanguage
	scFPreference
	scNumFactors
)

// scVec holds one value per factor, each in 0..1.
type scVec [scNumFactors]float64

// scScorer is a format, its weights and rules prepared for scoring.
type scScorer struct {
	f       Format
	dir     bool // directional: a learns from b
	reverse bool // FormatReverse: the gap is a.sen - b.sen
	swap    bool // FormatSkillSwap: both directions must fit
	r       Rules
	w       Weights
	wn      scVec // points per unit factor value: 100 * w / sum(w)
	good    float64
	ideal   int32 // directional: gap where the experience factor peaks
}

func newScScorer(f Format, w Weights, r Rules) *scScorer {
	s := &scScorer{f: f, dir: f.Directional(), reverse: f == FormatReverse,
		swap: f == FormatSkillSwap, r: r, w: w, good: float64(r.scGoodOverlap())}
	raw := scVec{w.Skill, w.Experience, w.Diversity, w.Availability, w.Language, w.Preference}
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
func (s *scScorer) combine(v *scVec) float64 {
	t := 0.0
	for i := range v {
		t += s.wn[i] * v[i]
	}
	return t
}

// scPairFitTable is the fit of one offered skill for one wanted skill by the
// level gap offer - want: 0 (same level) .. 3 or more.
var scPairFitTable = [4]float64{0.4, 0.6, 0.8, 1.0}

// scPairFit is the fit of an offered level for a learner at level want: 0
// when the teacher is below the learner, rising with the gap.
func scPairFit(offer, want int8) float64 {
	g := offer - want
	if g < 0 {
		return 0
	}
	if g > 3 {
		g = 3
	}
	return scPairFitTable[g]
}

// scDirValue is a direction's skill fit: the best single fit plus 0.1 for
// every further wanted skill the teacher covers, at most 1.
func scDirValue(best float64, count int32) float64 {
	if count == 0 {
		return 0
	}
	v := best + 0.1*float64(count-1)
	if v > 1 {
		v = 1
	}
	return v
}

// scDir is the fit of teacher t for learner l.
type scDir struct {
	fit   float64
	want  int32 // index in l.wants() of the best-fitting skill, -1 when none
	offer int8  // t's level in that skill
	count int32 // number of l's wants that t covers
}

// scDirFit scores teacher t for learner l. Ties between skills go to the
// earlier one in l's Wants.
func scDirFit(t, l *scProf) scDir {
	d := scDir{want: -1}
	best := 0.0
	lw, to := l.wants(), t.offers()
	for i := range lw {
		w := &lw[i]
		for j := range to {
			o := &to[j]
			if o.id != w.id {
				continue
			}
			if pf := scPairFit(o.lvl, w.lvl); pf > 0 {
				d.count++
				if pf > best {
					best, d.want, d.offer = pf, int32(i), o.lvl
				}
			}
			break
		}
	}
	d.fit = scDirValue(best, d.count)
	return d
}

// scGapScore is the directional experience factor: 1 at the ideal gap, 0.2
// less per level away, at least 0.
func scGapScore(gap, ideal int32) float64 {
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

// scSimilarity is the one-pool experience factor from the seniority and
// years differences (both >= 0).
func scSimilarity(dSen, dYears int32) float64 {
	v := 1 - 0.25*float64(dSen) - 0.04*float64(dYears)
	if v < 0 {
		return 0
	}
	return v
}

// scDiff is 1 for two different known values, 0 for equal ones and 0.5 when
// either is unknown.
func scDiff(x, y int32) float64 {
	if x < 0 || y < 0 {
		return 0.5
	}
	if x == y {
		return 0
	}
	return 1
}

// scTagDistance is the Jaccard distance of two tag sets, 0.5 when either is
// empty.
func scTagDistance(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0.5
	}
	c := scCommon(a, b)
	return 1 - float64(c)/float64(len(a)+len(b)-c)
}

// scDiversity combines the diversity components (each 0..1).
func scDiversity(tags, dept, loc, gen float64) float64 {
	return 0.4*tags + 0.3*dept + 0.15*loc + 0.15*gen
}

// scAvailValue is the availability factor for h shared hours a week.
func (s *scScorer) scAvailValue(h int) float64 {
	v := float64(h) / s.good
	if v > 1 {
		return 1
	}
	return v
}

// scPrefValue is the preference factor for the number of picks (0..2)
// between two people.
func scPrefValue(picks int) float64 {
	switch picks {
	case 0:
		return 0
	case 1:
		return 0.6
	}
	return 1
}

// scLangShared reports whether a and b share a language.
func scLangShared(a, b *scProf) bool {
	if a.langExact && b.langExact {
		return a.langMask&b.langMask != 0
	}
	return scIntersects(a.langs(), b.langs())
}

// scDetail records what eval saw, for explanations.
type scDetail struct {
	v              scVec
	ab, ba         scDir // a teaches b; b teaches a
	gap            int32 // directional: leader's seniority advantage
	dSen, dYears   int32
	tags           float64
	dept, loc, gen float64
	overlap        int
	aPicksB        bool
	bPicksA        bool
}

// scBelow is eval's answer when the pair cannot reach the cut-off (never
// returned by Score).
const scBelow Constraint = "below_cut"

// eval scores the pair (a, b) whose person indexes are ai and bi; in
// directional formats a is the mentee and b the mentor. It returns the
// total, or the first hard constraint that removes the pair. d, when not
// nil, receives the details.
func (s *scScorer) eval(a, b *scProf, ai, bi int32, d *scDetail) (float64, Constraint) {
	return s.evalCut(a, b, ai, bi, 1, math.Inf(-1), d)
}

// evalCut is eval for the candidate search: when the total cannot reach
// cut, given that the skill factor is at most skillUB, it stops before the
// costly skill and tag comparisons and returns scBelow. A total it does
// return is bit-identical to eval's.
func (s *scScorer) evalCut(a, b *scProf, ai, bi int32, skillUB, cut float64, d *scDetail) (float64, Constraint) {
	if ai == bi {
		return 0, ConstraintSelf
	}
	if a.manager == bi || b.manager == ai {
		return 0, ConstraintManager
	}
	if (a.nBlocked > 0 && scHas(a.blocked(), bi)) || (b.nBlocked > 0 && scHas(b.blocked(), ai)) {
		return 0, ConstraintBlocked
	}
	if s.r.ExcludePastPartners &&
		((a.nPast > 0 && scHas(a.past(), bi)) || (b.nPast > 0 && scHas(b.past(), ai))) {
		return 0, ConstraintPastPartner
	}
	if s.r.CrossFunctional && a.dept >= 0 && a.dept == b.dept {
		return 0, ConstraintCrossFunctional
	}
	var v scVec
	if a.hasLang && b.hasLang {
		if !scLangShared(a, b) {
			return 0, ConstraintLanguage
		}
		v[scFLanguage] = 1
	} else {
		v[scFLanguage] = 0.5
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
	v[scFAvailability] = s.scAvailValue(h)

	dYears := a.years - b.years
	if dYears < 0 {
		dYears = -dYears
	}
	if s.dir {
		v[scFExperience] = scGapScore(gap, s.ideal)
	} else {
		v[scFExperience] = scSimilarity(dSen, dYears)
	}

	aPicks := a.nPick > 0 && scHas(a.picks(), bi)
	bPicks := b.nPick > 0 && scHas(b.picks(), ai)
	n := 0
	if aPicks {
		n++
	}
	if bPicks {
		n++
	}
	v[scFPreference] = scPrefValue(n)

	dept, loc, gen := scDiff(a.dept, b.dept), scDiff(a.loc, b.loc), scDiff(a.gen, b.gen)
	if cut > math.Inf(-1) {
		tagsUB := 0.5
		if a.hasTags && b.hasTags {
			tagsUB = 1
		}
		ub := v
		ub[scFSkill] = skillUB
		ub[scFDiversity] = scDiversity(tagsUB, dept, loc, gen)
		if s.combine(&ub)+1e-9 < cut {
			return 0, scBelow
		}
	}
	tags := scTagDistance(a.tags(), b.tags())
	v[scFDiversity] = scDiversity(tags, dept, loc, gen)

	var ab, ba scDir
	if s.dir {
		ba = scDirFit(b, a)
		v[scFSkill] = ba.fit
	} else {
		ab, ba = scDirFit(a, b), scDirFit(b, a)
		if s.swap {
			if ab.count == 0 || ba.count == 0 {
				return 0, ConstraintReciprocity
			}
			v[scFSkill] = min(ab.fit, ba.fit)
		} else {
			v[scFSkill] = max(ab.fit, ba.fit)
		}
	}

	if d != nil {
		*d = scDetail{v: v, ab: ab, ba: ba, gap: gap, dSen: dSen, dYears: dYears,
			tags: tags, dept: dept, loc: loc, gen: gen, overlap: h, aPicksB: aPicks, bPicksA: bPicks}
	}
	return s.combine(&v), ConstraintNone
}
