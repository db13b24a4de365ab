package score

import (
	"math"
	"slices"
)

// top keeps the best k candidates seen: a min-heap whose root is the
// worst kept one. Candidate a is better than b when its score is higher, or
// equal with a lower partner index, so the kept set does not depend on the
// order candidates arrive in.
type top struct {
	k int
	h []Candidate
}

func better(a, b Candidate) bool {
	return a.Score > b.Score || (a.Score == b.Score && a.Partner < b.Partner)
}

func (t *top) reset(k int) { t.k, t.h = k, t.h[:0] }

func (t *top) full() bool { return len(t.h) >= t.k }

// worst is the root; only call when the heap is not empty.
func (t *top) worst() Candidate { return t.h[0] }

// push offers c; it is kept when there is room or it beats the worst.
func (t *top) push(c Candidate) {
	if len(t.h) < t.k {
		t.h = append(t.h, c)
		t.up(len(t.h) - 1)
		return
	}
	if !better(c, t.h[0]) {
		return
	}
	t.h[0] = c
	t.down(0)
}

func (t *top) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !better(t.h[p], t.h[i]) {
			return
		}
		t.h[p], t.h[i] = t.h[i], t.h[p]
		i = p
	}
}

func (t *top) down(i int) {
	n := len(t.h)
	for {
		w, l := i, 2*i+1
		if l < n && better(t.h[w], t.h[l]) {
			w = l
		}
		if r := l + 1; r < n && better(t.h[w], t.h[r]) {
			w = r
		}
		if w == i {
			return
		}
		t.h[i], t.h[w] = t.h[w], t.h[i]
		i = w
	}
}

// sorted returns a new slice of the kept candidates, best first.
func (t *top) sorted() []Candidate {
	if len(t.h) == 0 {
		return nil
	}
	out := slices.Clone(t.h)
	slices.SortFunc(out, func(a, b Candidate) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	return out
}

// item is a part of a bucket in the search order: its members that
// share a skill key with the query (tier 1) or the rest (tier 2), with an
// upper bound of their scores.
type item struct {
	ub     float64
	skill  float64 // bound of the skill factor (0 in tier 2)
	bucket int32
	tier   int8
}

// bins is the number of score bands the search sorts items into.
const bins = 512

// binScale maps an upper bound (0..100, a little more with rounding) to
// its band.
const binScale = bins / 101.0

// order returns items in bands of decreasing upper bound (a stable
// counting sort: inside a band, in the order they were added). It reuses
// order and count.
func order(items []item, order []item, count *[bins + 1]int32) []item {
	*count = [bins + 1]int32{}
	for _, it := range items {
		count[bin(it.ub)]++
	}
	// Bands from high to low: count[b] becomes the first slot of band b.
	pos := int32(0)
	for b := bins - 1; b >= 0; b-- {
		n := count[b]
		count[b] = pos
		pos += n
	}
	order = order[:len(items)]
	for _, it := range items {
		b := bin(it.ub)
		order[count[b]] = it
		count[b]++
	}
	return order
}

func bin(ub float64) int {
	b := int(ub * binScale)
	return max(0, min(bins-1, b))
}

// bandMax bounds every item in band b and below; the top band is
// unbounded. It keeps a band's margin against float rounding in bin.
func bandMax(b int) float64 {
	if b >= bins-1 {
		return math.Inf(1)
	}
	return float64(b+2) / binScale
}
