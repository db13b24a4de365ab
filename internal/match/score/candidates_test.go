package score_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/internal/synth"
	"github.com/mentormesh/mentormesh/internal/match/score"
)

// bruteForce computes every person's top-k list by calling Score on
// every pair: the reference the candidate search must reproduce.
func bruteForce(tb testing.TB, people []score.Profile, f score.Format, w score.Weights, r score.Rules, k int) [][]score.Candidate {
	tb.Helper()
	tops := make([]*score.Top, len(people))
	for i := range tops {
		tops[i] = score.NewTop(k)
	}
	for i := range people {
		for j := range people {
			if i == j {
				continue
			}
			si, sj := score.SideOf(f, people[i].Role), score.SideOf(f, people[j].Role)
			var s score.Scored
			var ok bool
			switch {
			case si == score.SidePool && i < j:
				s, ok = score.Score(&people[i], &people[j], f, w, r)
			case si == score.SideLeft && sj == score.SideRight:
				s, ok = score.Score(&people[i], &people[j], f, w, r)
			default:
				continue
			}
			if ok {
				tops[i].Push(score.Candidate{Partner: j, Score: s.Total})
				tops[j].Push(score.Candidate{Partner: i, Score: s.Total})
			}
		}
	}
	out := make([][]score.Candidate, len(people))
	for i := range tops {
		out[i] = tops[i].Sorted()
	}
	return out
}

func mustCandidates(tb testing.TB, people []score.Profile, f score.Format, w score.Weights, r score.Rules, opt score.CandidateOptions) score.CandidateSet {
	tb.Helper()
	cs, err := score.CandidatesWith(people, f, w, r, opt)
	if err != nil {
		tb.Fatalf("CandidatesWith(%s): %v", f, err)
	}
	return cs
}

func sameLists(tb testing.TB, what string, got, want [][]score.Candidate) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Fatalf("%s: %d lists, want %d", what, len(got), len(want))
	}
	bad := 0
	for i := range got {
		if !slices.Equal(got[i], want[i]) {
			if bad < 3 {
				tb.Errorf("%s: person %d:\n got  %v\n want %v", what, i, got[i], want[i])
			}
			bad++
		}
	}
	if bad > 0 {
		tb.Errorf("%s: %d of %d lists differ", what, bad, len(got))
	}
}

// TestCandidates_EqualBruteForce: both the exhaustive path and the index
// search (without a budget) return exactly the brute-force top-K of Score,
// for every format, with and without cross-functional rules and picks.
func TestCandidates_EqualBruteForce(t *testing.T) {
	for _, f := range score.Formats() {
		for _, variant := range []string{"default", "cross_functional+picks"} {
			t.Run(string(f)+"/"+variant, func(t *testing.T) {
				people := synth.People(t, 200, 7, f)
				w, r := score.DefaultWeights(f), score.DefaultRules(f)
				if variant != "default" {
					r.CrossFunctional = true
					w.Preference = 15
				}
				const k = 10
				want := bruteForce(t, people, f, w, r, k)
				ex := mustCandidates(t, people, f, w, r, score.CandidateOptions{TopK: k})
				if !ex.Exhaustive {
					t.Fatalf("200 people did not take the exhaustive path")
				}
				sameLists(t, "exhaustive", ex.Lists, want)
				for _, workers := range []int{1, 2} {
					ix := mustCandidates(t, people, f, w, r, score.CandidateOptions{TopK: k,
						ExhaustiveUpTo: -1, MaxScoredPerPerson: -1, Workers: workers})
					if ix.Exhaustive || ix.Truncated != 0 {
						t.Fatalf("index search: exhaustive=%v truncated=%d", ix.Exhaustive, ix.Truncated)
					}
					sameLists(t, fmt.Sprintf("index search, %d workers", workers), ix.Lists, want)
				}
			})
		}
	}
}

// scorePair is the score a candidate list must show for persons i and j.
func scorePair(tb testing.TB, people []score.Profile, f score.Format, w score.Weights, r score.Rules, i, j int) (float64, bool) {
	tb.Helper()
	if f.Directional() && score.SideOf(f, people[i].Role) == score.SideRight {
		i, j = j, i
	}
	s, ok := score.Score(&people[i], &people[j], f, w, r)
	return s.Total, ok
}

// TestCandidates_BudgetKeepsEveryone: with the smallest budget the lists
// are short and inexact, but every score is exact and everybody who has a
// compatible partner still gets one.
func TestCandidates_BudgetKeepsEveryone(t *testing.T) {
	for _, f := range []score.Format{score.FormatMentoring, score.FormatPeer, score.FormatSkillSwap, score.FormatAdvisoryBoard} {
		t.Run(string(f), func(t *testing.T) {
			people := synth.People(t, 300, 21, f)
			w, r := score.DefaultWeights(f), score.DefaultRules(f)
			cs := mustCandidates(t, people, f, w, r, score.CandidateOptions{TopK: 5, ExhaustiveUpTo: -1, MaxScoredPerPerson: 1})
			if cs.Truncated == 0 {
				t.Errorf("a budget of 1 truncated nobody")
			}
			compatible := bruteForce(t, people, f, w, r, 1)
			for i, list := range cs.Lists {
				if (len(list) > 0) != (len(compatible[i]) > 0) {
					t.Fatalf("person %d: %d candidates, brute force finds %d", i, len(list), len(compatible[i]))
				}
				for _, c := range list {
					if got, ok := scorePair(t, people, f, w, r, i, c.Partner); !ok || got != c.Score {
						t.Fatalf("person %d partner %d: listed %v, Score %v (ok %v)", i, c.Partner, c.Score, got, ok)
					}
				}
			}
		})
	}
}

// TestCandidates_RarePartner: a person whose only compatible partner is one
// far away in every index key is still found, with and without a budget.
func TestCandidates_RarePartner(t *testing.T) {
	people := synth.People(t, 2500, 3, score.FormatPeer)
	yuki := score.Profile{ID: "yuki", Name: "Yuki", Department: "Legal", Seniority: 8, YearsExperience: 30,
		UTCOffsetMinutes: 540, Languages: []string{"Japanese"}}
	kenji := score.Profile{ID: "kenji", Name: "Kenji", Department: "Legal", Seniority: 7, YearsExperience: 3,
		UTCOffsetMinutes: 540, Languages: []string{"Japanese"}}
	people = append([]score.Profile{yuki}, people...)
	people = append(people, kenji)
	w, r := score.DefaultWeights(score.FormatPeer), score.DefaultRules(score.FormatPeer)
	for _, budget := range []int{0, 1} {
		cs := mustCandidates(t, people, score.FormatPeer, w, r, score.CandidateOptions{TopK: 20, ExhaustiveUpTo: -1, MaxScoredPerPerson: budget})
		first, last := cs.Lists[0], cs.Lists[len(people)-1]
		if len(first) != 1 || first[0].Partner != len(people)-1 || len(last) != 1 || last[0].Partner != 0 {
			t.Errorf("budget %d: Yuki's list %v, Kenji's list %v; want each other only", budget, first, last)
		}
	}
}

// TestCandidates_AtScaleNobodyLeftOut: on 5,000 people with the default
// options (index search with a budget) a person has an empty list only when
// nobody is compatible with them; lists are sorted and within TopK.
func TestCandidates_AtScaleNobodyLeftOut(t *testing.T) {
	for _, f := range []score.Format{score.FormatMentoring, score.FormatRotation} {
		t.Run(string(f), func(t *testing.T) {
			people := synth.People(t, 5000, 9, f)
			w, r := score.DefaultWeights(f), score.DefaultRules(f)
			cs, err := score.Candidates(people, f, w, r, 30)
			if err != nil || cs.Exhaustive {
				t.Fatalf("Candidates: %v, exhaustive %v", err, cs.Exhaustive)
			}
			pool, err := score.NewTestPool(people, f, w, r)
			if err != nil {
				t.Fatal(err)
			}
			empty := 0
			for i, list := range cs.Lists {
				if len(list) > 30 || !slices.IsSortedFunc(list, func(a, b score.Candidate) int {
					if score.Better(a, b) {
						return -1
					}
					return 1
				}) {
					t.Fatalf("person %d: list of %d not sorted best first", i, len(list))
				}
				side := score.SideOf(f, people[i].Role)
				if len(list) > 0 || side == score.SideNone {
					continue
				}
				empty++
				for j := range people {
					s2 := score.SideOf(f, people[j].Role)
					if j == i || (f.Directional() && s2+side != score.SideLeft+score.SideRight) {
						continue
					}
					if pool.Compatible(i, j) {
						t.Fatalf("person %d has no candidates but %d is compatible", i, j)
					}
				}
			}
			t.Logf("%s: %d scored/person, %d truncated, %d people without any compatible partner",
				f, cs.Scored/int64(len(people)), cs.Truncated, empty)
		})
	}
}

func TestCandidates_Errors(t *testing.T) {
	ok := []score.Profile{{ID: "a"}, {ID: "b"}}
	tests := []struct {
		name   string
		people []score.Profile
		f      score.Format
		k      int
		want   string
	}{
		{"top k zero", ok, score.FormatPeer, 0, "TopK must be at least 1"},
		{"unknown format", ok, "speed_dating", 5, `unknown format "speed_dating"`},
		{"empty ID", []score.Profile{{ID: "a"}, {}}, score.FormatPeer, 5, "person 1 has no ID"},
		{"repeated ID", []score.Profile{{ID: "a"}, {ID: "b"}, {ID: "a"}}, score.FormatPeer, 5, `persons 0 and 2 share the ID "a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := score.Candidates(tt.people, tt.f, score.DefaultWeights(score.FormatPeer), score.DefaultRules(score.FormatPeer), tt.k)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	cs, err := score.Candidates(nil, score.FormatPeer, score.DefaultWeights(score.FormatPeer), score.DefaultRules(score.FormatPeer), 3)
	if err != nil || len(cs.Lists) != 0 {
		t.Errorf("empty pool: %v, %d lists", err, len(cs.Lists))
	}
}

// TestCandidates_Sides: in directional formats mentees list mentors and
// mentors list mentees; people on neither side get nothing.
func TestCandidates_Sides(t *testing.T) {
	for _, f := range []score.Format{score.FormatMentoring, score.FormatReverse, score.FormatAdvisoryBoard} {
		people := synth.People(t, 150, 4, f)
		cs := mustCandidates(t, people, f, score.DefaultWeights(f), score.DefaultRules(f), score.CandidateOptions{TopK: 8})
		nonEmpty := 0
		for i, list := range cs.Lists {
			si := score.SideOf(f, people[i].Role)
			if si == score.SideNone && len(list) > 0 {
				t.Fatalf("%s: person %d (%s) is on no side but has candidates", f, i, people[i].Role)
			}
			for _, c := range list {
				if sj := score.SideOf(f, people[c.Partner].Role); si+sj != score.SideLeft+score.SideRight || si == sj {
					t.Fatalf("%s: person %d (%s) lists %d (%s)", f, i, people[i].Role, c.Partner, people[c.Partner].Role)
				}
			}
			if len(list) > 0 {
				nonEmpty++
			}
		}
		if nonEmpty < 50 {
			t.Errorf("%s: only %d people with candidates", f, nonEmpty)
		}
	}
}

func TestCandidateSet_Graph(t *testing.T) {
	for _, f := range []score.Format{score.FormatMentoring, score.FormatPeer} {
		t.Run(string(f), func(t *testing.T) {
			people := synth.People(t, 150, 8, f)
			w, r := score.DefaultWeights(f), score.DefaultRules(f)
			cs := mustCandidates(t, people, f, w, r, score.CandidateOptions{TopK: 6})
			g, err := cs.Graph(people)
			if err != nil {
				t.Fatal(err)
			}
			if g.Bipartite != f.Directional() {
				t.Fatalf("Bipartite = %v", g.Bipartite)
			}
			type pair struct{ u, v int } // people indexes, (mentee, mentor) or (low, high)
			want := map[pair]float64{}
			for i, list := range cs.Lists {
				for _, c := range list {
					u, v := i, c.Partner
					if (g.Bipartite && people[u].Role == score.RoleMentor) || (!g.Bipartite && u > v) {
						u, v = v, u
					}
					want[pair{u, v}] = c.Score
				}
			}
			got := map[pair]float64{}
			for k, e := range g.Edges {
				if k > 0 && (e.U < g.Edges[k-1].U || (e.U == g.Edges[k-1].U && e.V <= g.Edges[k-1].V)) {
					t.Fatalf("edges not sorted and unique at %d: %v after %v", k, e, g.Edges[k-1])
				}
				p := pair{g.Left[e.U], e.V}
				if g.Bipartite {
					p.v = g.Right[e.V]
				} else if e.U >= e.V {
					t.Fatalf("pool edge %v not U < V", e)
				}
				got[p] = e.W
			}
			if !maps.Equal(got, want) {
				t.Fatalf("graph has %d edges, lists have %d pairs", len(got), len(want))
			}
			if g.Bipartite {
				for j, pi := range g.Right {
					if people[pi].Role != score.RoleMentor || g.Capacity[j] != max(1, people[pi].Capacity) {
						t.Fatalf("right node %d: person %d role %s capacity %d", j, pi, people[pi].Role, g.Capacity[j])
					}
				}
				for _, pi := range g.Left {
					if people[pi].Role != score.RoleMentee {
						t.Fatalf("left node is person %d, a %s", pi, people[pi].Role)
					}
				}
			} else if len(g.Left) != len(people) || g.Right != nil || g.Capacity != nil {
				t.Fatalf("pool graph: %d left, right %v, capacity %v", len(g.Left), g.Right, g.Capacity)
			}
			if _, err := cs.Graph(people[1:]); err == nil {
				t.Errorf("Graph accepted a different people slice")
			}
		})
	}
}

// TestCandidates_IndexExactAtScale: on 3,000 people (large buckets, long
// posting lists) the index search without a budget returns exactly the
// lists of scoring every pair.
func TestCandidates_IndexExactAtScale(t *testing.T) {
	for _, f := range []score.Format{score.FormatMentoring, score.FormatPeer} {
		t.Run(string(f), func(t *testing.T) {
			people := synth.People(t, 3000, 17, f)
			w, r := score.DefaultWeights(f), score.DefaultRules(f)
			ex := mustCandidates(t, people, f, w, r, score.CandidateOptions{TopK: 25, ExhaustiveUpTo: 3000})
			ix := mustCandidates(t, people, f, w, r, score.CandidateOptions{TopK: 25, ExhaustiveUpTo: -1, MaxScoredPerPerson: -1})
			if !ex.Exhaustive || ix.Exhaustive || ix.Truncated != 0 {
				t.Fatalf("paths: exhaustive %v/%v, truncated %d", ex.Exhaustive, ix.Exhaustive, ix.Truncated)
			}
			sameLists(t, "index search vs every pair", ix.Lists, ex.Lists)
			if ix.Scored*4 > ex.Scored {
				t.Errorf("index search scored %d pairs, every pair is %d: no pruning", ix.Scored, ex.Scored)
			}
			t.Logf("%s: index search scored %d pairs, exhaustive %d", f, ix.Scored, ex.Scored)
		})
	}
}

// TestCandidates_DepartmentKeyed: when the (seniority, time zone) buckets
// are large the department joins the bucket key; the search stays exact,
// also with cross-functional rules that remove whole buckets.
func TestCandidates_DepartmentKeyed(t *testing.T) {
	people := synth.People(t, 2600, 23, score.FormatPeer)
	for i := range people {
		people[i].Seniority = 4 + i%2
		people[i].UTCOffsetMinutes = 60
	}
	for _, cross := range []bool{false, true} {
		w, r := score.DefaultWeights(score.FormatPeer), score.DefaultRules(score.FormatPeer)
		r.CrossFunctional = cross
		pool, err := score.NewTestPool(people, score.FormatPeer, w, r)
		if err != nil || !pool.DeptKeyed(score.SidePool) {
			t.Fatalf("department not keyed (err %v)", err)
		}
		ex := mustCandidates(t, people, score.FormatPeer, w, r, score.CandidateOptions{TopK: 15, ExhaustiveUpTo: 3000})
		ix := mustCandidates(t, people, score.FormatPeer, w, r, score.CandidateOptions{TopK: 15, ExhaustiveUpTo: -1, MaxScoredPerPerson: -1})
		sameLists(t, fmt.Sprintf("cross-functional %v", cross), ix.Lists, ex.Lists)
	}
}
