package report

import (
	"cmp"
	"slices"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// stride is the number of sums a unit holds: a numerator and a
// denominator per metric, metric m at 2m and 2m+1.
const stride = 2 * nMetrics

// unit is one relationship with the sums of all its contributions: the
// thing the bootstrap resamples whole.
type unit struct {
	format  mentor.Format
	stratum string
	sums    [stride]float64
}

func (u *unit) has(m int) bool { return u.sums[2*m+1] > 0 }

// any reports whether the unit has data for some metric.
func (u *unit) any() bool {
	for m := range nMetrics {
		if u.has(m) {
			return true
		}
	}
	return false
}

// SeniorityBand names the band of a seniority level (mentor.MinSeniority..
// MaxSeniority): junior (1-2), mid-level (3-4), senior (5-6), executive
// (7-8), or unknown.
func SeniorityBand(level int) string {
	switch {
	case level >= 1 && level <= 2:
		return "junior"
	case level >= 3 && level <= 4:
		return "mid-level"
	case level >= 5 && level <= 6:
		return "senior"
	case level >= 7 && level <= 8:
		return "executive"
	}
	return "unknown"
}

// units sums every relationship's contributions in the period, grouped by
// format in mentor.Formats order and, inside a format, by stratum.
// Relationships without data for any metric are left out.
func units(ix *index, p period) [][]unit {
	byRel := map[*Relationship]*unit{}
	accumulate(ix, p, func(r *Relationship, _ int64, m int, num, den float64) {
		if r == nil {
			return
		}
		u := byRel[r]
		if u == nil {
			u = &unit{format: ix.format(r), stratum: stratum(ix, r)}
			byRel[r] = u
		}
		u.sums[2*m] += num
		u.sums[2*m+1] += den
	})
	groups := make([][]unit, len(mentor.Formats))
	for i := range ix.d.Relationships { // relationship order keeps results reproducible
		u := byRel[&ix.d.Relationships[i]]
		if u == nil {
			continue
		}
		if g := slices.Index(mentor.Formats, u.format); g >= 0 && u.any() {
			groups[g] = append(groups[g], *u)
		}
	}
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, b unit) int { return cmp.Compare(a.stratum, b.stratum) })
	}
	return groups
}

// stratum is the seniority band and department of a relationship's
// learners: its mentees, or all members when it has none (peer formats).
// Each is the most common value among them, ties to the lowest band and
// the first department in alphabetical order.
func stratum(ix *index, r *Relationship) string {
	focal := r.Members
	if count(r.Members, mentor.RoleMentee) > 0 {
		focal = slices.DeleteFunc(slices.Clone(r.Members), func(m Member) bool { return m.Role != mentor.RoleMentee })
	}
	levels := map[int]int{}
	depts := map[string]int{}
	for _, m := range focal {
		if e := ix.enrollment(r.ProgramID, m.PersonID); e != nil {
			levels[(e.Seniority+1)/2]++ // the band index
			depts[e.Department]++
		}
	}
	band, dept := -1, ""
	for b, n := range levels {
		if band < 0 || n > levels[band] || n == levels[band] && b < band {
			band = b
		}
	}
	first := true
	for d, n := range depts {
		if first || n > depts[dept] || n == depts[dept] && d < dept {
			dept, first = d, false
		}
	}
	return SeniorityBand(2*band) + " / " + dept
}
