package match

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
)

// candBruteForce computes every person's top-k list by calling Score on
// every pair: the reference the candidate search must reproduce.
func candBruteForce(tb testing.TB, people []Profile, f Format, w Weights, r Rules, k int) [][]Candidate {
	tb.Helper()
	tops := make([]candTop, len(people))
	for i := range tops {
		tops[i].reset(k)
	}
	for i := range people {
		for j := range people {
			if i == j {
				continue
			}
			si, sj := scSide(f, people[i].Role), scSide(f, people[j].Role)
			var s Scored
			var ok bool
			switch {
			case si == scSidePool && i < j:
				s, ok = Score(&people[i], &people[j], f, w, r)
			case si == scSideLeft && sj == scSideRight:
				s, ok = Score(&people[i], &people[j], f, w, r)
			default:
				continue
			}
			if ok {
				tops[i].push(Candidate{Partner: j, Score: s.Total})
				tops[j].push(Candidate{Partner: i, Score: s.Total})
			}
		}
	}
	out := make([][]Candidate, len(people))
	for i := range tops {
		out[i] = tops[i].sorted()
	}
	return out
}

func candMust(tb testing.TB, people []Profile, f Format, w Weights, r Rules, opt CandidateOptions) CandidateSet {
	tb.Helper()
	cs, err := CandidatesWith(people, f, w, r, opt)
	if err != nil {
		tb.Fatalf("CandidatesWith(%s): %v", f, err)
	}
	return cs
}

func candSameLists(tb testing.TB, what string, got, want [][]Candidate) {
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
	for _, f := range Formats() {
		for _, variant := range []string{"default", "cross_functional+picks"} {
			t.Run(string(f)+"/"+variant, func(t *testing.T) {
				people := synthPeople(t, 200, 7, f)
				w, r := DefaultWeights(f), DefaultRules(f)
				if variant != "default" {
					r.CrossFunctional = true
					w.Preference = 15
				}
				const k = 10
				want := candBruteForce(t, people, f, w, r, k)
				ex := candMust(t, people, f, w, r, CandidateOptions{TopK: k})
				if !ex.Exhaustive {
					t.Fatalf("200 people did not take the exhaustive path")
				}
				candSameLists(t, "exhaustive", ex.Lists, want)
				for _, workers := range []int{1, 2} {
					ix := candMust(t, people, f, w, r, CandidateOptions{TopK: k,
						ExhaustiveUpTo: -1, MaxScoredPerPerson: -1, Workers: workers})
					if ix.Exhaustive || ix.Truncated != 0 {
						t.Fatalf("index search: exhaustive=%v truncated=%d", ix.Exhaustive, ix.Truncated)
					}
					candSameLists(t, fmt.Sprintf("index search, %d workers", workers), ix.Lists, want)
				}
			})
		}
	}
}

// scorePair is the score a candidate list must show for persons i and j.
func candScorePair(tb testing.TB, people []Profile, f Format, w Weights, r Rules, i, j int) (float64, bool) {
	tb.Helper()
	if f.Directional() && scSide(f, people[i].Role) == scSideRight {
		i, j = j, i
	}
	s, ok := Score(&people[i], &people[j], f, w, r)
	return s.Total, ok
}

// TestCandidates_BudgetKeepsEveryone: with the smallest budget the lists
// are short and inexact, but every score is exact and everybody who has a
// compatible partner still gets one.
func TestCandidates_BudgetKeepsEveryone(t *testing.T) {
	for _, f := range []Format{FormatMentoring, FormatPeer, FormatSkillSwap, FormatAdvisoryBoard} {
		t.Run(string(f), func(t *testing.T) {
			people := synthPeople(t, 300, 21, f)
			w, r := DefaultWeights(f), DefaultRules(f)
			cs := candMust(t, people, f, w, r, CandidateOptions{TopK: 5, ExhaustiveUpTo: -1, MaxScoredPerPerson: 1})
			if cs.Truncated == 0 {
				t.Errorf("a budget of 1 truncated nobody")
			}
			compatible := candBruteForce(t, people, f, w, r, 1)
			for i, list := range cs.Lists {
				if (len(list) > 0) != (len(compatible[i]) > 0) {
					t.Fatalf("person %d: %d candidates, brute force finds %d", i, len(list), len(compatible[i]))
				}
				for _, c := range list {
					if got, ok := candScorePair(t, people, f, w, r, i, c.Partner); !ok || got != c.Score {
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
	people := synthPeople(t, 2500, 3, FormatPeer)
	yuki := Profile{ID: "yuki", Name: "Yuki", Department: "Legal", Seniority: 8, YearsExperience: 30,
		UTCOffsetMinutes: 540, Languages: []string{"Japanese"}}
	kenji := Profile{ID: "kenji", Name: "Kenji", Department: "Legal", Seniority: 7, YearsExperience: 3,
		UTCOffsetMinutes: 540, Languages: []string{"Japanese"}}
	people = append([]Profile{yuki}, people...)
	people = append(people, kenji)
	w, r := DefaultWeights(FormatPeer), DefaultRules(FormatPeer)
	for _, budget := range []int{0, 1} {
		cs := candMust(t, people, FormatPeer, w, r, CandidateOptions{TopK: 20, ExhaustiveUpTo: -1, MaxScoredPerPerson: budget})
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
	for _, f := range []Format{FormatMentoring, FormatRotation} {
		t.Run(string(f), func(t *testing.T) {
			people := synthPeople(t, 5000, 9, f)
			w, r := DefaultWeights(f), DefaultRules(f)
			cs, err := Candidates(people, f, w, r, 30)
			if err != nil || cs.Exhaustive {
				t.Fatalf("Candidates: %v, exhaustive %v", err, cs.Exhaustive)
			}
			pool, err := newCandPool(people, f, w, r)
			if err != nil {
				t.Fatal(err)
			}
			internal := make([]int32, len(people))
			for q, e := range pool.ext {
				internal[e] = int32(q)
			}
			empty := 0
			for i, list := range cs.Lists {
				if len(list) > 30 || !slices.IsSortedFunc(list, func(a, b Candidate) int {
					if candBetter(a, b) {
						return -1
					}
					return 1
				}) {
					t.Fatalf("person %d: list of %d not sorted best first", i, len(list))
				}
				side := scSide(f, people[i].Role)
				if len(list) > 0 || side == scSideNone {
					continue
				}
				empty++
				for j := range people {
					s2 := scSide(f, people[j].Role)
					if j == i || (f.Directional() && s2+side != scSideLeft+scSideRight) {
						continue
					}
					if _, ok := pool.pair(internal[i], internal[j], 1, math.Inf(-1)); ok {
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
	ok := []Profile{{ID: "a"}, {ID: "b"}}
	tests := []struct {
		name   string
		people []Profile
		f      Format
		k      int
		want   string
	}{
		{"top k zero", ok, FormatPeer, 0, "TopK must be at least 1"},
		{"unknown format", ok, "speed_dating", 5, `unknown format "speed_dating"`},
		{"empty ID", []Profile{{ID: "a"}, {}}, FormatPeer, 5, "person 1 has no ID"},
		{"repeated ID", []Profile{{ID: "a"}, {ID: "b"}, {ID: "a"}}, FormatPeer, 5, `persons 0 and 2 share the ID "a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Candidates(tt.people, tt.f, DefaultWeights(FormatPeer), DefaultRules(FormatPeer), tt.k)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	cs, err := Candidates(nil, FormatPeer, DefaultWeights(FormatPeer), DefaultRules(FormatPeer), 3)
	if err != nil || len(cs.Lists) != 0 {
		t.Errorf("empty pool: %v, %d lists", err, len(cs.Lists))
	}
}

// TestCandidates_Sides: in directional formats mentees list mentors and
// mentors list mentees; people on neither side get nothing.
func TestCandidates_Sides(t *testing.T) {
	for _, f := range []Format{FormatMentoring, FormatReverse, FormatAdvisoryBoard} {
		people := synthPeople(t, 150, 4, f)
		cs := candMust(t, people, f, DefaultWeights(f), DefaultRules(f), CandidateOptions{TopK: 8})
		nonEmpty := 0
		for i, list := range cs.Lists {
			si := scSide(f, people[i].Role)
			if si == scSideNone && len(list) > 0 {
				t.Fatalf("%s: person %d (%s) is on no side but has candidates", f, i, people[i].Role)
			}
			for _, c := range list {
				if sj := scSide(f, people[c.Partner].Role); si+sj != scSideLeft+scSideRight || si == sj {
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
	for _, f := range []Format{FormatMentoring, FormatPeer} {
		t.Run(string(f), func(t *testing.T) {
			people := synthPeople(t, 150, 8, f)
			w, r := DefaultWeights(f), DefaultRules(f)
			cs := candMust(t, people, f, w, r, CandidateOptions{TopK: 6})
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
					if (g.Bipartite && people[u].Role == RoleMentor) || (!g.Bipartite && u > v) {
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
					if people[pi].Role != RoleMentor || g.Capacity[j] != max(1, people[pi].Capacity) {
						t.Fatalf("right node %d: person %d role %s capacity %d", j, pi, people[pi].Role, g.Capacity[j])
					}
				}
				for _, pi := range g.Left {
					if people[pi].Role != RoleMentee {
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
	for _, f := range []Format{FormatMentoring, FormatPeer} {
		t.Run(string(f), func(t *testing.T) {
			people := synthPeople(t, 3000, 17, f)
			w, r := DefaultWeights(f), DefaultRules(f)
			ex := candMust(t, people, f, w, r, CandidateOptions{TopK: 25, ExhaustiveUpTo: 3000})
			ix := candMust(t, people, f, w, r, CandidateOptions{TopK: 25, ExhaustiveUpTo: -1, MaxScoredPerPerson: -1})
			if !ex.Exhaustive || ix.Exhaustive || ix.Truncated != 0 {
				t.Fatalf("paths: exhaustive %v/%v, truncated %d", ex.Exhaustive, ix.Exhaustive, ix.Truncated)
			}
			candSameLists(t, "index search vs every pair", ix.Lists, ex.Lists)
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
	people := synthPeople(t, 2600, 23, FormatPeer)
	for i := range people {
		people[i].Seniority = 4 + i%2
		people[i].UTCOffsetMinutes = 60
	}
	for _, cross := range []bool{false, true} {
		w, r := DefaultWeights(FormatPeer), DefaultRules(FormatPeer)
		r.CrossFunctional = cross
		pool, err := newCandPool(people, FormatPeer, w, r)
		if err != nil || !pool.keyDept[scSidePool] {
			t.Fatalf("department not keyed (err %v)", err)
		}
		ex := candMust(t, people, FormatPeer, w, r, CandidateOptions{TopK: 15, ExhaustiveUpTo: 3000})
		ix := candMust(t, people, FormatPeer, w, r, CandidateOptions{TopK: 15, ExhaustiveUpTo: -1, MaxScoredPerPerson: -1})
		candSameLists(t, fmt.Sprintf("cross-functional %v", cross), ix.Lists, ex.Lists)
	}
}
