package match

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
	"github.com/mentormesh/mentormesh/internal/match/score"
)

// checkPlan verifies the structural promises of a plan: nobody twice,
// mentor capacities, group sizes, every member of a pair removed by no
// hard constraint (except rotation repeats, reported by the solver).
func checkPlan(tb testing.TB, people []score.Profile, f score.Format, r score.Rules, res PlanResult, k int) {
	tb.Helper()
	seen := map[int]int{}
	load := map[int]int{}
	for _, p := range res.Proposals {
		if len(p.Members) != len(p.Roles) {
			tb.Fatalf("%s: members and roles differ: %+v", f, p)
		}
		if p.Summary == "" {
			tb.Errorf("%s: proposal without a summary: %+v", f, p.Members)
		}
		for i, m := range p.Members {
			if f.Directional() && f != score.FormatAdvisoryBoard && i == 1 {
				load[m]++
				continue
			}
			if f == score.FormatAdvisoryBoard && i > 0 {
				load[m]++
				continue
			}
			seen[m]++
			if seen[m] > 1 {
				tb.Fatalf("%s: person %d in two proposals", f, m)
			}
		}
		switch f {
		case score.FormatCircles:
			if len(p.Members) < k-1 || len(p.Members) > k+1 {
				tb.Errorf("%s: group of %d, want %d±1", f, len(p.Members), k)
			}
		case score.FormatAdvisoryBoard:
			if len(p.Members) < 2 || p.Roles[1] != score.RoleMentor {
				tb.Errorf("board without a mentor: %+v", p)
			}
		default:
			if len(p.Members) != 2 {
				tb.Errorf("%s: proposal of %d people", f, len(p.Members))
			}
			if s, ok := score.Score(&people[p.Members[0]], &people[p.Members[1]], f, score.DefaultWeights(f), r); !ok && f != score.FormatRotation {
				tb.Errorf("%s: proposed pair removed by %s", f, s.RemovedBy)
			}
		}
	}
	for m, n := range load {
		c := max(people[m].Capacity, 1)
		if n > c && f != score.FormatAdvisoryBoard {
			tb.Errorf("%s: person %d leads %d, capacity %d", f, m, n, c)
		}
	}
}

func TestPlan_EveryFormat(t *testing.T) {
	for _, f := range score.Formats() {
		t.Run(string(f), func(t *testing.T) {
			people := synth.People(t, 120, 7, f)
			r := score.DefaultRules(f)
			opt := PlanOptions{GroupSize: 4, Seed: 1, MaxCardinality: true, Budget: 200 * time.Millisecond}
			if f == score.FormatRotation {
				opt.GroupSize = 2
			}
			res, err := Plan(people, f, score.DefaultWeights(f), r, opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Proposals) == 0 {
				t.Fatalf("no proposals for %d people", len(people))
			}
			checkPlan(t, people, f, r, res, opt.GroupSize)
			again, _ := Plan(people, f, score.DefaultWeights(f), r, opt)
			if fmt.Sprint(again.Proposals) != fmt.Sprint(res.Proposals) && f != score.FormatCircles {
				t.Error("plan is not deterministic")
			}
		})
	}
}

func TestPlan_RotationAvoidsPastPartners(t *testing.T) {
	people := synth.People(t, 40, 3, score.FormatRotation)
	r := score.DefaultRules(score.FormatRotation)
	met := map[[2]int]bool{}
	for round := range 5 {
		res, err := Plan(people, score.FormatRotation, score.DefaultWeights(score.FormatRotation), r, PlanOptions{GroupSize: 2, Seed: int64(round)})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Proposals {
			a, b := p.Members[0], p.Members[1]
			key := [2]int{min(a, b), max(a, b)}
			if met[key] {
				t.Fatalf("round %d repeats pair %v", round, key)
			}
			met[key] = true
			people[a].PastPartners = append(people[a].PastPartners, people[b].ID)
			people[b].PastPartners = append(people[b].PastPartners, people[a].ID)
		}
	}
}

func TestPlan_BoardsAreDiverse(t *testing.T) {
	people := synth.People(t, 90, 11, score.FormatAdvisoryBoard)
	res, err := Plan(people, score.FormatAdvisoryBoard, score.DefaultWeights(score.FormatAdvisoryBoard), score.DefaultRules(score.FormatAdvisoryBoard), PlanOptions{BoardPeers: 2})
	if err != nil {
		t.Fatal(err)
	}
	full := 0
	for _, p := range res.Proposals {
		if len(p.Members) == 4 {
			full++
		}
		if slices.Contains(p.Members[1:], p.Members[0]) {
			t.Fatal("owner on their own board")
		}
	}
	if full == 0 {
		t.Fatal("no board got a mentor and two peers")
	}
}
