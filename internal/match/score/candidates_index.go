package score

import (
	"cmp"
	"slices"
)

// mixed marks a bucket whose members differ in a category.
const mixed int32 = -2

// Buckets are keyed by seniority and time zone. The department joins the
// key only for sides that average more than deptKeyFrom people per
// (seniority, time zone) bucket and have at most maxKeyedDepartments
// departments: every bucket costs each query a bound computation, which
// pays off only when buckets are large (measured on 20,000 synthetic
// people: 64 buckets beat 512 by about 30% of CPU time).
const (
	maxKeyedDepartments = 32
	deptKeyFrom         = 1000
)

// bucket summarises people of one side with the same seniority, time
// zone and (when keyed) department, so that a query can bound every
// member's score at once.
type bucket struct {
	sen, tz            int32
	dept, loc, gen     int32 // an id, -1 unknown, or mixed
	minYears, maxYears int32
	av                 WeekHours // union of the members' hours
	langMask           uint64    // union of the members' language masks
	langUnknown        bool      // a member has no languages
	lo, hi             int32     // members are the internal indexes lo..hi-1
}

// post is a posting group: the members of one bucket who offer (or
// want) one skill, in index.postMembers[lo:hi], with the highest offered
// (or lowest wanted) level among them.
type post struct {
	bucket int32
	level  int8
	lo, hi int32
}

// index indexes one side of a pool. A bucket's members are the
// internal indexes lo..hi-1 (the pool is numbered by side, then bucket).
type index struct {
	buckets     []bucket
	offers      [][]post // by skill id, sorted by bucket
	wants       [][]post
	postMembers []int32
	bucketOf    []int32 // per internal index; -1 when not on this side
}

type key struct{ sen, tz, dept int32 }

func newIndex(p *pool, side int8) *index {
	x := &index{bucketOf: make([]int32, len(p.prof))}
	nSkills := int32(0)
	for i := range p.prof {
		x.bucketOf[i] = -1
		if p.side[i] != side {
			continue
		}
		b := p.bucket[i]
		x.bucketOf[i] = b
		c := &p.prof[i]
		for int(b) >= len(x.buckets) {
			x.buckets = append(x.buckets, bucket{lo: int32(i), hi: int32(i),
				sen: c.sen, tz: c.tzHour, dept: c.dept, loc: c.loc, gen: c.gen,
				minYears: c.years, maxYears: c.years})
		}
		bk := &x.buckets[b]
		bk.dept = merge(bk.dept, c.dept)
		bk.loc = merge(bk.loc, c.loc)
		bk.gen = merge(bk.gen, c.gen)
		bk.minYears, bk.maxYears = min(bk.minYears, c.years), max(bk.maxYears, c.years)
		for w := range bk.av {
			bk.av[w] |= c.av[w]
		}
		bk.langMask |= c.langMask
		bk.langUnknown = bk.langUnknown || !c.hasLang
		bk.hi = int32(i) + 1
		for _, s := range c.offers() {
			nSkills = max(nSkills, s.id+1)
		}
		for _, s := range c.wants() {
			nSkills = max(nSkills, s.id+1)
		}
	}
	x.offers = x.postings(p, side, nSkills, true)
	x.wants = x.postings(p, side, nSkills, false)
	return x
}

func merge(cur, v int32) int32 {
	if cur == v {
		return cur
	}
	return mixed
}

// postings groups the side's offered (or wanted) skills by skill and
// bucket.
func (x *index) postings(p *pool, side int8, nSkills int32, offers bool) [][]post {
	type entry struct {
		skill, bucket, person int32
		level                 int8
	}
	var es []entry
	for m := range p.prof {
		if p.side[m] != side {
			continue
		}
		list := p.prof[m].wants()
		if offers {
			list = p.prof[m].offers()
		}
		for _, s := range list {
			es = append(es, entry{skill: s.id, bucket: x.bucketOf[m], person: int32(m), level: s.lvl})
		}
	}
	slices.SortFunc(es, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.skill, b.skill), cmp.Compare(a.bucket, b.bucket),
			cmp.Compare(a.person, b.person))
	})
	out := make([][]post, nSkills)
	base := int32(len(x.postMembers))
	for i, e := range es {
		x.postMembers = append(x.postMembers, e.person)
		list := out[e.skill]
		if len(list) == 0 || list[len(list)-1].bucket != e.bucket {
			out[e.skill] = append(list, post{bucket: e.bucket, level: e.level,
				lo: base + int32(i), hi: base + int32(i) + 1})
			continue
		}
		g := &list[len(list)-1]
		g.hi++
		if (offers && e.level > g.level) || (!offers && e.level < g.level) {
			g.level = e.level
		}
	}
	return out
}
