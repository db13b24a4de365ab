package bipartite

import "math"

// hk answers "do the arcs of weight >= t hold a b-matching of k pairs?"
// by Hopcroft-Karp generalised to column capacities (augmenting paths end
// at any column with spare capacity; from a full column they continue
// through any of its rows). The matching is kept between calls, minus the
// pairs below the new threshold, so a binary search over t reuses work.
type hk struct {
	n, m     int
	rowStart []int32 // arcs of row i, by weight descending
	col      []int32
	w        []int64
	capa     []int32

	lim     []int32 // end of the arcs of row i of weight >= t
	rowArc  []int32 // arc of a matched row, -1 when unmatched
	rowSlot []int32
	slotOff []int32 // rows of column j: slotRow[slotOff[j] : slotOff[j]+fill[j]]
	fill    []int32
	slotRow []int32
	card    int

	dist  []int32
	iter  []int32
	queue []int32
}

// hkDead marks a row with no augmenting path left in a phase; hkFar an
// unlabelled one.
const (
	hkDead = int32(-2)
	hkFar  = int32(math.MaxInt32 - 1)
)

func newHK(n, m int, capa, rowStart, col []int32, w []int64) *hk {
	h := &hk{
		n: n, m: m, rowStart: rowStart, col: col, w: w, capa: capa,
		lim:     make([]int32, n),
		rowArc:  make([]int32, n),
		rowSlot: make([]int32, n),
		slotOff: make([]int32, m+1),
		fill:    make([]int32, m),
		dist:    make([]int32, n),
		iter:    make([]int32, n),
	}
	for j := 0; j < m; j++ {
		h.slotOff[j+1] = h.slotOff[j] + capa[j]
	}
	h.slotRow = make([]int32, h.slotOff[m])
	for i := range h.rowArc {
		h.rowArc[i] = -1
	}
	return h
}

// assign matches row i through arc a, leaving its previous column first.
func (h *hk) assign(i, a int32) {
	if h.rowArc[i] >= 0 {
		h.unassign(i)
	}
	j := h.col[a]
	slot := h.slotOff[j] + h.fill[j]
	h.fill[j]++
	h.slotRow[slot] = i
	h.rowSlot[i] = slot
	h.rowArc[i] = a
	h.card++
}

// unassign frees row i, moving the last row of its column into its slot.
func (h *hk) unassign(i int32) {
	j := h.col[h.rowArc[i]]
	last := h.slotOff[j] + h.fill[j] - 1
	moved := h.slotRow[last]
	h.slotRow[h.rowSlot[i]] = moved
	h.rowSlot[moved] = h.rowSlot[i]
	h.fill[j]--
	h.rowArc[i] = -1
	h.card--
}

// reach reports whether the arcs of weight >= t hold a matching of at least
// k pairs; when they do, such a matching is left in h.
func (h *hk) reach(t int64, k int) bool {
	for i := 0; i < h.n; i++ {
		lo, hi := h.rowStart[i], h.rowStart[i+1]
		for lo < hi { // first arc of weight < t
			mid := lo + (hi-lo)/2
			if h.w[mid] >= t {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		h.lim[i] = lo
		if a := h.rowArc[i]; a >= 0 && h.w[a] < t {
			h.unassign(int32(i))
		}
	}
	for i := int32(0); int(i) < h.n && h.card < k; i++ {
		if h.rowArc[i] >= 0 {
			continue
		}
		for a := h.rowStart[i]; a < h.lim[i]; a++ {
			if j := h.col[a]; h.fill[j] < h.capa[j] {
				h.assign(i, a)
				break
			}
		}
	}
	for h.card < k {
		if !h.layer() {
			return false
		}
		before := h.card
		for i := int32(0); int(i) < h.n && h.card < k; i++ {
			if h.rowArc[i] < 0 && h.dist[i] == 0 {
				h.augment(i)
			}
		}
		if h.card == before {
			return false
		}
	}
	return true
}

// layer labels rows by their BFS distance from the unmatched rows along
// alternating paths and reports whether a column with spare capacity is
// reachable.
func (h *hk) layer() bool {
	h.queue = h.queue[:0]
	for i := int32(0); int(i) < h.n; i++ {
		h.iter[i] = h.rowStart[i]
		h.dist[i] = hkFar
		if h.rowArc[i] < 0 && h.lim[i] > h.rowStart[i] {
			h.dist[i] = 0
			h.queue = append(h.queue, i)
		}
	}
	found, reachLayer := false, hkFar
	for q := 0; q < len(h.queue); q++ {
		i := h.queue[q]
		if h.dist[i] > reachLayer {
			break
		}
		for a := h.rowStart[i]; a < h.lim[i]; a++ {
			j := h.col[a]
			if h.fill[j] < h.capa[j] {
				found, reachLayer = true, h.dist[i]
				continue
			}
			off := h.slotOff[j]
			for _, r := range h.slotRow[off : off+h.fill[j]] {
				if h.dist[r] == hkFar {
					h.dist[r] = h.dist[i] + 1
					h.queue = append(h.queue, r)
				}
			}
		}
	}
	return found
}

// augment looks for an augmenting path from row i along the BFS layers and
// flips it; it reports whether it found one.
func (h *hk) augment(i int32) bool {
	for ; h.iter[i] < h.lim[i]; h.iter[i]++ {
		a := h.iter[i]
		j := h.col[a]
		if h.fill[j] < h.capa[j] {
			h.assign(i, a)
			return true
		}
		off := h.slotOff[j]
		for q := off; q < off+h.fill[j]; q++ {
			r := h.slotRow[q]
			if h.dist[r] == h.dist[i]+1 && h.augment(r) {
				h.assign(i, a)
				return true
			}
		}
	}
	h.dist[i] = hkDead
	return false
}

// minWeight returns the smallest arc weight of the matching.
func (h *hk) minWeight() int64 {
	least := int64(math.MaxInt64)
	for _, a := range h.rowArc {
		if a >= 0 {
			least = min(least, h.w[a])
		}
	}
	return least
}
