package report

import (
	"sort"
	"time"
)

// SkillChange is how one person's proficiency in one skill moved, by one
// kind of assessor: the latest level minus the first. Self and partner
// assessments are separate changes, never mixed.
type SkillChange struct {
	Skill    string    `json:"skill"`
	Kind     string    `json:"kind"` // self or partner
	First    int       `json:"first"`
	Latest   int       `json:"latest"`
	Change   int       `json:"change"`
	FirstAt  time.Time `json:"first_at"`
	LatestAt time.Time `json:"latest_at"`
	Count    int       `json:"count"`
}

// ProficiencyChanges returns the change per skill and kind of the given
// assessments of one person, in [From, To) of f (zero bounds: unbounded),
// sorted by skill then kind. "mentor" assessments count as partner. Ties in
// time are broken by order in the list (later wins as latest).
func ProficiencyChanges(list []Assessment, f Filter) []SkillChange {
	type key struct{ skill, kind string }
	by := map[key]*SkillChange{}
	for _, a := range list {
		if !f.From.IsZero() && a.At.Before(f.From) || !f.To.IsZero() && !a.At.Before(f.To) {
			continue
		}
		kind := "self"
		if a.Kind != "self" {
			kind = "partner"
		}
		k := key{a.Skill, kind}
		c := by[k]
		if c == nil {
			c = &SkillChange{Skill: a.Skill, Kind: kind, First: a.Level, FirstAt: a.At, Latest: a.Level, LatestAt: a.At}
			by[k] = c
		}
		c.Count++
		if a.At.Before(c.FirstAt) {
			c.First, c.FirstAt = a.Level, a.At
		}
		if !a.At.Before(c.LatestAt) {
			c.Latest, c.LatestAt = a.Level, a.At
		}
	}
	out := make([]SkillChange, 0, len(by))
	for _, c := range by {
		c.Change = c.Latest - c.First
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Skill != out[j].Skill {
			return out[i].Skill < out[j].Skill
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}
