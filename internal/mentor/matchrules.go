package mentor

import (
	"fmt"
	"slices"
	"strings"
)

// Rule names of the hard matching rules a hand-made match is checked
// against besides the engine's pair rules (whose names come from the
// engine: "cross_functional", "manager", "blocked", ...).
const (
	// RuleCapacity: a mentor takes no more matches than their capacity.
	RuleCapacity = "capacity"
	// RuleOneMatch: anyone else is in one live match per program.
	RuleOneMatch = "one_match"
)

// RuleBreach is one hard matching rule that a match breaks.
type RuleBreach struct {
	Rule    string `json:"rule"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// CheckLoad lists the members of m who would hold more live matches than
// they have room for: others are the other live matches that count (of the
// same program), capacity is each person's capacity from their enrollment
// (at least 1). A mentor over capacity breaks RuleCapacity; anyone else in
// a second match RuleOneMatch.
func CheckLoad(m *Match, others []Match, capacity map[int64]int) []RuleBreach {
	var out []RuleBreach
	for i, mm := range m.Members {
		var in []string
		for _, o := range others {
			if o.ID != m.ID && o.HasMember(mm.PersonID) {
				in = append(in, fmt.Sprintf("%d", o.ID))
			}
		}
		room := max(capacity[mm.PersonID], 1)
		if len(in) < room {
			continue
		}
		who := mm.Name
		if who == "" {
			who = fmt.Sprintf("person %d", mm.PersonID)
		}
		b := RuleBreach{Rule: RuleOneMatch, Field: fmt.Sprintf("members[%d].person_id", i),
			Message: fmt.Sprintf("%s is already in match %s of this program; a %s has one live match per program", who, strings.Join(in, ", "), mm.Role)}
		if mm.Role == RoleMentor {
			b.Rule = RuleCapacity
			b.Message = fmt.Sprintf("%s already has %d live matches (%s), their capacity is %d", who, len(in), strings.Join(in, ", "), room)
		}
		out = append(out, b)
	}
	return out
}

// BreachError is the ECONFLICT answer to a hand-made match that breaks hard
// rules: the message names the rules, and each breach is a field error
// "rule: message". A coordinator may resend with an explicit override.
func BreachError(breaches []RuleBreach) error {
	e := &Error{Code: ECONFLICT}
	var rules []string
	for _, b := range breaches {
		if !slices.Contains(rules, b.Rule) {
			rules = append(rules, b.Rule)
		}
		e.Fields = append(e.Fields, FieldError{Field: b.Field, Message: b.Rule + ": " + b.Message})
	}
	e.Message = "The match breaks the program's hard rules (" + strings.Join(rules, ", ") + `); send "override": true to keep it anyway.`
	return e
}
