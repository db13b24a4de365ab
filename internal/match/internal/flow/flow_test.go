package flow

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

// arc is one arc of a test instance: row r, column c, scaled weight w.
type arc struct {
	r, c int32
	w    int64
}

// instance is a small b-matching problem: n rows, columns with capacities
// capa (each >= 1) and arcs, which may repeat a pair (the largest weight
// counts).
type instance struct {
	n    int
	capa []int32
	arcs []arc
}

// randomInstance draws rows x cols pairs with probability p, weights from
// weight, sometimes a second arc for the same pair, and capacities 1..3.
// With full set, every pair has an arc and the capacities add up to the
// rows (the "perfect" case of the dense engines).
func randomInstance(rng *rand.Rand, rows, cols int, p float64, full bool, weight func() int64) instance {
	in := instance{n: rows, capa: make([]int32, cols)}
	for c := range in.capa {
		in.capa[c] = 1 + int32(rng.IntN(3))
	}
	if full {
		for c := range in.capa {
			in.capa[c] = 1
		}
		for k := cols; k < rows; k++ {
			in.capa[rng.IntN(cols)]++
		}
	}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if !full && rng.Float64() >= p {
				continue
			}
			in.arcs = append(in.arcs, arc{int32(r), int32(c), weight()})
			if rng.IntN(5) == 0 {
				in.arcs = append(in.arcs, arc{int32(r), int32(c), weight()})
			}
		}
	}
	rng.Shuffle(len(in.arcs), func(i, j int) { in.arcs[i], in.arcs[j] = in.arcs[j], in.arcs[i] })
	return in
}

// build stores the instance with the given tuning.
func (in instance) build(tb testing.TB, tuning Tuning) *Problem {
	tb.Helper()
	var maxAbs int64
	for _, a := range in.arcs {
		maxAbs = max(maxAbs, a.w, -a.w)
	}
	each := func(yield func(r, c int32, w int64)) {
		for _, a := range in.arcs {
			yield(a.r, a.c, a.w)
		}
	}
	p, err := Build(in.n, len(in.capa), in.capa, len(in.arcs), maxAbs, Arcs{Each: each}, tuning)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// best returns the largest weight of each pair, keyed by r*cols+c.
func (in instance) best() map[int32]int64 {
	w := map[int32]int64{}
	for _, a := range in.arcs {
		k := a.r*int32(len(in.capa)) + a.c
		if old, ok := w[k]; !ok || a.w > old {
			w[k] = a.w
		}
	}
	return w
}

// outcome is what the objectives compare: pairs and total weight.
type outcome struct {
	card  int
	total int64
}

// better reports whether a beats b under mode: most pairs first with
// MaxCard, else at least MinCard pairs, then the largest total, then the
// most pairs.
func better(a, b outcome, mode Mode) bool {
	if mode.MaxCard && a.card != b.card {
		return a.card > b.card
	}
	if okA, okB := a.card >= mode.MinCard, b.card >= mode.MinCard; okA != okB {
		return okA
	}
	if a.total != b.total {
		return a.total > b.total
	}
	return a.card > b.card
}

// bruteForce tries every assignment of rows to columns (or to none).
func bruteForce(in instance, mode Mode) outcome {
	w := in.best()
	m := int32(len(in.capa))
	left := append([]int32(nil), in.capa...)
	var best outcome
	found := false
	var rec func(r int32, cur outcome)
	rec = func(r int32, cur outcome) {
		if int(r) == in.n {
			if !found || better(cur, best, mode) {
				best, found = cur, true
			}
			return
		}
		rec(r+1, cur)
		for c := int32(0); c < m; c++ {
			x, ok := w[r*m+c]
			if !ok || left[c] == 0 {
				continue
			}
			left[c]--
			rec(r+1, outcome{cur.card + 1, cur.total + x})
			left[c]++
		}
	}
	rec(0, outcome{})
	return best
}

// check verifies that s is a valid b-matching of in and returns its
// outcome.
func check(tb testing.TB, in instance, p *Problem, s *State) outcome {
	tb.Helper()
	w := in.best()
	m := int32(len(in.capa))
	used := make([]int32, m)
	var o outcome
	for r, c := range s.RowCol() {
		if c < 0 {
			continue
		}
		x, ok := w[int32(r)*m+c]
		if !ok {
			tb.Fatalf("row %d matched to column %d without an arc", r, c)
		}
		if got := p.Weight(int32(r), c); got != x {
			tb.Fatalf("Weight(%d, %d) = %d, want %d", r, c, got, x)
		}
		used[c]++
		if used[c] > in.capa[c] {
			tb.Fatalf("column %d holds %d rows, capacity %d", c, used[c], in.capa[c])
		}
		o.card++
		o.total += x
	}
	if o.card != s.Card() {
		tb.Fatalf("Card() = %d, %d rows matched", s.Card(), o.card)
	}
	return o
}

var tunings = []struct {
	name   string
	tuning Tuning
}{
	{"auto", DefaultTuning},
	{"sparse", Tuning{Layout: ForceSparse, BidsPerRow: 32}},
	{"dense64", Tuning{Layout: ForceDense64, BidsPerRow: 32}},
	{"auto-no-auction", Tuning{Layout: Auto}},
	{"sparse-short-auction", Tuning{Layout: ForceSparse, BidsPerRow: 1}},
}

// TestSolve_BruteForce solves small instances with every storage and
// objective and compares pairs and total with trying every assignment.
// Without MaxCard the weights are positive, as the contract asks.
func TestSolve_BruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 300; iter++ {
		rows, cols := 1+rng.IntN(7), 1+rng.IntN(4)
		full := iter%4 == 0 && rows >= cols
		p := []float64{0.3, 0.6, 1}[iter%3]
		for _, mode := range []Mode{{}, {MaxCard: true}, {MinCard: 1 + rng.IntN(rows)}} {
			weight := func() int64 { return 1 + rng.Int64N(20) }
			if mode.MaxCard {
				weight = func() int64 { return rng.Int64N(41) - 20 }
			}
			in := randomInstance(rng, rows, cols, p, full, weight)
			want := bruteForce(in, mode)
			for _, tu := range tunings {
				prob := in.build(t, tu.tuning)
				got := check(t, in, prob, prob.Solve(mode))
				if got != want {
					t.Fatalf("iter %d %s mode %+v: got %+v, want %+v (instance %+v)", iter, tu.name, mode, got, want, in)
				}
			}
		}
	}
}

// TestGlobalPhase_FromEmpty runs phase 2 alone, from the empty matching,
// on both engines: with weights <= 0 the zero duals are already feasible,
// so successive shortest paths from all unmatched rows must reach a
// maximum-cardinality matching of largest weight by themselves. The larger
// instances (more rows than a dense column's candidate list holds) drive
// the dense engine's lists through many rebuilds; they are checked against
// the full solve, the small ones against brute force too.
func TestGlobalPhase_FromEmpty(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for iter := 0; iter < 80; iter++ {
		rows, cols := 20+rng.IntN(40), 2+rng.IntN(12)
		if iter%2 == 1 {
			rows, cols = 1+rng.IntN(7), 1+rng.IntN(4)
		}
		p := []float64{0.3, 0.7, 1}[iter%3]
		in := randomInstance(rng, rows, cols, p, false, func() int64 { return -rng.Int64N(50) })
		mode := Mode{MaxCard: true}
		want := check(t, in, in.build(t, DefaultTuning), in.build(t, DefaultTuning).Solve(mode))
		if rows <= 7 {
			if bf := bruteForce(in, mode); bf != want {
				t.Fatalf("iter %d: full solve %+v, brute force %+v", iter, want, bf)
			}
		}
		for _, tu := range tunings[:3] {
			prob := in.build(t, tu.tuning)
			s := newState(prob.n, prob.m, prob.capa, prob.hasArc)
			run := Mode{MaxCard: true, costCap: int64(1) << 61}
			if prob.big > 0 {
				run.costCap = prob.big / 2
			}
			switch {
			case prob.dense32 != nil:
				s.run(newGlobalDense(s, prob.dense32), run)
			case prob.dense64 != nil:
				s.run(newGlobalDense(s, prob.dense64), run)
			default:
				s.run(newGlobalSparse(s, prob.rowStart, prob.adjCol, prob.adjCost), run)
			}
			if got := check(t, in, prob, s); got != want {
				t.Fatalf("iter %d %s: phase 2 alone %+v, full solve %+v", iter, tu.name, got, want)
			}
		}
	}
}

// TestBuild_Layouts checks the storage Build chooses: dense for a complete
// instance, adjacency lists for a sparse one or when forced.
func TestBuild_Layouts(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	one := func() int64 { return 1 + rng.Int64N(9) }
	tests := []struct {
		p      float64
		tuning Tuning
		dense  bool
	}{
		{1, DefaultTuning, true},
		{1, Tuning{Layout: ForceDense64}, true},
		{1, Tuning{Layout: ForceSparse}, false},
		{0.05, DefaultTuning, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("p=%v/layout=%d", tt.p, tt.tuning.Layout), func(t *testing.T) {
			in := randomInstance(rng, 40, 40, tt.p, false, one)
			prob := in.build(t, tt.tuning)
			if prob.Dense() != tt.dense {
				t.Errorf("Dense() = %v, want %v", prob.Dense(), tt.dense)
			}
			if r, c := prob.Size(); r != 40 || c != 40 {
				t.Errorf("Size() = %d, %d", r, c)
			}
		})
	}
}

// TestBuild_Range: costs that could overflow the int64 duals are refused
// with ErrRange.
func TestBuild_Range(t *testing.T) {
	_, err := Build(100, 100, make([]int32, 100), 1, int64(1)<<57, Arcs{Each: func(func(r, c int32, w int64)) {}}, DefaultTuning)
	if err == nil {
		t.Fatal("no error for weights of 2^57 on 100 x 100 nodes")
	}
	if !errors.Is(err, ErrRange) {
		t.Errorf("err = %v, want it to wrap ErrRange", err)
	}
}
