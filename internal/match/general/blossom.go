package general

// Blossom operations of the general matching solver: shrinking an odd
// cycle into a blossom, expanding an odd blossom whose dual reached zero,
// and moving a blossom's base during an augmentation.
//
// A blossom's children are kept in cycle order with the child holding the
// base first; ends[i] joins child i to child i+1 (cyclically), and the
// edges ends[1], ends[3], ... are matched.

// upEven returns the even blossom two levels above the even blossom b in
// its tree, or -1 when b is the root.
func (s *solver) upEven(b int32) int32 {
	if s.lu[b] < 0 {
		return -1
	}
	odd := s.topOf(s.lu[b])
	return s.topOf(s.lu[odd])
}

// shrink turns the cycle closed by the tight edge (u, v) between two even
// blossoms of one tree into a new even blossom.
//
// It is long because shrinking is one step of the algorithm whose bookkeeping
// (groups, lazy duals, labels, queued events) must change together; split up,
// the invariants would be spread over several functions.
func (s *solver) shrink(u, v int32) {
	bu, bv := s.topOf(u), s.topOf(v)
	s.stamp++
	if s.stamp == 0 {
		clear(s.mark)
		s.stamp = 1
	}
	lca := int32(-1)
	for a, b := bu, bv; lca < 0; {
		if a >= 0 {
			if s.mark[a] == s.stamp {
				lca = a
				break
			}
			s.mark[a] = s.stamp
			a = s.upEven(a)
		}
		if b >= 0 {
			if s.mark[b] == s.stamp {
				lca = b
				break
			}
			s.mark[b] = s.stamp
			b = s.upEven(b)
		}
	}

	nb := s.freeIDs[len(s.freeIDs)-1]
	s.freeIDs = s.freeIDs[:len(s.freeIDs)-1]
	ch := s.childs[nb][:0]
	en := s.ends[nb][:0]
	// The path from bu up to the LCA, reversed, then the path from bv up.
	ch = append(ch, lca)
	for x := bu; x != lca; {
		ch = append(ch, x)
		odd := s.topOf(s.lu[x])
		ch = append(ch, odd)
		x = s.topOf(s.lu[odd])
	}
	for i, j := 1, len(ch)-1; i < j; i, j = i+1, j-1 {
		ch[i], ch[j] = ch[j], ch[i]
	}
	for i := 1; i < len(ch); i++ {
		en = append(en, pair{s.lu[ch[i]], s.lv[ch[i]]})
	}
	en = append(en, pair{u, v})
	for x := bv; x != lca; {
		odd := s.topOf(s.lu[x])
		ch = append(ch, x, odd)
		en = append(en, pair{s.lv[x], s.lu[x]}, pair{s.lv[odd], s.lu[odd]})
		x = s.topOf(s.lu[odd])
	}
	s.childs[nb], s.ends[nb] = ch, en

	// Freeze the children's duals, find the largest child and the odd ones
	// (whose vertices become even), and chain the leaf lists.
	odds := s.scratch[:0]
	big := ch[0]
	var size int32
	for i, b := range ch {
		l := s.labelOf(b)
		if l == odd {
			odds = append(odds, b)
		}
		if b >= s.n {
			s.zc[b] -= 2 * sign(l) * s.d
		}
		s.bparent[b] = nb
		size += s.size[b]
		if s.size[b] > s.size[big] {
			big = b
		}
		if i > 0 {
			s.next[s.last[ch[i-1]]] = s.first[b]
		}
	}
	// The largest child's group becomes the new blossom's; the vertices of
	// the other children move into it.
	g := s.bgroup[big]
	gg := &s.grp[g]
	gg.c += (sign(gg.label) + 1) * s.d
	gg.label = even
	gg.b = nb
	for _, b := range ch {
		if b == big {
			s.bgroup[b] = -1
			continue
		}
		og := s.bgroup[b]
		o := s.grp[og]
		shift := o.c + sign(o.label)*s.d - gg.c + s.d
		for x := s.first[b]; ; x = s.next[x] {
			s.pot[x] += shift
			s.group[x] = g
			if x == s.last[b] {
				break
			}
		}
		s.freeGroup = append(s.freeGroup, og)
		s.bgroup[b] = -1
	}
	s.bgroup[nb] = g
	s.heir[nb] = big
	s.size[nb] = size
	s.first[nb], s.last[nb] = s.first[ch[0]], s.last[ch[len(ch)-1]]
	s.base[nb] = s.base[lca]
	s.lu[nb], s.lv[nb] = s.lu[lca], s.lv[lca]
	s.tree[nb] = s.tree[lca] // the group's lim is already that tree's
	s.bparent[nb] = -1
	s.zc[nb] = -2 * s.d // z = zc + 2D = 0 now, rising while even
	t := s.tree[nb]
	s.treeList[t] = append(s.treeList[t], nb)
	for _, b := range odds {
		for x := s.first[b]; ; x = s.next[x] {
			s.scanEven(x)
			if x == s.last[b] {
				break
			}
		}
	}
	s.scratch = odds[:0]
}

// expand dissolves the odd blossom b whose dual reached zero: the children
// on the even-length path from the entry child to the base child keep
// alternating labels in the tree, the others become unlabelled.
//
// It is long for the same reason as shrink: one step whose bookkeeping must
// change together.
func (s *solver) expand(b int32) {
	ch, en := s.childs[b], s.ends[b]
	k := len(ch)
	entry := s.lv[b]
	for s.bparent[entry] != b {
		entry = s.bparent[entry]
	}
	j := 0
	for ch[j] != entry {
		j++
	}
	// The heir keeps b's group, unlabelled; the other children get groups
	// of their own.
	g := s.bgroup[b]
	gg := &s.grp[g]
	cur := gg.c + sign(gg.label)*s.d
	for _, sub := range ch {
		s.bparent[sub] = -1
		if sub == s.heir[b] {
			continue
		}
		ng := s.freeGroup[len(s.freeGroup)-1]
		s.freeGroup = s.freeGroup[:len(s.freeGroup)-1]
		s.grp[ng] = group{b: sub, label: none}
		s.bgroup[sub] = ng
		for x := s.first[sub]; ; x = s.next[x] {
			s.pot[x] += cur
			s.group[x] = ng
			if x == s.last[sub] {
				break
			}
		}
	}
	gg.c, gg.label, gg.b = cur, none, s.heir[b]
	s.bgroup[s.heir[b]] = g
	s.bgroup[b] = -1
	t := s.tree[b]

	labelOdd := func(o, from, to int32) {
		s.setLabel(o, odd)
		s.setTree(o, t)
		s.lu[o], s.lv[o] = from, to
		if o >= s.n {
			s.q.push(event{key: s.zc[o] / 2, id: o, kind: evBlossom})
		}
		s.treeList[t] = append(s.treeList[t], o)
	}
	labelEven := func(e int32) {
		s.setLabel(e, even)
		w := s.base[e]
		s.setTree(e, t)
		s.lu[e], s.lv[e] = s.mate[w], w
		s.treeList[t] = append(s.treeList[t], e)
	}
	labelOdd(ch[j], s.lu[b], s.lv[b])
	evens := s.scratch[:0]
	if j%2 == 0 {
		for i := j; i != 0; i -= 2 {
			labelEven(ch[i-1])
			evens = append(evens, ch[i-1])
			labelOdd(ch[i-2], en[i-2].y, en[i-2].x)
		}
	} else {
		for i := j; i != k; i += 2 {
			labelEven(ch[i+1])
			evens = append(evens, ch[i+1])
			labelOdd(ch[(i+2)%k], en[i+1].x, en[i+1].y)
		}
	}
	for _, e := range evens {
		s.scanEvenBlossom(e)
	}
	s.scratch = evens[:0]
	for _, sub := range ch {
		if s.labelOf(sub) != none {
			continue
		}
		for x := s.first[sub]; ; x = s.next[x] {
			s.scanFree(x)
			if x == s.last[sub] {
				break
			}
		}
	}
	s.childs[b], s.ends[b] = ch[:0], en[:0]
	s.freeIDs = append(s.freeIDs, b)
}

// augmentBlossom makes vertex v the base of blossom b by flipping the
// matched edges along the even-length path from v's child to the base
// child, at every level of nesting from v up to b, innermost first.
func (s *solver) augmentBlossom(b, v int32) {
	for t := v; t != b; {
		p := s.bparent[t]
		s.rebase(p, t, v)
		t = p
	}
}

// rebase makes child t of blossom b, which holds vertex v and already has
// v as its base, the base child of b.
func (s *solver) rebase(b, t, v int32) {
	ch, en := s.childs[b], s.ends[b]
	k := len(ch)
	i := 0
	for ch[i] != t {
		i++
	}
	if i > 0 {
		if i%2 == 1 {
			for j := i + 1; j < k; j += 2 {
				s.flipEnd(ch[j], ch[(j+1)%k], en[j])
			}
		} else {
			for j := i - 2; j >= 0; j -= 2 {
				s.flipEnd(ch[j], ch[j+1], en[j])
			}
		}
		rotate(ch, i)
		rotate(en, i)
	}
	s.base[b] = v
}

// flipEnd matches the edge p between children cx (holding p.x) and cy.
func (s *solver) flipEnd(cx, cy int32, p pair) {
	if cx >= s.n {
		s.augmentBlossom(cx, p.x)
	}
	if cy >= s.n {
		s.augmentBlossom(cy, p.y)
	}
	s.mate[p.x], s.mate[p.y] = p.y, p.x
}

// rotate rotates a left by i places.
func rotate[T any](a []T, i int) {
	reverse(a[:i])
	reverse(a[i:])
	reverse(a)
}

func reverse[T any](a []T) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// augmentPath flips the alternating path from the even vertex v up to the
// root of its tree and matches v to w (w = -1 leaves v exposed).
func (s *solver) augmentPath(v, w int32) {
	for {
		bv := s.topOf(v)
		up := s.lu[bv]
		if bv >= s.n {
			s.augmentBlossom(bv, v)
		}
		s.mate[v] = w
		if up < 0 {
			return
		}
		bo := s.topOf(up)
		from, to := s.lu[bo], s.lv[bo]
		if bo >= s.n {
			s.augmentBlossom(bo, to)
		}
		s.mate[to] = from
		v, w = from, to
	}
}
