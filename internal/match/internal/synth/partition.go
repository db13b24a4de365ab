package synth

import (
	"math"
	"slices"
)

// BestPartition returns the largest total weight of a partition of 0..n-1
// into groups of the given sizes that uses no forbidden pair,
// by enumeration (-Inf when there is none). The group of the first unplaced
// node tries every size still available.
func BestPartition(n int, sizes []int, w map[[2]int]float64, forbidden map[[2]int]bool) float64 {
	left := map[int]int{} // group sizes still to place
	for _, s := range sizes {
		left[s]++
	}
	placed := make([]bool, n)
	best := math.Inf(-1)
	var rec func(total float64, done int)
	var grow func(group []int, size int, total float64, next, done int)
	rec = func(total float64, done int) {
		if done == n {
			best = max(best, total)
			return
		}
		first := slices.Index(placed, false)
		placed[first] = true
		for size, c := range left {
			if c > 0 {
				left[size]--
				grow([]int{first}, size, total, first+1, done+1)
				left[size]++
			}
		}
		placed[first] = false
	}
	grow = func(group []int, size int, total float64, next, done int) {
		if len(group) == size {
			rec(total, done)
			return
		}
		for v := next; v < n; v++ {
			if placed[v] {
				continue
			}
			add, ok := 0.0, true
			for _, u := range group {
				key := [2]int{min(u, v), max(u, v)}
				ok = ok && !forbidden[key]
				add += w[key]
			}
			if !ok {
				continue
			}
			placed[v] = true
			grow(append(slices.Clip(group), v), size, total+add, v+1, done+1)
			placed[v] = false
		}
	}
	rec(0, 0)
	return best
}
