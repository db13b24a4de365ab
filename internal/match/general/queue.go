package general

import "math/bits"

// Event kinds of the general matching solver's queue.
const (
	evVertex  int32 = iota // an even vertex's dual reaches zero
	evEdge                 // an edge between even vertices becomes tight
	evBlossom              // an odd blossom's dual reaches zero
	evGrow                 // an edge from an even vertex out of the trees becomes tight
)

// event is a scheduled event: at dual time key, the vertex, edge or
// blossom id of the given kind may become tight. Entries are never removed
// when they go stale; the solver checks them against the current state
// when they come out of the queue.
type event struct {
	key  int64
	id   int32
	kind int32
}

// queue is a radix heap of events. It needs monotone keys: every key
// pushed is at least the last key popped, which holds because every event
// time is at least the current dual time. Buckets are lists of fixed-size
// chunks recycled through a free list, so the queue never copies events to
// grow and its memory stays at the peak number of queued events.
//
// Events due now (key == last) wait in two FIFO lists instead of bucket 0:
// growth events after all others. Taking augmentations and shrinks first,
// and growing the trees breadth-first in turn, keeps the trees small when
// many edges are tight at once (unit weights): a tree that grew over the
// whole graph before meeting another would be dissolved and regrown at
// every augmentation.
type queue struct {
	last    int64
	size    int
	buckets [65][][]event // chunks; only the last one may be partly filled
	spare   [][]event     // empty chunks
	now     [2]fifo       // events with key == last: [0] urgent, [1] growth
}

const chunk = 512

// fifo is a first-in first-out list that reuses its storage once empty.
type fifo struct {
	items []event
	head  int
}

func (q *queue) push(ev event) {
	b := bits.Len64(uint64(ev.key ^ q.last))
	if b == 0 {
		q.pushNow(ev)
	} else {
		q.pushBucket(b, ev)
	}
	q.size++
}

func (q *queue) pushBucket(b int, ev event) {
	chunks := q.buckets[b]
	if n := len(chunks); n > 0 && len(chunks[n-1]) < chunk {
		chunks[n-1] = append(chunks[n-1], ev)
		return
	}
	var c []event
	if n := len(q.spare); n > 0 {
		c = q.spare[n-1]
		q.spare = q.spare[:n-1]
	} else {
		c = make([]event, 0, chunk)
	}
	q.buckets[b] = append(chunks, append(c, ev))
}

func (q *queue) pushNow(ev event) {
	f := &q.now[0]
	if ev.kind == evGrow {
		f = &q.now[1]
	}
	f.items = append(f.items, ev)
}

// pop removes an event of smallest key; ok is false when the queue is
// empty.
func (q *queue) pop() (ev event, ok bool) {
	if q.size == 0 {
		return event{}, false
	}
	for {
		for k := range q.now {
			f := &q.now[k]
			if f.head < len(f.items) {
				ev = f.items[f.head]
				f.head++
				if f.head == len(f.items) {
					f.items, f.head = f.items[:0], 0
				}
				q.size--
				return ev, true
			}
		}
		i := 1
		for len(q.buckets[i]) == 0 {
			i++
		}
		chunks := q.buckets[i]
		minKey := chunks[0][0].key
		for _, c := range chunks {
			for _, e := range c {
				minKey = min(minKey, e.key)
			}
		}
		q.last = minKey
		q.buckets[i] = chunks[:0]
		for _, c := range chunks {
			for _, e := range c {
				if e.key == minKey {
					q.pushNow(e)
				} else {
					q.pushBucket(bits.Len64(uint64(e.key^minKey)), e)
				}
			}
			q.spare = append(q.spare, c[:0])
		}
	}
}
