package textio

import (
	"io"
	"io/fs"
	"sort"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// ParseOptions selects how ParseEdges reads an edge list.
type ParseOptions struct {
	// Bipartite puts u in the left name space and v in the right one: the
	// same name may then be both a left and a right node. Otherwise both
	// ends are nodes of one pool and an edge may not join a node to itself.
	Bipartite bool
	// Loose accepts, after the header, one-token lines as nodes and
	// two-token lines as unweighted edges of weight 1 (rotation input,
	// where edges only state preferences).
	Loose bool
}

// EdgeInput is a parsed edge list.
type EdgeInput struct {
	// Left holds the nodes of a one-pool input, or the left nodes of a
	// bipartite one. Right holds the right nodes of a bipartite input and is
	// the same table as Left otherwise.
	Left, Right *Names
	// Edges in input order; U indexes Left and V indexes Right.
	Edges []graph.Edge
	// Decimals is the largest number of decimal places among the weights
	// (0 for integer weights, at most MaxDecimals): sums of weights are
	// exact at this precision up to float rounding.
	Decimals int
	// HeaderNodes is the node count of the header line, or -1 without one.
	HeaderNodes int
	// lineOffset maps edge indexes to line numbers: from edge
	// lineOffset[k].edge on, line = index + lineOffset[k].offset.
	lineOffset []edgeLine
}

type edgeLine struct{ edge, offset int }

// Line returns the 1-based input line of edge i (0 <= i < len(Edges)).
func (in *EdgeInput) Line(i int) int {
	k := sort.Search(len(in.lineOffset), func(k int) bool { return in.lineOffset[k].edge > i }) - 1
	return i + in.lineOffset[k].offset
}

// maxEdgeHint bounds the preallocation a header's second number may cause
// when the input's size is unknown.
const maxEdgeHint = 1 << 22

// minEdgeLine is the length of the shortest edge line, "a b 1\n".
const minEdgeLine = 6

// ParseEdges reads an edge list:
//
//   - blank lines and lines whose first non-blank character is '#' are ignored;
//   - the first other line is a header when it is exactly two tokens made
//     of digits, "n m": nodes "0".."n-1" then exist even without edges
//     (n <= MaxHeaderNodes; m, an edge count or a group size, is only a
//     size hint). A two-integer first line is always the header, never an
//     edge. In a bipartite input the header declares left nodes only;
//   - every other line is "u v w": two node names (any tokens without
//     white space that do not start with '#') and a decimal weight (sign,
//     digits, point, exponent; no inf, nan or hexadecimal). With
//     opt.Loose, "u v" is an edge of weight 1 and "u" declares a node.
//
// A pair may appear only once (in a one-pool input "a b" and "b a" are the
// same pair). Nodes are numbered in order of first appearance after the
// header's nodes. Any error is a *LineError naming the line.
//
// ParseEdges reads through a large buffer and interns names without
// allocating per line; when r has a Stat method (an *os.File) the file size
// sizes the edge slice up front.
func ParseEdges(r io.Reader, opt ParseOptions) (*EdgeInput, error) {
	p := &edgeParser{lr: newLineReader(r), opt: opt, size: -1, tok: make([][]byte, 0, 4)}
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			p.size = fi.Size()
		}
	}
	in := &EdgeInput{HeaderNodes: -1, Left: &Names{}}
	in.Right = in.Left
	if opt.Bipartite {
		in.Right = &Names{}
	}
	p.in = in
	for {
		line, err := p.lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		p.consumed += int64(len(line)) + 1
		if err := p.parseLine(line); err != nil {
			return nil, err
		}
	}
	if i, j := findDuplicate(in.Edges, in.Left.Len(), in.Right.Len(), opt.Bipartite); j >= 0 {
		e := in.Edges[j]
		return nil, lineErrorf(in.Line(j), "pair %s %s already given on line %d",
			in.Left.Name(e.U), in.Right.Name(e.V), in.Line(i))
	}
	return in, nil
}

// edgeParser is the state of one ParseEdges call.
type edgeParser struct {
	in        *EdgeInput
	lr        *lineReader
	opt       ParseOptions
	tok       [][]byte
	started   bool  // a non-comment line was seen (the header's place)
	size      int64 // input size in bytes, -1 when unknown
	consumed  int64 // bytes read so far
	estimated bool  // the edge slice was sized from the input size
	lastTok   []byte
	lastID    int
}

func (p *edgeParser) parseLine(line []byte) error {
	if p.started {
		// Most lines are "u v w" with decimal names and an integer weight.
		if ut, vt, u, v, w, ok := fastEdgeLine(line); ok {
			return p.addEdge(p.in.Left.addDecimal(u, ut), p.in.Right.addDecimal(v, vt), w, 0, ut)
		}
	}
	var more bool
	p.tok, more = fields(line, p.tok, 3)
	tok := p.tok
	if len(tok) == 0 {
		return nil
	}
	if !p.started {
		p.started = true
		if !more && len(tok) == 2 && isDigits(tok[0]) && isDigits(tok[1]) {
			return p.header(tok)
		}
	}
	if more {
		return lineErrorf(p.lr.line, "too many fields: want %s", edgeShape(p.opt))
	}
	for _, name := range tok[:min(len(tok), 2)] {
		if name[0] == '#' {
			return lineErrorf(p.lr.line, "node name %q starts with '#'", name)
		}
	}
	w, dec := 1.0, 0
	switch len(tok) {
	case 1:
		if !p.opt.Loose {
			return lineErrorf(p.lr.line, "only 1 field: want %s", edgeShape(p.opt))
		}
		p.in.Left.add(tok[0])
		return nil
	case 2:
		if !p.opt.Loose {
			return lineErrorf(p.lr.line, "only 2 fields: want %s (the weight is missing)", edgeShape(p.opt))
		}
	case 3:
		var ok bool
		if w, dec, ok = parseWeight(tok[2]); !ok {
			return lineErrorf(p.lr.line, "weight %q is not a number", tok[2])
		}
	}
	var u int
	if len(p.lastTok) > 0 && string(tok[0]) == string(p.lastTok) {
		u = p.lastID
	} else {
		u = p.in.Left.add(tok[0])
		p.lastTok = append(p.lastTok[:0], tok[0]...)
		p.lastID = u
	}
	return p.addEdge(u, p.in.Right.add(tok[1]), w, dec, tok[0])
}

// header applies a header line "n m".
func (p *edgeParser) header(tok [][]byte) error {
	n, ok := parseCount(tok[0], MaxHeaderNodes)
	if !ok {
		return lineErrorf(p.lr.line, "header node count %q is larger than %d", tok[0], MaxHeaderNodes)
	}
	p.in.HeaderNodes = n
	p.in.Left.pre = n
	limit := maxEdgeHint
	if p.size >= 0 {
		limit = int(min(p.size/minEdgeLine+1, 1<<30))
	}
	if m, ok := parseCount(tok[1], 1<<30); ok {
		p.in.Edges = make([]graph.Edge, 0, min(m, limit))
		p.estimated = p.size >= 0
	}
	return nil
}

// addEdge appends an edge of line p.lr.line; uTok names u for messages.
func (p *edgeParser) addEdge(u, v int, w float64, dec int, uTok []byte) error {
	in := p.in
	if !p.opt.Bipartite && u == v {
		return lineErrorf(p.lr.line, "edge joins node %q to itself", uTok)
	}
	in.Decimals = max(in.Decimals, dec)
	if k := len(in.lineOffset); k == 0 || p.lr.line-len(in.Edges) != in.lineOffset[k-1].offset {
		in.lineOffset = append(in.lineOffset, edgeLine{len(in.Edges), p.lr.line - len(in.Edges)})
	}
	if len(in.Edges) == 1024 && !p.estimated && p.size > p.consumed {
		// Size the slice from the bytes per edge so far, to avoid regrowing
		// a slice of millions of edges several times.
		p.estimated = true
		est := int64(float64(p.size) / float64(p.consumed) * 1024 * 1.05)
		est = min(est, p.size/minEdgeLine+1, 1<<30)
		if int(est) > cap(in.Edges) {
			grown := make([]graph.Edge, len(in.Edges), est)
			copy(grown, in.Edges)
			in.Edges = grown
		}
	}
	in.Edges = append(in.Edges, graph.Edge{U: u, V: v, W: w})
	return nil
}

// fastEdgeLine parses the common line "u v w" of canonical decimal names
// and an integer weight of at most 15 digits, separated by spaces or tabs
// (a trailing '\r' or blank allowed). ok is false for anything else, which
// the general path then handles.
func fastEdgeLine(line []byte) (ut, vt []byte, u, v int, w float64, ok bool) {
	i, n := 0, len(line)
	name := func() ([]byte, int, bool) {
		start := i
		if i >= n || line[i] < '0' || line[i] > '9' {
			return nil, 0, false
		}
		x := 0
		for i < n && line[i] >= '0' && line[i] <= '9' {
			x = x*10 + int(line[i]-'0')
			i++
		}
		if i-start > 9 || (line[start] == '0' && i-start > 1) {
			return nil, 0, false
		}
		return line[start:i], x, true
	}
	blank := func() bool {
		start := i
		for i < n && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		return i > start
	}
	if ut, u, ok = name(); !ok || !blank() {
		return nil, nil, 0, 0, 0, false
	}
	if vt, v, ok = name(); !ok || !blank() {
		return nil, nil, 0, 0, 0, false
	}
	start := i
	var x int64
	for i < n && line[i] >= '0' && line[i] <= '9' {
		x = x*10 + int64(line[i]-'0')
		i++
	}
	if i == start || i-start > 15 {
		return nil, nil, 0, 0, 0, false
	}
	for i < n && isSpace(line[i]) {
		i++
	}
	if i != n {
		return nil, nil, 0, 0, 0, false
	}
	return ut, vt, u, v, float64(x), true
}

func edgeShape(opt ParseOptions) string {
	if opt.Loose {
		return `"u v w", "u v" or "u"`
	}
	return `"u v w"`
}

// findDuplicate returns the indexes i < j of a repeated pair with the
// smallest j, or (-1, -1). It buckets edges by their first end (a counting
// sort, stable), then marks second ends per bucket: O(edges + nodes).
func findDuplicate(edges []graph.Edge, nLeft, nRight int, bipartite bool) (int, int) {
	ends := func(e graph.Edge) (int, int) {
		if !bipartite && e.V < e.U {
			return e.V, e.U
		}
		return e.U, e.V
	}
	if len(edges) < 2 {
		return -1, -1
	}
	if len(edges) < nLeft/4 || len(edges) < nRight/4 {
		// Few edges among many nodes (a big header): a map is cheaper than
		// arrays over all nodes.
		first := make(map[[2]int]int, len(edges))
		for j, e := range edges {
			a, b := ends(e)
			if i, ok := first[[2]int{a, b}]; ok {
				return i, j
			}
			first[[2]int{a, b}] = j
		}
		return -1, -1
	}
	start := make([]int32, nLeft+2)
	for _, e := range edges {
		a, _ := ends(e)
		start[a+2]++
	}
	for a := 2; a < len(start); a++ {
		start[a] += start[a-1]
	}
	order := make([]int32, len(edges))
	for i, e := range edges {
		a, _ := ends(e)
		order[start[a+1]] = int32(i)
		start[a+1]++
	}
	markBy := make([]int32, nRight)
	markEdge := make([]int32, nRight)
	for i := range markBy {
		markBy[i] = -1
	}
	bi, bj := -1, -1
	for a := 0; a < nLeft; a++ {
		for _, k := range order[start[a]:start[a+1]] {
			_, b := ends(edges[k])
			if markBy[b] == int32(a) {
				if bj < 0 || int(k) < bj {
					bi, bj = int(markEdge[b]), int(k)
				}
				continue
			}
			markBy[b], markEdge[b] = int32(a), k
		}
	}
	return bi, bj
}
