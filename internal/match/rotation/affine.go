package rotation

import "math/rand/v2"

// field is the finite field GF(q), q = p^e, with elements 0..q-1 (the
// base-p digits of an element are its polynomial coefficients).
type field struct {
	q        int
	add, mul [][]int
}

// newField returns GF(q), or nil when q is not a prime power. The
// multiplication is that of polynomials modulo the first monic polynomial of
// degree e (in counting order) for which the table has no zero divisors,
// i.e. an irreducible one.
func newField(q int) *field {
	p, e := 0, 0
	for d := 2; d <= q; d++ {
		if q%d == 0 {
			p = d
			break
		}
	}
	if p == 0 {
		return nil
	}
	for x := q; x > 1; x /= p {
		if x%p != 0 {
			return nil
		}
		e++
	}
	digits := func(x int) []int {
		out := make([]int, e)
		for i := range out {
			out[i] = x % p
			x /= p
		}
		return out
	}
	number := func(c []int) int {
		x := 0
		for i := len(c) - 1; i >= 0; i-- {
			x = x*p + c[i]
		}
		return x
	}
	f := &field{q: q, add: make([][]int, q), mul: make([][]int, q)}
	for a := range q {
		f.add[a] = make([]int, q)
		for b := range q {
			da, db := digits(a), digits(b)
			for i := range da {
				da[i] = (da[i] + db[i]) % p
			}
			f.add[a][b] = number(da)
		}
	}
	// Try the monic polynomials x^e + (low part) in order.
	for low := 0; low < q; low++ {
		mod := digits(low) // x^e = -mod (coefficients of the low part)
		ok := true
		for a := 0; a < q && ok; a++ {
			f.mul[a] = make([]int, q)
			for b := 0; b < q; b++ {
				da, db := digits(a), digits(b)
				prod := make([]int, 2*e)
				for i, x := range da {
					for j, y := range db {
						prod[i+j] = (prod[i+j] + x*y) % p
					}
				}
				for deg := 2*e - 1; deg >= e; deg-- {
					c := prod[deg]
					prod[deg] = 0
					for i, m := range mod {
						prod[deg-e+i] = ((prod[deg-e+i]-c*m)%p + p) % p
					}
				}
				f.mul[a][b] = number(prod[:e])
				if a != 0 && b != 0 && f.mul[a][b] == 0 {
					ok = false // a zero divisor: reducible
				}
			}
		}
		if ok {
			return f
		}
	}
	return nil
}

// affine returns rounds of the affine geometry AG(d, q) when n = q^d
// (d >= 2) and q = k is a prime power: the points are the vectors of
// GF(q)^d, a round is a parallel class of lines (the cosets of one
// direction), and two lines of different classes share at most one point,
// so the (q^d-1)/(q-1) classes (the social golfer bound) meet no pair twice.
// Points and directions are shuffled by rng. It returns nil when the
// construction does not apply, and at most rounds rounds.
func affine(n, k, rounds int, rng *rand.Rand) [][][]int32 {
	f := newField(k)
	if f == nil || n < k*k {
		return nil
	}
	d := 0
	for x := n; x > 1; x /= k {
		if x%k != 0 {
			return nil
		}
		d++
	}
	q := k
	// Directions: vectors whose first non-zero coordinate is 1.
	var dirs [][]int
	for v := 1; v < n; v++ {
		c := make([]int, d)
		x := v
		for i := range c {
			c[i] = x % q
			x /= q
		}
		first := 0
		for first < d && c[first] == 0 {
			first++
		}
		if c[first] == 1 {
			dirs = append(dirs, c)
		}
	}
	rng.Shuffle(len(dirs), func(i, j int) { dirs[i], dirs[j] = dirs[j], dirs[i] })
	label := rng.Perm(n)
	vec := func(x int) []int {
		c := make([]int, d)
		for i := range c {
			c[i] = x % q
			x /= q
		}
		return c
	}
	index := func(c []int) int {
		x := 0
		for i := d - 1; i >= 0; i-- {
			x = x*q + c[i]
		}
		return x
	}
	out := make([][][]int32, 0, min(rounds, len(dirs)))
	for _, dir := range dirs[:min(rounds, len(dirs))] {
		done := make([]bool, n)
		var round [][]int32
		for x := range n {
			if done[x] {
				continue
			}
			base := vec(x)
			line := make([]int32, 0, q)
			for t := range q {
				c := make([]int, d)
				for i := range c {
					c[i] = f.add[base[i]][f.mul[t][dir[i]]]
				}
				y := index(c)
				done[y] = true
				line = append(line, int32(label[y]))
			}
			round = append(round, line)
		}
		out = append(out, round)
	}
	return out
}
