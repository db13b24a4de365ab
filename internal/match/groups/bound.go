package groups

import (
	"time"

	"github.com/mentormesh/mentormesh/internal/match/internal/adjacency"
)

// boundWork caps the work of the bound, in arc visits (iterations times
// arcs), so the bound costs about as much as a fraction of the search.
const (
	boundWork    = 60_000_000
	boundMinIter = 20
	boundMaxIter = 400
)

// bound returns an upper bound on the best total of a partition with the
// given group sizes. It splits the weight of every edge (u, v) into a share
// for u and a share for v (the shares add up to the weight). In any partition
// a node in a group of s members collects the shares of its s-1 partners,
// which is at most the sum of its t = max(sizes)-1 largest positive shares;
// summing that over all nodes bounds every partition, whatever the split.
// The split starts at halves and is improved by subgradient steps (Polyak
// step sizes towards lower, the best known total), keeping the smallest
// bound seen. It never returns more than the sum of the positive weights.
func bound(g *adjacency.Graph, sizes []int, lower float64, deadline time.Time) float64 {
	n := g.N
	t := 0
	for _, s := range sizes {
		t = max(t, s-1)
	}
	positive := 0.0
	for _, a := range g.Arcs {
		positive += max(a.W, 0)
	}
	positive /= 2
	if len(g.Arcs) == 0 {
		return 0
	}
	// eid gives the edge index of every arc; sign is +1 on the arc leaving
	// the smaller end, whose share is w/2 + delta, and -1 on the other.
	eid := make([]int32, len(g.Arcs))
	m := 0
	for u := 0; u < n; u++ {
		for p := g.Start[u]; p < g.Start[u+1]; p++ {
			v := int(g.Arcs[p].To)
			if v < u {
				continue
			}
			eid[p] = int32(m)
			q := findArc(g, v, u)
			eid[q] = int32(m)
			m++
		}
	}
	delta := make([]float64, m)
	sub := make([]float64, m)
	vals := make([]float64, 0, 64)
	idx := make([]int, 0, 64)
	iters := min(max(boundWork/len(g.Arcs), boundMinIter), boundMaxIter)
	ctl := newPolyak(positive)
	for it := 0; it < iters; it++ {
		if it > 0 && time.Now().After(deadline) {
			break
		}
		clear(sub)
		bound := 0.0
		for u := 0; u < n; u++ {
			vals, idx = vals[:0], idx[:0]
			for p := g.Start[u]; p < g.Start[u+1]; p++ {
				a := g.Arcs[p]
				share := a.W / 2
				if int(a.To) > u {
					share += delta[eid[p]]
				} else {
					share -= delta[eid[p]]
				}
				if share > 0 {
					vals = append(vals, share)
					idx = append(idx, p)
				}
			}
			top := selectTop(vals, idx, t)
			for i := range top {
				bound += vals[i]
				p := idx[i]
				if int(g.Arcs[p].To) > u {
					sub[eid[p]]++
				} else {
					sub[eid[p]]--
				}
			}
		}
		step, ok := ctl.step(bound, lower, sub)
		if !ok {
			break
		}
		for e, s := range sub {
			delta[e] -= step * s
		}
	}
	return ctl.best
}

// findArc returns the index of the arc u -> v (which must exist).
func findArc(g *adjacency.Graph, u, v int) int {
	lo, hi := g.Start[u], g.Start[u+1]
	t := int32(v)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if g.Arcs[mid].To < t {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// selectTop reorders vals (and idx alongside) so that its t largest values
// come first and returns that prefix of vals (all of vals when len <= t).
func selectTop(vals []float64, idx []int, t int) []float64 {
	if len(vals) <= t {
		return vals
	}
	lo, hi := 0, len(vals)-1
	for lo < hi {
		// Partition vals[lo..hi] around the median of three, descending.
		mid := lo + (hi-lo)/2
		pivot := median3(vals[lo], vals[mid], vals[hi])
		i, j := lo, hi
		for i <= j {
			for vals[i] > pivot {
				i++
			}
			for vals[j] < pivot {
				j--
			}
			if i <= j {
				vals[i], vals[j] = vals[j], vals[i]
				idx[i], idx[j] = idx[j], idx[i]
				i++
				j--
			}
		}
		// Now vals[lo..j] >= pivot >= vals[i..hi].
		switch {
		case t-1 <= j:
			hi = j
		case t-1 >= i:
			lo = i
		default:
			return vals[:t]
		}
	}
	return vals[:t]
}

func median3(a, b, c float64) float64 {
	if a > b {
		a, b = b, a
	}
	if b > c {
		b = c
	}
	if a > b {
		b = a
	}
	return b
}
