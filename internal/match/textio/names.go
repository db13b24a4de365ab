package textio

import "strconv"

// MaxHeaderNodes is the largest node count a header line may declare.
const MaxHeaderNodes = 1 << 24

// smallNameLimit bounds the direct-index table used for names that are
// plain decimal numbers (the usual "0 17 42" files): such names skip the map.
const smallNameLimit = 1 << 21

// Names interns node names: it gives every distinct name a dense index
// 0..Len()-1. Indexes 0..n-1 belong to the names "0".."n-1" declared by a
// header line (see ParseEdges); every other name gets the next index in
// order of first appearance. The zero value is an empty table ready to use.
type Names struct {
	pre    int              // ids 0..pre-1 are named by their decimal form
	extra  []string         // names of ids pre, pre+1, ...
	small  []int32          // small[v] = id+1 of the canonical decimal name v
	byName map[string]int32 // every other name
}

// NewNames returns a table whose first n indexes are the names "0".."n-1".
func NewNames(n int) *Names {
	return &Names{pre: n}
}

// Len returns the number of names.
func (t *Names) Len() int { return t.pre + len(t.extra) }

// Name returns the name of index i (0 <= i < Len()).
func (t *Names) Name(i int) string {
	if i < t.pre {
		return strconv.Itoa(i)
	}
	return t.extra[i-t.pre]
}

// Index returns the index of name and whether the name is known.
func (t *Names) Index(name string) (int, bool) {
	if v, ok := canonicalDecimal([]byte(name)); ok {
		if v < t.pre {
			return v, true
		}
		if v < len(t.small) && t.small[v] != 0 {
			return int(t.small[v]) - 1, true
		}
		if v < smallNameLimit {
			return 0, false
		}
	}
	id, ok := t.byName[name]
	return int(id), ok
}

// Add returns the index of name, giving it the next index if it is new.
func (t *Names) Add(name string) int { return t.add([]byte(name)) }

// lookup is Index for a byte slice, without allocating.
func (t *Names) lookup(tok []byte) (int, bool) {
	if v, ok := canonicalDecimal(tok); ok && v < smallNameLimit {
		if v < t.pre {
			return v, true
		}
		if v < len(t.small) && t.small[v] != 0 {
			return int(t.small[v]) - 1, true
		}
		return 0, false
	} else if ok && v < t.pre {
		return v, true
	}
	id, ok := t.byName[string(tok)]
	return int(id), ok
}

func (t *Names) add(tok []byte) int {
	if v, ok := canonicalDecimal(tok); ok {
		return t.addDecimal(v, tok)
	}
	return t.addOther(tok)
}

// addDecimal is add for a token known to be the canonical decimal v.
func (t *Names) addDecimal(v int, tok []byte) int {
	if v < t.pre {
		return v
	}
	if v >= smallNameLimit {
		return t.addOther(tok)
	}
	if v < len(t.small) {
		if id := t.small[v]; id != 0 {
			return int(id) - 1
		}
	} else {
		size := max(2*len(t.small), v+1, 1024)
		grown := make([]int32, min(size, smallNameLimit))
		copy(grown, t.small)
		t.small = grown
	}
	id := t.Len()
	t.extra = append(t.extra, string(tok))
	t.small[v] = int32(id + 1)
	return id
}

// addOther is add for a name outside the decimal table.
func (t *Names) addOther(tok []byte) int {
	if id, ok := t.byName[string(tok)]; ok {
		return int(id)
	}
	if t.byName == nil {
		t.byName = make(map[string]int32)
	}
	id := t.Len()
	s := string(tok)
	t.extra = append(t.extra, s)
	t.byName[s] = int32(id)
	return id
}

// canonicalDecimal reports whether tok is a decimal number written the one
// canonical way ("0", "17"; not "017", "+1" or "-0"), and its value.
func canonicalDecimal(tok []byte) (int, bool) {
	if len(tok) == 0 || len(tok) > 9 || (tok[0] == '0' && len(tok) > 1) {
		return 0, false
	}
	v := 0
	for _, c := range tok {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}
