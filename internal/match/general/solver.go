package general

import "errors"

// The solver is a primal-dual (Edmonds) maximum-weight matching algorithm in
// the multiple-tree form: every exposed vertex (or blossom) with a positive
// dual is the root of its own alternating tree, all trees grow at once, and
// one global dual time D advances to the next event.
//
// The vertices of each top-level blossom form a group. Duals are lazy: a
// vertex stores pot and its group g stores c and the blossom's label, and
//
//	y(v) = pot[v] + c[g] + sign(label[g]) * D
//
// with sign -1 for even (dual falls), +1 for odd (rises) and 0 otherwise,
// so relabelling a whole blossom is O(1). When blossoms shrink into a new
// one, the largest child hands its group to the new blossom and only the
// vertices of the other children move (and back again on expansion), so a
// large blossom absorbing small cycles one by one costs no more than the
// small cycles. A blossom's dual is z = zc - 2*sign*D likewise.
//
// Every event (a dual reaching zero, an edge becoming tight) has a time
// that stays fixed while the labels of the vertices it involves stay fixed,
// so one monotone queue holds them all and stale entries are recognised on
// the way out by recomputing their time.
//
// Weights are multiplied by 4 and initial duals are half the largest
// incident weight, so all duals are even and every slack between two even
// vertices is even: all event times are integers.
//
// An event later than the end of the trees it involves is never queued: a
// tree is dissolved at the latest when its root's dual reaches zero, which
// makes such events stale, and vertices are scanned again whenever they
// become even or unlabelled later.

const (
	none int8 = iota // not in a tree
	even
	odd
)

// sign is the rate at which a vertex dual changes with D under a label.
func sign(l int8) int64 {
	switch l {
	case even:
		return -1
	case odd:
		return 1
	}
	return 0
}

// pair is the edge between consecutive sub-blossoms of a blossom: x lies
// in child i and y in child i+1 (cyclically).
type pair struct{ x, y int32 }

type edgeRec struct {
	u, v int32
	w    int64
}

// arc is an edge seen from one end: the other end, the edge index and
// the scaled weight.
type arc struct {
	to, e int32
	w     int64
}

// group is the dual offset and label shared by the vertices of a
// top-level blossom b.
type group struct {
	c     int64
	lim   int64 // for a labelled blossom: the time its tree ends at the latest
	b     int32
	label int8
}

// solver holds the graph in CSR form, the matching, the blossom forest
// and the duals of one Match call.
type solver struct {
	n     int32
	start []int32 // CSR: arcs of v are arcs[start[v]:start[v+1]]
	arcs  []arc
	edges []edgeRec

	mate  []int32 // matched partner or -1
	group []int32 // group of each vertex (that of its top-level blossom)
	pot   []int64
	next  []int32 // leaf lists: blossom b's vertices are first[b]..last[b]

	grp       []group
	freeGroup []int32

	// Blossoms: ids 0..n-1 are the vertices, n..2n-1 non-trivial ones.
	bgroup      []int32 // group of a top-level blossom, -1 inside another
	bparent     []int32
	base        []int32
	size        []int32
	heir        []int32 // the child that holds the group while b exists
	tree        []int32 // tree id (the root's base vertex) of a labelled blossom
	lu, lv      []int32 // tree edge to the parent: lu outside, lv inside; lu = -1 at a root
	zc          []int64
	first, last []int32
	childs      [][]int32 // children in cycle order, the base's child first
	ends        [][]pair
	freeIDs     []int32
	mark        []uint32
	stamp       uint32

	treeList [][]int32 // blossoms labelled in each tree (may hold stale ids)
	rootP    []int64   // per tree: when the root's dual reaches zero
	d        int64
	roots    int
	q        queue

	scratch  []int32
	dissolve []int32
}

// solve runs the primal-dual algorithm to optimality. It fails only if an
// internal invariant breaks (a tree left without any pending event).
func (s *solver) solve() error {
	s.greedy()
	for v := int32(0); v < s.n; v++ {
		if s.mate[v] < 0 && s.pot[v] > 0 {
			s.setLabel(v, even)
			s.rootP[v] = s.pot[v] + s.grp[v].c
			s.setTree(v, v)
			s.treeList[v] = append(s.treeList[v], v)
			s.roots++
			s.scanEven(v)
		}
	}
	for s.roots > 0 {
		ev, ok := s.q.pop()
		if !ok {
			return errors.New("match: general solver ran out of events with trees left")
		}
		switch ev.kind {
		case evVertex:
			v := ev.id
			g := &s.grp[s.group[v]]
			if g.label != even || s.pot[v]+g.c != ev.key {
				continue
			}
			s.d = ev.key
			s.unmatchVertex(v)
		case evBlossom:
			b := ev.id
			if s.labelOf(b) != odd || s.zc[b] != 2*ev.key {
				continue
			}
			s.d = ev.key
			s.expand(b)
		default:
			s.edgeEvent(ev)
		}
	}
	return nil
}

// greedy builds the starting matching. The initial duals (half the largest
// incident weight) are feasible; then each exposed vertex in turn lowers
// its dual as far as feasibility allows (to the largest w - y(u) over its
// edges, at least 0), which makes at least one of its edges tight, and
// takes a tight edge to an exposed neighbour if there is one. Lowering the
// dual of an exposed vertex keeps every matched edge tight, and all duals
// stay even (weights are multiples of 4).
func (s *solver) greedy() {
	for v := int32(0); v < s.n; v++ {
		if s.mate[v] >= 0 {
			continue
		}
		var need int64
		arcs := s.arcs[s.start[v]:s.start[v+1]]
		for _, a := range arcs {
			need = max(need, a.w-s.pot[a.to])
		}
		s.pot[v] = need
		for _, a := range arcs {
			u := a.to
			if s.mate[u] < 0 && s.pot[u]+need == a.w {
				s.mate[u], s.mate[v] = v, u
				break
			}
		}
	}
}

// edgeEvent validates and handles an edge event: growth, augmentation or
// blossom shrinking.
func (s *solver) edgeEvent(ev event) {
	e := s.edges[ev.id]
	u, v := e.u, e.v
	gu, gv := &s.grp[s.group[u]], &s.grp[s.group[v]]
	if gv.label == even && gu.label != even {
		u, v, gu, gv = v, u, gv, gu
	}
	if gu.label != even {
		return
	}
	pu := s.pot[u] + gu.c
	switch gv.label {
	case even:
		if gu == gv || pu+s.pot[v]+gv.c-e.w != 2*ev.key {
			return
		}
		s.d = ev.key
		tu, tv := s.tree[gu.b], s.tree[gv.b]
		if tu == tv {
			s.shrink(u, v)
			return
		}
		s.augmentPath(u, v)
		s.augmentPath(v, u)
		s.roots -= 2
		s.dissolveTrees(tu, tv)
	case none:
		if pu+s.pot[v]+gv.c-e.w != ev.key {
			return
		}
		s.d = ev.key
		bv := gv.b
		if s.mate[s.base[bv]] >= 0 {
			s.grow(u, v)
			return
		}
		// bv is an exposed blossom whose base dual is zero: augment into it.
		t := s.tree[gu.b]
		if bv >= s.n {
			s.augmentBlossom(bv, v)
		}
		s.mate[v] = u
		s.augmentPath(u, v)
		s.roots--
		s.dissolveTrees(t, -1)
	}
}

// unmatchVertex handles an even vertex v whose dual reached zero: the path
// from v to its tree's root is flipped so that v becomes exposed (which its
// zero dual allows) and the root matched, and the tree is dissolved.
func (s *solver) unmatchVertex(v int32) {
	t := s.tree[s.topOf(v)]
	s.augmentPath(v, -1)
	s.roots--
	s.dissolveTrees(t, -1)
}

// grow labels the matched blossom of v odd, below the even vertex u, and
// its partner blossom even.
func (s *solver) grow(u, v int32) {
	t := s.tree[s.topOf(u)]
	bv := s.topOf(v)
	s.setLabel(bv, odd)
	s.setTree(bv, t)
	s.lu[bv], s.lv[bv] = u, v
	if bv >= s.n {
		s.q.push(event{key: s.zc[bv] / 2, id: bv, kind: evBlossom})
	}
	w := s.base[bv]
	m := s.mate[w]
	bm := s.topOf(m)
	s.setLabel(bm, even)
	s.setTree(bm, t)
	s.lu[bm], s.lv[bm] = w, m
	s.treeList[t] = append(s.treeList[t], bv, bm)
	s.scanEvenBlossom(bm)
}
