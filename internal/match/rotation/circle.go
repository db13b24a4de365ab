package rotation

// The circle method places N = n + n%2 positions (position n a phantom when
// n is odd) so that round f (0 <= f < N-1) pairs position N-1 with f and
// positions f+i with f-i (mod N-1) for i = 1..N/2-1: every pair of
// positions meets exactly once in N-1 rounds. A labelling puts node
// label[p] at position p.

// partner returns the position paired with position p in round f of the
// circle method on N positions.
func partner(N, p, f int) int {
	m := N - 1
	switch {
	case p == N-1:
		return f
	case p == f:
		return N - 1
	}
	return ((2*f-p)%m + m) % m
}

// circle returns rounds rounds of the circle method under label
// (position -> node, len n), cycling through the N-1 rounds of the method
// when more are asked. The node paired with the phantom sits out as a group
// of one.
func circle(n, rounds int, label []int) [][][]int32 {
	N := n + n%2
	m := N - 1
	out := make([][][]int32, rounds)
	for r := range out {
		f := r % m
		round := make([][]int32, 0, N/2)
		flat := make([]int32, 0, n)
		for p := 0; p < N; p++ {
			q := partner(N, p, f)
			if p > q {
				continue
			}
			start := len(flat)
			flat = append(flat, int32(label[p]))
			if q < n { // else p sits out
				flat = append(flat, int32(label[q]))
			}
			round = append(round, flat[start:len(flat):len(flat)])
		}
		out[r] = round
	}
	return out
}

// pairSet answers whether an unordered pair is in a set (the history).
type pairSet struct {
	n     int
	dense bitSet
	pairs map[[2]int32]bool
}

func newPairSet(n int, pairs [][2]int) *pairSet {
	s := &pairSet{n: n}
	if n <= 4096 {
		s.dense = newBitSet(n * n)
	} else {
		s.pairs = map[[2]int32]bool{}
	}
	for _, p := range pairs {
		a, b := int32(p[0]), int32(p[1])
		if s.dense != nil {
			s.dense.set(int(a)*n + int(b))
			s.dense.set(int(b)*n + int(a))
		} else {
			s.pairs[[2]int32{min(a, b), max(a, b)}] = true
		}
	}
	return s
}

func (s *pairSet) has(a, b int32) bool {
	if s.dense != nil {
		return s.dense.has(int(a)*s.n + int(b))
	}
	return s.pairs[[2]int32{min(a, b), max(a, b)}]
}

// relabelWork caps the relabelling search, in pair evaluations.
const relabelWork = 20_000_000

// relabel chooses the labelling of the circle method for p's rounds: it
// starts from a seeded random labelling and swaps the nodes of two
// positions whenever that does not make the rounds used worse, judged first
// by the number of history pairs they contain and then by their total
// weight. A swap changes only the pairs of the two positions, so it costs
// O(rounds used). The work is capped at relabelWork pair evaluations.
func relabel(p *problem) []int {
	n := p.n
	N := n + n%2
	label := p.rng.Perm(n)
	used := min(p.rounds, N-1)
	mult := make([]float64, used) // how often each round of the method is played
	for r := range p.rounds {
		mult[r%(N-1)]++
	}
	hist := newPairSet(n, p.history)
	// node at a position (-1 for the phantom); a pair's history hits and
	// weight are kept apart to compare lexicographically.
	node := func(pos int) int32 {
		if pos >= n {
			return -1
		}
		return int32(label[pos])
	}
	pairValue := func(a, b int32) (hits int, w float64) {
		if a < 0 || b < 0 {
			return 0, 0
		}
		if hist.has(a, b) {
			hits = 1
		}
		return hits, p.g.Weight(int(a), int(b))
	}
	// delta of swapping the nodes at positions i and j.
	delta := func(i, j int) (dh int, dw float64) {
		a, b := node(i), node(j)
		for f := range used {
			pi, pj := partner(N, i, f), partner(N, j, f)
			if pi == j {
				continue
			}
			c, d := node(pi), node(pj)
			h1, w1 := pairValue(a, c)
			h2, w2 := pairValue(b, d)
			h3, w3 := pairValue(b, c)
			h4, w4 := pairValue(a, d)
			dh += int(mult[f]) * (h3 + h4 - h1 - h2)
			dw += mult[f] * (w3 + w4 - w1 - w2)
		}
		return dh, dw
	}
	steps := max(relabelWork/(4*used), 1000)
	steps = min(steps, 200*n)
	for range steps {
		i, j := p.rng.IntN(n), p.rng.IntN(n)
		if i == j {
			continue
		}
		if dh, dw := delta(i, j); dh < 0 || (dh == 0 && dw >= 0) {
			label[i], label[j] = label[j], label[i]
		}
	}
	return label
}
