package flow

// indexHeap is a binary min-heap of items 0..n-1 keyed by key[item],
// ties broken by the smaller item, with each item present at most once.
type indexHeap struct {
	key  []int64
	heap []int32
	pos  []int32 // index of an item in heap, -1 when absent
}

func newIndexHeap(n int) *indexHeap {
	h := &indexHeap{key: make([]int64, n), pos: make([]int32, n)}
	for i := range h.pos {
		h.pos[i] = -1
	}
	return h
}

func (h *indexHeap) less(a, b int32) bool {
	ka, kb := h.key[a], h.key[b]
	return ka < kb || (ka == kb && a < b)
}

// set inserts item x with key k, or moves it to key k.
func (h *indexHeap) set(x int32, k int64) {
	if p := h.pos[x]; p >= 0 {
		old := h.key[x]
		h.key[x] = k
		if k < old {
			h.up(int(p))
		} else {
			h.down(int(p))
		}
		return
	}
	h.key[x] = k
	h.pos[x] = int32(len(h.heap))
	h.heap = append(h.heap, x)
	h.up(len(h.heap) - 1)
}

// remove takes item x out of the heap if present.
func (h *indexHeap) remove(x int32) {
	p := int(h.pos[x])
	if p < 0 {
		return
	}
	last := len(h.heap) - 1
	h.swap(p, last)
	h.heap = h.heap[:last]
	h.pos[x] = -1
	if p < last {
		h.down(p)
		h.up(p)
	}
}

// top returns the least item; the heap must not be empty.
func (h *indexHeap) top() int32 { return h.heap[0] }

func (h *indexHeap) swap(a, b int) {
	h.heap[a], h.heap[b] = h.heap[b], h.heap[a]
	h.pos[h.heap[a]] = int32(a)
	h.pos[h.heap[b]] = int32(b)
}

func (h *indexHeap) up(p int) {
	for p > 0 {
		q := (p - 1) / 2
		if !h.less(h.heap[p], h.heap[q]) {
			return
		}
		h.swap(p, q)
		p = q
	}
}

func (h *indexHeap) down(p int) {
	n := len(h.heap)
	for {
		c := 2*p + 1
		if c >= n {
			return
		}
		if c+1 < n && h.less(h.heap[c+1], h.heap[c]) {
			c++
		}
		if !h.less(h.heap[c], h.heap[p]) {
			return
		}
		h.swap(p, c)
		p = c
	}
}

// distItem is a tentative distance of a column in lazyHeap.
type distItem struct {
	d int64
	j int32
}

// lazyHeap is a binary min-heap of tentative distances, ordered by
// (d, j). A column may appear several times; the search skips entries that
// no longer match its distance.
type lazyHeap []distItem

func (h *lazyHeap) push(it distItem) {
	a := append(*h, it)
	p := len(a) - 1
	for p > 0 {
		q := (p - 1) / 2
		if !itemLess(a[p], a[q]) {
			break
		}
		a[p], a[q] = a[q], a[p]
		p = q
	}
	*h = a
}

func (h *lazyHeap) pop() distItem {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	p := 0
	for {
		c := 2*p + 1
		if c >= last {
			break
		}
		if c+1 < last && itemLess(a[c+1], a[c]) {
			c++
		}
		if !itemLess(a[c], a[p]) {
			break
		}
		a[p], a[c] = a[c], a[p]
		p = c
	}
	*h = a
	return top
}

func itemLess(a, b distItem) bool {
	return a.d < b.d || (a.d == b.d && a.j < b.j)
}
