package groups

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
	"github.com/mentormesh/mentormesh/internal/match/matchtest"
)

// circOptima are the CBC optima of the circ_* reference instances.
var circOptima = []struct {
	name string
	opt  float64
}{
	{"circ_12_4_1", 1327},
	{"circ_16_4_1", 1885},
	{"circ_24_4_1", 2886},
	{"circ_32_4_1", 3954},
	{"circ_30_5_1", 4592},
}

// checkPartition fails unless res is a valid partition of 0..n-1 with the
// sizes Sizes(n, k) and a Total that matches an independent recount.
func checkPartition(tb testing.TB, n, k int, edges []graph.Edge, res Result) {
	tb.Helper()
	group := make([]int, n)
	for i := range group {
		group[i] = -1
	}
	var sizes []int
	for gi, g := range res.Groups {
		if !slices.IsSorted(g) {
			tb.Fatalf("group %d not sorted: %v", gi, g)
		}
		if gi > 0 && res.Groups[gi-1][0] >= g[0] {
			tb.Fatalf("groups not sorted by first member: %v then %v", res.Groups[gi-1], g)
		}
		for _, v := range g {
			if v < 0 || v >= n || group[v] >= 0 {
				tb.Fatalf("node %d out of range or in two groups", v)
			}
			group[v] = gi
		}
		sizes = append(sizes, len(g))
	}
	for v, gi := range group {
		if gi < 0 {
			tb.Fatalf("node %d in no group", v)
		}
	}
	want := Sizes(n, k)
	slices.Sort(sizes)
	slices.Sort(want)
	if !slices.Equal(sizes, want) {
		tb.Fatalf("sizes %v, want %v", sizes, want)
	}
	total := 0.0
	for _, e := range edges {
		if group[e.U] == group[e.V] {
			total += e.W
		}
	}
	if math.Abs(total-res.Total) > 1e-6*(1+math.Abs(total)) {
		tb.Fatalf("Total %v, recount %v", res.Total, total)
	}
	if res.Bound < res.Total {
		tb.Fatalf("Bound %v below Total %v", res.Bound, res.Total)
	}
}

func TestGroups_CircOptima(t *testing.T) {
	for _, tc := range circOptima {
		t.Run(tc.name, func(t *testing.T) {
			n, k, edges := matchtest.Load(t, tc.name+".txt")
			res, err := Partition(n, edges, Options{Size: k, Seed: 1, Budget: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			checkPartition(t, n, k, edges, res)
			if res.Total < 0.995*tc.opt {
				t.Errorf("Total %v below 99.5%% of the optimum %v", res.Total, tc.opt)
			}
			if res.Total > tc.opt+1e-9 {
				t.Errorf("Total %v above the optimum %v: recount or optimum wrong", res.Total, tc.opt)
			}
			if res.Bound < tc.opt-1e-6 {
				t.Errorf("Bound %v below the optimum %v: not a bound", res.Bound, tc.opt)
			}
			t.Logf("total %v (%.2f%% of optimum), bound %.1f (gap %.2f%%)",
				res.Total, 100*res.Total/tc.opt, res.Bound, 100*(res.Bound-res.Total)/res.Bound)
		})
	}
}

func TestGroups_Sizes(t *testing.T) {
	cases := []struct {
		name string
		n, k int
		want []int
	}{
		{"divides", 12, 4, []int{4, 4, 4}},
		{"one extra goes up", 13, 4, []int{5, 4, 4}},
		{"one short goes down", 11, 4, []int{4, 4, 3}},
		{"tie prefers smaller groups", 10, 4, []int{4, 3, 3}},
		{"pairs with odd n", 7, 2, []int{2, 2, 2, 1}},
		{"fewer nodes than k", 3, 5, []int{3}},
		{"exactly k", 5, 5, []int{5}},
		{"no split within k±1", 7, 5, []int{4, 3}},
		{"empty", 0, 3, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sizes(tc.n, tc.k); !slices.Equal(got, tc.want) {
				t.Fatalf("Sizes(%d, %d) = %v, want %v", tc.n, tc.k, got, tc.want)
			}
		})
	}
	// Properties over a range: the sizes add up to n, stay within k±1
	// whenever some split does, and use the fewest sizes other than k.
	for k := 2; k <= 12; k++ {
		for n := k; n <= 150; n++ {
			sizes := Sizes(n, k)
			sum, off, inside := 0, 0, true
			for _, s := range sizes {
				sum += s
				if s != k {
					off++
				}
				inside = inside && s >= k-1 && s <= k+1
			}
			if sum != n {
				t.Fatalf("n=%d k=%d: sizes %v add up to %d", n, k, sizes, sum)
			}
			// Best possible by enumeration of a groups of k+1, b of k-1.
			bestOff := -1
			for a := 0; a*(k+1) <= n; a++ {
				for b := 0; a*(k+1)+b*(k-1) <= n; b++ {
					if (n-a*(k+1)-b*(k-1))%k == 0 && (bestOff < 0 || a+b < bestOff) {
						bestOff = a + b
					}
				}
			}
			if bestOff >= 0 && (!inside || off != bestOff) {
				t.Fatalf("n=%d k=%d: sizes %v, best has %d off-size groups", n, k, sizes, bestOff)
			}
		}
	}
}

func TestGroups_BruteForce(t *testing.T) {
	// Small random instances (negative weights included) against the best
	// partition by enumeration.
	rng := rand.New(rand.NewPCG(8, 8))
	cases := []struct {
		name string
		n, k int
	}{
		{"pairs of 7", 7, 2},
		{"threes of 9", 9, 3},
		{"fours of 10", 10, 4},
		{"fours of 9 (5, 4)", 9, 4},
		{"fives of 11 (6, 5)", 11, 5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for trial := range 10 {
				var edges []graph.Edge
				w := map[[2]int]float64{}
				for a := 0; a < tc.n; a++ {
					for b := a + 1; b < tc.n; b++ {
						if rng.IntN(3) > 0 {
							x := float64(rng.IntN(60) - 10)
							edges = append(edges, graph.Edge{U: b, V: a, W: x})
							w[[2]int{a, b}] = x
						}
					}
				}
				best := synth.BestPartition(tc.n, Sizes(tc.n, tc.k), w, nil)
				res, err := Partition(tc.n, edges, Options{Size: tc.k, Seed: int64(trial), Budget: 10 * time.Second})
				if err != nil {
					t.Fatal(err)
				}
				checkPartition(t, tc.n, tc.k, edges, res)
				if res.Total != best {
					t.Fatalf("trial %d: total %v, optimum %v", trial, res.Total, best)
				}
				if res.Bound < best-1e-9 {
					t.Fatalf("trial %d: bound %v below the optimum %v", trial, res.Bound, best)
				}
			}
		})
	}
}

func TestGroups_SmallAndParallel(t *testing.T) {
	cases := []struct {
		name      string
		n, k      int
		edges     []graph.Edge
		wantTotal float64
		wantN     int // groups
	}{
		{"empty", 0, 3, nil, 0, 0},
		{"one node", 1, 2, nil, 0, 1},
		{"fewer than k", 3, 5, []graph.Edge{{U: 0, V: 1, W: 2}, {U: 1, V: 2, W: 3}}, 5, 1},
		{"parallel edges keep the largest", 4, 2, []graph.Edge{{U: 0, V: 1, W: 1}, {U: 1, V: 0, W: 7}, {U: 2, V: 3, W: 1}, {U: 0, V: 2, W: 5}}, 8, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Partition(tc.n, tc.edges, Options{Size: tc.k, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tc.wantTotal || len(res.Groups) != tc.wantN || res.Bound < res.Total {
				t.Fatalf("got %+v, want total %v in %d groups", res, tc.wantTotal, tc.wantN)
			}
		})
	}
}

func TestGroups_Errors(t *testing.T) {
	cases := []struct {
		name  string
		n     int
		edges []graph.Edge
		opt   Options
	}{
		{"size 1", 4, nil, Options{Size: 1}},
		{"size 51", 100, nil, Options{Size: 51}},
		{"negative n", -1, nil, Options{Size: 2}},
		{"negative budget", 4, nil, Options{Size: 2, Budget: -1}},
		{"edge out of range", 4, []graph.Edge{{U: 0, V: 4, W: 1}}, Options{Size: 2}},
		{"negative node", 4, []graph.Edge{{U: -1, V: 2, W: 1}}, Options{Size: 2}},
		{"self-loop", 4, []graph.Edge{{U: 1, V: 1, W: 1}}, Options{Size: 2}},
		{"infinite weight", 4, []graph.Edge{{U: 0, V: 1, W: math.Inf(1)}}, Options{Size: 2}},
		{"NaN weight", 4, []graph.Edge{{U: 0, V: 1, W: math.NaN()}}, Options{Size: 2}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Partition(tc.n, tc.edges, tc.opt); err == nil {
				t.Fatal("no error")
			}
		})
	}
}

func TestGroups_DeterministicAndProgress(t *testing.T) {
	edges := synth.NearestNeighbours(t, 600, 20, 3)
	var calls int
	last := -1.0
	opt := Options{Size: 5, Seed: 9, Budget: time.Minute, Progress: func(done, total float64) {
		calls++
		if done < last || done > total {
			t.Errorf("progress %v of %v after %v", done, total, last)
		}
		last = done
	}}
	a, err := Partition(600, edges, opt)
	if err != nil {
		t.Fatal(err)
	}
	checkPartition(t, 600, 5, edges, a)
	if calls < 2 {
		t.Fatalf("progress called %d times", calls)
	}
	opt.Progress = nil
	b, err := Partition(600, edges, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed and budget, different results")
	}
	positive := 0.0
	for _, e := range edges {
		positive += max(e.W, 0)
	}
	if a.Bound > positive {
		t.Fatalf("bound %v above the sum of positive weights %v", a.Bound, positive)
	}
}

func TestSelectTop(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := rng.IntN(40)
		vals := make([]float64, n)
		idx := make([]int, n)
		for i := range vals {
			vals[i] = float64(rng.IntN(10)) // many ties
			idx[i] = i
		}
		orig := slices.Clone(vals)
		t0 := rng.IntN(12) + 1
		top := slices.Clone(selectTop(vals, idx, t0))
		for i, j := range idx {
			if orig[j] != vals[i] {
				t.Fatalf("trial %d: idx no longer follows vals", trial)
			}
		}
		sorted := slices.Clone(orig)
		slices.Sort(sorted)
		slices.Reverse(sorted)
		want := sorted[:min(t0, n)]
		slices.Sort(top)
		slices.Reverse(top)
		if !slices.Equal(top, want) {
			t.Fatalf("trial %d: top %v, want %v", trial, top, want)
		}
	}
}
