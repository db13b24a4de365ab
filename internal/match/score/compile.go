package score

import (
	"slices"
	"strings"
)

// prof is a Profile compiled for fast scoring: category strings become
// small integer ids (-1 = unknown) and ID references become person indexes.
// Score compiles two profiles on the fly; Candidates compiles the whole pool
// once. Scoring only compares ids for equality and follows each profile's
// own list order, so both ways give bit-identical scores.
//
// The lists live in two slices (ints: languages, tags, blocked, past
// partners, picks; skills: offers, wants) so that a profile spans few cache
// lines; the accessors cut them apart.
type prof struct {
	sen, years     int32
	dept, loc, gen int32
	manager        int32 // person index, -1 when none or unknown
	tzHour         int32
	langMask       uint64 // bit id&63 per language
	av             WeekHours
	avDefault      bool // av comes from WorkingHours, not explicit slots
	langExact      bool // every language id < 64: the mask is exact
	hasTags        bool
	hasLang        bool
	nLang, nTag    uint16
	nBlocked       uint16
	nPast, nPick   uint16
	nOffer         uint16
	ints           []int32 // sorted sets: langs, tags, blocked, past, picks
	skills         []skill // offers, then wants, each in profile order
}

func (c *prof) langs() []int32 { return c.ints[:c.nLang] }
func (c *prof) tags() []int32  { return c.ints[c.nLang : c.nLang+c.nTag] }
func (c *prof) blocked() []int32 {
	o := c.nLang + c.nTag
	return c.ints[o : o+c.nBlocked]
}
func (c *prof) past() []int32 {
	o := c.nLang + c.nTag + c.nBlocked
	return c.ints[o : o+c.nPast]
}
func (c *prof) picks() []int32 {
	o := c.nLang + c.nTag + c.nBlocked + c.nPast
	return c.ints[o : o+c.nPick]
}
func (c *prof) offers() []skill { return c.skills[:c.nOffer] }
func (c *prof) wants() []skill  { return c.skills[c.nOffer:] }

// skill is one offered or wanted skill: id, clamped level 1..5 and the
// index of the entry in the source Profile's Offers or Wants.
type skill struct {
	id  int32
	lvl int8
	src int32
}

// interner gives category strings dense ids per category.
type interner struct {
	skills, langs, depts, locs, gens, tags map[string]int32
}

func newInterner() *interner {
	return &interner{
		skills: map[string]int32{}, langs: map[string]int32{}, depts: map[string]int32{},
		locs: map[string]int32{}, gens: map[string]int32{}, tags: map[string]int32{},
	}
}

// fold is the comparison key of a category string ("" = unknown).
func fold(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// id returns the id of s in m, adding it when new; -1 for an empty value.
func (in *interner) id(m map[string]int32, s string) int32 {
	k := fold(s)
	if k == "" {
		return -1
	}
	if v, ok := m[k]; ok {
		return v
	}
	v := int32(len(m))
	m[k] = v
	return v
}

// level clamps a skill level to 1..5.
func level(l int) int8 {
	if l < 1 {
		return 1
	}
	if l > 5 {
		return 5
	}
	return int8(l)
}

// compile compiles p. index maps profile IDs to person indexes.
func compile(p *Profile, in *interner, index map[string]int32, out *prof) {
	*out = prof{
		sen: int32(p.Seniority), years: int32(p.YearsExperience),
		dept: in.id(in.depts, p.Department), loc: in.id(in.locs, p.Location),
		gen: in.id(in.gens, p.Generation), manager: -1,
		tzHour: int32(OffsetHours(p.UTCOffsetMinutes)),
	}
	if p.ManagerID != "" {
		if m, ok := index[p.ManagerID]; ok {
			out.manager = m
		}
	}
	out.av, out.avDefault = effectiveHours(p)
	langs := idSet(in, in.langs, p.Languages)
	out.langExact = true
	for _, l := range langs {
		out.langMask |= 1 << uint(l&63)
		if l >= 64 {
			out.langExact = false
		}
	}
	tags := idSet(in, in.tags, p.Background)
	blocked := indexSet(index, p.Blocked)
	past := indexSet(index, p.PastPartners)
	picks := indexSet(index, p.Picks)
	out.hasLang, out.hasTags = len(langs) > 0, len(tags) > 0
	out.nLang, out.nTag = len16(langs), len16(tags)
	out.nBlocked, out.nPast, out.nPick = len16(blocked), len16(past), len16(picks)
	n := int(out.nLang) + int(out.nTag) + int(out.nBlocked) + int(out.nPast) + int(out.nPick)
	if n > 0 {
		out.ints = make([]int32, 0, n)
		out.ints = append(out.ints, langs[:out.nLang]...)
		out.ints = append(out.ints, tags[:out.nTag]...)
		out.ints = append(out.ints, blocked[:out.nBlocked]...)
		out.ints = append(out.ints, past[:out.nPast]...)
		out.ints = append(out.ints, picks[:out.nPick]...)
	}
	offers := skills(in, p.Offers)
	wants := skills(in, p.Wants)
	out.nOffer = len16(offers)
	if len(offers)+len(wants) > 0 {
		out.skills = append(append(make([]skill, 0, len(offers)+len(wants)), offers[:out.nOffer]...),
			wants[:len16(wants)]...)
	}
}

// len16 is a list's length, capped at 65535 entries: a longer list of
// languages, tags, skills, blocks, past partners or picks keeps its first
// (lowest) 65535 entries.
func len16[T any](s []T) uint16 {
	return uint16(min(len(s), 1<<16-1))
}

// idSet returns the sorted distinct ids of the known values in vals.
func idSet(in *interner, m map[string]int32, vals []string) []int32 {
	if len(vals) == 0 {
		return nil
	}
	out := make([]int32, 0, len(vals))
	for _, v := range vals {
		if id := in.id(m, v); id >= 0 {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// indexSet returns the sorted distinct person indexes of the IDs that name
// someone in index.
func indexSet(index map[string]int32, ids []string) []int32 {
	var out []int32
	for _, id := range ids {
		if i, ok := index[id]; ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// skills compiles a skill list in its own order; a repeated skill keeps
// its first entry and unknown (empty) skills are dropped.
func skills(in *interner, list []SkillLevel) []skill {
	if len(list) == 0 {
		return nil
	}
	out := make([]skill, 0, len(list))
next:
	for i, s := range list {
		id := in.id(in.skills, s.Skill)
		if id < 0 {
			continue
		}
		for _, o := range out {
			if o.id == id {
				continue next
			}
		}
		out = append(out, skill{id: id, lvl: level(s.Level), src: int32(i)})
	}
	return out
}

// has reports whether the sorted set holds x.
func has(set []int32, x int32) bool {
	if len(set) > 8 {
		_, ok := slices.BinarySearch(set, x)
		return ok
	}
	for _, v := range set {
		if v == x {
			return true
		}
	}
	return false
}

// intersects reports whether two sorted sets share an element.
func intersects(a, b []int32) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// common returns how many elements two sorted sets share.
func common(a, b []int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
