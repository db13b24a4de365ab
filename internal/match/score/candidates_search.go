package score

import "math"

// slack is added to every upper bound. The bounds are already exact
// upper bounds in float arithmetic (see scorer.combine); the slack only
// guards that argument.
const slack = 1e-9

// scratch is one worker's reusable memory. Per-bucket entries are valid
// only where bStamp holds the current query's stamp.
type scratch struct {
	seen      []int32 // per person: the stamp of the query that scored it
	recip     []int32 // skill_swap, per person: stamp when the query person can teach them
	top       top
	bStamp    []int32
	best1     []float64 // best fit of a member teaching the query person
	best2     []float64 // best fit of the query person teaching a member
	cnt1      []int32
	cnt2      []int32
	head      []int32 // first hit of the bucket, -1 when none
	prefStamp []int32
	hits      []hit
	items     []item
	order     []item
	count     [bins + 1]int32
}

// hit links the posting groups of one bucket that share a skill key
// with the query person.
type hit struct {
	lo, hi int32
	next   int32
}

func newScratch(n int) *scratch {
	return &scratch{seen: make([]int32, n), recip: make([]int32, n)}
}

func (sc *scratch) ensure(buckets int) {
	if len(sc.bStamp) >= buckets {
		return
	}
	sc.bStamp = make([]int32, buckets)
	sc.best1 = make([]float64, buckets)
	sc.best2 = make([]float64, buckets)
	sc.cnt1 = make([]int32, buckets)
	sc.cnt2 = make([]int32, buckets)
	sc.head = make([]int32, buckets)
	sc.prefStamp = make([]int32, buckets)
}

// touch starts bucket b's per-query entries.
func (sc *scratch) touch(b, stamp int32) {
	if sc.bStamp[b] != stamp {
		sc.bStamp[b] = stamp
		sc.best1[b], sc.best2[b] = 0, 0
		sc.cnt1[b], sc.cnt2[b] = 0, 0
		sc.head[b] = -1
	}
}

// anyRecip reports whether a member of ms is marked reciprocal.
func (sc *scratch) anyRecip(ms []int32, stamp int32) bool {
	for _, m := range ms {
		if sc.recip[m] == stamp {
			return true
		}
	}
	return false
}

func (sc *scratch) addHit(g *post) {
	sc.hits = append(sc.hits, hit{lo: g.lo, hi: g.hi, next: sc.head[g.bucket]})
	sc.head[g.bucket] = int32(len(sc.hits) - 1)
}

// query searches index t (the other side, or the pool) for person q's best
// k partners, leaving them in sc.top. It returns the evaluations made and
// whether the budget cut the search short.
//
// It is long because it is the hot path of the candidate search: marking
// posting hits, bounding buckets and scanning them in band order share the
// scratch state and a closure, and are kept inline for speed.
func (p *pool) query(q int32, t *index, k, budget int, sc *scratch) (int64, bool) {
	stamp := q + 1
	sc.ensure(len(t.buckets))
	sc.top.reset(k)
	sc.hits = sc.hits[:0]
	sc.items = sc.items[:0]
	s := p.s
	cq := &p.prof[q]
	qLeft := p.side[q] == sideLeft
	learns := qLeft || !s.dir                   // members may teach q
	teaches := p.side[q] == sideRight || !s.dir // q may teach members

	if teaches {
		for _, o := range cq.offers() {
			if int(o.id) >= len(t.wants) {
				continue
			}
			for gi := range t.wants[o.id] {
				g := &t.wants[o.id][gi]
				pf := pairFit(o.lvl, g.level)
				if pf == 0 {
					continue
				}
				sc.touch(g.bucket, stamp)
				sc.cnt2[g.bucket]++
				sc.best2[g.bucket] = max(sc.best2[g.bucket], pf)
				if !s.swap {
					sc.addHit(g)
					continue
				}
				// A valid swap partner is taught by q (marked here) and
				// teaches q (a hit below, kept only with a marked member).
				for _, m := range t.postMembers[g.lo:g.hi] {
					sc.recip[m] = stamp
				}
			}
		}
	}
	if learns {
		for _, w := range cq.wants() {
			if int(w.id) >= len(t.offers) {
				continue
			}
			for gi := range t.offers[w.id] {
				g := &t.offers[w.id][gi]
				pf := pairFit(g.level, w.lvl)
				if pf == 0 || (s.swap && !sc.anyRecip(t.postMembers[g.lo:g.hi], stamp)) {
					continue
				}
				sc.touch(g.bucket, stamp)
				sc.cnt1[g.bucket]++
				sc.best1[g.bucket] = max(sc.best1[g.bucket], pf)
				sc.addHit(g)
			}
		}
	}
	if s.wn[fPreference] > 0 {
		mark := func(r int32) {
			if b := t.bucketOf[r]; b >= 0 {
				sc.prefStamp[b] = stamp
			}
		}
		for _, r := range cq.picks() {
			mark(r)
		}
		for _, r := range p.pickedBy[q] {
			mark(r)
		}
	}

	for b := range t.buckets {
		if s.swap && (sc.bStamp[b] != stamp || sc.cnt1[b] == 0 || sc.cnt2[b] == 0) {
			continue // no member both teaches q and is taught by q
		}
		v, ok := p.bucketBound(cq, qLeft, &t.buckets[b])
		if !ok {
			continue
		}
		bi := int32(b)
		if sc.prefStamp[b] == stamp {
			v[fPreference] = 1
		}
		if sc.bStamp[b] == stamp {
			u1 := teachingValue(sc.best1[b], sc.cnt1[b])
			u2 := teachingValue(sc.best2[b], sc.cnt2[b])
			switch {
			case s.dir && qLeft:
				v[fSkill] = u1
			case s.dir:
				v[fSkill] = u2
			case s.swap:
				v[fSkill] = min(u1, u2)
			default:
				v[fSkill] = max(u1, u2)
			}
			if v[fSkill] > 0 {
				sc.items = append(sc.items, item{ub: s.combine(&v) + slack, skill: v[fSkill],
					bucket: bi, tier: 1})
			}
		}
		if !s.swap {
			v[fSkill] = 0
			sc.items = append(sc.items, item{ub: s.combine(&v) + slack, bucket: bi, tier: 2})
		}
	}

	if cap(sc.order) < len(sc.items) {
		sc.order = make([]item, len(sc.items), 2*len(sc.items))
	}
	sc.order = order(sc.items, sc.order, &sc.count)
	var evals int64
	truncated := false
	skillUB := 1.0 // the current item's bound of the skill factor
	score := func(m int32) bool {
		if sc.seen[m] == stamp || m == q || (s.swap && sc.recip[m] != stamp) {
			return true
		}
		if budget > 0 && evals >= int64(budget) && len(sc.top.h) > 0 {
			truncated = true
			return false
		}
		sc.seen[m] = stamp
		evals++
		worst := math.Inf(-1)
		if sc.top.full() {
			worst = sc.top.worst().Score
		}
		if v, ok := p.pair(q, m, skillUB, worst); ok {
			sc.top.push(Candidate{Partner: int(p.ext[m]), Score: v})
		}
		return true
	}
	// Items come in bands of decreasing bound. An item whose bound is below
	// the K-th best score is skipped; once a whole band is, the search ends.
	// A bucket's tier 2 never runs before its tier 1: its bound is not
	// higher, so it sorts later or, in the same band, after it (and when
	// tier 1 was skipped, so is tier 2).
	band := bins
scan:
	for _, it := range sc.order {
		if b := bin(it.ub); b != band {
			band = b
			if sc.top.full() && bandMax(b) < sc.top.worst().Score {
				break
			}
		}
		if sc.top.full() && it.ub < sc.top.worst().Score {
			continue
		}
		skillUB = it.skill
		if it.tier == 1 {
			for h := sc.head[it.bucket]; h >= 0; h = sc.hits[h].next {
				for _, m := range t.postMembers[sc.hits[h].lo:sc.hits[h].hi] {
					if !score(m) {
						break scan
					}
				}
			}
			continue
		}
		bk := &t.buckets[it.bucket]
		for m := bk.lo; m < bk.hi; m++ {
			if !score(m) {
				break scan
			}
		}
	}
	return evals, truncated
}

// bucketBound returns upper bounds of every factor but skill and preference
// for query person cq against any member of bk, or false when a hard
// constraint removes every member.
func (p *pool) bucketBound(cq *prof, qLeft bool, bk *bucket) (vec, bool) {
	var v vec
	s := p.s
	if s.r.CrossFunctional && cq.dept >= 0 && bk.dept == cq.dept {
		return v, false
	}
	switch {
	case !cq.hasLang:
		v[fLanguage] = 0.5
	case cq.langMask&bk.langMask != 0:
		v[fLanguage] = 1
	case bk.langUnknown:
		v[fLanguage] = 0.5
	default:
		return v, false
	}
	if s.dir {
		gap := bk.sen - cq.sen // q is the mentee
		if !qLeft {
			gap = -gap
		}
		if s.reverse {
			gap = -gap
		}
		if s.r.EnforceSeniorityGap && (gap < int32(s.r.MinSeniorityGap) || gap > int32(s.r.MaxSeniorityGap)) {
			return v, false
		}
		v[fExperience] = gapScore(gap, s.ideal)
	} else {
		dSen := cq.sen - bk.sen
		if dSen < 0 {
			dSen = -dSen
		}
		if s.r.EnforceSeniorityGap && dSen > int32(s.r.MaxSeniorityGap) {
			return v, false
		}
		var dY int32
		if cq.years < bk.minYears {
			dY = bk.minYears - cq.years
		} else if cq.years > bk.maxYears {
			dY = cq.years - bk.maxYears
		}
		v[fExperience] = similarity(dSen, dY)
	}
	h := cq.av.Overlap(bk.av)
	if h < s.r.MinOverlapHours {
		return v, false
	}
	v[fAvailability] = s.availValue(h)
	tags := 0.5
	if cq.hasTags {
		tags = 1
	}
	v[fDiversity] = diversity(tags, diffBound(cq.dept, bk.dept),
		diffBound(cq.loc, bk.loc), diffBound(cq.gen, bk.gen))
	return v, true
}

// diffBound bounds diff(x, y) over the members of a bucket whose
// value is b (an id, -1, or mixed).
func diffBound(x, b int32) float64 {
	if b == mixed {
		if x < 0 {
			return 0.5
		}
		return 1
	}
	return diff(x, b)
}
