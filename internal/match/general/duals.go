package general

// Labels, lazy duals and event scheduling of the general matching solver.

// topOf returns the top-level blossom of vertex v.
func (s *solver) topOf(v int32) int32 { return s.grp[s.group[v]].b }

// labelOf returns the label of blossom b (none inside another blossom).
func (s *solver) labelOf(b int32) int8 {
	if g := s.bgroup[b]; g >= 0 {
		return s.grp[g].label
	}
	return none
}

// setLabel relabels the top-level blossom b at the current time, keeping
// the current duals of b and its vertices.
func (s *solver) setLabel(b int32, l int8) {
	g := &s.grp[s.bgroup[b]]
	old, nw := sign(g.label), sign(l)
	g.c += (old - nw) * s.d
	if b >= s.n {
		s.zc[b] += 2 * (nw - old) * s.d
	}
	g.label = l
}

// setTree puts the labelled top-level blossom b in tree t.
func (s *solver) setTree(b, t int32) {
	s.tree[b] = t
	s.grp[s.bgroup[b]].lim = s.rootP[t]
}

// y returns the current dual of vertex v.
func (s *solver) y(v int32) int64 {
	g := &s.grp[s.group[v]]
	return s.pot[v] + g.c + sign(g.label)*s.d
}

// scanEvenBlossom schedules the events of every vertex of the even
// blossom b.
func (s *solver) scanEvenBlossom(b int32) {
	for x := s.first[b]; ; x = s.next[x] {
		s.scanEven(x)
		if x == s.last[b] {
			break
		}
	}
}

// scanEven schedules the events of a vertex that just became even: its
// dual reaching zero and its edges to even and unlabelled vertices
// becoming tight. Events later than the end of the trees involved are
// left out: a tree is dissolved at the latest when its root's dual
// reaches zero, which invalidates them, and new events are scheduled for
// the vertices that become even again later.
func (s *solver) scanEven(v int32) {
	gv := s.group[v]
	pv := s.pot[v] + s.grp[gv].c
	lim := s.grp[gv].lim
	if pv <= lim {
		s.q.push(event{key: pv, id: v, kind: evVertex})
	}
	for _, a := range s.arcs[s.start[v]:s.start[v+1]] {
		u := a.to
		gu := s.group[u]
		if gu == gv {
			continue
		}
		g := &s.grp[gu]
		switch g.label {
		case even:
			key := (pv + s.pot[u] + g.c - a.w) / 2
			if key <= lim && key <= g.lim {
				s.q.push(event{key: key, id: a.e, kind: evEdge})
			}
		case none:
			key := pv + s.pot[u] + g.c - a.w
			if key <= lim {
				s.q.push(event{key: key, id: a.e, kind: evGrow})
			}
		}
	}
}

// scanFree schedules the events of a vertex that just became unlabelled:
// its edges from even vertices becoming tight (within their trees' ends).
func (s *solver) scanFree(v int32) {
	yv := s.pot[v] + s.grp[s.group[v]].c
	for _, a := range s.arcs[s.start[v]:s.start[v+1]] {
		g := &s.grp[s.group[a.to]]
		if g.label == even {
			if key := s.pot[a.to] + g.c + yv - a.w; key <= g.lim {
				s.q.push(event{key: key, id: a.e, kind: evGrow})
			}
		}
	}
}

// dissolveTrees unlabels every blossom of trees t1 and t2 (t2 may be -1)
// after an augmentation and schedules the edges from the remaining even
// vertices into them.
func (s *solver) dissolveTrees(t1, t2 int32) {
	s.dissolve = s.dissolve[:0]
	for _, t := range [2]int32{t1, t2} {
		if t < 0 {
			continue
		}
		for _, b := range s.treeList[t] {
			if s.labelOf(b) != none && s.tree[b] == t {
				s.setLabel(b, none)
				s.dissolve = append(s.dissolve, b)
			}
		}
		s.treeList[t] = nil
	}
	for _, b := range s.dissolve {
		for x := s.first[b]; ; x = s.next[x] {
			s.scanFree(x)
			if x == s.last[b] {
				break
			}
		}
	}
}
