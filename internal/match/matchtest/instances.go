// Package matchtest gives tests the reference instances of the matching
// engine (the files bench/solvers.sh compares solvers on). The small ones
// are committed in matchtest/testdata; the large ones (g_2000_1.txt,
// g_5000_1.txt) are read from the shared folder beside the repository
// (../shared/bench/instances, or /work/shared/bench/instances).
//
// An instance that is not found skips the test, or fails it when
// MENTORMESH_TEST_REQUIRE=1 (scripts/test sets it).
package matchtest

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/graph"
)

// Path returns the path of the reference instance name (such as
// "g_1000_1.txt"): the committed copy when there is one, else the shared
// one. When neither exists it skips the test, or fails it under
// MENTORMESH_TEST_REQUIRE=1.
func Path(tb testing.TB, name string) string {
	tb.Helper()
	var dirs []string
	if _, file, _, ok := runtime.Caller(0); ok {
		here := filepath.Dir(file)
		root := filepath.Join(here, "..", "..", "..")
		dirs = append(dirs, filepath.Join(here, "testdata"),
			filepath.Join(root, "..", "shared", "bench", "instances"))
	}
	dirs = append(dirs, "/work/shared/bench/instances")
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("MENTORMESH_TEST_REQUIRE") == "1" {
		tb.Fatalf("reference instance %s not found in %s, and MENTORMESH_TEST_REQUIRE=1", name, strings.Join(dirs, ", "))
	}
	tb.Skipf("reference instance %s not found in %s", name, strings.Join(dirs, ", "))
	return ""
}

// Load reads the reference instance name: a header of two integers (n and
// an edge count for g_* files, n and the group size for circ_* files),
// then "u v w" lines; blank lines and lines starting with '#' are skipped.
// A missing instance is handled as in Path; a malformed one fails the test.
func Load(tb testing.TB, name string) (n, second int, edges []graph.Edge) {
	tb.Helper()
	f, err := os.Open(Path(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	atoi := func(s string) int {
		v, err := strconv.Atoi(s)
		if err != nil {
			tb.Fatalf("%s: bad integer %q", name, s)
		}
		return v
	}
	sc := bufio.NewScanner(f)
	header := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Fields(line)
		if header {
			if len(fs) != 2 {
				tb.Fatalf("%s: bad header %q", name, line)
			}
			n, second, header = atoi(fs[0]), atoi(fs[1]), false
			continue
		}
		if len(fs) != 3 {
			tb.Fatalf("%s: bad line %q", name, line)
		}
		w, err := strconv.ParseFloat(fs[2], 64)
		if err != nil || math.IsNaN(w) {
			tb.Fatalf("%s: bad weight in %q", name, line)
		}
		edges = append(edges, graph.Edge{U: atoi(fs[0]), V: atoi(fs[1]), W: w})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return n, second, edges
}
