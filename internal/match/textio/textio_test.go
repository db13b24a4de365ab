package textio

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// namedEdge is an edge written with node names, for readable expectations.
type namedEdge struct {
	U, V string
	W    float64
}

func namedEdges(tb testing.TB, in *EdgeInput) []namedEdge {
	tb.Helper()
	out := make([]namedEdge, len(in.Edges))
	for i, e := range in.Edges {
		out[i] = namedEdge{in.Left.Name(e.U), in.Right.Name(e.V), e.W}
	}
	return out
}

// TestParseEdges_Valid parses well-formed inputs of every shape; most of
// its length is the table of cases.
func TestParseEdges_Valid(t *testing.T) {
	tests := []struct {
		name      string
		opt       ParseOptions
		text      string
		edges     []namedEdge
		left      []string // names of all left (or pool) nodes in index order
		right     []string // bipartite only
		decimals  int
		header    int
		edgeLines []int
	}{
		{
			name:      "names comments blanks",
			text:      "# a comment\n\nalice bob 3\n   # indented comment\nbob carol 2.5\r\n\t carol  dave\t-1 \n",
			edges:     []namedEdge{{"alice", "bob", 3}, {"bob", "carol", 2.5}, {"carol", "dave", -1}},
			left:      []string{"alice", "bob", "carol", "dave"},
			decimals:  1,
			header:    -1,
			edgeLines: []int{3, 5, 6},
		},
		{
			name:      "header declares isolated nodes",
			text:      "5 2\n0 1 10\n3 1 7\n",
			edges:     []namedEdge{{"0", "1", 10}, {"3", "1", 7}},
			left:      []string{"0", "1", "2", "3", "4"},
			header:    5,
			edgeLines: []int{2, 3},
		},
		{
			name:      "header after comments, other names after header nodes",
			text:      "# circles\n3 4\n0 x 1.25\n007 2 0.5\n",
			edges:     []namedEdge{{"0", "x", 1.25}, {"007", "2", 0.5}},
			left:      []string{"0", "1", "2", "x", "007"},
			decimals:  2,
			header:    3,
			edgeLines: []int{3, 4},
		},
		{
			name:      "numbers beyond the header count are names",
			text:      "2 1\n1 5 1\n",
			edges:     []namedEdge{{"1", "5", 1}},
			left:      []string{"0", "1", "5"},
			header:    2,
			edgeLines: []int{2},
		},
		{
			name:     "exponents and signs",
			text:     "a b 1e3\nb c +2.5E-2\nc d -.5\n",
			edges:    []namedEdge{{"a", "b", 1000}, {"b", "c", 0.025}, {"c", "d", -0.5}},
			left:     []string{"a", "b", "c", "d"},
			decimals: 3,
			header:   -1,
		},
		{
			name:   "no trailing newline",
			text:   "a b 1",
			edges:  []namedEdge{{"a", "b", 1}},
			left:   []string{"a", "b"},
			header: -1,
		},
		{
			name:   "empty input",
			text:   "# nothing\n\n",
			header: -1,
		},
		{
			name:   "header only",
			text:   "3 0\n",
			left:   []string{"0", "1", "2"},
			header: 3,
		},
		{
			name:   "bipartite name spaces are separate",
			opt:    ParseOptions{Bipartite: true},
			text:   "2 3\n0 0 5\n1 0 4\nann 0 3\n0 ann 2\n",
			edges:  []namedEdge{{"0", "0", 5}, {"1", "0", 4}, {"ann", "0", 3}, {"0", "ann", 2}},
			left:   []string{"0", "1", "ann"},
			right:  []string{"0", "ann"},
			header: 2,
		},
		{
			name:      "loose nodes and unweighted edges",
			opt:       ParseOptions{Loose: true},
			text:      "4 0\nzoe\n0 1\n1 2 3.5\nzoe 3\n",
			edges:     []namedEdge{{"0", "1", 1}, {"1", "2", 3.5}, {"zoe", "3", 1}},
			left:      []string{"0", "1", "2", "3", "zoe"},
			decimals:  1,
			header:    4,
			edgeLines: []int{3, 4, 5},
		},
		{
			name:   "loose two integers first is the header",
			opt:    ParseOptions{Loose: true},
			text:   "0 1\n2 3\n",
			edges:  []namedEdge{{"2", "3", 1}},
			left:   []string{"2", "3"},
			header: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, err := ParseEdges(strings.NewReader(tc.text), tc.opt)
			if err != nil {
				t.Fatalf("ParseEdges: %v", err)
			}
			if got := namedEdges(t, in); len(got)+len(tc.edges) > 0 && !reflect.DeepEqual(got, tc.edges) {
				t.Errorf("edges = %v, want %v", got, tc.edges)
			}
			if got := allNames(t, in.Left); !reflect.DeepEqual(got, tc.left) {
				t.Errorf("left names = %q, want %q", got, tc.left)
			}
			if tc.opt.Bipartite {
				if got := allNames(t, in.Right); !reflect.DeepEqual(got, tc.right) {
					t.Errorf("right names = %q, want %q", got, tc.right)
				}
			} else if in.Right != in.Left {
				t.Errorf("one-pool input has two name tables")
			}
			if in.Decimals != tc.decimals {
				t.Errorf("decimals = %d, want %d", in.Decimals, tc.decimals)
			}
			if in.HeaderNodes != tc.header {
				t.Errorf("header nodes = %d, want %d", in.HeaderNodes, tc.header)
			}
			for i, want := range tc.edgeLines {
				if got := in.Line(i); got != want {
					t.Errorf("Line(%d) = %d, want %d", i, got, want)
				}
			}
		})
	}
}

func allNames(tb testing.TB, t *Names) []string {
	tb.Helper()
	var out []string
	for i := 0; i < t.Len(); i++ {
		out = append(out, t.Name(i))
		if id, ok := t.Index(t.Name(i)); !ok || id != i {
			tb.Errorf("Index(%q) = %d, %v; want %d", t.Name(i), id, ok, i)
		}
	}
	return out
}

func TestParseEdges_Errors(t *testing.T) {
	tests := []struct {
		name string
		opt  ParseOptions
		text string
		line int
		msg  string // substring of the message
	}{
		{"bad weight", ParseOptions{}, "a b 1\n\n# c\na c abc\n", 4, `weight "abc" is not a number`},
		{"inf weight", ParseOptions{}, "a b inf\n", 1, `weight "inf" is not a number`},
		{"nan weight", ParseOptions{}, "a b NaN\n", 1, "is not a number"},
		{"hex weight", ParseOptions{}, "a b 0x10\n", 1, "is not a number"},
		{"overflow weight", ParseOptions{}, "a b 1e400\n", 1, "is not a number"},
		{"missing weight", ParseOptions{}, "3 3\n0 1 2\n1 2\n", 3, "the weight is missing"},
		{"two names first line", ParseOptions{}, "a b\n", 1, "the weight is missing"},
		{"one field", ParseOptions{}, "a b 1\nc\n", 2, "only 1 field"},
		{"too many fields", ParseOptions{}, "a b 1 # note\n", 1, "too many fields"},
		{"loose too many fields", ParseOptions{Loose: true}, "a\nb c 1 2\n", 2, "too many fields"},
		{"self loop", ParseOptions{}, "a b 1\nb b 2\n", 2, `joins node "b" to itself`},
		{"self loop via header name", ParseOptions{}, "3 1\n2 2 1\n", 2, "to itself"},
		{"duplicate pair", ParseOptions{}, "a b 1\nc d 1\nb a 2\n", 3, "pair b a already given on line 1"},
		{"duplicate same direction", ParseOptions{Loose: true}, "x\n\na b\na b 3\n", 4, "already given on line 3"},
		{"first duplicate reported", ParseOptions{}, "a b 1\nc d 1\nc d 1\na b 1\n", 3, "already given on line 2"},
		{"bipartite duplicate", ParseOptions{Bipartite: true}, "a a 1\na a 1\n", 2, "already given on line 1"},
		{"name starting with hash", ParseOptions{}, "a b 1\nb #c 1\n", 2, `node name "#c" starts with '#'`},
		{"header too large", ParseOptions{}, "99999999999 1\n", 1, "header node count"},
		{"second header is not a header", ParseOptions{}, "3 3\n4 4\n", 2, "the weight is missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseEdges(strings.NewReader(tc.text), tc.opt)
			checkLineError(t, err, tc.line, tc.msg)
		})
	}
}

func checkLineError(tb testing.TB, err error, line int, msg string) {
	tb.Helper()
	var ie *LineError
	if !errors.As(err, &ie) {
		tb.Fatalf("error = %v, want a *LineError", err)
	}
	if ie.Line != line {
		tb.Errorf("line = %d, want %d (%v)", ie.Line, line, err)
	}
	if !strings.Contains(err.Error(), msg) || !strings.HasPrefix(err.Error(), "line "+strconv.Itoa(line)+": ") {
		tb.Errorf("error = %q, want line %d and %q", err, line, msg)
	}
}

// TestParseEdges_LongLine checks lines longer than the read buffer.
func TestParseEdges_LongLine(t *testing.T) {
	name := strings.Repeat("n", 3*readBufferSize)
	in, err := ParseEdges(strings.NewReader("a b 1\n"+name+" b 2\n"), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := in.Left.Name(in.Edges[1].U); got != name {
		t.Errorf("long name has length %d, want %d", len(got), len(name))
	}
}

func TestParseWeight_MatchesParseFloat(t *testing.T) {
	tests := []struct {
		tok string
		dec int
	}{
		{"0", 0}, {"-0", 0}, {"17", 0}, {"3.25", 2}, {".5", 1}, {"5.", 0}, {"+4.10", 2},
		{"0.1", 1}, {"0.3", 1}, {"123456789012345", 0}, {"1234567890123456789", 0},
		{"0.123456789012345678", MaxDecimals}, {"1e-3", 3}, {"2.5e2", 0}, {"1.25E+1", 1},
		{"9007199254740993", 0}, {"-999999999999999.9", 1},
	}
	for _, tc := range tests {
		t.Run(tc.tok, func(t *testing.T) {
			w, dec, ok := parseWeight([]byte(tc.tok))
			want, err := strconv.ParseFloat(tc.tok, 64)
			if !ok || err != nil {
				t.Fatalf("parseWeight ok=%v, ParseFloat err=%v", ok, err)
			}
			if w != want {
				t.Errorf("parseWeight = %v, ParseFloat = %v", w, want)
			}
			if dec != tc.dec {
				t.Errorf("decimals = %d, want %d", dec, tc.dec)
			}
		})
	}
	for _, bad := range []string{"", "-", ".", "+.", "1e", "1e+", "e5", "1.2.3", "0x1p3", "1_000", "Inf", "nan", "1ee2", "--1", "1e5x"} {
		if _, _, ok := parseWeight([]byte(bad)); ok {
			t.Errorf("parseWeight(%q) accepted", bad)
		}
	}
}

func TestNames_DecimalAndOtherNames(t *testing.T) {
	n := NewNames(3)
	for _, name := range []string{"2", "7", "x", "03", "7", "3000000", "-1"} {
		n.Add(name)
	}
	want := []string{"0", "1", "2", "7", "x", "03", "3000000", "-1"}
	if got := allNames(t, n); !reflect.DeepEqual(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
	for _, unknown := range []string{"3", "8", "y", "4000000", "00"} {
		if _, ok := n.Index(unknown); ok {
			t.Errorf("Index(%q) found an unknown name", unknown)
		}
	}
}

func TestParseCapacities(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		addUnknown bool
		want       []int // capacity per node of the table after parsing
		line       int   // expected error line, 0 for success
		msg        string
	}{
		{name: "defaults and values", text: "# caps\nb 5\n\na 0\n", want: []int{0, 5, 1}},
		{name: "unknown added", text: "zed 2\n", addUnknown: true, want: []int{1, 1, 1, 2}},
		{name: "unknown rejected", text: "a 1\nzed 2\n", line: 2, msg: `unknown node "zed"`},
		{name: "negative", text: "a -1\n", line: 1, msg: "not a whole number"},
		{name: "fraction", text: "a 1.5\n", line: 1, msg: "not a whole number"},
		{name: "too large", text: "a 99999999999\n", line: 1, msg: "not a whole number"},
		{name: "twice", text: "a 1\nb 2\na 3\n", line: 3, msg: "already given on line 1"},
		{name: "shape", text: "a 1 2\n", line: 1, msg: `want "node capacity"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			nodes := &Names{}
			for _, s := range []string{"a", "b", "c"} {
				nodes.Add(s)
			}
			got, err := ParseCapacities(strings.NewReader(tc.text), nodes, tc.addUnknown)
			if tc.line != 0 {
				checkLineError(t, err, tc.line, tc.msg)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("capacities = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParsePairs(t *testing.T) {
	nodes := NewNames(4)
	pairs, unknown, err := ParsePairs(strings.NewReader("# history\n0 1\n\n2 3\n1 0\n0 9\n"), nodes)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][2]int{{0, 1}, {2, 3}, {1, 0}}; !reflect.DeepEqual(pairs, want) || unknown != 1 {
		t.Errorf("pairs = %v unknown = %d, want %v and 1", pairs, unknown, want)
	}
	for _, tc := range []struct{ name, text, msg string }{
		{"self", "0 1\n2 2\n", "to itself"},
		{"shape", "0 1\n2\n", `want "u v"`},
		{"weight", "0 1\n1 2 5\n", `want "u v"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ParsePairs(strings.NewReader(tc.text), nodes)
			checkLineError(t, err, 2, tc.msg)
		})
	}
}

func TestParsePreferences_Resolve(t *testing.T) {
	props, err := ParsePreferences(strings.NewReader("# students\nann X Y\nbob Y\ncat\n"))
	if err != nil {
		t.Fatal(err)
	}
	recv, err := ParsePreferences(strings.NewReader("X bob ann cat\nY ann\n"))
	if err != nil {
		t.Fatal(err)
	}
	pp, err := props.Resolve(recv.People)
	if err != nil {
		t.Fatal(err)
	}
	rp, err := recv.Resolve(props.People)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]int{{0, 1}, {1}, {}}; !reflect.DeepEqual(pp, want) {
		t.Errorf("proposer prefs = %v, want %v", pp, want)
	}
	if want := [][]int{{1, 0, 2}, {0}}; !reflect.DeepEqual(rp, want) {
		t.Errorf("receiver prefs = %v, want %v", rp, want)
	}

	_, err = ParsePreferences(strings.NewReader("ann X\n\nann Y\n"))
	checkLineError(t, err, 3, `person "ann" already listed on line 1`)

	bad, err := ParsePreferences(strings.NewReader("ann X\nbob Y Z\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = bad.Resolve(recv.People)
	checkLineError(t, err, 2, `"Z" is not listed on the other side`)

	twice, err := ParsePreferences(strings.NewReader("\nann X Y X\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = twice.Resolve(recv.People)
	checkLineError(t, err, 2, `"X" is ranked twice`)
}

// TestParseEdges_ManyNodes checks interning across the decimal table, the map
// and the header range on a larger input, against a plain map.
func TestParseEdges_ManyNodes(t *testing.T) {
	var b strings.Builder
	b.WriteString("1000 0\n")
	type pair struct{ u, v string }
	var want []pair
	for i := 0; i < 3000; i++ {
		u := strconv.Itoa(i * 7 % 2500)
		v := fmt.Sprintf("p%d", i%1500)
		if i%3 == 0 {
			v = strconv.Itoa(3_000_000 + i)
		}
		fmt.Fprintf(&b, "%s %s %d\n", u, v, i)
		want = append(want, pair{u, v})
	}
	in, err := ParseEdges(strings.NewReader(b.String()), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for i, e := range in.Edges {
		got := pair{in.Left.Name(e.U), in.Left.Name(e.V)}
		if got != want[i] || e.W != float64(i) {
			t.Fatalf("edge %d = %v %v, want %v %d", i, got, e.W, want[i], i)
		}
		for _, end := range []struct {
			name string
			id   int
		}{{got.u, e.U}, {got.v, e.V}} {
			if prev, ok := ids[end.name]; ok && prev != end.id {
				t.Fatalf("name %q has ids %d and %d", end.name, prev, end.id)
			}
			ids[end.name] = end.id
		}
	}
	if in.Left.Len() != len(ids)+1000-countBelow(ids, 1000) {
		t.Errorf("Len = %d, want %d", in.Left.Len(), len(ids)+1000-countBelow(ids, 1000))
	}
}

func countBelow(ids map[string]int, n int) int {
	c := 0
	for name := range ids {
		if v, err := strconv.Atoi(name); err == nil && v < n && strconv.Itoa(v) == name {
			c++
		}
	}
	return c
}

// TestParseEdges_FileSizesSlice checks that reading an *os.File, whose size
// presizes the edge slice (from the header or from the first 1024 lines),
// gives the same result as reading a plain reader.
func TestParseEdges_FileSizesSlice(t *testing.T) {
	for _, header := range []bool{true, false} {
		t.Run(fmt.Sprintf("header=%v", header), func(t *testing.T) {
			text := denseEdgeText(60, header)
			path := filepath.Join(t.TempDir(), "edges.txt")
			if err := os.WriteFile(path, text, 0o600); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			fromFile, err := ParseEdges(f, ParseOptions{Bipartite: true})
			if err != nil {
				t.Fatal(err)
			}
			fromReader, err := ParseEdges(strings.NewReader(string(text)), ParseOptions{Bipartite: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(fromFile.Edges) != 3600 || !reflect.DeepEqual(fromFile.Edges, fromReader.Edges) {
				t.Errorf("file gives %d edges, reader %d, or they differ", len(fromFile.Edges), len(fromReader.Edges))
			}
			if c := cap(fromFile.Edges); c < 3600 || c > 3600*minEdgeLine {
				t.Errorf("edge slice capacity %d for 3600 edges", c)
			}
		})
	}
}
