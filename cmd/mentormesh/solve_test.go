package main

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/match/matchtest"
)

// solveCall runs "mentormesh solve" through run with in-memory streams.
func solveCall(tb testing.TB, stdin string, args ...string) (stdout, stderr string, code int) {
	tb.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"solve"}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// solveOK runs runSolve and fails the test unless it succeeds.
func solveOK(tb testing.TB, stdin string, args ...string) string {
	tb.Helper()
	out, errs, code := solveCall(tb, stdin, args...)
	if code != 0 {
		tb.Fatalf("solve %v: exit %d, stderr:\n%s", args, code, errs)
	}
	return out
}

// solveOutput is stdout split into its record lines and its "# k=v" summary.
type solveOutput struct {
	rows    [][]string
	summary map[string]string
}

var summaryField = regexp.MustCompile(`^([a-z]+)=(\S+)$`)

func parseOutput(tb testing.TB, out string) solveOutput {
	tb.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if !strings.HasSuffix(out, "\n") || len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], "# ") {
		tb.Fatalf("output does not end with a summary line:\n%s", out)
	}
	res := solveOutput{summary: map[string]string{}}
	for _, f := range strings.Fields(lines[len(lines)-1])[1:] {
		m := summaryField.FindStringSubmatch(f)
		if m == nil {
			tb.Fatalf("bad summary field %q", f)
		}
		res.summary[m[1]] = m[2]
	}
	for _, l := range lines[:len(lines)-1] {
		if strings.HasPrefix(l, "#") {
			tb.Fatalf("comment line %q before the summary", l)
		}
		res.rows = append(res.rows, strings.Fields(l))
	}
	return res
}

func (o solveOutput) int(tb testing.TB, key string) int {
	tb.Helper()
	v, err := strconv.Atoi(o.summary[key])
	if err != nil {
		tb.Fatalf("summary %s=%q: %v", key, o.summary[key], err)
	}
	return v
}

func (o solveOutput) float(tb testing.TB, key string) float64 {
	tb.Helper()
	v, err := strconv.ParseFloat(o.summary[key], 64)
	if err != nil {
		tb.Fatalf("summary %s=%q: %v", key, o.summary[key], err)
	}
	return v
}

func closeTo(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

func writeTemp(tb testing.TB, name, text string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestRunSolve_Usage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no problem", nil, "Usage:"},
		{"unknown problem", []string{"tsp"}, `unknown problem "tsp"`},
		{"unknown flag", []string{"general", "--fast"}, "flag provided but not defined: -fast"},
		{"flag of another problem", []string{"general", "--fair"}, "not defined: -fair"},
		{"positional argument", []string{"general", "edges.txt"}, `unexpected argument "edges.txt"`},
		{"missing size", []string{"groups", "--seconds", "1"}, "missing --size"},
		{"size too small", []string{"groups", "--size", "1"}, "--size must be at least 2"},
		{"bad size", []string{"groups", "--size", "four"}, "invalid value"},
		{"negative seconds", []string{"groups", "--size", "3", "--seconds", "-1"}, "--seconds"},
		{"missing rounds", []string{"rotation", "--size", "2"}, "missing --rounds"},
		{"missing receivers", []string{"stable", "--proposers", "p.txt"}, "missing --receivers"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := solveCall(t, "a b 1\n", tc.args...)
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, out)
			}
			if !strings.Contains(errs, tc.msg) || !strings.Contains(errs, "Usage:") {
				t.Errorf("stderr lacks %q and the usage:\n%s", tc.msg, errs)
			}
		})
	}
}

func TestRunSolve_HelpDocumentsFormats(t *testing.T) {
	if out, _, code := solveCall(t, "", "bipartite", "-h"); code != 0 || !strings.Contains(out, "Usage:") {
		t.Errorf("bipartite -h: exit %d, stdout %q; want 0 and the usage", code, out)
	}
	out := solveOK(t, "", "help")
	for _, want := range []string{"name choice1 choice2", "node capacity", "header", `"u v"`, "# total=<sum> pairs=<count>", "bound="} {
		if !strings.Contains(out, want) {
			t.Errorf("usage lacks %q", want)
		}
	}
}

func TestRunSolve_BadInput(t *testing.T) {
	badCap := writeTemp(t, "caps.txt", "# mentors\nm1 2\nm2 lots\n")
	badHistory := writeTemp(t, "history.txt", "a b\nc\n")
	tests := []struct {
		name  string
		stdin string
		args  []string
		msg   string
	}{
		{"general weight", "a b 1\n\n# x\na c abc\n", []string{"general"}, `standard input: line 4: weight "abc" is not a number`},
		{"general missing weight", "3 3\n0 1 1\n1 2\n", []string{"general"}, "line 3: only 2 fields"},
		{"general self loop", "a a 1\n", []string{"general"}, `line 1: edge joins node "a" to itself`},
		{"general duplicate", "a b 1\nb a 1\n", []string{"general"}, "line 2: pair b a already given on line 1"},
		{"bipartite weight", "x m1 1\ny m2 1e\n", []string{"bipartite"}, `line 2: weight "1e" is not a number`},
		{"bipartite capacity", "x m1 1\ny m2 1\n", []string{"bipartite", "--capacity", badCap}, badCap + `: line 3: capacity "lots"`},
		{"bipartite missing capacity file", "x m1 1\n", []string{"bipartite", "--capacity", "/nonexistent/caps"}, "/nonexistent/caps"},
		{"groups fields", "a b 1 2\n", []string{"groups", "--size", "2"}, "line 1: too many fields"},
		{"rotation fields", "a\nb c 1 2\n", []string{"rotation", "--size", "2", "--rounds", "1"}, "line 2: too many fields"},
		{"rotation history", "a\nb\nc\nd\n", []string{"rotation", "--size", "2", "--rounds", "1", "--history", badHistory}, badHistory + `: line 2: want "u v"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := solveCall(t, tc.stdin, tc.args...)
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, out)
			}
			if !strings.Contains(errs, tc.msg) || strings.Contains(errs, "Usage:") {
				t.Errorf("stderr = %q, want %q and no usage text", errs, tc.msg)
			}
		})
	}
}

func TestFormatSum_NoFloatNoise(t *testing.T) {
	tests := []struct {
		x        float64
		decimals int
		want     string
	}{
		{0.1 + 0.2, 1, "0.3"},
		{458176, 0, "458176"},
		{2.50, 2, "2.5"},
		{-0.0000001, 2, "0"},
		{1e21, 0, "1000000000000000000000"},
		{-1.25, 2, "-1.25"},
	}
	for _, tc := range tests {
		if got := formatSum(tc.x, tc.decimals); got != tc.want {
			t.Errorf("formatSum(%v, %d) = %q, want %q", tc.x, tc.decimals, got, tc.want)
		}
	}
}

func TestRunSolve_Timing(t *testing.T) {
	_, errs, code := solveCall(t, "a b 1\n", "general", "--timing")
	if code != 0 || !regexp.MustCompile(`(?m)^# parse_seconds=[0-9.]+ solve_seconds=[0-9.]+$`).MatchString(errs) {
		t.Errorf("exit %d, stderr %q; want the timing line", code, errs)
	}
}

// readInstance returns the text of a reference instance (see matchtest.Path).
func readInstance(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(matchtest.Path(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
