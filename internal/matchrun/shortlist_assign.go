package matchrun

import (
	"cmp"
	"container/heap"
	"math"
	"slices"

	"github.com/mentormesh/mentormesh/internal/match/bipartite"
	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// ssOption is one compatible candidate of a picker: a pool index and the
// pair's score.
type ssOption struct {
	cand  int
	score float64
}

// ssBetter orders options best first: higher score, then lower index.
func ssBetter(a, b ssOption) int {
	return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.cand, b.cand))
}

// exposureBudgets returns every pool member's exposure budget room[i]*k and
// k itself, k = max(MinExposurePerPlace, ceil(pickers*size/places)) over the
// pickers with an option and the free places of the candidates that are
// someone's option (see Shortlists). Budgets of people who are nobody's
// option are still room*k; they are never used.
func exposureBudgets(options [][]ssOption, room []int, size int) ([]int, int) {
	pickers, places := 0, 0
	seen := make([]bool, len(room))
	for _, opts := range options {
		if len(opts) > 0 {
			pickers++
		}
		for _, o := range opts {
			if !seen[o.cand] {
				seen[o.cand] = true
				places += room[o.cand]
			}
		}
	}
	k := MinExposurePerPlace
	if places > 0 {
		k = max(k, (pickers*size+places-1)/places)
	}
	budget := make([]int, len(room))
	for i, r := range room {
		budget[i] = max(r, 0) * k
	}
	return budget, k
}

// assignShortlists chooses for every picker (a pool index with options) at
// most size of its options, each candidate j chosen by at most budget[j]
// pickers, and returns each picker's choice best first (ssBetter). options[i]
// must be sorted best first and name every candidate at most once.
//
// The first choice of every picker comes from a maximum-cardinality,
// then maximum-score b-matching (bipartite.Match), so the number of pickers
// with a non-empty list is the largest the budgets allow. Further choices
// are dealt in rounds: in each round every picker that still has room gets
// its best option whose candidate has budget left, pickers with better
// options served first (ties: lower picker index). The result depends only
// on the arguments.
func assignShortlists(options [][]ssOption, budget []int, size int) ([][]ssOption, error) {
	n := len(options)
	out := make([][]ssOption, n)
	if size <= 0 {
		return out, nil
	}
	left := slices.Clone(budget)
	taken := make([]map[int]bool, n)

	if err := dealFirstChoices(options, left, out, taken); err != nil {
		return nil, err
	}

	// Later rounds: each picker's next best option with budget left.
	next := make([]int, n)
	for round := 1; round < size; round++ {
		h := &ssHeap{}
		for i := range options {
			if len(out[i]) == round && ssAdvance(options[i], &next[i], left, taken[i]) {
				h.items = append(h.items, ssHeapItem{picker: i, opt: options[i][next[i]]})
			}
		}
		if h.Len() == 0 {
			break
		}
		heap.Init(h)
		for h.Len() > 0 {
			it := heap.Pop(h).(ssHeapItem)
			i := it.picker
			if left[it.opt.cand] <= 0 { // spent by a better pair earlier in the round
				if ssAdvance(options[i], &next[i], left, taken[i]) {
					heap.Push(h, ssHeapItem{picker: i, opt: options[i][next[i]]})
				}
				continue
			}
			out[i] = append(out[i], it.opt)
			left[it.opt.cand]--
			if taken[i] == nil {
				taken[i] = map[int]bool{}
			}
			taken[i][it.opt.cand] = true
			next[i]++
		}
	}
	for i := range out {
		slices.SortFunc(out[i], ssBetter)
	}
	return out, nil
}

// dealFirstChoices gives every picker its first choice from an exact
// maximum-cardinality, then maximum-score b-matching of pickers to
// candidates within their budgets left, spending the budgets (round 1 of
// assignShortlists).
func dealFirstChoices(options [][]ssOption, left []int, out [][]ssOption, taken []map[int]bool) error {
	var lefts, rights []int
	rightOf := map[int]int{}
	var edges []graph.Edge
	weigh := ssWeigher(options)
	for i, opts := range options {
		if len(opts) == 0 {
			continue
		}
		u := len(lefts)
		lefts = append(lefts, i)
		for rank, o := range opts {
			if left[o.cand] <= 0 {
				continue
			}
			v, ok := rightOf[o.cand]
			if !ok {
				v = len(rights)
				rightOf[o.cand] = v
				rights = append(rights, o.cand)
			}
			edges = append(edges, graph.Edge{U: u, V: v, W: weigh(o.score, rank)})
		}
	}
	capacity := make([]int, len(rights))
	for v, j := range rights {
		capacity[v] = left[j]
	}
	first, err := bipartite.Match(len(lefts), len(rights), edges, capacity, bipartite.Options{MaxCardinality: true})
	if err != nil {
		return err
	}
	for _, e := range first.Pairs {
		i, j := lefts[e.U], rights[e.V]
		o := options[i][slices.IndexFunc(options[i], func(o ssOption) bool { return o.cand == j })]
		out[i] = append(out[i], o)
		left[j]--
		taken[i] = map[int]bool{j: true}
	}
	return nil
}

// ssWeigher returns the edge weight of the first round: the score (one
// decimal) first, and among equal totals the better-ranked options, as an
// exact integer score*10*m + (maxRank - rank) with m above any sum of rank
// bonuses. When that would not fit a float64 exactly it falls back to the
// score alone (ties then go the solver's way, still deterministically).
func ssWeigher(options [][]ssOption) func(score float64, rank int) float64 {
	pickers, longest := 0, 0
	for _, opts := range options {
		if len(opts) > 0 {
			pickers++
			longest = max(longest, len(opts))
		}
	}
	m := float64(pickers*longest + 1)
	if 1000*m*10 > 1<<50 { // scores are at most 100, so score*10 at most 1000
		return func(score float64, _ int) float64 { return score }
	}
	return func(score float64, rank int) float64 {
		return math.Round(score*10)*m + float64(longest-rank)
	}
}

// ssAdvance moves *next to the first option not yet taken whose candidate
// has budget left and reports whether there is one.
func ssAdvance(opts []ssOption, next *int, left []int, taken map[int]bool) bool {
	for *next < len(opts) && (left[opts[*next].cand] <= 0 || taken[opts[*next].cand]) {
		*next++
	}
	return *next < len(opts)
}

// ssHeapItem is a picker waiting in a round with its best available option.
type ssHeapItem struct {
	picker int
	opt    ssOption
}

// ssHeap pops the best waiting option first (higher score, then lower
// picker index, then lower candidate index).
type ssHeap struct{ items []ssHeapItem }

func (h *ssHeap) Len() int { return len(h.items) }
func (h *ssHeap) Less(a, b int) bool {
	x, y := h.items[a], h.items[b]
	return cmp.Or(cmp.Compare(y.opt.score, x.opt.score), cmp.Compare(x.picker, y.picker), cmp.Compare(x.opt.cand, y.opt.cand)) < 0
}
func (h *ssHeap) Swap(a, b int) { h.items[a], h.items[b] = h.items[b], h.items[a] }
func (h *ssHeap) Push(x any)    { h.items = append(h.items, x.(ssHeapItem)) }
func (h *ssHeap) Pop() any {
	last := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return last
}
