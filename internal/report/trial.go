package report

import (
	"encoding/binary"
	"hash/fnv"
	"math/rand/v2"
	"slices"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Format trials assign volunteers to arms by permuted blocks inside strata.
// A stratum is a seniority band and a department; inside it the volunteers
// are numbered in the order they came (k = 0, 1, 2, ...), and volunteer k
// falls in block k / arms at position k % arms. Each block is a shuffle of
// the arms drawn from the trial's seed, the stratum and the block number, so
//   - after any number of volunteers, every arm of a stratum has the same
//     count to within one (a block gives each arm exactly one volunteer);
//   - the sequence is reproducible from the seed, and without the seed the
//     arrival order does not tell the arm: only the last volunteer of a
//     block is foreseeable, by someone who saw the block's other arms;
//   - strata do not share blocks, so balance holds in each stratum and
//     therefore also overall to within the number of strata.

// TrialStratum names the stratum of a volunteer: their seniority band
// (SeniorityBand) and department, as "band|department".
func TrialStratum(seniority int, department string) string {
	return SeniorityBand(seniority) + "|" + department
}

// TrialArm returns the arm (0..arms-1) of the volunteer at position k
// (0-based) of stratum in a trial with the given seed. It is a pure
// function of its arguments. arms must be at least 1 and k at least 0.
func TrialArm(seed int64, stratum string, k, arms int) int {
	return trialBlock(seed, stratum, k/arms, arms)[k%arms]
}

// trialBlock is block b of stratum: a seeded shuffle of 0..arms-1.
func trialBlock(seed int64, stratum string, b, arms int) []int {
	h := fnv.New64a()
	h.Write([]byte(stratum))
	h.Write([]byte{0})
	h.Write(binary.BigEndian.AppendUint64(nil, uint64(b)))
	r := rand.New(rand.NewPCG(uint64(seed), h.Sum64()))
	return r.Perm(arms)
}

// ArmBalance describes the volunteers of one arm of a trial, to see how
// similar the arms are: how many, their seniority bands and departments
// (counts) and their mean seniority level (0 when the arm has none).
type ArmBalance struct {
	ProgramID     int64          `json:"program_id"`
	Format        mentor.Format  `json:"format"`
	N             int            `json:"n"`
	Bands         map[string]int `json:"seniority_bands"`
	Departments   map[string]int `json:"departments"`
	MeanSeniority float64        `json:"mean_seniority"`
}

// TrialBalance tabulates the assignments per arm, in the order of arms,
// from the seniority and department each volunteer had when assigned.
// Assignments to programs that are not arms are ignored. A volunteer
// without a department counts under "".
func TrialBalance(arms []mentor.TrialArm, list []mentor.TrialAssignment) []ArmBalance {
	out := make([]ArmBalance, len(arms))
	sums := make([]int, len(arms))
	for i, a := range arms {
		out[i] = ArmBalance{ProgramID: a.ProgramID, Format: a.Format, Bands: map[string]int{}, Departments: map[string]int{}}
	}
	for _, as := range list {
		i := slices.IndexFunc(arms, func(a mentor.TrialArm) bool { return a.ProgramID == as.ProgramID })
		if i < 0 {
			continue
		}
		out[i].N++
		out[i].Bands[SeniorityBand(as.Seniority)]++
		out[i].Departments[as.Department]++
		sums[i] += as.Seniority
	}
	for i := range out {
		if out[i].N > 0 {
			out[i].MeanSeniority = float64(sums[i]) / float64(out[i].N)
		}
	}
	return out
}
