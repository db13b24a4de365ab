package main

import (
	"strconv"
	"strings"
	"testing"
)

// checkRotation validates a rotation output: every round places every node
// exactly once in groups of size (when size divides the count); the printed
// repeat count equals the pairs met more than once, counting the history.
// It returns the rounds as groups of names.
func checkRotation(tb testing.TB, out string, names []string, size, rounds int, history [][2]string) [][][]string {
	tb.Helper()
	o := parseOutput(tb, out)
	var sched [][][]string
	for _, r := range o.rows {
		if len(r) != 3 {
			tb.Fatalf("row %q: want round group member", r)
		}
		ri, err1 := strconv.Atoi(r[0])
		gi, err2 := strconv.Atoi(r[1])
		if err1 != nil || err2 != nil || ri < 1 || gi < 1 || ri > len(sched)+1 {
			tb.Fatalf("row %q: bad round or group number", r)
		}
		if ri > len(sched) {
			sched = append(sched, nil)
		}
		round := sched[ri-1]
		if gi > len(round)+1 {
			tb.Fatalf("row %q: group %d skips a number", r, gi)
		}
		if gi > len(round) {
			round = append(round, nil)
		}
		round[gi-1] = append(round[gi-1], r[2])
		sched[ri-1] = round
	}
	if len(sched) != rounds || o.int(tb, "rounds") != rounds {
		tb.Fatalf("%d rounds printed, summary %s; want %d", len(sched), o.summary["rounds"], rounds)
	}
	met := map[[2]string]int{}
	meet := func(a, b string) {
		if a > b {
			a, b = b, a
		}
		met[[2]string{a, b}]++
	}
	for _, h := range history {
		meet(h[0], h[1])
	}
	for ri, round := range sched {
		seen := map[string]bool{}
		for _, grp := range round {
			if len(names)%size == 0 && len(grp) != size {
				tb.Errorf("round %d: group %v has %d members, want %d", ri+1, grp, len(grp), size)
			}
			for a, x := range grp {
				if seen[x] {
					tb.Errorf("round %d: %s placed twice", ri+1, x)
				}
				seen[x] = true
				for _, y := range grp[a+1:] {
					meet(x, y)
				}
			}
		}
		for _, n := range names {
			if !seen[n] {
				tb.Errorf("round %d: %s is in no group", ri+1, n)
			}
		}
	}
	repeats := 0
	for _, c := range met {
		if c > 1 {
			repeats++
		}
	}
	if got := o.int(tb, "repeats"); got != repeats {
		tb.Errorf("summary repeats=%d, the schedule repeats %d pairs", got, repeats)
	}
	return sched
}

func numberNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = strconv.Itoa(i)
	}
	return names
}

func TestSolveRotation_NoRepeats(t *testing.T) {
	tests := []struct {
		name               string
		stdin              string
		names              []string
		size, rounds       int
		wantRepeatsAtLeast int
	}{
		{"pairs round robin from a header", "8 0\n", numberNames(8), 2, 7, 0},
		{"pairs named nodes", "ann\nbob\ncat\ndan\neve\nfay\n", strings.Fields("ann bob cat dan eve fay"), 2, 5, 0},
		{"triples of nine", "9 0\n", numberNames(9), 3, 4, 0},
		{"more rounds than possible", "4 0\n", numberNames(4), 2, 4, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := solveOK(t, tc.stdin, "rotation", "--size", strconv.Itoa(tc.size), "--rounds", strconv.Itoa(tc.rounds))
			checkRotation(t, out, tc.names, tc.size, tc.rounds, nil)
			o := parseOutput(t, out)
			if got := o.int(t, "repeats"); (tc.wantRepeatsAtLeast == 0 && got != 0) || got < tc.wantRepeatsAtLeast {
				t.Errorf("repeats=%d, want %d", got, tc.wantRepeatsAtLeast)
			}
		})
	}
}

func TestSolveRotation_History(t *testing.T) {
	// With 0-1, 2-3, 0-2 and 1-3 already met, one round has one answer.
	hist := writeTemp(t, "history.txt", "# met\n0 1\n2 3\n0 2\n1 3\nold-timer 0\n")
	out, errs, code := solveCall(t, "4 0\n", "rotation", "--size", "2", "--rounds", "1", "--history", hist)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "skipped 1 pairs naming people not in the input") {
		t.Errorf("stderr lacks the note on the unknown name: %q", errs)
	}
	history := [][2]string{{"0", "1"}, {"2", "3"}, {"0", "2"}, {"1", "3"}}
	sched := checkRotation(t, out, numberNames(4), 2, 1, history)
	for _, grp := range sched[0] {
		if pair := strings.Join(grp, "-"); pair != "0-3" && pair != "3-0" && pair != "1-2" && pair != "2-1" {
			t.Errorf("group %v repeats a pair of the history", grp)
		}
	}
}

func TestSolveRotation_PreferencesWeighted(t *testing.T) {
	// Edges are preferences: the first round should pair the strong ones.
	in := "ann\nbob\ncat\ndan\nann bob 10\ncat dan 10\nann cat\n"
	out := solveOK(t, in, "rotation", "--size", "2", "--rounds", "1")
	sched := checkRotation(t, out, strings.Fields("ann bob cat dan"), 2, 1, nil)
	got := map[string]bool{}
	for _, grp := range sched[0] {
		got[strings.Join(grp, "-")] = true
	}
	if !(got["ann-bob"] || got["bob-ann"]) || !(got["cat-dan"] || got["dan-cat"]) {
		t.Errorf("round 1 = %v, want ann-bob and cat-dan", sched[0])
	}
}
