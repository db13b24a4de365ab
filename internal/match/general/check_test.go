package general

import (
	"slices"
	"strconv"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// Test helpers for Match: a brute-force optimum, a validity check of a
// result, a check of the solver's final duals, and an instance loader.

// brute returns the optimum of a small instance by dynamic programming
// over vertex subsets: the largest (cardinality, weight) in lexicographic
// order with maxCard, the largest weight otherwise.
func brute(tb testing.TB, n int, edges []graph.Edge, maxCard bool) (card int, total float64) {
	tb.Helper()
	if n > 18 {
		tb.Fatalf("brute: n = %d is too large", n)
	}
	w := make([][]float64, n)
	has := make([][]bool, n)
	for i := range w {
		w[i] = make([]float64, n)
		has[i] = make([]bool, n)
	}
	for _, e := range edges {
		if !maxCard && e.W <= 0 {
			continue
		}
		if !has[e.U][e.V] || e.W > w[e.U][e.V] {
			w[e.U][e.V], w[e.V][e.U] = e.W, e.W
			has[e.U][e.V], has[e.V][e.U] = true, true
		}
	}
	type best struct {
		card int
		w    float64
	}
	better := func(a, b best) bool {
		if maxCard && a.card != b.card {
			return a.card > b.card
		}
		return a.w > b.w
	}
	full := 1<<n - 1
	dp := make([]best, full+1)
	for mask := full - 1; mask >= 0; mask-- {
		i := 0
		for mask>>i&1 == 1 {
			i++
		}
		b := dp[mask|1<<i]
		for j := i + 1; j < n; j++ {
			if mask>>j&1 == 0 && has[i][j] {
				r := dp[mask|1<<i|1<<j]
				r.card++
				r.w += w[i][j]
				if better(r, b) {
					b = r
				}
			}
		}
		dp[mask] = b
	}
	return dp[0].card, dp[0].w
}

// checkValid checks that res is a matching of the input graph: pairs
// with U < V sorted by U, every node at most once, every pair an input
// edge carrying the best weight of its pair, and Total their sum.
func checkValid(tb testing.TB, n int, edges []graph.Edge, res Result) {
	tb.Helper()
	best := make(map[[2]int]float64)
	for _, e := range edges {
		k := [2]int{min(e.U, e.V), max(e.U, e.V)}
		if w, ok := best[k]; !ok || e.W > w {
			best[k] = e.W
		}
	}
	used := make([]bool, n)
	sum := 0.0
	for i, p := range res.Pairs {
		if p.U >= p.V || p.U < 0 || p.V >= n {
			tb.Fatalf("pair %d = %+v: want 0 <= U < V < %d", i, p, n)
		}
		if i > 0 && res.Pairs[i-1].U >= p.U {
			tb.Fatalf("pairs not sorted by U at %d: %+v then %+v", i, res.Pairs[i-1], p)
		}
		if used[p.U] || used[p.V] {
			tb.Fatalf("pair %+v reuses a node", p)
		}
		used[p.U], used[p.V] = true, true
		w, ok := best[[2]int{p.U, p.V}]
		if !ok {
			tb.Fatalf("pair %+v is not an input edge", p)
		}
		if w != p.W {
			tb.Fatalf("pair %+v carries weight %v, best input weight is %v", p, p.W, w)
		}
		sum += p.W
	}
	if sum != res.Total {
		tb.Fatalf("Total = %v, sum of pair weights = %v", res.Total, sum)
	}
}

// checkDuals checks that the solver's final primal and dual solutions
// satisfy the optimality conditions of the matching LP: duals
// non-negative, every edge slack non-negative, matched edges tight,
// exposed vertices at zero dual, blossoms with positive dual full. It uses
// binary lifting on the blossom forest, so deep nesting stays cheap.
//
// It is long because it checks every dual feasibility and complementary
// slackness condition in one pass, each condition a few lines.
func checkDuals(tb testing.TB, s *solver) {
	tb.Helper()
	if s.roots != 0 {
		tb.Fatalf("%d trees left", s.roots)
	}
	// Collect the live blossoms top-down (parents before children).
	nb := len(s.bparent)
	order := make([]int32, 0, nb)
	live := make([]bool, nb)
	for v := int32(0); v < s.n; v++ {
		if b := s.topOf(v); !live[b] {
			if s.bparent[b] >= 0 || s.labelOf(b) != none {
				tb.Fatalf("top blossom %d of vertex %d has parent %d, label %d", b, v, s.bparent[b], s.labelOf(b))
			}
			live[b] = true
			order = append(order, b)
		}
	}
	for i := 0; i < len(order); i++ {
		b := order[i]
		if b < s.n {
			continue
		}
		for _, c := range s.childs[b] {
			if s.bparent[c] != b || live[c] {
				tb.Fatalf("child %d of %d has parent %d", c, b, s.bparent[c])
			}
			live[c] = true
			order = append(order, c)
		}
	}
	if !live[0] && s.n > 0 || len(order) < int(s.n) {
		tb.Fatalf("blossom forest does not cover the vertices")
	}
	const logN = 32
	depth := make([]int32, nb)
	up := make([][logN]int32, nb)
	zsum := make([]int64, nb)
	z := make([]int64, nb)
	for _, b := range order {
		p := s.bparent[b]
		if b >= s.n {
			z[b] = s.zc[b] // every label is none at the end
			if z[b] < 0 {
				tb.Fatalf("blossom %d has dual %d", b, z[b])
			}
		}
		zsum[b] = z[b]
		up[b][0] = b
		if p >= 0 {
			depth[b] = depth[p] + 1
			zsum[b] += zsum[p]
			up[b][0] = p
		}
		for k := 1; k < logN; k++ {
			up[b][k] = up[up[b][k-1]][k-1]
		}
	}
	lca := func(a, b int32) int32 {
		if depth[a] < depth[b] {
			a, b = b, a
		}
		for k := logN - 1; k >= 0; k-- {
			if int(depth[a]-depth[b])>>k&1 == 1 {
				a = up[a][k]
			}
		}
		if a == b {
			return a
		}
		for k := logN - 1; k >= 0; k-- {
			if up[a][k] != up[b][k] {
				a, b = up[a][k], up[b][k]
			}
		}
		if up[a][0] == a { // different top-level blossoms
			return -1
		}
		return up[a][0]
	}
	inner := make([]int32, nb)
	for v := int32(0); v < s.n; v++ {
		y := s.y(v)
		if y < 0 {
			tb.Fatalf("vertex %d has dual %d", v, y)
		}
		m := s.mate[v]
		if m < 0 && y != 0 {
			tb.Fatalf("exposed vertex %d has dual %d", v, y)
		}
		if m >= 0 && s.mate[m] != v {
			tb.Fatalf("mate of %d is %d whose mate is %d", v, m, s.mate[m])
		}
		if m > v {
			if l := lca(v, m); l >= 0 {
				inner[l]++
			}
		}
	}
	for _, e := range s.edges {
		slack := s.y(e.u) + s.y(e.v) - e.w
		if l := lca(e.u, e.v); l >= 0 {
			slack += zsum[l]
		}
		if slack < 0 {
			tb.Fatalf("edge (%d, %d) has slack %d", e.u, e.v, slack)
		}
		if s.mate[e.u] == e.v && slack != 0 {
			tb.Fatalf("matched edge (%d, %d) has slack %d", e.u, e.v, slack)
		}
	}
	// Sum the matched edges and vertices below each blossom, bottom-up.
	size := make([]int32, nb)
	for i := len(order) - 1; i >= 0; i-- {
		b := order[i]
		if b < s.n {
			size[b] = 1
		}
		if p := s.bparent[b]; p >= 0 {
			size[p] += size[b]
			inner[p] += inner[b]
		}
		if b >= s.n && z[b] > 0 && inner[b] != (size[b]-1)/2 {
			tb.Fatalf("blossom %d with dual %d has %d vertices but %d matched inside", b, z[b], size[b], inner[b])
		}
	}
}

// solveChecked runs the solver like Match and checks its duals.
func solveChecked(tb testing.TB, n int, edges []graph.Edge, opt Options) Result {
	tb.Helper()
	res, err := Match(n, edges, opt)
	if err != nil {
		tb.Fatalf("Match: %v", err)
	}
	kept := dedupe(n, edges, opt.MaxCardinality)
	if len(kept) > 0 {
		scaled, err := scaleWeights(kept, n, opt.MaxCardinality)
		if err != nil {
			tb.Fatalf("scale: %v", err)
		}
		s := newSolver(n, kept, scaled)
		if err := s.solve(); err != nil {
			tb.Fatal(err)
		}
		checkDuals(tb, s)
		again := s.result(kept)
		if !slices.Equal(again.Pairs, res.Pairs) || again.Total != res.Total {
			tb.Fatalf("second run differs: %v vs %v", again.Pairs, res.Pairs)
		}
	}
	checkValid(tb, n, edges, res)
	return res
}

func atoi(tb testing.TB, s string) int {
	tb.Helper()
	x, err := strconv.Atoi(s)
	if err != nil {
		tb.Fatalf("bad integer %q", s)
	}
	return x
}
