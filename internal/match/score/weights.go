package score

// Weights are a program's relative factor weights (SPEC §4). Only ratios
// matter: Score divides by their sum, so a total is always on a 0..100
// scale. Negative weights count as 0; a factor of weight 0 is left out of
// the breakdown.
type Weights struct {
	Skill        float64 // offered vs wanted skills, with levels
	Experience   float64 // seniority relation the format asks for
	Diversity    float64 // different background tags, department, location, generation
	Availability float64 // shared weekly hours
	Language     float64 // a shared language (it is also a hard constraint)
	// Preference rewards participants' own picks (self-select mode). The
	// defaults leave it 0; a self-select program sets it (15 is a fair
	// start) so that mutual picks rise to the top.
	Preference float64
}

// DefaultWeights returns the weights mentormesh starts a program of format f
// with. They lean on skills for expert formats (flash, skill_swap,
// mentoring), on similar experience plus diversity for peer formats, and on
// diversity and availability for rotations ("meet someone new"). An unknown
// format gets zero weights.
func DefaultWeights(f Format) Weights {
	switch f {
	case FormatMentoring:
		return Weights{Skill: 40, Experience: 20, Diversity: 10, Availability: 20, Language: 10}
	case FormatReverse:
		return Weights{Skill: 45, Experience: 15, Diversity: 10, Availability: 20, Language: 10}
	case FormatShadow:
		return Weights{Skill: 35, Experience: 25, Diversity: 10, Availability: 20, Language: 10}
	case FormatFlash:
		return Weights{Skill: 60, Experience: 5, Diversity: 5, Availability: 20, Language: 10}
	case FormatAdvisoryBoard:
		return Weights{Skill: 30, Experience: 15, Diversity: 30, Availability: 15, Language: 10}
	case FormatPeer:
		return Weights{Skill: 20, Experience: 25, Diversity: 25, Availability: 20, Language: 10}
	case FormatSkillSwap:
		return Weights{Skill: 50, Experience: 5, Diversity: 10, Availability: 25, Language: 10}
	case FormatCircles:
		return Weights{Skill: 10, Experience: 25, Diversity: 30, Availability: 25, Language: 10}
	case FormatRotation:
		return Weights{Skill: 10, Experience: 10, Diversity: 35, Availability: 35, Language: 10}
	}
	return Weights{}
}

// Rules are a program's hard constraints and scoring thresholds (SPEC §4).
// Capacity is not here: it belongs to the solver.
type Rules struct {
	// CrossFunctional removes pairs from the same (known) department.
	CrossFunctional bool
	// EnforceSeniorityGap makes the seniority range a hard constraint.
	// In directional formats the gap is the leader's advantage: mentor
	// minus mentee seniority, or mentee minus mentor in FormatReverse
	// (the senior learns from the junior); it must lie in
	// [MinSeniorityGap, MaxSeniorityGap]. In one-pool formats the absolute
	// difference must be at most MaxSeniorityGap.
	EnforceSeniorityGap bool
	// MinSeniorityGap and MaxSeniorityGap bound the gap (see above). In
	// directional formats the experience factor peaks at MinSeniorityGap+1
	// (clamped to the range) whether or not the range is enforced.
	MinSeniorityGap, MaxSeniorityGap int
	// MinOverlapHours removes pairs that share fewer weekly hours of
	// availability (WeekHours; 40 working hours a week at most for two
	// people without explicit slots). 0 disables the constraint.
	MinOverlapHours int
	// GoodOverlapHours is the weekly overlap at which the availability
	// factor is full; values <= 0 mean 10 (2 h a working day).
	GoodOverlapHours int
	// ExcludePastPartners removes pairs that were partners before
	// (rotation: never the same pair twice).
	ExcludePastPartners bool
}

// DefaultRules returns the rules mentormesh starts a program of format f
// with: a hard mentor-above-mentee gap of 1..4 levels in mentoring (1..5 in
// shadow, 1..7 reversed in reverse), at most 2 levels apart in peer and
// circles, no repeated partners in rotation, and at least 2 shared hours a
// week (1 for flash and rotation, which meet once). CrossFunctional is a
// program option and is off. An unknown format gets the zero Rules.
func DefaultRules(f Format) Rules {
	r := Rules{MinOverlapHours: 2, GoodOverlapHours: 10}
	switch f {
	case FormatMentoring:
		r.EnforceSeniorityGap, r.MinSeniorityGap, r.MaxSeniorityGap = true, 1, 4
	case FormatShadow:
		r.EnforceSeniorityGap, r.MinSeniorityGap, r.MaxSeniorityGap = true, 1, 5
	case FormatReverse:
		r.EnforceSeniorityGap, r.MinSeniorityGap, r.MaxSeniorityGap = true, 1, 7
	case FormatFlash:
		r.MinSeniorityGap, r.MaxSeniorityGap = 0, 7
		r.MinOverlapHours = 1
	case FormatAdvisoryBoard:
		r.MinSeniorityGap, r.MaxSeniorityGap = 0, 4
	case FormatPeer, FormatCircles:
		r.EnforceSeniorityGap, r.MaxSeniorityGap = true, 2
	case FormatSkillSwap:
		r.MaxSeniorityGap = 3
	case FormatRotation:
		r.MaxSeniorityGap = 7
		r.MinOverlapHours = 1
		r.ExcludePastPartners = true
	default:
		return Rules{}
	}
	return r
}

// goodOverlap is the effective GoodOverlapHours.
func (r *Rules) goodOverlap() int {
	if r.GoodOverlapHours <= 0 {
		return 10
	}
	return r.GoodOverlapHours
}
