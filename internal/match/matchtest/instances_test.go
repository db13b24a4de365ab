package matchtest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// recorder stands in for the test a helper is given, to see whether the
// helper skips or fails it.
type recorder struct {
	testing.TB
	calls []string
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(format string, args ...any) {
	r.calls = append(r.calls, "skip: "+fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.calls = append(r.calls, "fatal: "+fmt.Sprintf(format, args...))
}

func TestPath_Committed(t *testing.T) {
	for _, name := range []string{"g_1000_1.txt", "circ_12_4_1.txt", "circ_30_5_1.txt"} {
		p := Path(t, name)
		if filepath.Base(filepath.Dir(p)) != "testdata" {
			t.Errorf("%s: %s, want the committed copy", name, p)
		}
	}
}

func TestPath_Missing(t *testing.T) {
	for _, require := range []string{"", "1"} {
		t.Setenv("MENTORMESH_TEST_REQUIRE", require)
		r := &recorder{TB: t}
		if p := Path(r, "no_such_instance.txt"); p != "" || len(r.calls) == 0 {
			t.Fatalf("require=%q: path %q, calls %q", require, p, r.calls)
		}
		want := "skip: "
		if require == "1" {
			want = "fatal: "
		}
		if !strings.HasPrefix(r.calls[0], want) {
			t.Errorf("require=%q: %q, want %s...", require, r.calls[0], want)
		}
	}
}

func TestLoad_Header(t *testing.T) {
	n, k, edges := Load(t, "circ_12_4_1.txt")
	if n != 12 || k != 4 || len(edges) != 12*11/2 {
		t.Errorf("n=%d k=%d, %d edges; want 12, 4, 66", n, k, len(edges))
	}
}
