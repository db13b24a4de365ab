package textio

import "io"

// MaxCapacity is the largest capacity ParseCapacities accepts.
const MaxCapacity = 1 << 30

// ParseCapacities reads lines "node capacity" (blank and '#' lines
// ignored), where capacity is a non-negative integer, and returns the
// capacity of every node of nodes, 1 for nodes the file does not name. A
// name that nodes does not know is added to it when addUnknown is set (a
// node without edges) and is an error otherwise. A node named twice is an
// error. Errors are *LineError values naming the line.
func ParseCapacities(r io.Reader, nodes *Names, addUnknown bool) ([]int, error) {
	lr := newLineReader(r)
	given := map[int]int{} // node -> line
	caps := map[int]int{}
	tok := make([][]byte, 0, 3)
	for {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		var more bool
		tok, more = fields(line, tok, 2)
		if len(tok) == 0 {
			continue
		}
		if more || len(tok) != 2 {
			return nil, lineErrorf(lr.line, `want "node capacity"`)
		}
		c, ok := parseCount(tok[1], MaxCapacity)
		if !ok {
			return nil, lineErrorf(lr.line, "capacity %q is not a whole number from 0 to %d", tok[1], MaxCapacity)
		}
		var id int
		if addUnknown {
			if tok[0][0] == '#' {
				return nil, lineErrorf(lr.line, "node name %q starts with '#'", tok[0])
			}
			id = nodes.add(tok[0])
		} else if id, ok = nodes.lookup(tok[0]); !ok {
			return nil, lineErrorf(lr.line, "unknown node %q", tok[0])
		}
		if prev, dup := given[id]; dup {
			return nil, lineErrorf(lr.line, "node %q already given on line %d", tok[0], prev)
		}
		given[id] = lr.line
		caps[id] = c
	}
	out := make([]int, nodes.Len())
	for i := range out {
		out[i] = 1
	}
	for id, c := range caps {
		out[id] = c
	}
	return out, nil
}

// ParsePairs reads lines "u v" naming two different nodes of nodes (a
// rotation's history of pairs that already met; blank and '#' lines
// ignored). Pairs naming a node that nodes does not know are skipped and
// counted in unknown: people who left the pool. Repeated pairs are kept.
// Errors are *LineError values naming the line.
func ParsePairs(r io.Reader, nodes *Names) (pairs [][2]int, unknown int, err error) {
	lr := newLineReader(r)
	tok := make([][]byte, 0, 3)
	for {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		var more bool
		tok, more = fields(line, tok, 2)
		if len(tok) == 0 {
			continue
		}
		if more || len(tok) != 2 {
			return nil, 0, lineErrorf(lr.line, `want "u v"`)
		}
		if string(tok[0]) == string(tok[1]) {
			return nil, 0, lineErrorf(lr.line, "pair joins node %q to itself", tok[0])
		}
		u, oku := nodes.lookup(tok[0])
		v, okv := nodes.lookup(tok[1])
		if !oku || !okv {
			unknown++
			continue
		}
		pairs = append(pairs, [2]int{u, v})
	}
	return pairs, unknown, nil
}

// PreferenceList is a parsed preference file: one line per person,
// "name choice1 choice2 ...", best choice first.
type PreferenceList struct {
	// People names the persons in file order.
	People *Names
	// Choices[i] are person i's choices, names of the other side.
	Choices [][]string
	// Lines[i] is the line of person i.
	Lines []int
}

// ParsePreferences reads a preference file (blank and '#' lines ignored).
// A person listed twice is an error; a person with no choices is allowed.
// Errors are *LineError values naming the line.
func ParsePreferences(r io.Reader) (*PreferenceList, error) {
	lr := newLineReader(r)
	pl := &PreferenceList{People: &Names{}}
	var tok [][]byte
	for {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		tok, _ = fields(line, tok, 0)
		if len(tok) == 0 {
			continue
		}
		if id, dup := pl.People.lookup(tok[0]); dup {
			return nil, lineErrorf(lr.line, "person %q already listed on line %d", tok[0], pl.Lines[id])
		}
		pl.People.add(tok[0])
		choices := make([]string, len(tok)-1)
		for i, t := range tok[1:] {
			choices[i] = string(t)
		}
		pl.Choices = append(pl.Choices, choices)
		pl.Lines = append(pl.Lines, lr.line)
	}
	return pl, nil
}

// Resolve turns the choices into indexes of others (the other side's
// people). A choice that others does not list, or a choice repeated in one
// line, is a *LineError naming the line of this list.
func (pl *PreferenceList) Resolve(others *Names) ([][]int, error) {
	out := make([][]int, len(pl.Choices))
	seen := make([]int, others.Len())
	for i := range seen {
		seen[i] = -1
	}
	for p, choices := range pl.Choices {
		ranked := make([]int, len(choices))
		for k, name := range choices {
			id, ok := others.Index(name)
			if !ok {
				return nil, lineErrorf(pl.Lines[p], "%q is not listed on the other side", name)
			}
			if seen[id] == p {
				return nil, lineErrorf(pl.Lines[p], "%q is ranked twice", name)
			}
			seen[id] = p
			ranked[k] = id
		}
		out[p] = ranked
	}
	return out, nil
}
