package score

// Scoring model (what Score computes; the numbers are part of the contract
// that tests pin down).
//
// Every factor is a value in 0..1; the total is 100 * sum(w*v) / sum(w)
// over the program's Weights, so it reads as a percentage.
//
//   - skill: a direction "teacher t for learner l" takes each skill l
//     wants (in l's order) that t offers, with fit 0.4, 0.6, 0.8, 1.0 for
//     an offered level 0, 1, 2, 3+ above l's current level (0 when below);
//     the direction's value is the best fit + 0.1 per further covered
//     skill, at most 1. Directional formats use mentor -> mentee (in
//     reverse too: the junior's offers against the senior's wants);
//     skill_swap needs both directions (hard) and takes the weaker; other
//     one-pool formats take the better direction.
//   - experience: directional formats score the leader's seniority
//     advantage g (mentor - mentee; mentee - mentor in reverse) as
//     1 - 0.2*|g - ideal|, ideal = MinSeniorityGap+1 clamped to the range;
//     one-pool formats score similarity 1 - 0.25*|dLevel| - 0.04*|dYears|.
//     Both are floored at 0.
//   - diversity: 0.4 * Jaccard distance of background tags + 0.3 * other
//     department + 0.15 * other location + 0.15 * other generation; each
//     part is 0.5 when either side is unknown.
//   - availability: shared hours a week h (explicit slots, or Monday to
//     Friday 09-17 local time) as min(1, h / GoodOverlapHours).
//   - language: 1 with a shared language, 0.5 when either side lists none.
//   - preference: 1 for a mutual pick, 0.6 for a one-sided pick, else 0.
//
// Hard constraints are checked in the order of the Constraint constants.
// Unknown data (empty department, no languages ...) never removes a pair.

// Constraint names the hard constraint that removes a pair (SPEC §4).
type Constraint string

// Hard constraints, in the order Score checks them; a pair that breaks
// several is reported with the first.
const (
	ConstraintNone            Constraint = ""
	ConstraintFormat          Constraint = "format"           // the format is unknown
	ConstraintSelf            Constraint = "self"             // both profiles have the same ID
	ConstraintManager         Constraint = "manager"          // own manager or direct report
	ConstraintBlocked         Constraint = "blocked"          // either blocked the other
	ConstraintPastPartner     Constraint = "past_partner"     // partners before, and the program excludes them
	ConstraintCrossFunctional Constraint = "cross_functional" // same department in a cross-functional program
	ConstraintLanguage        Constraint = "language"         // no shared language
	ConstraintSeniority       Constraint = "seniority_gap"    // seniority outside the program's range
	ConstraintAvailability    Constraint = "availability"     // too few shared weekly hours
	ConstraintReciprocity     Constraint = "reciprocity"      // skill_swap: a direction has no fitting skill
)

// Factor names, in the fixed order of every breakdown.
const (
	FactorSkill        = "skill"
	FactorExperience   = "experience"
	FactorDiversity    = "diversity"
	FactorAvailability = "availability"
	FactorLanguage     = "language"
	FactorPreference   = "preference"
)

// Factor is one line of a score's breakdown.
type Factor struct {
	Name   string  // one of the Factor* names
	Score  float64 // 0..1
	Weight float64 // the program's weight, as given (negative shown as 0)
	// Points is this factor's share of the total: 100 * Weight * Score /
	// sum of weights. The Points of a breakdown add up to Scored.Total.
	Points float64
	// Reason says in words what the factor saw, good or bad.
	Reason string
}

// SkillMatch is one direction of teaching the score relies on: From offers
// Skill at Level and To wants it, being at ToLevel now.
type SkillMatch struct {
	FromID, ToID string
	Skill        string
	Level        int
	ToLevel      int
	// More counts further skills To wants that From also offers.
	More int
}

// Scored is the outcome of scoring one pair.
type Scored struct {
	AID, BID string // in directional formats A is the mentee, B the mentor
	Format   Format
	// Total is 0..100 (up to float rounding): the sum of the factors'
	// Points. It is 0 for a removed pair.
	Total float64
	// Factors lists every factor of positive weight in the fixed order
	// skill, experience, diversity, availability, language, preference.
	// It is empty for a removed pair.
	Factors []Factor
	// Skills names the teaching directions that fit: mentor to mentee in
	// directional formats, A->B then B->A in skill_swap (always both), and
	// any fitting direction in the other one-pool formats.
	Skills []SkillMatch
	// Summary is one readable sentence: the reasons of the factors that
	// speak for the pair, strongest first; for a removed pair it says
	// which constraint removed it ("removed: same department
	// (cross-functional program)").
	Summary string
	// RemovedBy is the hard constraint that removed the pair, or
	// ConstraintNone.
	RemovedBy Constraint
}

// Score scores the pair (a, b) for a program of format f with weights w and
// rules r. In directional formats a is the mentee (the person who learns;
// the senior in FormatReverse) and b the mentor (expert, adviser). In
// one-pool formats the order does not matter: Score(a, b) and Score(b, a)
// have the same Total and breakdown scores.
//
// It returns false, with RemovedBy and Summary saying why, when a hard
// constraint removes the pair or f is unknown. Profiles are told apart by
// ID: two profiles with the same ID (two empty IDs too) are one person. Score is pure and
// deterministic; it never fails otherwise. Capacities are the solver's
// business and are not checked here.
func Score(a, b *Profile, f Format, w Weights, r Rules) (Scored, bool) {
	out := Scored{AID: a.ID, BID: b.ID, Format: f}
	if !f.Valid() {
		out.RemovedBy = ConstraintFormat
		out.Summary = "removed: unknown program format " + quoteFormat(f)
		return out, false
	}
	if a.ID == b.ID {
		out.RemovedBy = ConstraintSelf
		out.Summary = "removed: " + displayName(a) + " cannot be matched with themselves"
		return out, false
	}
	s := newScorer(f, w, r)
	in := newInterner()
	index := map[string]int32{a.ID: 0, b.ID: 1}
	var ca, cb prof
	compile(a, in, index, &ca)
	compile(b, in, index, &cb)
	var d detail
	total, c := s.eval(&ca, &cb, 0, 1, &d)
	if c != ConstraintNone {
		out.RemovedBy = c
		out.Summary = "removed: " + removedReason(s, a, b, &ca, &cb, c)
		return out, false
	}
	out.Total = total
	x := explainer{s: s, a: a, b: b, ca: &ca, cb: &cb, d: &d}
	out.Skills = x.skillMatches()
	out.Factors = x.factors()
	out.Summary = summary(out.Factors, x.positive)
	return out, true
}

func quoteFormat(f Format) string { return "\"" + string(f) + "\"" }
