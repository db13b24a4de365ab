package rotation

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/graph"
	"github.com/mentormesh/mentormesh/internal/match/groups"
	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
)

// verify checks a schedule from scratch: R rounds, every node at most
// once per round and exactly once unless it sits out, the group sizes of
// groups.Sizes (singletons omitted), and Repeats and Total recounted from the
// groups, the history and the edges (parallel edges keeping the largest
// weight). It returns the meeting count of every pair.
func verify(tb testing.TB, n, size, rounds int, history [][2]int, edges []graph.Edge, res Result) map[[2]int]int {
	tb.Helper()
	if len(res.Rounds) != rounds {
		tb.Fatalf("%d rounds, want %d", len(res.Rounds), rounds)
	}
	weight := map[[2]int]float64{}
	for _, e := range edges {
		k := [2]int{min(e.U, e.V), max(e.U, e.V)}
		if w, ok := weight[k]; !ok || e.W > w {
			weight[k] = e.W
		}
	}
	met := map[[2]int]int{}
	for _, h := range history {
		met[[2]int{min(h[0], h[1]), max(h[0], h[1])}] = 1
	}
	var want []int
	for _, s := range groups.Sizes(n, size) {
		if s > 1 {
			want = append(want, s)
		}
	}
	slices.Sort(want)
	total := 0.0
	for r, round := range res.Rounds {
		seen := make([]bool, n)
		var sizes []int
		for gi, g := range round {
			if !slices.IsSorted(g) || (gi > 0 && round[gi-1][0] >= g[0]) {
				tb.Fatalf("round %d: groups not sorted: %v", r, round)
			}
			sizes = append(sizes, len(g))
			for i, a := range g {
				if a < 0 || a >= n || seen[a] {
					tb.Fatalf("round %d: node %d out of range or placed twice", r, a)
				}
				seen[a] = true
				for _, b := range g[i+1:] {
					met[[2]int{a, b}]++
					total += weight[[2]int{a, b}]
				}
			}
		}
		slices.Sort(sizes)
		if !slices.Equal(sizes, want) {
			tb.Fatalf("round %d: group sizes %v, want %v", r, sizes, want)
		}
	}
	repeats := 0
	for _, c := range met {
		if c > 1 {
			repeats++
		}
	}
	if repeats != res.Repeats {
		tb.Fatalf("Repeats %d, recount %d", res.Repeats, repeats)
	}
	if math.Abs(total-res.Total) > 1e-6*(1+math.Abs(total)) {
		tb.Fatalf("Total %v, recount %v", res.Total, total)
	}
	return met
}

func TestRotation_OddPairsSitOut(t *testing.T) {
	for n := 1; n <= 301; n += 2 {
		res, err := Schedule(n, nil, Options{Size: 2, Rounds: n, Seed: int64(n)})
		if err != nil {
			t.Fatal(err)
		}
		verify(t, n, 2, n, nil, nil, res)
		if res.Repeats != 0 {
			t.Fatalf("n=%d: %d repeats", n, res.Repeats)
		}
		out := make([]int, n) // rounds each node sits out
		for _, round := range res.Rounds {
			in := make([]bool, n)
			for _, g := range round {
				for _, v := range g {
					in[v] = true
				}
			}
			for v := range in {
				if !in[v] {
					out[v]++
				}
			}
		}
		for v, c := range out {
			if c != 1 {
				t.Fatalf("n=%d: node %d sits out %d rounds, want 1", n, v, c)
			}
		}
	}
}

func TestRotation_GolferBound(t *testing.T) {
	// Rounds without a repeat up to the social golfer bound (n-1)/(k-1):
	// the affine geometries by construction, the others by the search. The
	// search reaches 8 of the 10 rounds possible for 32 in groups of 4.
	cases := []struct {
		name         string
		n, k, rounds int
	}{
		{"9 in threes, 4 rounds (AG(2,3))", 9, 3, 4},
		{"16 in fours, 5 rounds (AG(2,4))", 16, 4, 5},
		{"25 in fives, 6 rounds (AG(2,5))", 25, 5, 6},
		{"27 in threes, 13 rounds (AG(3,3))", 27, 3, 13},
		{"49 in sevens, 8 rounds (AG(2,7))", 49, 7, 8},
		{"64 in eights, 9 rounds (AG(2,8))", 64, 8, 9},
		{"15 in threes, 7 rounds (Kirkman's schoolgirls, search)", 15, 3, 7},
		{"20 in fours, 5 rounds (search)", 20, 4, 5},
		{"32 in fours, 8 rounds (search)", 32, 4, 8},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Schedule(tc.n, nil, Options{Size: tc.k, Rounds: tc.rounds, Seed: 1, Budget: 30 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			verify(t, tc.n, tc.k, tc.rounds, nil, nil, res)
			if res.Repeats != 0 {
				t.Fatalf("%d repeats", res.Repeats)
			}
		})
	}
}

func TestRotation_FieldTables(t *testing.T) {
	// GF(q) for every prime power up to 50 satisfies the field axioms the
	// affine construction relies on; other q give nil.
	for q := 2; q <= 50; q++ {
		f := newField(q)
		prime := func(x int) bool {
			for d := 2; d*d <= x; d++ {
				if x%d == 0 {
					return false
				}
			}
			return true
		}
		power := false
		for p := 2; p <= q; p++ {
			if prime(p) {
				x := q
				for x%p == 0 {
					x /= p
				}
				power = power || x == 1
			}
		}
		if (f != nil) != power {
			t.Fatalf("q=%d: field %v, prime power %v", q, f != nil, power)
		}
		if f == nil {
			continue
		}
		for a := range q {
			inverse := a == 0
			for b := range q {
				if f.add[a][b] != f.add[b][a] || f.mul[a][b] != f.mul[b][a] {
					t.Fatalf("q=%d: not commutative at %d, %d", q, a, b)
				}
				inverse = inverse || f.mul[a][b] == 1
				for c := range q {
					if f.mul[a][f.add[b][c]] != f.add[f.mul[a][b]][f.mul[a][c]] {
						t.Fatalf("q=%d: not distributive at %d, %d, %d", q, a, b, c)
					}
					if f.mul[a][f.mul[b][c]] != f.mul[f.mul[a][b]][c] {
						t.Fatalf("q=%d: not associative at %d, %d, %d", q, a, b, c)
					}
				}
			}
			if !inverse || f.add[a][0] != a || f.mul[a][1] != a {
				t.Fatalf("q=%d: %d has no inverse or identities fail", q, a)
			}
		}
	}
}

// randomRounds returns rounds random pairings of n nodes (n even), as
// history pairs.
func randomRounds(rng *rand.Rand, n, rounds int) [][2]int {
	var out [][2]int
	for range rounds {
		p := rng.Perm(n)
		for i := 0; i+1 < n; i += 2 {
			out = append(out, [2]int{p[i], p[i+1]})
		}
	}
	return out
}

func TestRotation_HistoryRespected(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	cases := []struct {
		name         string
		n, k, rounds int
		history      [][2]int
	}{
		{"pairs after 3 random rounds", 20, 2, 5, randomRounds(rng, 20, 3)},
		{"pairs after 8 random rounds, odd", 21, 2, 4, randomRounds(rng, 20, 8)},
		{"groups of 4 after 2 random pairings", 24, 4, 3, randomRounds(rng, 24, 2)},
		{"groups of 3 after 1 random pairing", 15, 3, 4, randomRounds(rng, 14, 1)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Schedule(tc.n, nil, Options{Size: tc.k, Rounds: tc.rounds, History: tc.history, Seed: 3, Budget: 20 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			met := verify(t, tc.n, tc.k, tc.rounds, tc.history, nil, res)
			if res.Repeats != 0 {
				t.Fatalf("%d repeats", res.Repeats)
			}
			for _, h := range tc.history {
				if met[[2]int{min(h[0], h[1]), max(h[0], h[1])}] != 1 {
					t.Fatalf("history pair %v meets again", h)
				}
			}
		})
	}
}

func TestRotation_WeightsBruteForce(t *testing.T) {
	// One round with weights and history: the best repeat-free round, found
	// by enumeration, must be reached.
	cases := []struct {
		name string
		n, k int
	}{
		{"pairs of 8", 8, 2},
		{"pairs of 9 (one sits out)", 9, 2},
		{"threes of 9", 9, 3},
		{"fours of 10 (4, 3, 3)", 10, 4},
	}
	rng := rand.New(rand.NewPCG(4, 4))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for trial := range 20 {
				var edges []graph.Edge
				w := map[[2]int]float64{}
				forbidden := map[[2]int]bool{}
				var history [][2]int
				for a := 0; a < tc.n; a++ {
					for b := a + 1; b < tc.n; b++ {
						switch rng.IntN(4) {
						case 0:
							history = append(history, [2]int{b, a})
							forbidden[[2]int{a, b}] = true
						case 1, 2:
							x := float64(rng.IntN(100) - 20)
							edges = append(edges, graph.Edge{U: a, V: b, W: x})
							w[[2]int{a, b}] = x
						}
					}
				}
				best := synth.BestPartition(tc.n, groups.Sizes(tc.n, tc.k), w, forbidden)
				res, err := Schedule(tc.n, edges, Options{Size: tc.k, Rounds: 1, History: history, Seed: int64(trial), Budget: 10 * time.Second})
				if err != nil {
					t.Fatal(err)
				}
				verify(t, tc.n, tc.k, 1, history, edges, res)
				if math.IsInf(best, -1) {
					if res.Repeats == 0 {
						t.Fatalf("trial %d: no repeat-free round exists, yet none reported", trial)
					}
					continue
				}
				if res.Repeats != 0 || res.Total != best {
					t.Fatalf("trial %d: total %v with %d repeats, best repeat-free %v", trial, res.Total, res.Repeats, best)
				}
			}
		})
	}
}

func TestRotation_RepeatsBeyondBound(t *testing.T) {
	cases := []struct {
		name         string
		n, k, rounds int
		minRepeats   int
	}{
		{"pairs of 6 over 8 rounds", 6, 2, 8, 3},
		{"fours of 8 over 4 rounds", 8, 4, 4, 1},
		{"fewer nodes than the size", 3, 5, 2, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Schedule(tc.n, nil, Options{Size: tc.k, Rounds: tc.rounds, Seed: 1, Budget: 2 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			verify(t, tc.n, tc.k, tc.rounds, nil, nil, res)
			if res.Repeats < tc.minRepeats {
				t.Fatalf("%d repeats, at least %d are unavoidable", res.Repeats, tc.minRepeats)
			}
		})
	}
}

func TestRotation_LargePool(t *testing.T) {
	// Past the dense limit: groups by the large greedy, pairs by the
	// relabelled circle method avoiding history.
	rng := rand.New(rand.NewPCG(6, 6))
	t.Run("groups of 5 among 3000", func(t *testing.T) {
		res, err := Schedule(3000, nil, Options{Size: 5, Rounds: 3, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		verify(t, 3000, 5, 3, nil, nil, res)
		if res.Repeats != 0 {
			t.Fatalf("%d repeats among 3000 people over 3 rounds", res.Repeats)
		}
	})
	t.Run("pairs of 2501 with history and weights", func(t *testing.T) {
		history := randomRounds(rng, 2500, 2)
		var edges []graph.Edge
		for range 5000 {
			a, b := rng.IntN(2501), rng.IntN(2501)
			if a != b {
				edges = append(edges, graph.Edge{U: a, V: b, W: float64(rng.IntN(10))})
			}
		}
		res, err := Schedule(2501, edges, Options{Size: 2, Rounds: 2, History: history, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		verify(t, 2501, 2, 2, history, edges, res)
		if res.Repeats != 0 {
			t.Fatalf("%d repeats", res.Repeats)
		}
	})
}

func TestRotation_Deterministic(t *testing.T) {
	edges := []graph.Edge{{U: 0, V: 1, W: 5}, {U: 2, V: 3, W: 4}, {U: 4, V: 5, W: 3}, {U: 1, V: 7, W: 2}, {U: 6, V: 8, W: 9}}
	opt := Options{Size: 3, Rounds: 3, Seed: 42, History: [][2]int{{0, 2}}, Budget: time.Minute}
	a, err := Schedule(12, edges, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Schedule(12, edges, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("same seed, different schedules:\n%v\n%v", a, b)
	}
}

func TestRotation_Errors(t *testing.T) {
	cases := []struct {
		name  string
		n     int
		edges []graph.Edge
		opt   Options
	}{
		{"size 1", 4, nil, Options{Size: 1, Rounds: 1}},
		{"size 51", 60, nil, Options{Size: 51, Rounds: 1}},
		{"zero rounds", 4, nil, Options{Size: 2}},
		{"negative nodes", -1, nil, Options{Size: 2, Rounds: 1}},
		{"negative budget", 4, nil, Options{Size: 2, Rounds: 1, Budget: -time.Second}},
		{"edge out of range", 4, []graph.Edge{{U: 0, V: 4, W: 1}}, Options{Size: 2, Rounds: 1}},
		{"self-loop", 4, []graph.Edge{{U: 2, V: 2, W: 1}}, Options{Size: 2, Rounds: 1}},
		{"NaN weight", 4, []graph.Edge{{U: 0, V: 1, W: math.NaN()}}, Options{Size: 2, Rounds: 1}},
		{"history out of range", 4, nil, Options{Size: 2, Rounds: 1, History: [][2]int{{0, 7}}}},
		{"history self-pair", 4, nil, Options{Size: 2, Rounds: 1, History: [][2]int{{3, 3}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Schedule(tc.n, tc.edges, tc.opt)
			if !errors.Is(err, ErrInput) {
				t.Fatalf("error %v, want ErrInput", err)
			}
		})
	}
}
