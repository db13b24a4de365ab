package report

import (
	"slices"
	"sync"
	"sync/atomic"
)

// AdjustMethod describes the adjusted comparison for people.
const AdjustMethod = "Like for like: each format reweighted to the same mix of seniority band and department (post-stratification); groups that only one format has are left out of a pair's difference."

// adjustment is the post-stratified comparison of all formats. Cells are
// (format, stratum); metric values per cell are ratios of sums, combined
// with fixed weights: for a format's value the pooled number of
// relationships with data per stratum (all formats), over the strata the
// format has; for a pair's difference the two formats' numbers together,
// over the strata both have. The bootstrap resamples each format's
// relationships as the raw one does and post-stratifies every resample
// with the same weights; a stratum a resample leaves without data drops out
// of that resample (the others' weights are scaled up). The same draws
// give the raw comparison (raw).
type adjustment struct {
	groups  [][]unit
	stratum [][]int // [format][unit]: the unit's stratum
	nf, ns  int
	n       []int // [format][stratum][metric]: relationships with data
	pooled  []int // [stratum][metric]: the same over all formats
	pairs   [][2]int
	// terms lists, per slot, the strata and weights the slot combines.
	terms [][]term
	point []float64   // per slot: the estimate
	reps  [][]float64 // per slot: the replicates
	raw   [][nMetrics][]float64
}

// term is one stratum's weight in a slot.
type term struct {
	s int
	w float64
}

// Slots: format g, metric m at g*nMetrics+m; then pair p at (nf+p)*nMetrics+m.

func adjust(groups [][]unit, B int, seed uint64) *adjustment {
	a := &adjustment{groups: groups, nf: len(groups), stratum: make([][]int, len(groups))}
	var strata []string
	for _, us := range groups {
		for _, u := range us {
			strata = append(strata, u.stratum)
		}
	}
	slices.Sort(strata)
	strata = slices.Compact(strata)
	a.ns = len(strata)
	a.n, a.pooled = make([]int, a.nf*a.ns*nMetrics), make([]int, a.ns*nMetrics)
	for g, us := range groups {
		a.stratum[g] = make([]int, len(us))
		for i, u := range us {
			s, _ := slices.BinarySearch(strata, u.stratum)
			a.stratum[g][i] = s
			for m := range nMetrics {
				if u.has(m) {
					a.n[a.cell(g, s, m)]++
					a.pooled[s*nMetrics+m]++
				}
			}
		}
		for h := g + 1; h < a.nf; h++ {
			if len(us) > 0 && len(groups[h]) > 0 {
				a.pairs = append(a.pairs, [2]int{g, h})
			}
		}
	}
	a.weigh()
	a.bootstrap(B, seed)
	return a
}

func (a *adjustment) cell(g, s, m int) int { return (g*a.ns+s)*nMetrics + m }

// weigh lists the terms of every slot.
func (a *adjustment) weigh() {
	a.terms = make([][]term, (a.nf+len(a.pairs))*nMetrics)
	for g := range a.nf {
		for m := range nMetrics {
			for s := range a.ns {
				if a.n[a.cell(g, s, m)] > 0 {
					a.terms[g*nMetrics+m] = append(a.terms[g*nMetrics+m], term{s, float64(a.pooled[s*nMetrics+m])})
				}
			}
		}
	}
	for p, pr := range a.pairs {
		for m := range nMetrics {
			for s := range a.ns {
				na, nb := a.n[a.cell(pr[0], s, m)], a.n[a.cell(pr[1], s, m)]
				if na > 0 && nb > 0 {
					k := (a.nf+p)*nMetrics + m
					a.terms[k] = append(a.terms[k], term{s, float64(na + nb)})
				}
			}
		}
	}
}

// chunk is the number of replicates drawn from one random stream: chunk c
// uses stream c+1 whichever worker draws it, so results do not depend on
// the number of workers.
const chunk = 100

// workers is how many goroutines draw replicates.
const workers = 2

// bootstrap computes the estimates and B replicates of every slot, and the
// raw replicates: raw[g][m][b] is format g's plain ratio of sums of metric
// m in replicate b. One draw of a format's relationships serves both.
func (a *adjustment) bootstrap(B int, seed uint64) {
	slots := len(a.terms)
	acc := make([][stride]float64, a.nf*a.ns)
	a.point = make([]float64, slots)
	a.cellSums(nil, acc)
	a.values(acc, a.point)
	a.reps = make([][]float64, slots)
	for k := range a.reps {
		a.reps[k] = make([]float64, B)
	}
	a.raw = make([][nMetrics][]float64, a.nf)
	for g := range a.nf {
		for m := range nMetrics {
			a.raw[g][m] = make([]float64, B)
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			acc, out := make([][stride]float64, a.nf*a.ns), make([]float64, slots)
			for c := int(next.Add(1) - 1); c*chunk < B; c = int(next.Add(1) - 1) {
				r := newRNG(seed, uint64(c+1))
				for b := c * chunk; b < min(B, (c+1)*chunk); b++ {
					a.replicate(r, acc, out, b)
				}
			}
		})
	}
	wg.Wait()
}

// replicate draws replicate b into the slots and the raw replicates.
func (a *adjustment) replicate(r *rng, acc [][stride]float64, out []float64, b int) {
	a.cellSums(r, acc)
	a.values(acc, out)
	for k, x := range out {
		a.reps[k][b] = x
	}
	for g := range a.nf {
		var tot [stride]float64
		for _, c := range acc[g*a.ns : (g+1)*a.ns] {
			for j, x := range c {
				tot[j] += x
			}
		}
		for m := range nMetrics {
			a.raw[g][m][b] = div(tot[2*m], tot[2*m+1])
		}
	}
}

// cellSums fills acc[format*ns+stratum] with the cells' sums: of the data
// when r is nil, else of one resample of each format's relationships.
func (a *adjustment) cellSums(r *rng, acc [][stride]float64) {
	for g, us := range a.groups {
		cells := acc[g*a.ns : (g+1)*a.ns]
		clear(cells)
		n := len(us)
		for k := range n {
			i := k
			if r != nil {
				i = r.intn(n)
			}
			c := &cells[a.stratum[g][i]]
			for j, x := range us[i].sums {
				c[j] += x
			}
		}
	}
}

// values combines the cell sums into every slot (NaN when no term has data).
func (a *adjustment) values(acc [][stride]float64, out []float64) {
	x := func(g, s, m int) (float64, bool) {
		c := &acc[g*a.ns+s]
		return c[2*m] / c[2*m+1], c[2*m+1] > 0
	}
	for k, ts := range a.terms {
		m := k % nMetrics
		var num, den float64
		for _, t := range ts {
			if g := k / nMetrics; g < a.nf {
				if v, ok := x(g, t.s, m); ok {
					num, den = num+t.w*v, den+t.w
				}
				continue
			}
			pr := a.pairs[k/nMetrics-a.nf]
			va, oka := x(pr[0], t.s, m)
			vb, okb := x(pr[1], t.s, m)
			if oka && okb {
				num, den = num+t.w*(va-vb), den+t.w
			}
		}
		out[k] = div(num, den)
	}
}
