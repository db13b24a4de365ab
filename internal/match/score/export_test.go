package score

import "math"

// Hooks for the tests in package score_test. Those tests generate people
// with internal/synth, which imports score, so they cannot be tests of
// package score itself; these names exist only while testing.

// Sides of a format's matching problem (see sideOf).
const (
	SideNone  = sideNone
	SideLeft  = sideLeft
	SideRight = sideRight
	SidePool  = sidePool
)

// SideOf places a participant in f's matching problem by role.
func SideOf(f Format, r Role) int8 { return sideOf(f, r) }

// Better is the order of candidate lists: higher score, then lower index.
func Better(a, b Candidate) bool { return better(a, b) }

// Capitalize is what summaries use to start a sentence.
func Capitalize(s string) string { return capitalize(s) }

// Top keeps the best k candidates pushed, as the candidate search does.
type Top struct{ t top }

// NewTop returns an empty Top for k candidates.
func NewTop(k int) *Top {
	t := &Top{}
	t.t.reset(k)
	return t
}

// Push offers c.
func (t *Top) Push(c Candidate) { t.t.push(c) }

// Sorted returns the kept candidates, best first.
func (t *Top) Sorted() []Candidate { return t.t.sorted() }

// TestPool is a pool compiled for the candidate search.
type TestPool struct {
	p        *pool
	internal []int32 // input index -> internal index
}

// NewTestPool compiles people as Candidates does.
func NewTestPool(people []Profile, f Format, w Weights, r Rules) (*TestPool, error) {
	p, err := newPool(people, f, w, r)
	if err != nil {
		return nil, err
	}
	tp := &TestPool{p: p, internal: make([]int32, len(people))}
	for q, e := range p.ext {
		tp.internal[e] = int32(q)
	}
	return tp, nil
}

// Compatible reports whether no hard constraint removes the pair of input
// people i and j (in the order the search scores them).
func (tp *TestPool) Compatible(i, j int) bool {
	_, ok := tp.p.pair(tp.internal[i], tp.internal[j], 1, math.Inf(-1))
	return ok
}

// DeptKeyed reports whether the department is part of the bucket key of
// the given side.
func (tp *TestPool) DeptKeyed(side int8) bool { return tp.p.keyDept[side] }
