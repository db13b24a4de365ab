package textio

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// checkFuzzLineError fails unless err is a *LineError naming a line of data.
func checkFuzzLineError(tb testing.TB, err error, data []byte) {
	tb.Helper()
	var ie *LineError
	if !errors.As(err, &ie) {
		tb.Fatalf("error %v is not a *LineError", err)
	}
	if lines := bytes.Count(data, []byte{'\n'}) + 1; ie.Line < 1 || ie.Line > lines {
		tb.Fatalf("error line %d outside 1..%d: %v", ie.Line, lines, err)
	}
}

// fuzzNames is the node table the list fuzz targets parse against: n
// numbered nodes and three named ones.
func fuzzNames(n uint8) *Names {
	t := NewNames(int(n % 6))
	for _, s := range []string{"a", "b", "c"} {
		t.Add(s)
	}
	return t
}

// FuzzParseCapacities checks the capacity file parser: errors name a line,
// every node gets a capacity in range, and the capacities written back as
// "node capacity" lines parse to the same list.
func FuzzParseCapacities(f *testing.F) {
	for i, s := range []string{"# caps\nb 5\n\na 0\n", "zed 2\n", "a 1\nzed 2\n", "a -1\n", "a 99999999999\n", "a 1\nb 2\na 3\n", "a 1 2\n", "0 3\n00 4\n", "#x 1\n"} {
		f.Add([]byte(s), uint8(i), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, n uint8, addUnknown bool) {
		nodes := fuzzNames(n)
		caps, err := ParseCapacities(bytes.NewReader(data), nodes, addUnknown)
		if err != nil {
			checkFuzzLineError(t, err, data)
			return
		}
		if len(caps) != nodes.Len() {
			t.Fatalf("%d capacities for %d nodes", len(caps), nodes.Len())
		}
		var b strings.Builder
		for i, c := range caps {
			if c < 0 || c > MaxCapacity {
				t.Fatalf("node %d has capacity %d", i, c)
			}
			b.WriteString(nodes.Name(i) + " " + strconv.Itoa(c) + "\n")
		}
		fresh := fuzzNames(n)
		again, err := ParseCapacities(strings.NewReader(b.String()), fresh, true)
		if err != nil {
			t.Fatalf("written-back capacities refused: %v\n%s", err, b.String())
		}
		if !reflect.DeepEqual(again, caps) || fresh.Len() != nodes.Len() {
			t.Fatalf("capacities changed: %v, then %v", caps, again)
		}
	})
}

// FuzzParsePairs checks the history file parser: errors name a line, pairs
// join two different known nodes, and written back they parse the same.
func FuzzParsePairs(f *testing.F) {
	for i, s := range []string{"# history\n0 1\n\n2 3\n1 0\n0 9\n", "0 1\n2 2\n", "0 1\n2\n", "0 1\n1 2 5\n", "a b\nb c\nzed a\n", "0 00\n"} {
		f.Add([]byte(s), uint8(i+3))
	}
	f.Fuzz(func(t *testing.T, data []byte, n uint8) {
		nodes := fuzzNames(n)
		pairs, unknown, err := ParsePairs(bytes.NewReader(data), nodes)
		if err != nil {
			checkFuzzLineError(t, err, data)
			return
		}
		if unknown < 0 || nodes.Len() != fuzzNames(n).Len() {
			t.Fatalf("unknown = %d, %d nodes", unknown, nodes.Len())
		}
		var b strings.Builder
		for _, p := range pairs {
			if p[0] == p[1] || p[0] < 0 || p[1] < 0 || p[0] >= nodes.Len() || p[1] >= nodes.Len() {
				t.Fatalf("pair %v with %d nodes", p, nodes.Len())
			}
			b.WriteString(nodes.Name(p[0]) + " " + nodes.Name(p[1]) + "\n")
		}
		again, u, err := ParsePairs(strings.NewReader(b.String()), nodes)
		if err != nil || u != 0 || !reflect.DeepEqual(again, pairs) {
			t.Fatalf("pairs %v written back give %v, %d unknown, %v", pairs, again, u, err)
		}
	})
}

// FuzzParsePreferences checks the preference file parser and Resolve:
// errors name a line, every person has a line and choices, the list written
// back parses the same, and resolved choices are distinct known indexes.
func FuzzParsePreferences(f *testing.F) {
	for _, s := range []string{"# students\nann X Y\nbob Y\ncat\n", "X bob ann cat\nY ann\n", "ann X\n\nann Y\n", "ann X Y X\n", "a a b\nb a\n", "0 1\n1 0\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pl, err := ParsePreferences(bytes.NewReader(data))
		if err != nil {
			checkFuzzLineError(t, err, data)
			return
		}
		if pl.People.Len() != len(pl.Choices) || len(pl.Choices) != len(pl.Lines) {
			t.Fatalf("%d people, %d choice lists, %d lines", pl.People.Len(), len(pl.Choices), len(pl.Lines))
		}
		var b strings.Builder
		for i, choices := range pl.Choices {
			if pl.Lines[i] < 1 || (i > 0 && pl.Lines[i] <= pl.Lines[i-1]) {
				t.Fatalf("person %d on line %d", i, pl.Lines[i])
			}
			b.WriteString(strings.Join(append([]string{pl.People.Name(i)}, choices...), " ") + "\n")
		}
		again, err := ParsePreferences(strings.NewReader(b.String()))
		if err != nil || !reflect.DeepEqual(again.Choices, pl.Choices) || again.People.Len() != pl.People.Len() {
			t.Fatalf("preferences written back: %v, %v", again, err)
		}
		ranked, err := pl.Resolve(pl.People)
		if err != nil {
			var ie *LineError
			if !errors.As(err, &ie) || !containsInt(pl.Lines, ie.Line) {
				t.Fatalf("Resolve error %v does not name a line of the list", err)
			}
			return
		}
		for p, r := range ranked {
			seen := map[int]bool{}
			for _, id := range r {
				if id < 0 || id >= pl.People.Len() || seen[id] {
					t.Fatalf("person %d ranks %v", p, r)
				}
				seen[id] = true
			}
		}
	})
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
