package stable

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// instance is a small random instance with incomplete lists.
type instance struct {
	props, recs [][]int
	caps        []int
}

func random(rng *rand.Rand, np, nr int, withCaps bool) instance {
	var in instance
	for range np {
		list := rng.Perm(nr)
		in.props = append(in.props, list[:rng.IntN(nr+1)])
	}
	for range nr {
		list := rng.Perm(np)
		in.recs = append(in.recs, list[:rng.IntN(np+1)])
	}
	if withCaps {
		for range nr {
			in.caps = append(in.caps, rng.IntN(3))
		}
	}
	return in
}

// brute enumerates every matching of in (each proposer unmatched or
// matched to a mutually acceptable receiver, within capacities) and returns
// the stable ones, each as proposer -> receiver (-1 unmatched), using the
// definition of a blocking pair directly.
func brute(tb testing.TB, in instance) [][]int {
	tb.Helper()
	np, nr := len(in.props), len(in.recs)
	caps := in.caps
	if caps == nil {
		caps = slices.Repeat([]int{1}, nr)
	}
	lists := func(list []int, x int) int { return slices.Index(list, x) } // -1 if absent
	var stable [][]int
	assign := make([]int, np)
	load := make([]int, nr)
	var rec func(p int)
	rec = func(p int) {
		if p == np {
			if bruteIsStable(in, caps, assign) {
				stable = append(stable, slices.Clone(assign))
			}
			return
		}
		assign[p] = -1
		rec(p + 1)
		for _, r := range in.props[p] {
			if lists(in.recs[r], p) >= 0 && load[r] < caps[r] {
				assign[p] = r
				load[r]++
				rec(p + 1)
				load[r]--
			}
		}
		assign[p] = -1
	}
	rec(0)
	return stable
}

// bruteBlocking counts blocking pairs of assign by the definition.
func bruteBlocking(in instance, caps, assign []int) int {
	blocking := 0
	for p := range in.props {
		for r := range in.recs {
			rp := slices.Index(in.props[p], r)
			pr := slices.Index(in.recs[r], p)
			if rp < 0 || pr < 0 || assign[p] == r {
				continue
			}
			pWants := assign[p] < 0 || rp < slices.Index(in.props[p], assign[p])
			rWants := false
			held := 0
			for q, x := range assign {
				if x == r {
					held++
					if pr < slices.Index(in.recs[r], q) {
						rWants = true
					}
				}
			}
			if held < caps[r] {
				rWants = true
			}
			if pWants && rWants {
				blocking++
			}
		}
	}
	return blocking
}

func bruteIsStable(in instance, caps, assign []int) bool {
	return bruteBlocking(in, caps, assign) == 0
}

func TestStable_BruteForce(t *testing.T) {
	cases := []struct {
		name     string
		np, nr   int
		withCaps bool
	}{
		{"one-to-one 4x4", 4, 4, false},
		{"one-to-one 5x3", 5, 3, false},
		{"one-to-one 3x5", 3, 5, false},
		{"capacities 5x3", 5, 3, true},
		{"capacities 6x2", 6, 2, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tc.np*10+tc.nr), 3))
			for trial := range 300 {
				in := random(rng, tc.np, tc.nr, tc.withCaps)
				res, err := Match(in.props, in.recs, in.caps)
				if err != nil {
					t.Fatal(err)
				}
				assign := slices.Repeat([]int{-1}, tc.np)
				for i, pr := range res.Pairs {
					if i > 0 && res.Pairs[i-1][0] >= pr[0] {
						t.Fatalf("trial %d: pairs not sorted or proposer twice: %v", trial, res.Pairs)
					}
					assign[pr[0]] = pr[1]
				}
				all := brute(t, in)
				found := false
				for _, m := range all {
					if slices.Equal(m, assign) {
						found = true
					}
				}
				if !found {
					t.Fatalf("trial %d: result %v is not a stable matching of %+v", trial, assign, in)
				}
				if res.BlockingPairs != 0 {
					t.Fatalf("trial %d: BlockingPairs %d", trial, res.BlockingPairs)
				}
				// Proposer-optimal: no stable matching gives any proposer a
				// better receiver.
				rankOf := func(p, r int) int {
					if r < 0 {
						return len(in.props[p])
					}
					return slices.Index(in.props[p], r)
				}
				for _, m := range all {
					for p := range m {
						if rankOf(p, m[p]) < rankOf(p, assign[p]) {
							t.Fatalf("trial %d: proposer %d gets %d, stable matching %v gives it %d", trial, p, assign[p], m, m[p])
						}
					}
				}
			}
		})
	}
}

func TestStable_BlockingCount(t *testing.T) {
	// The independent check counts blocking pairs of arbitrary (unstable)
	// matchings the same way as the definition.
	rng := rand.New(rand.NewPCG(5, 5))
	for trial := range 500 {
		in := random(rng, 5, 4, trial%2 == 0)
		caps := in.caps
		if caps == nil {
			caps = slices.Repeat([]int{1}, 4)
		}
		// A random feasible matching.
		assign := slices.Repeat([]int{-1}, 5)
		load := make([]int, 4)
		var pairs [][2]int
		for p := range 5 {
			for _, r := range in.props[p] {
				if slices.Contains(in.recs[r], p) && load[r] < caps[r] && rng.IntN(2) == 0 {
					assign[p] = r
					load[r]++
					pairs = append(pairs, [2]int{p, r})
					break
				}
			}
		}
		got := blocking(in.props, in.recs, caps, pairs)
		if want := bruteBlocking(in, caps, assign); got != want {
			t.Fatalf("trial %d: blocking %d, definition says %d", trial, got, want)
		}
	}
}

func TestStable_Classic(t *testing.T) {
	// Every proposer ranks receiver 0 first; receiver 0 takes two.
	props := [][]int{{0, 1}, {0, 1}, {0, 1}}
	recs := [][]int{{2, 1, 0}, {0, 1, 2}}
	res, err := Match(props, recs, []int{2, 1})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{0, 1}, {1, 0}, {2, 0}}
	if !slices.Equal(res.Pairs, want) || res.BlockingPairs != 0 {
		t.Fatalf("got %v (blocking %d), want %v", res.Pairs, res.BlockingPairs, want)
	}
}

func TestStable_Errors(t *testing.T) {
	cases := []struct {
		name        string
		props, recs [][]int
		caps        []int
	}{
		{"proposer lists receiver out of range", [][]int{{2}}, [][]int{{0}, {0}}, nil},
		{"proposer lists negative receiver", [][]int{{-1}}, [][]int{{0}}, nil},
		{"receiver lists proposer out of range", [][]int{{0}}, [][]int{{1}}, nil},
		{"proposer repeats receiver", [][]int{{0, 1, 0}}, [][]int{{0}, {0}}, nil},
		{"receiver repeats proposer", [][]int{{0}, {0}}, [][]int{{1, 1}}, nil},
		{"capacity length", [][]int{{0}}, [][]int{{0}}, []int{1, 1}},
		{"negative capacity", [][]int{{0}}, [][]int{{0}}, []int{-1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Match(tc.props, tc.recs, tc.caps); err == nil {
				t.Fatal("no error")
			}
		})
	}
}

func TestStable_Empty(t *testing.T) {
	res, err := Match(nil, nil, nil)
	if err != nil || len(res.Pairs) != 0 || res.BlockingPairs != 0 {
		t.Fatalf("got %+v, %v", res, err)
	}
}

func TestStable_LargeIsStable(t *testing.T) {
	// A larger instance past the dense rank table, checked by the
	// independent count only.
	rng := rand.New(rand.NewPCG(9, 9))
	const np, nr = 3000, 1500
	props := make([][]int, np)
	for p := range props {
		props[p] = rng.Perm(nr)[:20]
	}
	recs := make([][]int, nr)
	caps := make([]int, nr)
	for r := range recs {
		recs[r] = rng.Perm(np)[:200]
		caps[r] = 1 + rng.IntN(3)
	}
	res, err := Match(props, recs, caps)
	if err != nil {
		t.Fatal(err)
	}
	if res.BlockingPairs != 0 || len(res.Pairs) == 0 {
		t.Fatalf("%d pairs, %d blocking", len(res.Pairs), res.BlockingPairs)
	}
}
