package mentor

import (
	"strings"
	"testing"
)

func TestCheckLoad(t *testing.T) {
	pair := func(id, mentorID, menteeID int64) Match {
		return Match{ID: id, Members: []MatchMember{{PersonID: mentorID, Name: "Mia", Role: RoleMentor}, {PersonID: menteeID, Name: "Sam", Role: RoleMentee}}}
	}
	for _, tc := range []struct {
		name     string
		m        Match
		others   []Match
		capacity map[int64]int
		want     string
	}{
		{"room left", pair(0, 1, 2), []Match{pair(7, 1, 3)}, map[int64]int{1: 2}, ""},
		{"mentor full", pair(0, 1, 2), []Match{pair(7, 1, 3)}, map[int64]int{1: 1}, "capacity"},
		{"mentee taken", pair(0, 1, 2), []Match{pair(7, 4, 2)}, map[int64]int{1: 2}, "one_match"},
		{"both", pair(0, 1, 2), []Match{pair(7, 1, 2)}, map[int64]int{1: 1}, "capacity,one_match"},
		{"itself does not count", pair(7, 1, 2), []Match{pair(7, 1, 2)}, nil, ""},
		{"no capacity means one", pair(0, 1, 2), []Match{pair(7, 1, 3)}, nil, "capacity"},
	} {
		var rules []string
		for _, b := range CheckLoad(&tc.m, tc.others, tc.capacity) {
			rules = append(rules, b.Rule)
		}
		if got := strings.Join(rules, ","); got != tc.want {
			t.Errorf("%s: rules %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestBreachError(t *testing.T) {
	err := BreachError([]RuleBreach{{Rule: RuleCapacity, Field: "members[0].person_id", Message: "Mia is full"},
		{Rule: "cross_functional", Field: "members", Message: "same department"}, {Rule: RuleCapacity, Field: "members[2].person_id", Message: "Omar is full"}})
	if ErrorCode(err) != ECONFLICT || !strings.Contains(ErrorMessage(err), "(capacity, cross_functional)") || !strings.Contains(ErrorMessage(err), `"override": true`) ||
		len(ErrorFields(err)) != 3 || ErrorFields(err)[1].Message != "cross_functional: same department" {
		t.Fatalf("BreachError: %v", err)
	}
}
