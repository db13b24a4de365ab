package stable

import (
	"cmp"
	"fmt"
	"slices"
)

// Result is a stable many-to-one matching.
type Result struct {
	// Pairs lists every matched (proposer, receiver), sorted by proposer.
	// Each proposer appears at most once, each receiver at most its capacity
	// times, and both ends of every pair list each other.
	Pairs [][2]int
	// BlockingPairs is the number of acceptable (proposer, receiver) pairs
	// that would both rather be matched together, recounted from Pairs and
	// the preference lists by a check separate from the algorithm; it is 0
	// for every result Match returns.
	BlockingPairs int
}

// denseLimit is the largest proposers x receivers table of ranks kept
// densely; larger instances use one map per receiver.
const denseLimit = 1 << 22

// Match computes the proposer-optimal stable matching by deferred acceptance
// (Gale-Shapley with receiver capacities). proposerPrefs[p] lists the
// receivers proposer p accepts, best first; receiverPrefs[r] lists the
// proposers receiver r accepts, best first. A pair can only be matched when
// each lists the other; lists may be incomplete. capacity[r] is the most
// proposers receiver r takes; nil means 1 for every receiver, and 0 is
// allowed.
//
// Among all stable matchings the result gives every proposer the best
// receiver it has in any of them. Match returns an error when a list names
// an index out of range or repeats an entry, when capacity has the wrong
// length, or when a capacity is negative.
func Match(proposerPrefs, receiverPrefs [][]int, capacity []int) (Result, error) {
	np, nr := len(proposerPrefs), len(receiverPrefs)
	caps, err := check(proposerPrefs, receiverPrefs, capacity)
	if err != nil {
		return Result{}, err
	}
	rank := ranks(receiverPrefs, np)
	next := make([]int, np)   // next index in proposerPrefs[p] to propose to
	held := make([][]int, nr) // proposers held by r: a max-heap on rank
	for start := range np {
		// p proposes down its list until held; a proposer displaced from a
		// full receiver takes over and carries on from where it stopped.
		p := start
		for p >= 0 && next[p] < len(proposerPrefs[p]) {
			r := proposerPrefs[p][next[p]]
			next[p]++
			rp, ok := rank(r, p)
			if !ok || caps[r] == 0 {
				continue // r does not accept p
			}
			h := held[r]
			if len(h) < caps[r] {
				held[r] = heapPush(h, p, r, rank)
				p = -1
				continue
			}
			if rw, _ := rank(r, h[0]); rw > rp {
				worst := h[0]
				h[0] = p
				heapDown(h, r, rank)
				p = worst
			}
		}
	}
	res := Result{Pairs: [][2]int{}}
	for r, h := range held {
		for _, p := range h {
			res.Pairs = append(res.Pairs, [2]int{p, r})
		}
	}
	slices.SortFunc(res.Pairs, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	res.BlockingPairs = blocking(proposerPrefs, receiverPrefs, caps, res.Pairs)
	return res, nil
}

// check validates the input and returns the capacities (all 1 when
// capacity is nil).
func check(proposerPrefs, receiverPrefs [][]int, capacity []int) ([]int, error) {
	np, nr := len(proposerPrefs), len(receiverPrefs)
	caps := capacity
	if caps == nil {
		caps = make([]int, nr)
		for i := range caps {
			caps[i] = 1
		}
	}
	if len(caps) != nr {
		return nil, fmt.Errorf("match: %d capacities for %d receivers", len(caps), nr)
	}
	for r, c := range caps {
		if c < 0 {
			return nil, fmt.Errorf("match: receiver %d has negative capacity %d", r, c)
		}
	}
	check := func(side string, lists [][]int, other int) error {
		seen := make([]int, other) // seen[x] = 1 + index of the last list naming x
		for i, list := range lists {
			for _, x := range list {
				if x < 0 || x >= other {
					return fmt.Errorf("match: %s %d lists %d, outside 0..%d", side, i, x, other-1)
				}
				if seen[x] == i+1 {
					return fmt.Errorf("match: %s %d lists %d twice", side, i, x)
				}
				seen[x] = i + 1
			}
		}
		return nil
	}
	if err := check("proposer", proposerPrefs, nr); err != nil {
		return nil, err
	}
	if err := check("receiver", receiverPrefs, np); err != nil {
		return nil, err
	}
	return caps, nil
}

// ranks returns a look-up of receiver r's rank of proposer p (0 is
// best); ok is false when r does not list p.
func ranks(receiverPrefs [][]int, np int) func(r, p int) (int, bool) {
	nr := len(receiverPrefs)
	if np*nr <= denseLimit {
		table := make([]int32, np*nr) // rank+1, 0 = not listed
		for r, list := range receiverPrefs {
			for i, p := range list {
				table[r*np+p] = int32(i + 1)
			}
		}
		return func(r, p int) (int, bool) {
			x := table[r*np+p]
			return int(x) - 1, x > 0
		}
	}
	maps := make([]map[int]int, nr)
	for r, list := range receiverPrefs {
		maps[r] = make(map[int]int, len(list))
		for i, p := range list {
			maps[r][p] = i
		}
	}
	return func(r, p int) (int, bool) {
		x, ok := maps[r][p]
		return x, ok
	}
}

// heapPush adds p to receiver r's max-heap (by rank) of held proposers.
func heapPush(h []int, p, r int, rank func(r, p int) (int, bool)) []int {
	h = append(h, p)
	i := len(h) - 1
	for i > 0 {
		parent := (i - 1) / 2
		ri, _ := rank(r, h[i])
		rp, _ := rank(r, h[parent])
		if ri <= rp {
			break
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
	return h
}

// heapDown restores the max-heap after its root changed.
func heapDown(h []int, r int, rank func(r, p int) (int, bool)) {
	i := 0
	for {
		big := i
		rb, _ := rank(r, h[big])
		for _, c := range []int{2*i + 1, 2*i + 2} {
			if c < len(h) {
				if rc, _ := rank(r, h[c]); rc > rb {
					big, rb = c, rc
				}
			}
		}
		if big == i {
			return
		}
		h[i], h[big] = h[big], h[i]
		i = big
	}
}

// blocking counts the blocking pairs of a matching from scratch: the
// pairs (p, r) that list each other, are not matched together, where p is
// unmatched or prefers r to its receiver, and r has a free place or prefers
// p to the worst proposer it holds. It uses only the lists, the capacities
// and the pairs, not any state of the algorithm.
func blocking(proposerPrefs, receiverPrefs [][]int, caps []int, pairs [][2]int) int {
	np, nr := len(proposerPrefs), len(receiverPrefs)
	partner := make([]int, np)
	for p := range partner {
		partner[p] = -1
	}
	count := make([]int, nr)
	for _, pr := range pairs {
		partner[pr[0]] = pr[1]
		count[pr[1]]++
	}
	rankOf := make([]map[int]int, nr)
	for r, list := range receiverPrefs {
		rankOf[r] = make(map[int]int, len(list))
		for i, p := range list {
			rankOf[r][p] = i
		}
	}
	worst := make([]int, nr) // rank of the worst proposer held, -1 if none
	for r := range worst {
		worst[r] = -1
	}
	for _, pr := range pairs {
		worst[pr[1]] = max(worst[pr[1]], rankOf[pr[1]][pr[0]])
	}
	blocking := 0
	for p, list := range proposerPrefs {
		for _, r := range list {
			if r == partner[p] {
				break // p prefers its own receiver to the rest of its list
			}
			rp, ok := rankOf[r][p]
			if !ok {
				continue
			}
			if count[r] < caps[r] || rp < worst[r] {
				blocking++
			}
		}
	}
	return blocking
}
