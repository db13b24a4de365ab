package rotation

import (
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// check recounts a schedule independently: each node at most once per
// round, group sizes within size±1, and the number of repeated pairs.
func check(tb testing.TB, n, size int, history [][2]int, res Result) int {
	tb.Helper()
	met := make([]uint8, n*n)
	for _, h := range history {
		met[h[0]*n+h[1]], met[h[1]*n+h[0]] = 1, 1
	}
	for r, round := range res.Rounds {
		seen := make([]bool, n)
		for _, g := range round {
			if size > 2 && (len(g) < size-1 || len(g) > size+1) || size == 2 && len(g) != 2 {
				tb.Fatalf("round %d: group of %d, size %d", r, len(g), size)
			}
			for i, p := range g {
				if seen[p] {
					tb.Fatalf("round %d: %d twice", r, p)
				}
				seen[p] = true
				for _, q := range g[i+1:] {
					met[p*n+q]++
					met[q*n+p]++
				}
			}
		}
	}
	repeats := 0
	for p := 0; p < n; p++ {
		for q := p + 1; q < n; q++ {
			if met[p*n+q] > 1 {
				repeats++
			}
		}
	}
	if repeats != res.Repeats {
		tb.Fatalf("reported %d repeats, recounted %d", res.Repeats, repeats)
	}
	return repeats
}

func TestSchedule_PairsReachNMinus1Rounds(t *testing.T) {
	for n := 2; n <= 1000; n += 2 {
		res, err := Schedule(n, nil, Options{Size: 2, Rounds: n - 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rounds) != n-1 || check(t, n, 2, nil, res) != 0 {
			t.Fatalf("n=%d: %d rounds, %d repeats", n, len(res.Rounds), res.Repeats)
		}
		for _, round := range res.Rounds {
			if len(round) != n/2 {
				t.Fatalf("n=%d: a round of %d pairs", n, len(round))
			}
		}
	}
}

func TestSchedule_WeightsChooseEarlyRounds(t *testing.T) {
	edges := []graph.Edge{{U: 0, V: 1, W: 10}, {U: 2, V: 3, W: 10}}
	res, err := Schedule(4, edges, Options{Size: 2, Rounds: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 20 {
		t.Fatalf("the best round pairs 0-1 and 2-3: %+v", res)
	}
}

func TestSchedule_HistoryAvoided(t *testing.T) {
	n := 10
	var history [][2]int
	for r := 0; r < 4; r++ {
		res, err := Schedule(n, nil, Options{Size: 2, Rounds: 1, History: history, Seed: int64(r)})
		if err != nil {
			t.Fatal(err)
		}
		if check(t, n, 2, history, res) != 0 {
			t.Fatalf("round %d repeats a past pair", r)
		}
		for _, g := range res.Rounds[0] {
			history = append(history, [2]int{g[0], g[1]})
		}
	}
}

func TestSchedule_GroupsAreValid(t *testing.T) {
	for _, c := range []struct{ n, k, rounds int }{{12, 3, 4}, {13, 4, 3}, {20, 5, 4}} {
		res, err := Schedule(c.n, nil, Options{Size: c.k, Rounds: c.rounds, Seed: 1, Budget: 300 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rounds) != c.rounds {
			t.Fatalf("%+v: %d rounds", c, len(res.Rounds))
		}
		check(t, c.n, c.k, nil, res)
	}
}

func TestSchedule_BadInput(t *testing.T) {
	for name, c := range map[string]struct {
		n   int
		opt Options
		e   []graph.Edge
	}{
		"size 1":        {4, Options{Size: 1, Rounds: 1}, nil},
		"no rounds":     {4, Options{Size: 2}, nil},
		"edge outside":  {4, Options{Size: 2, Rounds: 1}, []graph.Edge{{U: 0, V: 9, W: 1}}},
		"history loop":  {4, Options{Size: 2, Rounds: 1, History: [][2]int{{1, 1}}}, nil},
		"negative size": {-1, Options{Size: 2, Rounds: 1}, nil},
	} {
		if _, err := Schedule(c.n, c.e, c.opt); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
