package report

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

func TestTrialStratum(t *testing.T) {
	for _, tc := range []struct {
		name       string
		seniority  int
		department string
		want       string
	}{
		{"junior", 1, "Data", "junior|Data"},
		{"mid-level", 4, "Sales", "mid-level|Sales"},
		{"executive", 8, "Board", "executive|Board"},
		{"no department", 5, "", "senior|"},
		{"unknown level", 0, "Data", "unknown|Data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TrialStratum(tc.seniority, tc.department); got != tc.want {
				t.Errorf("TrialStratum(%d, %q) = %q, want %q", tc.seniority, tc.department, got, tc.want)
			}
		})
	}
}

func TestTrialArm_Blocks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		seed    int64
		stratum string
		arms    int
	}{
		{"two arms", 1, "junior|Data", 2},
		{"three arms", 42, "senior|Sales", 3},
		{"four arms", 7, "mid-level|", 4},
		{"one arm", 9, "junior|Data", 1},
		{"largest seed", mentor.MaxTrialSeed, "executive|Board", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for b := range 50 {
				var block []int
				for pos := range tc.arms {
					k := b*tc.arms + pos
					a := TrialArm(tc.seed, tc.stratum, k, tc.arms)
					if again := TrialArm(tc.seed, tc.stratum, k, tc.arms); again != a {
						t.Fatalf("k=%d: arm %d, then %d: not reproducible", k, a, again)
					}
					block = append(block, a)
				}
				if !slices.Equal(slices.Sorted(slices.Values(block)), identity(tc.arms)) {
					t.Fatalf("block %d is %v, want a shuffle of 0..%d", b, block, tc.arms-1)
				}
			}
		})
	}
}

func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// TestTrialArm_SimulatedVolunteers sends 5,000 volunteers of random strata
// through the rule for 2, 3 and 4 arms and checks that after every volunteer
// each stratum's arms differ by at most one.
func TestTrialArm_SimulatedVolunteers(t *testing.T) {
	strata := []string{}
	for _, band := range []int{1, 3, 5, 7} {
		for _, dept := range []string{"Data", "Sales", "People", ""} {
			strata = append(strata, TrialStratum(band, dept))
		}
	}
	for arms := 2; arms <= 4; arms++ {
		t.Run(fmt.Sprintf("%d arms", arms), func(t *testing.T) {
			counts := map[string][]int{}
			total := make([]int, arms)
			x := uint64(arms) // a small LCG picks each volunteer's stratum
			for v := range 5000 {
				x = x*6364136223846793005 + 1442695040888963407
				s := strata[(x>>33)%uint64(len(strata))]
				if counts[s] == nil {
					counts[s] = make([]int, arms)
				}
				k := sum(counts[s])
				a := TrialArm(20260401, s, k, arms)
				counts[s][a]++
				total[a]++
				if lo, hi := slices.Min(counts[s]), slices.Max(counts[s]); hi-lo > 1 {
					t.Fatalf("volunteer %d: stratum %s has arms %v, more than one apart", v, s, counts[s])
				}
			}
			if lo, hi := slices.Min(total), slices.Max(total); hi-lo > len(strata) {
				t.Errorf("overall arms %v differ by more than the %d strata", total, len(strata))
			}
		})
	}
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// TestTrialArm_NotPredictable checks that arrival order alone does not give
// the arm away: the first arm of a stratum is each arm for about a share of
// 1/arms of seeds, different seeds give different sequences, and so do
// different strata under one seed.
func TestTrialArm_NotPredictable(t *testing.T) {
	const seeds = 2000
	first := map[int]int{}
	sequences := map[string]bool{}
	for seed := int64(1); seed <= seeds; seed++ {
		first[TrialArm(seed, "junior|Data", 0, 2)]++
		sequences[sequence(seed, "junior|Data", 2, 20)] = true
	}
	for arm, n := range first {
		if share := float64(n) / seeds; share < 0.45 || share > 0.55 {
			t.Errorf("arm %d comes first for %.1f%% of seeds, want about 50%%", arm, 100*share)
		}
	}
	// 20 volunteers in blocks of 2 allow 2^10 sequences; 2,000 seeds should hit most.
	if len(sequences) < 600 {
		t.Errorf("%d seeds gave only %d different sequences of 20 volunteers", seeds, len(sequences))
	}
	if sequence(1, "junior|Data", 3, 30) == sequence(2, "junior|Data", 3, 30) {
		t.Error("seeds 1 and 2 give the same sequence")
	}
	if sequence(1, "junior|Data", 3, 30) == sequence(1, "junior|Sales", 3, 30) {
		t.Error("two strata share a sequence under one seed")
	}
	periodic := 0
	for seed := int64(1); seed <= 100; seed++ {
		if TrialArm(seed, "senior|Sales", 0, 2) == TrialArm(seed, "senior|Sales", 2, 2) {
			periodic++
		}
	}
	if periodic < 30 || periodic > 70 {
		t.Errorf("block 1 starts like block 0 for %d of 100 seeds, want about 50", periodic)
	}
}

func sequence(seed int64, stratum string, arms, n int) string {
	b := make([]byte, n)
	for k := range b {
		b[k] = byte('A' + TrialArm(seed, stratum, k, arms))
	}
	return string(b)
}

func TestTrialBalance(t *testing.T) {
	arms := []mentor.TrialArm{{ProgramID: 3, Format: mentor.FormatMentoring}, {ProgramID: 5, Format: mentor.FormatPeer}}
	list := []mentor.TrialAssignment{
		{ProgramID: 3, Seniority: 1, Department: "Data"},
		{ProgramID: 3, Seniority: 2, Department: "Sales"},
		{ProgramID: 5, Seniority: 5, Department: "Data"},
		{ProgramID: 9, Seniority: 8, Department: "Board"}, // not an arm: ignored
	}
	got := TrialBalance(append(arms, mentor.TrialArm{ProgramID: 7, Format: mentor.FormatCircles}), list)
	if len(got) != 3 {
		t.Fatalf("%d rows, want 3", len(got))
	}
	m, p, c := got[0], got[1], got[2]
	if m.ProgramID != 3 || m.N != 2 || m.MeanSeniority != 1.5 || !maps.Equal(m.Bands, map[string]int{"junior": 2}) ||
		!maps.Equal(m.Departments, map[string]int{"Data": 1, "Sales": 1}) {
		t.Errorf("mentoring arm %+v", m)
	}
	if p.N != 1 || p.MeanSeniority != 5 || p.Bands["senior"] != 1 || p.Departments["Data"] != 1 || p.Format != mentor.FormatPeer {
		t.Errorf("peer arm %+v", p)
	}
	if c.N != 0 || c.MeanSeniority != 0 || c.Bands == nil || c.Departments == nil {
		t.Errorf("empty arm %+v, want zero counts and empty maps", c)
	}
}
