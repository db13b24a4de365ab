package adjacency

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// TestNew_WeightMatchesEdges: parallel edges keep the largest weight, a
// missing pair weighs 0, arcs are sorted, and the dense matrix (small n)
// and the binary search (large n) give the same weights.
func TestNew_WeightMatchesEdges(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{1, 7, 40, denseLimit + 1} {
		want := map[[2]int]float64{}
		var edges []graph.Edge
		for range 4 * n {
			u, v := rng.IntN(n), rng.IntN(n)
			if u == v {
				continue
			}
			w := float64(rng.IntN(21) - 10)
			edges = append(edges, graph.Edge{U: u, V: v, W: w})
			k := [2]int{min(u, v), max(u, v)}
			if old, ok := want[k]; !ok || w > old {
				want[k] = w
			}
		}
		g, err := New(n, edges)
		if err != nil {
			t.Fatal(err)
		}
		if (g.Dense != nil) != (n <= denseLimit) {
			t.Errorf("n=%d: dense matrix %v", n, g.Dense != nil)
		}
		arcs := 0
		for u := 0; u < n; u++ {
			as := g.ArcsOf(u)
			arcs += len(as)
			for i := 1; i < len(as); i++ {
				if as[i-1].To >= as[i].To {
					t.Fatalf("n=%d: arcs of %d not sorted: %v", n, u, as)
				}
			}
		}
		if arcs != 2*len(want) {
			t.Errorf("n=%d: %d arcs, want %d", n, arcs, 2*len(want))
		}
		for range 200 {
			u, v := rng.IntN(n), rng.IntN(n)
			if got, w := g.Weight(u, v), want[[2]int{min(u, v), max(u, v)}]; u != v && got != w {
				t.Fatalf("n=%d: Weight(%d, %d) = %v, want %v", n, u, v, got, w)
			}
		}
	}
}

func TestNew_Errors(t *testing.T) {
	tests := map[string]struct {
		edges []graph.Edge
		want  string
	}{
		"outside":   {[]graph.Edge{{U: 0, V: 3, W: 1}}, "outside"},
		"negative":  {[]graph.Edge{{U: -1, V: 1, W: 1}}, "outside"},
		"self-loop": {[]graph.Edge{{U: 1, V: 1, W: 1}}, "self-loop"},
		"NaN":       {[]graph.Edge{{U: 0, V: 1, W: math.NaN()}}, "non-finite"},
		"infinite":  {[]graph.Edge{{U: 0, V: 1, W: math.Inf(1)}}, "non-finite"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := New(3, tt.edges); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
