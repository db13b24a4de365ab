package matchrun

import (
	"fmt"
	"slices"

	"github.com/mentormesh/mentormesh/internal/match"
	"github.com/mentormesh/mentormesh/internal/mentor"
)

// repeats lists, in words, the pairs of a rotation plan who met in an
// earlier cycle: the solver keeps repeats to a minimum, so each is one
// the pool could not avoid.
func repeats(pl *pool, plan match.PlanResult) []string {
	var out []string
	for _, pr := range plan.Proposals {
		for i, a := range pr.Members {
			for _, b := range pr.Members[i+1:] {
				if slices.Contains(pl.profiles[a].PastPartners, pl.profiles[b].ID) {
					out = append(out, fmt.Sprintf("%s and %s meet again: with %d people and the partners they had, this cycle cannot avoid a repeated pair.",
						pl.persons[a].Name, pl.persons[b].Name, len(pl.persons)))
				}
			}
		}
	}
	return out
}

// checkRepeats refuses a cycle that would repeat a pair when the caller
// does not allow repeats (ECONFLICT naming how many), before anything is
// stored; otherwise it returns the repeats as warnings.
func checkRepeats(p *mentor.Program, pl *pool, plan match.PlanResult, refuse bool) ([]string, error) {
	if p.Format != mentor.FormatRotation {
		return nil, nil
	}
	warnings := repeats(pl, plan)
	if refuse && len(warnings) > 0 {
		return nil, mentor.Errorf(mentor.ECONFLICT, "The next cycle of %q would repeat %d pair(s), and repeats are not allowed: %s",
			p.Name, len(warnings), warnings[0])
	}
	return warnings, nil
}
