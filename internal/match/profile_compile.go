package match

import (
	"slices"
	"strings"
)

// scProf is a Profile compiled for fast scoring: category strings become
// small integer ids (-1 = unknown) and ID references become person indexes.
// Score compiles two profiles on the fly; Candidates compiles the whole pool
// once. Scoring only compares ids for equality and follows each profile's
// own list order, so both ways give bit-identical scores.
//
// The lists live in two slices (ints: languages, tags, blocked, past
// partners, picks; skills: offers, wants) so that a profile spans few cache
// lines; the accessors cut them apart.
type scProf struct {
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
	ints           []int32   // sorted sets: langs, tags, blocked, past, picks
	skills         []scSkill // offers, then wants, each in profile order
}

func (c *scProf) langs() []int32 { return c.ints[:c.nLang] }
func (c *scProf) tags() []int32  { return c.ints[c.nLang : c.nLang+c.nTag] }
func (c *scProf) blocked() []int32 {
	o := c.nLang + c.nTag
	return c.ints[o : o+c.nBlocked]
}
func (c *scProf) past() []int32 {
	o := c.nLang + c.nTag + c.nBlocked
	return c.ints[o : o+c.nPast]
}
func (c *scProf) picks() []int32 {
	o := c.nLang + c.nTag + c.nBlocked + c.nPast
	return c.ints[o : o+c.nPick]
}
func (c *scProf) offers() []scSkill { return c.skills[:c.nOffer] }
func (c *scProf) wants() []scSkill  { return c.skills[c.nOffer:] }

// scSkill is one offered or wanted skill: id, clamped level 1..5 and the
// index of the entry in the source Profile's Offers or Wants.
type scSkill struct {
	id  int32
	lvl int8
	src int32
}

// scInterner gives category strings dense ids per category.
type scInterner struct {
	skills, langs, depts, locs, gens, tags map[string]int32
}

func newScInterner() *scInterner {
	return &scInterner{
		skills: map[string]int32{}, langs: map[string]int32{}, depts: map[string]int32{},
		locs: map[string]int32{}, gens: map[string]int32{}, tags: map[string]int32{},
	}
}

// scFold is the comparison key of a category string ("" = unknown).
func scFold(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// id returns the id of s in m, adding it when new; -1 for an empty value.
func (in *scInterner) id(m map[string]int32, s string) int32 {
	k := scFold(s)
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

// scLevel clamps a skill level to 1..5.
func scLevel(l int) int8 {
	if l < 1 {
		return 1
	}
	if l > 5 {
		return 5
	}
	return int8(l)
}

// scCompile compiles p. index maps profile IDs to person indexes.
func scCompile(p *Profile, in *scInterner, index map[string]int32, out *scProf) {
	*out = scProf{
		sen: int32(p.Seniority), years: int32(p.YearsExperience),
		dept: in.id(in.depts, p.Department), loc: in.id(in.locs, p.Location),
		gen: in.id(in.gens, p.Generation), manager: -1,
		tzHour: int32(scOffsetHours(p.UTCOffsetMinutes)),
	}
	if p.ManagerID != "" {
		if m, ok := index[p.ManagerID]; ok {
			out.manager = m
		}
	}
	out.av, out.avDefault = scEffectiveHours(p)
	langs := scIDSet(in, in.langs, p.Languages)
	out.langExact = true
	for _, l := range langs {
		out.langMask |= 1 << uint(l&63)
		if l >= 64 {
			out.langExact = false
		}
	}
	tags := scIDSet(in, in.tags, p.Background)
	blocked := scIndexSet(index, p.Blocked)
	past := scIndexSet(index, p.PastPartners)
	picks := scIndexSet(index, p.Picks)
	out.hasLang, out.hasTags = len(langs) > 0, len(tags) > 0
	out.nLang, out.nTag = scLen16(langs), scLen16(tags)
	out.nBlocked, out.nPast, out.nPick = scLen16(blocked), scLen16(past), scLen16(picks)
	n := int(out.nLang) + int(out.nTag) + int(out.nBlocked) + int(out.nPast) + int(out.nPick)
	if n > 0 {
		out.ints = make([]int32, 0, n)
		out.ints = append(out.ints, langs[:out.nLang]...)
		out.ints = append(out.ints, tags[:out.nTag]...)
		out.ints = append(out.ints, blocked[:out.nBlocked]...)
		out.ints = append(out.ints, past[:out.nPast]...)
		out.ints = append(out.ints, picks[:out.nPick]...)
	}
	offers := scSkills(in, p.Offers)
	wants := scSkills(in, p.Wants)
	out.nOffer = scLen16(offers)
	if len(offers)+len(wants) > 0 {
		out.skills = append(append(make([]scSkill, 0, len(offers)+len(wants)), offers[:out.nOffer]...),
			wants[:scLen16(wants)]...)
	}
}

// scLen16 is a list's length, capped at 65535 entries: a longer list of
// languages, tags, skills, blocks, past partners or picks keeps its first
// (lowest) 65535 entries.
func scLen16[T any](s []T) uint16 {
	return uint16(min(len(s), 1<<16-1))
}

// scIDSet returns the sorted distinct ids of the known values in vals.
func scIDSet(in *scInterner, m map[string]int32, vals []string) []int32 {
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

// scIndexSet returns the sorted distinct person indexes of the IDs that name
// someone in index.
func scIndexSet(index map[string]int32, ids []string) []int32 {
	var out []int32
	for _, id := range ids {
		if i, ok := index[id]; ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// scSkills compiles a skill list in its own order; a repeated skill keeps
// its first entry and unknown (empty) skills are dropped.
func scSkills(in *scInterner, list []SkillLevel) []scSkill {
	if len(list) == 0 {
		return nil
	}
	out := make([]scSkill, 0, len(list))
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
		out = append(out, scSkill{id: id, lvl: scLevel(s.Level), src: int32(i)})
	}
	return out
}

// scHas reports whether the sorted set holds x.
func scHas(set []int32, x int32) bool {
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

// scIntersects reports whether two sorted sets share an element.
func scIntersects(a, b []int32) bool {
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

// scCommon returns how many elements two sorted sets share.
func scCommon(a, b []int32) int {
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
