package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// stableInstance is a small two-sided instance with ranked lists by name.
type stableInstance struct {
	props, recvs []string
	propPrefs    [][]int // indexes into recvs, best first
	recvPrefs    [][]int // indexes into props
	capacity     []int
}

func randomStable(rng *rand.Rand) stableInstance {
	np, nr := 1+rng.IntN(5), 1+rng.IntN(3)
	in := stableInstance{}
	for p := 0; p < np; p++ {
		in.props = append(in.props, fmt.Sprintf("student%d", p))
	}
	for r := 0; r < nr; r++ {
		in.recvs = append(in.recvs, fmt.Sprintf("school%d", r))
		in.capacity = append(in.capacity, rng.IntN(3))
	}
	list := func(n int) []int {
		l := rng.Perm(n)
		return l[:rng.IntN(n+1)] // incomplete lists too
	}
	for range in.props {
		in.propPrefs = append(in.propPrefs, list(nr))
	}
	for range in.recvs {
		in.recvPrefs = append(in.recvPrefs, list(np))
	}
	return in
}

func prefText(names, others []string, prefs [][]int) string {
	var b strings.Builder
	b.WriteString("# name choices, best first\n")
	for i, name := range names {
		b.WriteString(name)
		for _, o := range prefs[i] {
			b.WriteString(" " + others[o])
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// blocking counts the pairs that list each other and would both rather be
// together than with their partners in match (match[p] = receiver or -1).
func (in stableInstance) blocking(match []int) int {
	rank := func(list []int, x int) int {
		if i := slices.Index(list, x); i >= 0 {
			return i
		}
		return -1
	}
	count := 0
	for p, prefs := range in.propPrefs {
		for _, r := range prefs {
			if match[p] == r || rank(in.recvPrefs[r], p) < 0 {
				continue
			}
			if match[p] >= 0 && rank(prefs, match[p]) < rank(prefs, r) {
				continue // p prefers its receiver
			}
			held, worst := 0, -1
			for q, rq := range match {
				if rq == r {
					held++
					worst = max(worst, rank(in.recvPrefs[r], q))
				}
			}
			if held < in.capacity[r] || rank(in.recvPrefs[r], p) < worst {
				count++
			}
		}
	}
	return count
}

// stableMatchings enumerates every stable matching by brute force.
func (in stableInstance) stableMatchings() [][]int {
	var out [][]int
	match := make([]int, len(in.props))
	var rec func(p int)
	rec = func(p int) {
		if p == len(in.props) {
			if in.blocking(match) == 0 {
				out = append(out, slices.Clone(match))
			}
			return
		}
		match[p] = -1
		rec(p + 1)
		for _, r := range in.propPrefs[p] {
			load := 0
			for q := 0; q < p; q++ {
				if match[q] == r {
					load++
				}
			}
			if load < in.capacity[r] && slices.Contains(in.recvPrefs[r], p) {
				match[p] = r
				rec(p + 1)
			}
		}
		match[p] = -1
	}
	rec(0)
	return out
}

func TestSolveStable_ProposerOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 80; trial++ {
		in := randomStable(rng)
		propFile := writeTemp(t, "proposers.txt", prefText(in.props, in.recvs, in.propPrefs))
		recvFile := writeTemp(t, "receivers.txt", prefText(in.recvs, in.props, in.recvPrefs))
		var caps strings.Builder
		for r, name := range in.recvs {
			fmt.Fprintf(&caps, "%s %d\n", name, in.capacity[r])
		}
		capFile := writeTemp(t, "caps.txt", caps.String())
		o := parseOutput(t, solveOK(t, "", "stable", "--proposers", propFile, "--receivers", recvFile, "--capacity", capFile))

		match := make([]int, len(in.props))
		for p := range match {
			match[p] = -1
		}
		for _, row := range o.rows {
			p, r := slices.Index(in.props, row[0]), slices.Index(in.recvs, row[1])
			if len(row) != 2 || p < 0 || r < 0 || match[p] >= 0 {
				t.Fatalf("trial %d: bad row %q", trial, row)
			}
			if !slices.Contains(in.propPrefs[p], r) || !slices.Contains(in.recvPrefs[r], p) {
				t.Fatalf("trial %d: row %q pairs people who do not list each other", trial, row)
			}
			match[p] = r
		}
		if o.int(t, "pairs") != len(o.rows) || o.int(t, "blocking") != in.blocking(match) {
			t.Fatalf("trial %d: summary %v; rows %d, blocking %d", trial, o.summary, len(o.rows), in.blocking(match))
		}
		if in.blocking(match) != 0 {
			t.Fatalf("trial %d: matching %v is not stable", trial, match)
		}
		// Proposer-optimal: nobody has a better receiver in another stable matching.
		for _, other := range in.stableMatchings() {
			for p, r := range other {
				if r >= 0 && (match[p] < 0 || slices.Index(in.propPrefs[p], r) < slices.Index(in.propPrefs[p], match[p])) {
					t.Fatalf("trial %d: proposer %d gets %d but has %d in stable matching %v", trial, p, match[p], r, other)
				}
			}
		}
	}
}

func TestSolveStable_DefaultCapacityOne(t *testing.T) {
	props := writeTemp(t, "p.txt", "ann X Y\nbob X Y\n")
	recvs := writeTemp(t, "r.txt", "X bob ann\nY ann bob\n")
	out := solveOK(t, "", "stable", "--proposers", props, "--receivers", recvs)
	if want := "ann Y\nbob X\n# pairs=2 blocking=0\n"; out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

func TestSolveStable_BadInput(t *testing.T) {
	good := writeTemp(t, "good.txt", "X ann\n")
	props := writeTemp(t, "p.txt", "ann X\n# c\nbob X Z\n")
	twice := writeTemp(t, "twice.txt", "ann X\nann X\n")
	caps := writeTemp(t, "caps.txt", "X 1\nQ 2\n")
	okProps := writeTemp(t, "ok.txt", "ann X\n")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"unknown choice", []string{"--proposers", props, "--receivers", good}, props + `: line 3: "Z" is not listed on the other side`},
		{"person twice", []string{"--proposers", twice, "--receivers", good}, twice + `: line 2: person "ann" already listed on line 1`},
		{"unknown receiver capacity", []string{"--proposers", okProps, "--receivers", good, "--capacity", caps}, caps + `: line 2: unknown node "Q"`},
		{"missing file", []string{"--proposers", "/nonexistent/p", "--receivers", good}, "/nonexistent/p"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := solveCall(t, "", append([]string{"stable"}, tc.args...)...)
			if code != 2 || out != "" || !strings.Contains(errs, tc.msg) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, %q", code, out, errs, tc.msg)
			}
		})
	}
}
