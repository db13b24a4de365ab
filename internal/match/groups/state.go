package groups

import (
	"github.com/mentormesh/mentormesh/internal/match/internal/adjacency"
)

// state is a partition under local search. It keeps, for every node, the
// sum of its weights to the other members of its group (own), so that the
// change of the objective caused by a swap or a move costs O(k) weight
// look-ups.
type state struct {
	g     *adjacency.Graph
	of    []int32   // group of each node
	at    []int32   // index of each node in mem[of[v]]
	mem   [][]int32 // members of each group
	own   []float64 // own[v] = sum of w(v, x) over the other members x of v's group
	total float64   // sum of the weights of the pairs inside groups
}

// newState builds the state of the partition of (node -> group index).
func newState(g *adjacency.Graph, of []int32, groups int) *state {
	s := &state{
		g:   g,
		of:  of,
		at:  make([]int32, g.N),
		mem: make([][]int32, groups),
		own: make([]float64, g.N),
	}
	for v, gi := range of {
		s.at[v] = int32(len(s.mem[gi]))
		s.mem[gi] = append(s.mem[gi], int32(v))
	}
	s.recompute()
	return s
}

// recompute rebuilds own and total from scratch (no drift).
func (s *state) recompute() {
	s.total = 0
	for v := range s.own {
		sum := 0.0
		for _, a := range s.g.ArcsOf(v) {
			if s.of[a.To] == s.of[v] {
				sum += a.W
			}
		}
		s.own[v] = sum
		s.total += sum
	}
	s.total /= 2
}

// sumTo returns the sum of w(v, x) over the members x of group b (v itself,
// if a member, adds 0) and the weight w(v, t) of one more node t (t = -1
// gives 0). Low-degree nodes of a sparse graph scan their own arcs, which is
// cheaper than one binary search per member.
func (s *state) sumTo(v int, b int32, t int) (sum, wt float64) {
	g := s.g
	if s.scans(v, b) {
		for _, a := range g.ArcsOf(v) {
			if s.of[a.To] == b {
				sum += a.W
			}
			if int(a.To) == t {
				wt = a.W
			}
		}
		return sum, wt
	}
	for _, x := range s.mem[b] {
		sum += g.Weight(v, int(x))
	}
	if t >= 0 {
		wt = g.Weight(v, t)
	}
	return sum, wt
}

// scans reports whether sums from v to group b are best found by scanning
// v's arcs rather than looking up each member.
func (s *state) scans(v int, b int32) bool {
	return s.g.Dense == nil && s.g.Start[v+1]-s.g.Start[v] <= 16*len(s.mem[b])
}

// addNode adds sign * w(v, x) to own[x] for every member x of group b other
// than skip.
func (s *state) addNode(v int, b int32, sign float64, skip int) {
	g := s.g
	if s.scans(v, b) {
		for _, a := range g.ArcsOf(v) {
			if s.of[a.To] == b && int(a.To) != skip {
				s.own[a.To] += sign * a.W
			}
		}
		return
	}
	for _, x := range s.mem[b] {
		if int(x) != skip && int(x) != v {
			s.own[x] += sign * g.Weight(v, int(x))
		}
	}
}

// canMove reports whether a node may move from group a to group b without
// changing the multiset of group sizes.
func (s *state) canMove(a, b int32) bool {
	return len(s.mem[a]) == len(s.mem[b])+1
}

// applySwap exchanges v and u (in different groups). svb is sumTo(v, of[u]),
// sua is sumTo(u, of[v]) and wvu is w(v, u), all taken before the swap.
func (s *state) applySwap(v, u int, svb, sua, wvu float64) {
	a, b := s.of[v], s.of[u]
	delta := svb + sua - s.own[v] - s.own[u] - 2*wvu
	s.addNode(v, a, -1, v)
	s.addNode(v, b, +1, u)
	s.addNode(u, b, -1, u)
	s.addNode(u, a, +1, v)
	s.own[v] = svb - wvu
	s.own[u] = sua - wvu
	s.mem[a][s.at[v]], s.mem[b][s.at[u]] = int32(u), int32(v)
	s.at[v], s.at[u] = s.at[u], s.at[v]
	s.of[v], s.of[u] = b, a
	s.total += delta
}

// applyMove moves v into group b; svb is sumTo(v, b) taken before the move.
func (s *state) applyMove(v int, b int32, svb float64) {
	a := s.of[v]
	s.total += svb - s.own[v]
	s.addNode(v, a, -1, v)
	s.addNode(v, b, +1, -1)
	s.own[v] = svb
	// Remove v from a by moving a's last member into its slot.
	i := s.at[v]
	last := s.mem[a][len(s.mem[a])-1]
	s.mem[a][i] = last
	s.at[last] = i
	s.mem[a] = s.mem[a][:len(s.mem[a])-1]
	s.at[v] = int32(len(s.mem[b]))
	s.mem[b] = append(s.mem[b], int32(v))
	s.of[v] = b
}
