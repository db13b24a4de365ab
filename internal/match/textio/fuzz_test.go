package textio

import (
	"bytes"
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// FuzzParseEdges checks that ParseEdges never panics, that every error is an
// *LineError naming a line of the input, and that an accepted input written
// back out parses to the same nodes and edges.
func FuzzParseEdges(f *testing.F) {
	seeds := []string{
		"3 2\n0 1 5\n1 2 2.5\n",
		"# c\n\na b 1\nb c -2e-3\n",
		"a b 1\nb a 2\n",
		"x\ny z\n0 1\n",
		"2 1\n0 0 1\n",
		"a b\n",
		"a b abc\n",
		"1 2 3 4\n",
		"99999999999999 3\n",
		"a\tb\t1\r\nc d .5\r\n",
		"0 #\n1",
	}
	for i, s := range seeds {
		f.Add([]byte(s), uint8(i%4))
	}
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		opt := ParseOptions{Bipartite: mode&1 != 0, Loose: mode&2 != 0}
		in, err := ParseEdges(bytes.NewReader(data), opt)
		if err != nil {
			var ie *LineError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not a *LineError", err)
			}
			lines := bytes.Count(data, []byte{'\n'}) + 1
			if ie.Line < 1 || ie.Line > lines {
				t.Fatalf("error line %d outside 1..%d: %v", ie.Line, lines, err)
			}
			if !strings.HasPrefix(err.Error(), "line "+strconv.Itoa(ie.Line)+": ") {
				t.Fatalf("error %q does not start with its line", err)
			}
			return
		}
		for i, e := range in.Edges {
			if e.U < 0 || e.U >= in.Left.Len() || e.V < 0 || e.V >= in.Right.Len() {
				t.Fatalf("edge %d = %v out of range", i, e)
			}
			if l := in.Line(i); l < 1 || (i > 0 && l <= in.Line(i-1)) {
				t.Fatalf("edge %d has line %d", i, l)
			}
		}
		again, err := ParseEdges(strings.NewReader(writeEdges(t, in, opt)), opt)
		if err != nil {
			t.Fatalf("written-back input rejected: %v", err)
		}
		if !reflect.DeepEqual(again.Edges, in.Edges) && len(in.Edges) > 0 {
			t.Fatalf("edges changed: %v, then %v", in.Edges, again.Edges)
		}
		if again.Left.Len() != in.Left.Len() {
			t.Fatalf("node count changed: %d, then %d", in.Left.Len(), again.Left.Len())
		}
		for i := max(in.HeaderNodes, 0); i < in.Left.Len(); i++ {
			name := in.Left.Name(i)
			if again.Left.Name(i) != name {
				t.Fatalf("node %d changed: %q, then %q", i, name, again.Left.Name(i))
			}
			if id, ok := in.Left.Index(name); !ok || id != i {
				t.Fatalf("Index(%q) = %d, %v; want %d", name, id, ok, i)
			}
		}
	})
}

// writeEdges writes in back in the input format: the header, the nodes
// that only a loose input can declare alone, then the edges.
func writeEdges(tb testing.TB, in *EdgeInput, opt ParseOptions) string {
	tb.Helper()
	var b strings.Builder
	if in.HeaderNodes >= 0 {
		b.WriteString(strconv.Itoa(in.HeaderNodes) + " 0\n")
	}
	if opt.Loose {
		for i := max(in.HeaderNodes, 0); i < in.Left.Len(); i++ {
			b.WriteString(in.Left.Name(i) + "\n")
		}
	}
	for _, e := range in.Edges {
		b.WriteString(in.Left.Name(e.U) + " " + in.Right.Name(e.V) + " " + strconv.FormatFloat(e.W, 'g', -1, 64) + "\n")
	}
	return b.String()
}

var plainDecimal = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// FuzzParseWeight checks the weight parser against strconv.ParseFloat: it
// accepts exactly the finite plain decimal numbers, with the same value.
func FuzzParseWeight(f *testing.F) {
	for _, s := range []string{"0", "-1.5", ".5", "1e3", "123456789012345678", "0x10", "inf", "1_0", "5."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, dec, ok := parseWeight([]byte(s))
		want, err := strconv.ParseFloat(s, 64)
		valid := err == nil && plainDecimal.MatchString(s)
		if ok != valid {
			t.Fatalf("parseWeight(%q) ok = %v, want %v (ParseFloat: %v, %v)", s, ok, valid, want, err)
		}
		if ok && (w != want || dec < 0 || dec > MaxDecimals) {
			t.Fatalf("parseWeight(%q) = %v, %d; ParseFloat = %v", s, w, dec, want)
		}
	})
}

// naiveParse is a slow, direct reading of the ParseEdges rules, used as an
// oracle: it returns the node names in index order and the edges by name,
// or the line of the first error (-1: a header too large to check).
//
// It is long because it is an independent, deliberately plain
// reimplementation of the edge format, the oracle of the fuzz test.
func naiveParse(text string, opt ParseOptions) (left, right []string, edges []namedEdge, errLine int) {
	header := -1
	index := func(names *[]string, name string) {
		if header >= 0 && names == &left {
			if v, err := strconv.Atoi(name); err == nil && v >= 0 && v < header && strconv.Itoa(v) == name {
				return
			}
		}
		for _, n := range *names {
			if n == name {
				return
			}
		}
		*names = append(*names, name)
	}
	seen := map[[2]string]bool{}
	dupLine := 0
	started := false
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		no := i + 1
		f := strings.FieldsFunc(line, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
		})
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if !started {
			started = true
			if len(f) == 2 && isDigits([]byte(f[0])) && isDigits([]byte(f[1])) {
				n, err := strconv.Atoi(f[0])
				if err != nil || n > MaxHeaderNodes {
					return nil, nil, nil, no
				}
				if n > 1<<12 {
					return nil, nil, nil, -1 // too many nodes for the oracle
				}
				header = n
				for k := 0; k < n; k++ {
					left = append(left, strconv.Itoa(k))
				}
				continue
			}
		}
		if len(f) > 3 || (!opt.Loose && len(f) < 3) {
			return nil, nil, nil, no
		}
		for _, name := range f[:min(len(f), 2)] {
			if strings.HasPrefix(name, "#") {
				return nil, nil, nil, no
			}
		}
		if len(f) == 1 {
			index(&left, f[0])
			continue
		}
		w := 1.0
		if len(f) == 3 {
			var ok bool
			if w, _, ok = parseWeight([]byte(f[2])); !ok {
				return nil, nil, nil, no
			}
		}
		if !opt.Bipartite && f[0] == f[1] {
			return nil, nil, nil, no
		}
		index(&left, f[0])
		if opt.Bipartite {
			index(&right, f[1])
		} else {
			index(&left, f[1])
		}
		key := [2]string{f[0], f[1]}
		if !opt.Bipartite && key[1] < key[0] {
			key[0], key[1] = key[1], key[0]
		}
		if seen[key] && dupLine == 0 {
			dupLine = no
		}
		seen[key] = true
		edges = append(edges, namedEdge{f[0], f[1], w})
	}
	if dupLine != 0 {
		return nil, nil, nil, dupLine
	}
	if !opt.Bipartite {
		right = left
	}
	return left, right, edges, 0
}

// FuzzParseEdgesOracle checks ParseEdges against naiveParse: the same nodes
// and edges, or an error on the same line.
func FuzzParseEdgesOracle(f *testing.F) {
	for i, s := range []string{
		"3 2\n0 1 5\n1 2 2.5\n", "a b 1\nb a 2\n", "x\ny z\n0 1\n", "2 1\n0 0 1\n",
		"4 0\n0 1 5\n01 1 5\n1 2 007\n3\t2\t9\r\n", "1 2 3 4\n", "a b 1\n#c d 2\nc #d 2\n",
	} {
		f.Add(s, uint8(i%4))
	}
	f.Fuzz(func(t *testing.T, text string, mode uint8) {
		opt := ParseOptions{Bipartite: mode&1 != 0, Loose: mode&2 != 0}
		if strings.Count(text, "\n") > 200 || len(text) > 4000 {
			return
		}
		left, right, edges, errLine := naiveParse(text, opt)
		if errLine < 0 {
			return
		}
		in, err := ParseEdges(strings.NewReader(text), opt)
		if errLine != 0 {
			var ie *LineError
			if !errors.As(err, &ie) || ie.Line != errLine {
				t.Fatalf("oracle fails on line %d, ParseEdges: %v", errLine, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("oracle accepts, ParseEdges: %v", err)
		}
		if got := namedEdges(t, in); len(got)+len(edges) > 0 && !reflect.DeepEqual(got, edges) {
			t.Fatalf("edges %v, oracle %v", got, edges)
		}
		if in.Left.Len() != len(left) || in.Right.Len() != len(right) {
			t.Fatalf("node counts %d %d, oracle %d %d", in.Left.Len(), in.Right.Len(), len(left), len(right))
		}
		for i, name := range left {
			if in.Left.Name(i) != name {
				t.Fatalf("left node %d = %q, oracle %q", i, in.Left.Name(i), name)
			}
		}
		for i, name := range right {
			if in.Right.Name(i) != name {
				t.Fatalf("right node %d = %q, oracle %q", i, in.Right.Name(i), name)
			}
		}
	})
}
