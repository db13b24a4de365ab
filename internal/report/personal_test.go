package report

import (
	"testing"
	"time"
)

func TestProficiencyChanges_SelfAndPartnerApart(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 9, 0, 0, 0, time.UTC) }
	list := []Assessment{
		{Skill: "SQL", Kind: "self", Level: 2, At: day(10)},
		{Skill: "SQL", Kind: "self", Level: 1, At: day(2)},
		{Skill: "SQL", Kind: "partner", Level: 2, At: day(3)},
		{Skill: "SQL", Kind: "mentor", Level: 4, At: day(20)},
		{Skill: "SQL", Kind: "self", Level: 4, At: day(25)},
		{Skill: "Go", Kind: "self", Level: 3, At: day(5)},
		{Skill: "Go", Kind: "self", Level: 5, At: day(40)},
	}
	got := ProficiencyChanges(list, Filter{})
	want := []SkillChange{
		{Skill: "Go", Kind: "self", First: 3, Latest: 5, Change: 2, Count: 2},
		{Skill: "SQL", Kind: "partner", First: 2, Latest: 4, Change: 2, Count: 2},
		{Skill: "SQL", Kind: "self", First: 1, Latest: 4, Change: 3, Count: 3},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		g := got[i]
		if g.Skill != want[i].Skill || g.Kind != want[i].Kind || g.First != want[i].First || g.Latest != want[i].Latest ||
			g.Change != want[i].Change || g.Count != want[i].Count {
			t.Errorf("%d: got %+v, want %+v", i, g, want[i])
		}
	}
	cut := ProficiencyChanges(list, Filter{From: day(4), To: day(31)})
	if len(cut) != 3 || cut[0].Change != 0 || cut[1].Kind != "partner" || cut[1].Change != 0 || cut[2].Change != 2 || cut[2].Count != 2 {
		t.Fatalf("in January from the 4th: %+v", cut)
	}
}
