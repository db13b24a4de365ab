package score

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Candidate is one proposed partner in a person's candidate list.
type Candidate struct {
	Partner int // index into the people slice
	// Score is Score(mentee, mentor).Total in directional formats and
	// Score(p, partner).Total in one-pool formats, bit for bit.
	Score float64
}

// CandidateOptions tune CandidatesWith.
type CandidateOptions struct {
	// TopK is the length of each person's list; it must be positive.
	TopK int
	// ExhaustiveUpTo: pools of at most this many people score every
	// compatible pair. 0 means 2000; a negative value always uses the
	// index search.
	ExhaustiveUpTo int
	// MaxScoredPerPerson caps the pairs the index search scores for one
	// person once that person has at least one candidate (so nobody who
	// has a compatible partner ends with an empty list). 0 means
	// 40*TopK + 2000; a negative value means no cap, which makes every
	// list exact.
	MaxScoredPerPerson int
	// Workers is the number of goroutines of the index search; 0 means
	// runtime.GOMAXPROCS(0). The result does not depend on it.
	Workers int
}

// CandidateSet holds every person's best partners.
type CandidateSet struct {
	Format Format
	TopK   int
	// Lists[i] holds person i's best partners, best first (higher score,
	// then lower index), at most TopK of them. In directional formats a
	// mentee's list holds mentors and a mentor's list holds mentees
	// (advisers for FormatAdvisoryBoard, see Format); people on neither
	// side get an empty list. Removed pairs never appear.
	Lists [][]Candidate
	// Exhaustive reports that every pair was scored.
	Exhaustive bool
	// Scored counts pair evaluations, including pairs a hard constraint
	// removed and pairs given up early because they could not reach the
	// person's list.
	Scored int64
	// Truncated counts people whose search stopped at MaxScoredPerPerson;
	// only their lists may differ from the exact top TopK.
	Truncated int
}

// Candidates returns every person's top-K partners for a program of format
// f, using CandidatesWith with default options. See CandidatesWith.
func Candidates(people []Profile, f Format, w Weights, r Rules, topK int) (CandidateSet, error) {
	return CandidatesWith(people, f, w, r, CandidateOptions{TopK: topK})
}

// CandidatesWith returns every person's best opt.TopK partners under f, w
// and r, scored exactly as Score scores them.
//
// Small pools (opt.ExhaustiveUpTo) score every pair. Larger pools are
// searched without scoring all n² pairs: people are grouped in buckets of
// equal seniority, time zone and (in very large pools) department, with
// posting lists of offered and wanted skills per bucket. For each person
// the buckets are visited in order of an upper bound of the scores inside
// (members sharing a skill key first, then the rest), buckets that a hard
// constraint removes as a whole are skipped, and the search stops when the
// bound drops below the person's K-th best score. Without the
// MaxScoredPerPerson cap (or when it is not reached, see
// CandidateSet.Truncated) the lists are therefore exactly those of scoring
// every pair; with it, a person who has any compatible partner still gets
// at least one.
//
// It fails when opt.TopK < 1, f is unknown, or an ID is empty or repeated.
func CandidatesWith(people []Profile, f Format, w Weights, r Rules, opt CandidateOptions) (CandidateSet, error) {
	if opt.TopK < 1 {
		return CandidateSet{}, errors.New("match: candidates: TopK must be at least 1")
	}
	if !f.Valid() {
		return CandidateSet{}, fmt.Errorf("match: candidates: unknown format %q", string(f))
	}
	pool, err := newPool(people, f, w, r)
	if err != nil {
		return CandidateSet{}, err
	}
	out := CandidateSet{Format: f, TopK: opt.TopK, Lists: make([][]Candidate, len(people))}
	limit := opt.ExhaustiveUpTo
	if limit == 0 {
		limit = 2000
	}
	if len(people) <= limit {
		out.Exhaustive = true
		out.Scored = pool.exhaustive(opt.TopK, out.Lists)
		return out, nil
	}
	budget := opt.MaxScoredPerPerson
	if budget == 0 {
		budget = 40*opt.TopK + 2000
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out.Scored, out.Truncated = pool.search(opt.TopK, budget, workers, out.Lists)
	return out, nil
}

// pool is a pool compiled for candidate search. People are renumbered
// internally (side, then bucket, then input order) so that a bucket's
// members lie next to each other in memory; ext maps back to input indexes,
// which Candidate.Partner and the tie-break use.
type pool struct {
	s        *scorer
	prof     []prof    // internal order
	side     []int8    // internal order
	bucket   []int32   // internal order: bucket within the side's index
	ext      []int32   // internal -> input index
	pickedBy [][]int32 // who picked each person (only with a preference weight)
	keyDept  [4]bool   // per side: the department is part of the bucket key
}

// It is long because bucketing and renumbering the pool are one sequence over the same per-person arrays.
func newPool(people []Profile, f Format, w Weights, r Rules) (*pool, error) {
	n := len(people)
	byID := make(map[string]int32, n)
	for i := range people {
		id := people[i].ID
		if id == "" {
			return nil, fmt.Errorf("match: candidates: person %d has no ID", i)
		}
		if j, dup := byID[id]; dup {
			return nil, fmt.Errorf("match: candidates: persons %d and %d share the ID %q", j, i, id)
		}
		byID[id] = int32(i)
	}
	p := &pool{s: newScorer(f, w, r), prof: make([]prof, n), side: make([]int8, n),
		bucket: make([]int32, n), ext: make([]int32, n)}
	in := newInterner()

	// Bucket every person (input order), then renumber by (side, bucket).
	sides := make([]int8, n)
	depts := make([]int32, n)
	var deptSets [4]map[int32]bool
	var coarse [4]map[key]bool
	var sizes [4]int
	for i := range people {
		sides[i] = sideOf(f, people[i].Role)
		s := sides[i]
		depts[i] = in.id(in.depts, people[i].Department)
		if deptSets[s] == nil {
			deptSets[s], coarse[s] = map[int32]bool{}, map[key]bool{}
		}
		deptSets[s][depts[i]] = true
		coarse[s][key{sen: int32(people[i].Seniority), tz: int32(OffsetHours(people[i].UTCOffsetMinutes))}] = true
		sizes[s]++
	}
	for s := range deptSets {
		p.keyDept[s] = len(deptSets[s]) <= maxKeyedDepartments &&
			sizes[s] > deptKeyFrom*len(coarse[s])
	}
	var keys [4]map[key]int32
	buckets := make([]int32, n)
	for i := range people {
		s := sides[i]
		k := key{sen: int32(people[i].Seniority), tz: int32(OffsetHours(people[i].UTCOffsetMinutes))}
		if p.keyDept[s] {
			k.dept = depts[i]
		}
		if keys[s] == nil {
			keys[s] = map[key]int32{}
		}
		b, ok := keys[s][k]
		if !ok {
			b = int32(len(keys[s]))
			keys[s][k] = b
		}
		buckets[i] = b
	}
	for i := range p.ext {
		p.ext[i] = int32(i)
	}
	slices.SortFunc(p.ext, func(a, b int32) int {
		return cmp.Or(cmp.Compare(sides[a], sides[b]), cmp.Compare(buckets[a], buckets[b]), cmp.Compare(a, b))
	})
	index := make(map[string]int32, n)
	for q, e := range p.ext {
		index[people[e].ID] = int32(q)
	}
	for q, e := range p.ext {
		compile(&people[e], in, index, &p.prof[q])
		p.side[q], p.bucket[q] = sides[e], buckets[e]
	}
	pack(p.prof)
	if p.s.wn[fPreference] > 0 {
		p.pickedBy = make([][]int32, n)
		for i := range p.prof {
			for _, j := range p.prof[i].picks() {
				p.pickedBy[j] = append(p.pickedBy[j], int32(i))
			}
		}
	}
	return p, nil
}

// pack moves every profile's lists into two shared arenas in profile
// order, so that scoring a run of neighbours reads memory in sequence.
func pack(prof []prof) {
	ni, ns := 0, 0
	for i := range prof {
		ni += len(prof[i].ints)
		ns += len(prof[i].skills)
	}
	ints := make([]int32, 0, ni)
	skills := make([]skill, 0, ns)
	for i := range prof {
		c := &prof[i]
		if len(c.ints) > 0 {
			lo := len(ints)
			ints = append(ints, c.ints...)
			c.ints = ints[lo:len(ints):len(ints)]
		}
		if len(c.skills) > 0 {
			lo := len(skills)
			skills = append(skills, c.skills...)
			c.skills = skills[lo:len(skills):len(skills)]
		}
	}
}

// pair scores people i and j in the order the format wants: (mentee,
// mentor) in directional formats, (lower, higher index) in one-pool ones,
// so both ends of a pair always see the same number. It gives up (false)
// when the pair is removed or, with a skill factor of at most skillUB,
// cannot reach cut.
func (p *pool) pair(i, j int32, skillUB, cut float64) (float64, bool) {
	a, b := i, j
	if p.side[a] == sideRight || (p.side[a] == sidePool && a > b) {
		a, b = b, a
	}
	t, c := p.s.evalCut(&p.prof[a], &p.prof[b], a, b, skillUB, cut, nil)
	return t, c == ConstraintNone
}

// exhaustive scores every compatible pair once and fills lists; it returns
// the number of evaluations.
func (p *pool) exhaustive(k int, lists [][]Candidate) int64 {
	n := len(p.prof)
	tops := make([]top, n)
	for i := range tops {
		tops[i].reset(k)
	}
	var scored int64
	for i := 0; i < n; i++ {
		if p.side[i] != sideLeft && p.side[i] != sidePool {
			continue
		}
		for j := 0; j < n; j++ {
			if j == i || (p.side[i] == sidePool && j < i) {
				continue
			}
			if p.side[i] == sideLeft && p.side[j] != sideRight {
				continue
			}
			scored++
			if t, ok := p.pair(int32(i), int32(j), 1, math.Inf(-1)); ok {
				ei, ej := p.ext[i], p.ext[j]
				tops[ei].push(Candidate{Partner: int(ej), Score: t})
				tops[ej].push(Candidate{Partner: int(ei), Score: t})
			}
		}
	}
	for i := range tops {
		lists[i] = tops[i].sorted()
	}
	return scored
}

// search runs the index search for every person on a side, with workers
// goroutines, and fills lists. It returns evaluations and truncated people.
func (p *pool) search(k, budget, workers int, lists [][]Candidate) (int64, int) {
	var idx [4]*index // by the side the index holds
	if p.s.dir {
		idx[sideLeft] = newIndex(p, sideLeft)
		idx[sideRight] = newIndex(p, sideRight)
	} else {
		idx[sidePool] = newIndex(p, sidePool)
	}
	target := [4]int8{sideNone, sideRight, sideLeft, sidePool}
	var next atomic.Int64
	var scored atomic.Int64
	var truncated atomic.Int64
	var wg sync.WaitGroup
	const chunk = 64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := newScratch(len(p.prof))
			var ev int64
			var tr int64
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= len(p.prof) {
					break
				}
				for q := lo; q < min(lo+chunk, len(p.prof)); q++ {
					t := target[p.side[q]]
					if t == sideNone || idx[t] == nil {
						continue
					}
					e, cut := p.query(int32(q), idx[t], k, budget, sc)
					ev += e
					if cut {
						tr++
					}
					lists[p.ext[q]] = sc.top.sorted()
				}
			}
			scored.Add(ev)
			truncated.Add(tr)
		}()
	}
	wg.Wait()
	return scored.Load(), int(truncated.Load())
}
