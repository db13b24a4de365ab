package textio

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"
)

// denseEdgeText writes an n x n bipartite edge list with a header and
// integer weights, as bench/gen's dense instances.
func denseEdgeText(n int, header bool) []byte {
	var b bytes.Buffer
	if header {
		fmt.Fprintf(&b, "%d %d\n", n, n*n)
	}
	buf := make([]byte, 0, 32)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			buf = strconv.AppendInt(buf[:0], int64(i), 10)
			buf = append(buf, ' ')
			buf = strconv.AppendInt(buf, int64(j), 10)
			buf = append(buf, ' ')
			buf = strconv.AppendInt(buf, int64((i*7919+j*104729)%1000000), 10)
			buf = append(buf, '\n')
			b.Write(buf)
		}
	}
	return b.Bytes()
}

// BenchmarkParseEdges measures parsing a 1000 x 1000 dense bipartite edge
// list (1M lines); it reports MB/s and edges per second.
func BenchmarkParseEdges(b *testing.B) {
	for _, tc := range []struct {
		name   string
		header bool
		opt    ParseOptions
	}{
		{"bipartite header", true, ParseOptions{Bipartite: true}},
		{"bipartite no header", false, ParseOptions{Bipartite: true}},
		{"one pool names", false, ParseOptions{}},
	} {
		text := denseEdgeText(1000, tc.header)
		if !tc.opt.Bipartite {
			text = prefixNames(text)
		}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			edges := 0
			for b.Loop() {
				in, err := ParseEdges(bytes.NewReader(text), tc.opt)
				if err != nil {
					b.Fatal(err)
				}
				edges = len(in.Edges)
			}
			b.ReportMetric(float64(edges)*float64(b.N)/b.Elapsed().Seconds(), "edges/s")
		})
	}
}

// prefixNames turns "i j w" lines into "ui vj w" so that names go through
// the map and u, v are different nodes of one pool.
func prefixNames(text []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.Split(bytes.TrimSuffix(text, []byte("\n")), []byte("\n")) {
		f := bytes.Fields(line)
		fmt.Fprintf(&out, "u%s v%s %s\n", f[0], f[1], f[2])
	}
	return out.Bytes()
}
