package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// groupInstance is a small one-pool instance for the groups solver.
type groupInstance struct {
	names []string
	w     map[[2]string]float64 // both orders
	text  string
}

func randomGroupInstance(rng *rand.Rand, n int) groupInstance {
	g := groupInstance{w: map[[2]string]float64{}}
	var b strings.Builder
	// A header declares nodes 0..n-1; the rest have names, so the output
	// must name header nodes without edges too.
	fmt.Fprintf(&b, "%d 0\n", n/2)
	for i := 0; i < n; i++ {
		if i < n/2 {
			g.names = append(g.names, strconv.Itoa(i))
		} else {
			g.names = append(g.names, fmt.Sprintf("person-%d", i))
		}
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			// Node 0 has no edges at all: only the header declares it. A
			// named node exists only through its edges, so j-1 to j is kept.
			if i == 0 || (rng.IntN(10) < 3 && (j != i+1 || j <= n/2)) {
				continue
			}
			w, ws := randomWeight(rng)
			g.w[[2]string{g.names[i], g.names[j]}] = w
			g.w[[2]string{g.names[j], g.names[i]}] = w
			fmt.Fprintf(&b, "%s %s %s\n", g.names[i], g.names[j], ws)
		}
	}
	g.text = b.String()
	return g
}

// groupWeight is the total weight of the pairs inside each group.
func (g groupInstance) groupWeight(groups [][]string) float64 {
	total := 0.0
	for _, grp := range groups {
		for a := range grp {
			for b := a + 1; b < len(grp); b++ {
				total += g.w[[2]string{grp[a], grp[b]}]
			}
		}
	}
	return total
}

// bestPartition returns the largest total over all partitions of the
// names into groups of exactly k (k divides the count).
func (g groupInstance) bestPartition(k int) float64 {
	best := -1e300
	used := make([]bool, len(g.names))
	var groups [][]string
	var rec func()
	rec = func() {
		first := -1
		for i, u := range used {
			if !u {
				first = i
				break
			}
		}
		if first < 0 {
			best = max(best, g.groupWeight(groups))
			return
		}
		used[first] = true
		var pick func(from int, grp []string)
		pick = func(from int, grp []string) {
			if len(grp) == k {
				groups = append(groups, append([]string(nil), grp...))
				rec()
				groups = groups[:len(groups)-1]
				return
			}
			for i := from; i < len(g.names); i++ {
				if !used[i] {
					used[i] = true
					pick(i+1, append(grp, g.names[i]))
					used[i] = false
				}
			}
		}
		pick(first+1, []string{g.names[first]})
		used[first] = false
	}
	rec()
	return best
}

// checkGroups validates the groups output: every node once, the printed
// total equal to the groups' weight, the bound at least the total.
func checkGroups(tb testing.TB, g groupInstance, out string, k int) (groups [][]string, total, bound float64) {
	tb.Helper()
	o := parseOutput(tb, out)
	index := map[string]int{}
	seen := map[string]bool{}
	for _, r := range o.rows {
		if len(r) != 2 {
			tb.Fatalf("row %q: want group member", r)
		}
		if seen[r[1]] {
			tb.Fatalf("member %s placed twice", r[1])
		}
		seen[r[1]] = true
		gi, ok := index[r[0]]
		if !ok {
			if want := strconv.Itoa(len(groups) + 1); r[0] != want {
				tb.Fatalf("group %q follows group %d", r[0], len(groups))
			}
			gi = len(groups)
			index[r[0]] = gi
			groups = append(groups, nil)
		}
		groups[gi] = append(groups[gi], r[1])
	}
	for _, name := range g.names {
		if !seen[name] {
			tb.Errorf("node %s is in no group", name)
		}
	}
	if len(seen) != len(g.names) {
		tb.Errorf("%d members, want %d", len(seen), len(g.names))
	}
	if len(g.names)%k == 0 {
		for _, grp := range groups {
			if len(grp) != k {
				tb.Errorf("group %v has %d members, want %d", grp, len(grp), k)
			}
		}
	}
	total, bound = o.float(tb, "total"), o.float(tb, "bound")
	if o.int(tb, "groups") != len(groups) {
		tb.Errorf("summary groups=%s, rows have %d", o.summary["groups"], len(groups))
	}
	if want := g.groupWeight(groups); !closeTo(total, want) {
		tb.Errorf("summary total=%v, the groups weigh %v", total, want)
	}
	if bound < total-eps {
		tb.Errorf("bound %v below the total %v", bound, total)
	}
	return groups, total, bound
}

func TestSolveGroups_MatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	// Few trials: the solver spends about half a second even on tiny inputs.
	for _, tc := range []struct{ n, k int }{{6, 2}, {6, 3}, {8, 4}, {9, 3}} {
		t.Run(fmt.Sprintf("n=%d k=%d", tc.n, tc.k), func(t *testing.T) {
			for trial := 0; trial < 3; trial++ {
				g := randomGroupInstance(rng, tc.n)
				out := solveOK(t, g.text, "groups", "--size", strconv.Itoa(tc.k), "--seed", strconv.Itoa(trial))
				_, total, bound := checkGroups(t, g, out, tc.k)
				opt := g.bestPartition(tc.k)
				if !closeTo(total, opt) {
					t.Errorf("trial %d: total %v, optimum %v\n%s", trial, total, opt, g.text)
				}
				if bound < opt-eps {
					t.Errorf("trial %d: bound %v below the optimum %v", trial, bound, opt)
				}
			}
		})
	}
}

func TestSolveGroups_KnownOptimum(t *testing.T) {
	text := readInstance(t, "circ_12_4_1.txt")
	const optimum = 1327
	g := groupInstance{w: map[[2]string]float64{}}
	for _, l := range strings.Split(text, "\n")[1:] {
		f := strings.Fields(l)
		if len(f) != 3 {
			continue
		}
		w, _ := strconv.ParseFloat(f[2], 64)
		g.w[[2]string{f[0], f[1]}] = w
		g.w[[2]string{f[1], f[0]}] = w
	}
	for i := 0; i < 12; i++ {
		g.names = append(g.names, strconv.Itoa(i))
	}
	_, total, bound := checkGroups(t, g, solveOK(t, text, "groups", "--size", "4"), 4)
	if total < 0.995*optimum || total > optimum {
		t.Errorf("circ_12_4_1 total %v, want at least 99.5%% of the optimum %d", total, optimum)
	}
	if bound < optimum {
		t.Errorf("bound %v below the optimum %d", bound, optimum)
	}
}
