package report

import (
	"math"
	"math/bits"
	"slices"
)

// rng is splitmix64: small, fast and the same on every platform, so a seed
// gives the same intervals everywhere.
type rng struct{ s uint64 }

func newRNG(seed, stream uint64) *rng {
	r := &rng{seed ^ stream*0x9e3779b97f4a7c15}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n) (Lemire's multiply-high; the bias is
// below n/2^64, far under anything a report can show).
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int(hi)
}

// div is num/den, NaN for a zero denominator.
func div(num, den float64) float64 {
	if den == 0 {
		return math.NaN()
	}
	return num / den
}

// interval is the 95% percentile interval of the finite values of xs
// (linear interpolation between order statistics).
// ok is false when no value is finite.
func interval(xs []float64) (lo, hi float64, ok bool) {
	xs = slices.DeleteFunc(slices.Clone(xs), math.IsNaN)
	if len(xs) == 0 {
		return 0, 0, false
	}
	slices.Sort(xs)
	return quantile(xs, 0.025), quantile(xs, 0.975), true
}

func quantile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	i := int(pos)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	f := pos - float64(i)
	return sorted[i]*(1-f) + sorted[i+1]*f
}
