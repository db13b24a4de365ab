package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// pairInstance is a small random matching instance with named nodes.
type pairInstance struct {
	left, right []string // right == left for a one-pool instance
	edges       []pairEdge
	capacity    map[string]int // bipartite; missing names have capacity 1
	text        string         // the edge list as the CLI reads it
	capText     string
}

type pairEdge struct {
	u, v int
	w    float64
	ws   string // the weight as written
}

// randomWeight returns an integer or one-decimal weight, sometimes <= 0.
func randomWeight(rng *rand.Rand) (float64, string) {
	if rng.IntN(3) == 0 {
		tenths := rng.IntN(100) - 10
		s := strconv.FormatFloat(float64(tenths)/10, 'f', 1, 64)
		w, _ := strconv.ParseFloat(s, 64)
		return w, s
	}
	w := rng.IntN(13) - 3
	return float64(w), strconv.Itoa(w)
}

func randomBipartite(rng *rand.Rand) pairInstance {
	nl, nr := 1+rng.IntN(5), 1+rng.IntN(3)
	in := pairInstance{capacity: map[string]int{}}
	var b strings.Builder
	header := rng.IntN(2) == 0
	if header {
		fmt.Fprintf(&b, "%d 0\n", nl)
	}
	for i := 0; i < nl; i++ {
		if header {
			in.left = append(in.left, strconv.Itoa(i))
		} else {
			in.left = append(in.left, fmt.Sprintf("mentee%d", i))
		}
	}
	for j := 0; j < nr; j++ {
		in.right = append(in.right, fmt.Sprintf("m%d", j))
	}
	b.WriteString("# mentee mentor weight\n")
	for i := range in.left {
		for j := range in.right {
			if rng.IntN(10) < 7 {
				w, ws := randomWeight(rng)
				in.edges = append(in.edges, pairEdge{i, j, w, ws})
				fmt.Fprintf(&b, "%s %s %s\n", in.left[i], in.right[j], ws)
			}
		}
	}
	in.text = b.String()
	var c strings.Builder
	for _, name := range append(in.right, "idle") {
		if rng.IntN(2) == 0 {
			in.capacity[name] = rng.IntN(3)
			fmt.Fprintf(&c, "%s %d\n", name, in.capacity[name])
		}
	}
	in.capText = c.String()
	return in
}

func randomGeneral(rng *rand.Rand) pairInstance {
	n := 2 + rng.IntN(6)
	in := pairInstance{}
	var b strings.Builder
	for i := 0; i < n; i++ {
		in.left = append(in.left, fmt.Sprintf("p%d", i))
	}
	in.right = in.left
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if rng.IntN(10) < 6 {
				w, ws := randomWeight(rng)
				u, v := i, j
				if rng.IntN(2) == 0 {
					u, v = j, i
				}
				in.edges = append(in.edges, pairEdge{u, v, w, ws})
				fmt.Fprintf(&b, "%s %s %s\n", in.left[u], in.left[v], ws)
			}
		}
	}
	in.text = b.String()
	return in
}

// matchingStats describes one matching: its size, total and smallest weight.
type matchingStats struct {
	pairs        int
	total, least float64
}

// allMatchings enumerates every matching of the instance (every left node at
// most once, every right node at most its capacity; one-pool: every node at
// most once) and calls visit with its stats. positiveOnly skips edges of
// weight <= 0.
func allMatchings(in pairInstance, bipartite, positiveOnly bool, visit func(matchingStats)) {
	load := map[string]int{}
	used := make([]bool, len(in.left))
	var rec func(k int, st matchingStats)
	rec = func(k int, st matchingStats) {
		if k == len(in.edges) {
			visit(st)
			return
		}
		rec(k+1, st)
		e := in.edges[k]
		if positiveOnly && e.w <= 0 {
			return
		}
		if bipartite {
			capV, ok := in.capacity[in.right[e.v]]
			if !ok {
				capV = 1
			}
			if used[e.u] || load[in.right[e.v]] >= capV {
				return
			}
			used[e.u] = true
			load[in.right[e.v]]++
			rec(k+1, matchingStats{st.pairs + 1, st.total + e.w, math.Min(st.least, e.w)})
			used[e.u] = false
			load[in.right[e.v]]--
			return
		}
		if used[e.u] || used[e.v] {
			return
		}
		used[e.u], used[e.v] = true, true
		rec(k+1, matchingStats{st.pairs + 1, st.total + e.w, math.Min(st.least, e.w)})
		used[e.u], used[e.v] = false, false
	}
	rec(0, matchingStats{least: math.Inf(1)})
}

const eps = 1e-9

// bestMatching returns the optimum of the objective the flags select, by
// enumeration, following the definitions of bipartite.Match and general.Match.
func bestMatching(in pairInstance, bipartite, maxCard, fair bool) matchingStats {
	// better reports whether a beats b by (first, second, third) keys.
	lex := func(a, b []float64) bool {
		for i := range a {
			if a[i] > b[i]+eps {
				return true
			}
			if a[i] < b[i]-eps {
				return false
			}
		}
		return false
	}
	var best matchingStats
	found := false
	key := func(s matchingStats) []float64 {
		if maxCard {
			return []float64{float64(s.pairs), s.total}
		}
		return []float64{s.total, float64(s.pairs)}
	}
	allMatchings(in, bipartite, !maxCard, func(s matchingStats) {
		if !found || lex(key(s), key(best)) {
			best, found = s, true
		}
	})
	if !fair {
		return best
	}
	k := best.pairs
	found = false
	least := func(s matchingStats) float64 {
		if s.pairs == 0 {
			return 0
		}
		return s.least
	}
	allMatchings(in, bipartite, !maxCard, func(s matchingStats) {
		if s.pairs < k {
			return
		}
		if !found || lex([]float64{least(s), s.total, float64(s.pairs)}, []float64{least(best), best.total, float64(best.pairs)}) {
			best, found = s, true
		}
	})
	return best
}

// checkPairs validates the CLI's pair output against the instance and
// returns its stats.
func checkPairs(tb testing.TB, in pairInstance, bipartite bool, out string) matchingStats {
	tb.Helper()
	o := parseOutput(tb, out)
	weight := map[[2]string]float64{}
	for _, e := range in.edges {
		weight[[2]string{in.left[e.u], in.right[e.v]}] = e.w
		if !bipartite {
			weight[[2]string{in.left[e.v], in.left[e.u]}] = e.w
		}
	}
	st := matchingStats{least: math.Inf(1)}
	leftUse, rightUse := map[string]int{}, map[string]int{}
	for _, r := range o.rows {
		if len(r) != 3 {
			tb.Fatalf("row %q: want u v w", r)
		}
		w, ok := weight[[2]string{r[0], r[1]}]
		if !ok {
			tb.Fatalf("row %q is not an input edge", r)
		}
		if got, err := strconv.ParseFloat(r[2], 64); err != nil || got != w {
			tb.Errorf("row %q: weight %q, input says %v", r, r[2], w)
		}
		leftUse[r[0]]++
		rightUse[r[1]]++
		if !bipartite {
			leftUse[r[1]]++
		}
		st.pairs++
		st.total += w
		st.least = math.Min(st.least, w)
	}
	for name, c := range leftUse {
		if c > 1 {
			tb.Errorf("node %s matched %d times", name, c)
		}
	}
	if bipartite {
		for name, c := range rightUse {
			capV, ok := in.capacity[name]
			if !ok {
				capV = 1
			}
			if c > capV {
				tb.Errorf("mentor %s matched %d times, capacity %d", name, c, capV)
			}
		}
	}
	if got := o.int(tb, "pairs"); got != st.pairs {
		tb.Errorf("summary pairs=%d, rows %d", got, st.pairs)
	}
	if got := o.float(tb, "total"); !closeTo(got, st.total) {
		tb.Errorf("summary total=%v, rows add up to %v", got, st.total)
	}
	if strings.Contains(o.summary["total"], "0000") {
		tb.Errorf("total %q shows float noise", o.summary["total"])
	}
	return st
}

func TestSolveBipartite_MatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	modes := []struct {
		name           string
		maxCard, fair  bool
		flags          []string
		withCapacities bool
	}{
		{name: "plain", flags: nil},
		{name: "capacities", flags: nil, withCapacities: true},
		{name: "max cardinality", maxCard: true, flags: []string{"--max-cardinality"}, withCapacities: true},
		{name: "fair", fair: true, flags: []string{"--fair"}, withCapacities: true},
		{name: "fair max cardinality", maxCard: true, fair: true, flags: []string{"--fair", "--max-cardinality"}},
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			for trial := 0; trial < 60; trial++ {
				in := randomBipartite(rng)
				args := append([]string{"bipartite"}, m.flags...)
				if m.withCapacities {
					args = append(args, "--capacity", writeTemp(t, "caps.txt", in.capText))
				} else {
					in.capacity = map[string]int{}
				}
				got := checkPairs(t, in, true, solveOK(t, in.text, args...))
				want := bestMatching(in, true, m.maxCard, m.fair)
				if got.pairs != want.pairs || !closeTo(got.total, want.total) ||
					(m.fair && want.pairs > 0 && !closeTo(got.least, want.least)) {
					t.Fatalf("trial %d: got %+v, brute force %+v\ninput:\n%scapacities:\n%s", trial, got, want, in.text, in.capText)
				}
			}
		})
	}
}

func TestSolveGeneral_MatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, maxCard := range []bool{false, true} {
		t.Run(fmt.Sprintf("max-cardinality=%v", maxCard), func(t *testing.T) {
			for trial := 0; trial < 150; trial++ {
				in := randomGeneral(rng)
				args := []string{"general"}
				if maxCard {
					args = append(args, "--max-cardinality")
				}
				got := checkPairs(t, in, false, solveOK(t, in.text, args...))
				want := bestMatching(in, false, maxCard, false)
				// general.Match promises the most pairs only with --max-cardinality;
				// among plain optima of equal total any size is right.
				if (maxCard && got.pairs != want.pairs) || !closeTo(got.total, want.total) {
					t.Fatalf("trial %d: got %+v, brute force %+v\ninput:\n%s", trial, got, want, in.text)
				}
			}
		})
	}
}

func TestSolveGeneral_DecimalTotalWithoutNoise(t *testing.T) {
	out := solveOK(t, "a b 0.1\nc d 0.2\n", "general")
	if !strings.HasSuffix(out, "# total=0.3 pairs=2\n") {
		t.Errorf("output:\n%s", out)
	}
}

func TestSolveGeneral_KnownOptimum(t *testing.T) {
	text := readInstance(t, "g_1000_1.txt")
	o := parseOutput(t, solveOK(t, text, "general"))
	if got := o.summary["total"]; got != "458176" {
		t.Errorf("g_1000_1 total = %s, want the known optimum 458176", got)
	}
	// Check the rows against the instance: real edges, each node once.
	weight := map[[2]string]string{}
	for _, l := range strings.Split(text, "\n")[1:] {
		f := strings.Fields(l)
		if len(f) == 3 {
			weight[[2]string{f[0], f[1]}] = f[2]
			weight[[2]string{f[1], f[0]}] = f[2]
		}
	}
	seen := map[string]bool{}
	sum := 0
	for _, r := range o.rows {
		if w, ok := weight[[2]string{r[0], r[1]}]; !ok || w != r[2] {
			t.Fatalf("row %q is not an edge of the instance", r)
		}
		if seen[r[0]] || seen[r[1]] {
			t.Fatalf("row %q reuses a node", r)
		}
		seen[r[0]], seen[r[1]] = true, true
		w, _ := strconv.Atoi(r[2])
		sum += w
	}
	if sum != 458176 || o.int(t, "pairs") != len(o.rows) {
		t.Errorf("rows add up to %d in %d pairs; summary %v", sum, len(o.rows), o.summary)
	}
}

func TestSolveBipartite_CapacityOfMentorWithoutEdges(t *testing.T) {
	caps := writeTemp(t, "caps.txt", "m1 2\nnobody 3\n")
	out := solveOK(t, "a m1 5\nb m1 4\nc m1 3\n", "bipartite", "--capacity", caps)
	if want := "a m1 5\nb m1 4\n# total=9 pairs=2\n"; out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}
