package demo

import (
	"math"
	"math/rand/v2"
	"time"
)

// rnd is a seeded random source. Each part of the generator draws from its
// own stream, so that changing how one program is generated leaves the
// people and the other programs as they were.
type rnd struct{ *rand.Rand }

func newRnd(seed int64, stream string) rnd {
	h := uint64(14695981039346656037) // FNV-1a of the stream name
	for i := 0; i < len(stream); i++ {
		h = (h ^ uint64(stream[i])) * 1099511628211
	}
	return rnd{rand.New(rand.NewPCG(uint64(seed), h))}
}

// chance reports true with probability p.
func (r rnd) chance(p float64) bool { return r.Float64() < p }

// between returns an int in [lo, hi].
func (r rnd) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// normal draws from a normal distribution.
func (r rnd) normal(mean, sd float64) float64 { return mean + sd*r.NormFloat64() }

// weighted returns an index drawn with probability proportional to ws.
func (r rnd) weighted(ws []float64) int {
	var sum float64
	for _, w := range ws {
		sum += w
	}
	x := r.Float64() * sum
	for i, w := range ws {
		if x < w {
			return i
		}
		x -= w
	}
	return len(ws) - 1
}

// minutes returns a duration of a random number of minutes in [lo, hi].
func (r rnd) minutes(lo, hi int) time.Duration { return time.Duration(r.between(lo, hi)) * time.Minute }

func pick[T any](r rnd, xs []T) T { return xs[r.IntN(len(xs))] }

// sample returns k distinct elements of xs in random order (all when k >= len).
func sample[T any](r rnd, xs []T, k int) []T {
	idx := r.Perm(len(xs))
	if k > len(xs) {
		k = len(xs)
	}
	out := make([]T, k)
	for i := range out {
		out[i] = xs[idx[i]]
	}
	return out
}

func shuffle[T any](r rnd, xs []T) {
	r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
}

func clamp(v, lo, hi int) int { return max(lo, min(hi, v)) }

// iround rounds to the nearest int.
func iround(f float64) int { return int(math.Round(f)) }

func days(d float64) time.Duration { return time.Duration(d * float64(24*time.Hour)) }
