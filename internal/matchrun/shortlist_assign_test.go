package matchrun

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteCoverage returns the most pickers that can each get one of their
// options with no candidate chosen more often than its budget, by trying
// every assignment.
func bruteCoverage(options [][]ssOption, budget []int) int {
	left := slices.Clone(budget)
	var best func(i, covered int) int
	best = func(i, covered int) int {
		if i == len(options) {
			return covered
		}
		top := best(i+1, covered) // picker i gets nothing
		for _, o := range options[i] {
			if left[o.cand] > 0 {
				left[o.cand]--
				top = max(top, best(i+1, covered+1))
				left[o.cand]++
			}
		}
		return top
	}
	return best(0, 0)
}

// randomOptions makes a random instance: pickers 0..p-1, candidates
// p..p+c-1, each picker with up to four distinct options, sorted best first.
func randomOptions(rng *rand.Rand, p, c int) [][]ssOption {
	options := make([][]ssOption, p+c)
	for i := range p {
		for _, j := range rng.Perm(c)[:rng.IntN(min(c, 4)+1)] {
			options[i] = append(options[i], ssOption{cand: p + j, score: float64(rng.IntN(6) * 10)})
		}
		slices.SortFunc(options[i], ssBetter)
	}
	return options
}

// checkAssignment fails unless got respects budgets and sizes, holds only
// options, each once, best first.
func checkAssignment(tb testing.TB, options [][]ssOption, budget []int, size int, got [][]ssOption) {
	tb.Helper()
	used := make([]int, len(budget))
	for i, list := range got {
		if len(list) > size {
			tb.Fatalf("picker %d got %d suggestions, size %d", i, len(list), size)
		}
		if !slices.IsSortedFunc(list, ssBetter) {
			tb.Fatalf("picker %d: list not ranked by score: %v", i, list)
		}
		seen := map[int]bool{}
		for _, o := range list {
			if seen[o.cand] || !slices.Contains(options[i], o) {
				tb.Fatalf("picker %d: %v is repeated or not an option of %v", i, o, options[i])
			}
			seen[o.cand] = true
			used[o.cand]++
		}
	}
	for j, n := range used {
		if n > budget[j] {
			tb.Fatalf("candidate %d shown %d times, budget %d", j, n, budget[j])
		}
	}
}

func TestAssignShortlists_AgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 400 {
		p, c := 1+rng.IntN(6), 1+rng.IntN(5)
		options := randomOptions(rng, p, c)
		budget := make([]int, p+c)
		for j := p; j < p+c; j++ {
			budget[j] = rng.IntN(3)
		}
		size := 1 + rng.IntN(4)
		got, err := assignShortlists(options, budget, size)
		if err != nil {
			t.Fatal(err)
		}
		checkAssignment(t, options, budget, size, got)
		covered := 0
		for _, list := range got {
			if len(list) > 0 {
				covered++
			}
		}
		if want := bruteCoverage(options, budget); covered != want {
			t.Fatalf("trial %d: %d pickers have a suggestion, the budgets allow %d\noptions %v\nbudget %v", trial, covered, want, options, budget)
		}
		// Budgets are spent until nobody can take a candidate with budget left.
		used := make([]int, len(budget))
		for _, list := range got {
			for _, o := range list {
				used[o.cand]++
			}
		}
		for i, opts := range options {
			if len(got[i]) == size {
				continue
			}
			for _, o := range opts {
				if used[o.cand] < budget[o.cand] && !slices.Contains(got[i], o) {
					t.Fatalf("trial %d: picker %d has %d of %d suggestions while option %v has budget left", trial, i, len(got[i]), size, o)
				}
			}
		}
	}
}

func TestAssignShortlists_LooseBudgetsGiveTopScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := range 200 {
		p, c := 1+rng.IntN(8), 1+rng.IntN(6)
		options := randomOptions(rng, p, c)
		budget := make([]int, p+c)
		for j := range budget {
			budget[j] = p // nobody's budget can bind
		}
		size := 1 + rng.IntN(4)
		got, err := assignShortlists(options, budget, size)
		if err != nil {
			t.Fatal(err)
		}
		for i, opts := range options {
			want := opts[:min(size, len(opts))]
			if !slices.Equal(got[i], want) && !(len(want) == 0 && len(got[i]) == 0) {
				t.Fatalf("trial %d picker %d: got %v, want the top %d %v", trial, i, got[i], size, want)
			}
		}
	}
}

func TestAssignShortlists_Cases(t *testing.T) {
	opt := func(cand int, score float64) ssOption { return ssOption{cand: cand, score: score} }
	for _, tc := range []struct {
		name    string
		options [][]ssOption
		budget  []int
		size    int
		want    [][]ssOption
	}{
		{
			// Everybody's favourite (4) can be shown twice: the two best pairs
			// get it, the others fall back to their next candidate.
			name: "a star falls back",
			options: [][]ssOption{
				{opt(4, 90), opt(5, 50)}, {opt(4, 80), opt(5, 60)}, {opt(4, 70), opt(5, 40)}, {opt(4, 95), opt(5, 30)},
				nil, nil,
			},
			budget: []int{0, 0, 0, 0, 2, 4},
			size:   1,
			want:   [][]ssOption{{opt(4, 90)}, {opt(5, 60)}, {opt(5, 40)}, {opt(4, 95)}, nil, nil},
		},
		{
			// Candidate 2 can be shown once. Greedy by score would show it to
			// picker 0 and leave picker 1, who has no other option, with
			// nothing; picker 0 takes 3 instead although 2 scores higher.
			name:    "coverage before score",
			options: [][]ssOption{{opt(2, 90), opt(3, 10)}, {opt(2, 50)}, nil, nil},
			budget:  []int{0, 0, 1, 1},
			size:    2,
			want:    [][]ssOption{{opt(3, 10)}, {opt(2, 50)}, nil, nil},
		},
		{
			name:    "rounds share places evenly",
			options: [][]ssOption{{opt(2, 90), opt(3, 80), opt(4, 70)}, {opt(2, 60), opt(3, 50), opt(4, 40)}, nil, nil, nil},
			budget:  []int{0, 0, 1, 1, 1},
			size:    3,
			// The first round has two optimal b-matchings of equal total
			// (90+50 and 80+60), so the test pins the shares, not the names.
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := assignShortlists(tc.options, tc.budget, tc.size)
			if err != nil {
				t.Fatal(err)
			}
			checkAssignment(t, tc.options, tc.budget, tc.size, got)
			if tc.want != nil && !slices.EqualFunc(got, tc.want, slices.Equal) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			if tc.want == nil && (len(got[0])+len(got[1]) != 3 || len(got[0]) == 0 || len(got[1]) == 0) {
				t.Fatalf("three places must be shared by both pickers: %v", got)
			}
		})
	}
}

func TestExposureBudgets(t *testing.T) {
	opt := func(cand int) ssOption { return ssOption{cand: cand, score: 50} }
	for _, tc := range []struct {
		name     string
		options  [][]ssOption
		room     []int
		size     int
		wantK    int
		star     int
		wantStar int
	}{
		// Two pickers, places 2+1 (the person with 5 places is nobody's option).
		{"plentiful places", [][]ssOption{{opt(2), opt(3)}, {opt(2)}, nil, nil, nil}, []int{0, 0, 2, 1, 5}, 2, 3, 2, 6},
		// Ten pickers, each wanting 5 suggestions, from 4 places: 50/4 -> 13 showings a place.
		{"scarce places", append(slices.Repeat([][]ssOption{{opt(10), opt(11)}}, 10), nil, nil), append(make([]int, 10), 1, 3), 5, 13, 10, 13},
		{"nobody picks", [][]ssOption{nil, nil}, []int{0, 1}, 5, 3, 1, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			budget, k := exposureBudgets(tc.options, tc.room, tc.size)
			if k != tc.wantK {
				t.Fatalf("k = %d, want %d", k, tc.wantK)
			}
			if budget[tc.star] != tc.wantStar {
				t.Fatalf("budget of %d: %d, want %d (budgets %v)", tc.star, budget[tc.star], tc.wantStar, budget)
			}
			for i, r := range tc.room {
				if budget[i] != r*k {
					t.Fatalf("budget %d = %d, want room %d * %d", i, budget[i], r, k)
				}
			}
		})
	}
}
