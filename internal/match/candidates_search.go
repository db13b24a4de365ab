package match

import "math"

// candSlack is added to every upper bound. The bounds are already exact
// upper bounds in float arithmetic (see scScorer.combine); the slack only
// guards that argument.
const candSlack = 1e-9

// candScratch is one worker's reusable memory. Per-bucket entries are valid
// only where bStamp holds the current query's stamp.
type candScratch struct {
	seen      []int32 // per person: the stamp of the query that scored it
	recip     []int32 // skill_swap, per person: stamp when the query person can teach them
	top       candTop
	bStamp    []int32
	best1     []float64 // best fit of a member teaching the query person
	best2     []float64 // best fit of the query person teaching a member
	cnt1      []int32
	cnt2      []int32
	head      []int32 // first hit of the bucket, -1 when none
	prefStamp []int32
	hits      []candHit
	items     []candItem
	order     []candItem
	count     [candBins + 1]int32
}

// candHit links the posting groups of one bucket that share a skill key
// with the query person.
type candHit struct {
	lo, hi int32
	next   int32
}

func newCandScratch(n int) *candScratch {
	return &candScratch{seen: make([]int32, n), recip: make([]int32, n)}
}

func (sc *candScratch) ensure(buckets int) {
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
func (sc *candScratch) touch(b, stamp int32) {
	if sc.bStamp[b] != stamp {
		sc.bStamp[b] = stamp
		sc.best1[b], sc.best2[b] = 0, 0
		sc.cnt1[b], sc.cnt2[b] = 0, 0
		sc.head[b] = -1
	}
}

// anyRecip reports whether a member of ms is marked reciprocal.
func (sc *candScratch) anyRecip(ms []int32, stamp int32) bool {
	for _, m := range ms {
		if sc.recip[m] == stamp {
			return true
		}
	}
	return false
}

func (sc *candScratch) addHit(g *candPost) {
	sc.hits = append(sc.hits, candHit{lo: g.lo, hi: g.hi, next: sc.head[g.bucket]})
	sc.head[g.bucket] = int32(len(sc.hits) - 1)
}

// query searches index t (the other side, or the pool) for person q's best
// k partners, leaving them in sc.top. It returns the evaluations made and
// whether the budget cut the search short.
func (p *candPool) query(q int32, t *candIndex, k, budget int, sc *candScratch) (int64, bool) {
	stamp := q + 1
	sc.ensure(len(t.buckets))
	sc.top.reset(k)
	sc.hits = sc.hits[:0]
	sc.items = sc.items[:0]
	s := p.s
	cq := &p.prof[q]
	qLeft := p.side[q] == scSideLeft
	learns := qLeft || !s.dir                     // members may teach q
	teaches := p.side[q] == scSideRight || !s.dir // q may teach members

	if teaches {
		for _, o := range cq.offers() {
			if int(o.id) >= len(t.wants) {
				continue
			}
			for gi := range t.wants[o.id] {
				g := &t.wants[o.id][gi]
				pf := scPairFit(o.lvl, g.level)
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
				pf := scPairFit(g.level, w.lvl)
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
	if s.wn[scFPreference] > 0 {
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
			v[scFPreference] = 1
		}
		if sc.bStamp[b] == stamp {
			u1 := scDirValue(sc.best1[b], sc.cnt1[b])
			u2 := scDirValue(sc.best2[b], sc.cnt2[b])
			switch {
			case s.dir && qLeft:
				v[scFSkill] = u1
			case s.dir:
				v[scFSkill] = u2
			case s.swap:
				v[scFSkill] = min(u1, u2)
			default:
				v[scFSkill] = max(u1, u2)
			}
			if v[scFSkill] > 0 {
				sc.items = append(sc.items, candItem{ub: s.combine(&v) + candSlack, skill: v[scFSkill],
					bucket: bi, tier: 1})
			}
		}
		if !s.swap {
			v[scFSkill] = 0
			sc.items = append(sc.items, candItem{ub: s.combine(&v) + candSlack, bucket: bi, tier: 2})
		}
	}

	if cap(sc.order) < len(sc.items) {
		sc.order = make([]candItem, len(sc.items), 2*len(sc.items))
	}
	sc.order = candOrder(sc.items, sc.order, &sc.count)
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
	band := candBins
scan:
	for _, it := range sc.order {
		if b := candBin(it.ub); b != band {
			band = b
			if sc.top.full() && candBandMax(b) < sc.top.worst().Score {
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
func (p *candPool) bucketBound(cq *scProf, qLeft bool, bk *candBucket) (scVec, bool) {
	var v scVec
	s := p.s
	if s.r.CrossFunctional && cq.dept >= 0 && bk.dept == cq.dept {
		return v, false
	}
	switch {
	case !cq.hasLang:
		v[scFLanguage] = 0.5
	case cq.langMask&bk.langMask != 0:
		v[scFLanguage] = 1
	case bk.langUnknown:
		v[scFLanguage] = 0.5
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
		v[scFExperience] = scGapScore(gap, s.ideal)
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
		v[scFExperience] = scSimilarity(dSen, dY)
	}
	h := cq.av.Overlap(bk.av)
	if h < s.r.MinOverlapHours {
		return v, false
	}
	v[scFAvailability] = s.scAvailValue(h)
	tags := 0.5
	if cq.hasTags {
		tags = 1
	}
	v[scFDiversity] = scDiversity(tags, candDiffBound(cq.dept, bk.dept),
		candDiffBound(cq.loc, bk.loc), candDiffBound(cq.gen, bk.gen))
	return v, true
}

// candDiffBound bounds scDiff(x, y) over the members of a bucket whose
// value is b (an id, -1, or candMixed).
func candDiffBound(x, b int32) float64 {
	if b == candMixed {
		if x < 0 {
			return 0.5
		}
		return 1
	}
	return scDiff(x, b)
}
