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

// resampleSums adds the sums of len(us) units drawn with replacement from us to acc.
func resampleSums(r *rng, us []unit, acc *[stride]float64) {
	n := len(us)
	for range n {
		s := &us[r.intn(n)].sums
		for k := range acc {
			acc[k] += s[k]
		}
	}
}

// rawReplicates resamples each format's relationships B times and returns
// est[g][m][b], the estimate of metric m for format g in replicate b (NaN
// when the replicate has no data for the metric).
func rawReplicates(groups [][]unit, B int, seed uint64) [][nMetrics][]float64 {
	est := make([][nMetrics][]float64, len(groups))
	r := newRNG(seed, 1)
	for g, us := range groups {
		if len(us) == 0 {
			continue
		}
		for m := range nMetrics {
			est[g][m] = make([]float64, B)
		}
		for b := range B {
			var acc [stride]float64
			resampleSums(r, us, &acc)
			for m := range nMetrics {
				est[g][m][b] = div(acc[2*m], acc[2*m+1])
			}
		}
	}
	return est
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
