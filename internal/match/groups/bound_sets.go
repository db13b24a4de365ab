package groups

import (
	"math"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/internal/adjacency"
)

// Limits of the set-partitioning bound: it enumerates every group of every
// size in use once per iteration, so it only runs when that is cheap.
const (
	setMaxSets  = 400_000    // largest number of candidate groups
	setWork     = 20_000_000 // iterations times candidate groups
	setMaxIters = 400
)

// setBound returns an upper bound on the best total from the Lagrangian
// relaxation of the set-partitioning model (every node in exactly one group,
// count[s] groups of each size s): with a price lambda[v] on every node,
//
//	bound(lambda) = sum(lambda) + sum over sizes s of count[s] * M_s(lambda),
//	M_s(lambda)   = max over s-sets S of (w(S) - lambda(S)),
//
// bounds every partition, because a partition's groups are count[s] s-sets
// for each s and their prices add up to sum(lambda). M_s is found by
// enumerating all s-sets, so the bound is only computed when there are at
// most setMaxSets of them (ok is false otherwise). The prices start at
// half of each node's weight inside its group of the best partition found
// (own), where bound = total + sum of count[s] * M_s, and follow subgradient
// steps; the smallest bound seen is returned.
func setBound(g *adjacency.Graph, sizes []int, own []float64, lower float64, deadline time.Time) (bound float64, ok bool) {
	n := g.N
	if g.Dense == nil {
		return 0, false
	}
	count := map[int]int{}
	sets := 0.0
	for _, s := range sizes {
		if count[s] == 0 {
			sets += binomial(n, s)
		}
		count[s]++
	}
	if sets > setMaxSets {
		return 0, false
	}
	distinct := make([]int, 0, len(count))
	for s := range count {
		distinct = append(distinct, s)
	}
	lambda := make([]float64, n)
	for v := range lambda {
		lambda[v] = own[v] / 2
	}
	iters := min(max(int(setWork/sets), 1), setMaxIters)
	ctl := newPolyak(math.Inf(1))
	sub := make([]float64, n)
	cur := make([]int, 0, 64)
	arg := make([]int, 0, 64)
	for it := 0; it < iters; it++ {
		if it > 0 && time.Now().After(deadline) {
			break
		}
		value := 0.0
		for _, l := range lambda {
			value += l
		}
		for v := range sub {
			sub[v] = 1
		}
		for _, s := range distinct {
			// Depth-first enumeration of the s-sets in increasing order.
			top := math.Inf(-1)
			var rec func(start int, val float64)
			rec = func(start int, val float64) {
				depth := len(cur)
				if depth == s {
					if val > top {
						top = val
						arg = append(arg[:0], cur...)
					}
					return
				}
				for x := start; x <= n-(s-depth); x++ {
					add := -lambda[x]
					row := g.Dense[x*n:]
					for _, c := range cur {
						add += row[c]
					}
					cur = append(cur, x)
					rec(x+1, val+add)
					cur = cur[:depth]
				}
			}
			rec(0, 0)
			value += float64(count[s]) * top
			for _, v := range arg {
				sub[v] -= float64(count[s])
			}
		}
		step, ok := ctl.step(value, lower, sub)
		if !ok {
			break
		}
		for v := range lambda {
			lambda[v] -= step * sub[v]
		}
	}
	return ctl.best, true
}

// binomial returns C(n, k) as a float64 (no overflow for large n).
func binomial(n, k int) float64 {
	if k < 0 || k > n {
		return 0
	}
	r := 1.0
	for i := 1; i <= k; i++ {
		r = r * float64(n-k+i) / float64(i)
	}
	return r
}
