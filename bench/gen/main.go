// Command gen writes the benchmark instances that bench/solvers.sh needs
// beyond the shared reference instances, in the edge-list format that
// "mentormesh solve" reads (see its usage text). Output is deterministic for
// a given seed. Usage:
//
//	gen dense   N M SEED EDGES [MATRIX]  complete N x M bipartite graph, integer
//	                                     weights uniform in [0, 1e6); MATRIX gets
//	                                     the same weights as little-endian int32,
//	                                     row-major (for scipy)
//	gen caps    M CAP CAPS               capacity file: right nodes 0..M-1, CAP each
//	gen sparse  N DEG SEED EDGES         one pool: every node picks DEG random
//	                                     partners, weights in [1, 1000]
//	gen topk    N TOP SEED EDGES         one pool of people with random profiles:
//	                                     each person's TOP best partners, weights
//	                                     in [0, 1000]
//	gen complete N SEED EDGES            complete one-pool graph, weights in [0, 100]
//	gen nodes   N EDGES                  header "N 0" only: N nodes, no edges
package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("want a kind: dense, caps, sparse, topk, complete or nodes")
	}
	ints := func(from, count int) ([]int, error) {
		if len(args) < from+count {
			return nil, fmt.Errorf("%s: too few arguments", args[0])
		}
		out := make([]int, count)
		for i := range out {
			v, err := strconv.Atoi(args[from+i])
			if err != nil || v < 0 {
				return nil, fmt.Errorf("%s: bad number %q", args[0], args[from+i])
			}
			out[i] = v
		}
		return out, nil
	}
	switch args[0] {
	case "dense":
		v, err := ints(1, 3)
		if err != nil || len(args) < 5 {
			return fmt.Errorf("dense N M SEED EDGES [MATRIX]")
		}
		matrix := ""
		if len(args) > 5 {
			matrix = args[5]
		}
		return dense(v[0], v[1], uint64(v[2]), args[4], matrix)
	case "caps":
		v, err := ints(1, 2)
		if err != nil || len(args) < 4 {
			return fmt.Errorf("caps M CAP CAPS")
		}
		return write(args[3], func(w *bufio.Writer) {
			for j := 0; j < v[0]; j++ {
				fmt.Fprintf(w, "%d %d\n", j, v[1])
			}
		})
	case "sparse":
		v, err := ints(1, 3)
		if err != nil || len(args) < 5 {
			return fmt.Errorf("sparse N DEG SEED EDGES")
		}
		return sparse(v[0], v[1], uint64(v[2]), args[4])
	case "topk":
		v, err := ints(1, 3)
		if err != nil || len(args) < 5 {
			return fmt.Errorf("topk N TOP SEED EDGES")
		}
		return topK(v[0], v[1], uint64(v[2]), args[4])
	case "complete":
		v, err := ints(1, 2)
		if err != nil || len(args) < 4 {
			return fmt.Errorf("complete N SEED EDGES")
		}
		rng := rand.New(rand.NewPCG(uint64(v[1]), 7))
		n := v[0]
		return write(args[3], func(w *bufio.Writer) {
			fmt.Fprintf(w, "%d %d\n", n, n*(n-1)/2)
			for i := 0; i < n; i++ {
				for j := i + 1; j < n; j++ {
					fmt.Fprintf(w, "%d %d %d\n", i, j, rng.IntN(101))
				}
			}
		})
	case "nodes":
		v, err := ints(1, 1)
		if err != nil || len(args) < 3 {
			return fmt.Errorf("nodes N EDGES")
		}
		return write(args[2], func(w *bufio.Writer) { fmt.Fprintf(w, "%d 0\n", v[0]) })
	}
	return fmt.Errorf("unknown kind %q", args[0])
}

// write creates path and fills it through a large buffer.
func write(path string, fill func(w *bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 4<<20)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// line appends "u v w\n" to buf.
func line(buf []byte, u, v, w int) []byte {
	buf = strconv.AppendInt(buf, int64(u), 10)
	buf = append(buf, ' ')
	buf = strconv.AppendInt(buf, int64(v), 10)
	buf = append(buf, ' ')
	buf = strconv.AppendInt(buf, int64(w), 10)
	return append(buf, '\n')
}

func dense(n, m int, seed uint64, edges, matrix string) error {
	rng := rand.New(rand.NewPCG(seed, 1))
	var mat *bufio.Writer
	if matrix != "" {
		f, err := os.Create(matrix)
		if err != nil {
			return err
		}
		defer f.Close()
		mat = bufio.NewWriterSize(f, 4<<20)
	}
	var werr error
	err := write(edges, func(w *bufio.Writer) {
		fmt.Fprintf(w, "%d %d\n", n, n*m)
		buf := make([]byte, 0, 64)
		var cell [4]byte
		for i := 0; i < n; i++ {
			for j := 0; j < m; j++ {
				x := rng.IntN(1_000_000)
				w.Write(line(buf[:0], i, j, x))
				if mat != nil {
					binary.LittleEndian.PutUint32(cell[:], uint32(x))
					if _, err := mat.Write(cell[:]); err != nil && werr == nil {
						werr = err
					}
				}
			}
		}
	})
	if err != nil {
		return err
	}
	if mat != nil {
		if err := mat.Flush(); err != nil {
			return err
		}
	}
	return werr
}

func sparse(n, deg int, seed uint64, path string) error {
	rng := rand.New(rand.NewPCG(seed, 2))
	seen := make(map[[2]int32]bool, n*deg)
	return write(path, func(w *bufio.Writer) {
		fmt.Fprintf(w, "%d %d\n", n, n*deg)
		buf := make([]byte, 0, 64)
		for u := 0; u < n; u++ {
			for k := 0; k < deg; k++ {
				v := rng.IntN(n)
				key := [2]int32{int32(min(u, v)), int32(max(u, v))}
				if v == u || seen[key] {
					continue
				}
				seen[key] = true
				w.Write(line(buf[:0], u, v, 1+rng.IntN(1000)))
			}
		}
	})
}

// topK gives every person a random profile (a unit vector in 8 dimensions,
// with clusters, like shared interests) and keeps each person's top best
// partners by cosine similarity, scaled to 0..1000.
func topK(n, top int, seed uint64, path string) error {
	const dim = 8
	rng := rand.New(rand.NewPCG(seed, 3))
	centers := make([][dim]float64, 20)
	for c := range centers {
		for d := range centers[c] {
			centers[c][d] = rng.NormFloat64()
		}
	}
	prof := make([][dim]float64, n)
	for i := range prof {
		c := centers[rng.IntN(len(centers))]
		norm := 0.0
		for d := range prof[i] {
			prof[i][d] = c[d] + 0.8*rng.NormFloat64()
			norm += prof[i][d] * prof[i][d]
		}
		for d := range prof[i] {
			prof[i][d] /= math.Sqrt(norm)
		}
	}
	weight := func(i, j int) int {
		s := 0.0
		for d := 0; d < dim; d++ {
			s += prof[i][d] * prof[j][d]
		}
		return int(math.Round(500 * (s + 1)))
	}
	type cand struct{ j, w int }
	// worse orders candidates: lower weight, then higher index, is worse.
	worse := func(a, b cand) bool { return a.w < b.w || (a.w == b.w && a.j > b.j) }
	seen := make(map[[2]int32]bool, n*top)
	return write(path, func(w *bufio.Writer) {
		fmt.Fprintf(w, "%d %d\n", n, n*top)
		buf := make([]byte, 0, 64)
		heap := make([]cand, 0, top) // min-heap by worse: the worst kept at the root
		for i := 0; i < n; i++ {
			heap = heap[:0]
			for j := 0; j < n; j++ {
				if j == i {
					continue
				}
				c := cand{j, weight(i, j)}
				if len(heap) < top {
					heap = append(heap, c)
					for k := len(heap) - 1; k > 0 && worse(heap[k], heap[(k-1)/2]); k = (k - 1) / 2 {
						heap[k], heap[(k-1)/2] = heap[(k-1)/2], heap[k]
					}
					continue
				}
				if !worse(heap[0], c) {
					continue
				}
				heap[0] = c
				for k := 0; ; {
					l, r, m := 2*k+1, 2*k+2, k
					if l < len(heap) && worse(heap[l], heap[m]) {
						m = l
					}
					if r < len(heap) && worse(heap[r], heap[m]) {
						m = r
					}
					if m == k {
						break
					}
					heap[k], heap[m] = heap[m], heap[k]
					k = m
				}
			}
			cands := heap
			sort.Slice(cands, func(a, b int) bool { return worse(cands[b], cands[a]) })
			for _, c := range cands {
				key := [2]int32{int32(min(i, c.j)), int32(max(i, c.j))}
				if seen[key] {
					continue
				}
				seen[key] = true
				w.Write(line(buf[:0], i, c.j, c.w))
			}
		}
	})
}
