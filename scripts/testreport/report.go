package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// report holds what one `go test -json` run has shown so far. Console lines go to out as
// soon as they are known (out is flushed after each, so a slow run shows progress); the
// verbose output of a package goes to log when the package finishes.
type report struct {
	out *bufio.Writer
	log io.Writer

	pkgs     map[string]*pkgState
	order    []string // packages in the order they first appeared
	backends map[string]*backend

	failedTests, skippedTests, failedPkgs []string
	okPkgs, noTestPkgs, pass, fail, skip  int
	// broken is set by a failed build or an unreadable input: the run failed even when no
	// package says so.
	broken bool
}

// pkgState is one package's part of the run.
type pkgState struct {
	log      []string            // every output line, in order
	pkgOut   []string            // output not tied to a test
	tests    map[string][]string // top-level test -> its output and its subtests'
	finished map[string]bool     // top-level tests that passed, failed or skipped
	lastLine map[string]string   // test -> last message line (for skip reasons)
	shown    map[string]bool     // top-level tests whose output was already printed

	pass, fail, skip int // tests and subtests
}

// backend counts the store suite's subtests of one database.
type backend struct{ pass, fail, skip int }

func newReport(out *bufio.Writer, log io.Writer) *report {
	return &report{out: out, log: log, pkgs: map[string]*pkgState{},
		backends: map[string]*backend{"sqlite": {}, "postgres": {}}}
}

func (r *report) pkg(p string) *pkgState {
	s := r.pkgs[p]
	if s == nil {
		s = &pkgState{tests: map[string][]string{}, finished: map[string]bool{},
			lastLine: map[string]string{}, shown: map[string]bool{}}
		r.pkgs[p] = s
		r.order = append(r.order, p)
	}
	return s
}

// line takes one line of input.
func (r *report) line(line []byte) {
	e, ok := parseEvent(line)
	if !ok {
		fmt.Fprintf(r.out, "%s\n", line)
		fmt.Fprintf(r.log, "%s\n", line)
		return
	}
	switch e.Action {
	case "build-output":
		io.WriteString(r.out, e.Output)
		io.WriteString(r.log, e.Output)
		r.out.Flush()
		return
	case "build-fail":
		r.broken = true
		return
	}
	if e.Package == "" {
		return
	}
	s := r.pkg(e.Package)
	switch {
	case e.Action == "output":
		r.output(s, e)
	case e.Test != "":
		r.testDone(s, e)
	default:
		r.packageDone(s, e)
	}
}

func (r *report) output(s *pkgState, e event) {
	s.log = append(s.log, e.Output)
	if e.Test == "" {
		s.pkgOut = append(s.pkgOut, e.Output)
		return
	}
	s.tests[topLevel(e.Test)] = append(s.tests[topLevel(e.Test)], e.Output)
	if t := strings.TrimSpace(e.Output); t != "" && !strings.HasPrefix(t, "=== ") && !strings.HasPrefix(t, "--- ") {
		s.lastLine[e.Test] = t
	}
}

// testDone counts a test's pass, fail or skip (other actions such as run and pause only
// reach the bookkeeping of top-level tests, which ignores them) and shows a failed
// top-level test's output at once.
func (r *report) testDone(s *pkgState, e event) {
	if m := storeRe.FindStringSubmatch(e.Test); m != nil {
		b := r.backends[m[1]]
		switch e.Action {
		case "pass":
			b.pass++
		case "fail":
			b.fail++
		case "skip":
			b.skip++
		}
	}
	switch e.Action {
	case "pass":
		s.pass++
		r.pass++
	case "fail":
		s.fail++
		r.fail++
		r.failedTests = append(r.failedTests, e.Package+" "+e.Test)
	case "skip":
		s.skip++
		r.skip++
		reason := s.lastLine[e.Test]
		if reason != "" {
			reason = ": " + reason
		}
		r.skippedTests = append(r.skippedTests, e.Package+" "+e.Test+reason)
	}
	top := topLevel(e.Test)
	if e.Test == top && (e.Action == "pass" || e.Action == "fail" || e.Action == "skip") {
		s.finished[top] = true
		if e.Action == "fail" {
			r.showTest(e.Package, top)
			r.out.Flush()
		}
		delete(s.lastLine, e.Test)
		if e.Action != "fail" {
			delete(s.tests, top)
		}
	}
}

// packageDone prints a package's line when it passes, fails or has no tests, and moves its
// output to the log.
func (r *report) packageDone(s *pkgState, e event) {
	counts := fmt.Sprintf("%d passed", s.pass)
	if s.fail > 0 {
		counts += fmt.Sprintf(", %d FAILED", s.fail)
	}
	if s.skip > 0 {
		counts += fmt.Sprintf(", %d skipped", s.skip)
	}
	switch e.Action {
	case "pass":
		r.okPkgs++
		fmt.Fprintf(r.out, "ok      %-55s %7.2fs  %s\n", e.Package, e.Elapsed, counts)
		r.flushLog(e.Package)
	case "skip":
		r.noTestPkgs++
		fmt.Fprintf(r.out, "?       %-55s [no test files]\n", e.Package)
		r.flushLog(e.Package)
	case "fail":
		r.failedPkgs = append(r.failedPkgs, e.Package)
		// Tests that never finished: the binary crashed or timed out while they ran.
		var open []string
		for t := range s.tests {
			if !s.finished[t] {
				open = append(open, t)
			}
		}
		sort.Strings(open)
		for _, t := range open {
			r.showTest(e.Package, t)
			r.failedTests = append(r.failedTests, e.Package+" "+t+" (did not finish: crash or timeout)")
		}
		if e.FailedBuild == "" {
			for _, l := range s.pkgOut {
				if t := strings.TrimSpace(l); t != "PASS" && t != "FAIL" && !strings.HasPrefix(t, "FAIL\t"+e.Package) {
					io.WriteString(r.out, l)
				}
			}
		}
		what := counts
		if e.FailedBuild != "" {
			what = "[build failed]"
		}
		fmt.Fprintf(r.out, "FAIL    %-55s %7.2fs  %s\n", e.Package, e.Elapsed, what)
		r.flushLog(e.Package)
	}
	r.out.Flush()
}

// showTest prints the output of a top-level test and its subtests, once.
func (r *report) showTest(p, top string) {
	s := r.pkgs[p]
	if s.shown[top] || len(s.tests[top]) == 0 {
		return
	}
	s.shown[top] = true
	fmt.Fprintf(r.out, "\n----- output of %s %s -----\n", p, top)
	for _, l := range s.tests[top] {
		io.WriteString(r.out, l)
	}
	fmt.Fprintf(r.out, "----- end of %s -----\n\n", top)
}

// flushLog writes a package's output so far to the log under a "### package" header.
func (r *report) flushLog(p string) {
	s := r.pkgs[p]
	fmt.Fprintf(r.log, "### %s\n", p)
	for _, l := range s.log {
		io.WriteString(r.log, l)
	}
	s.log = nil
}

// topLevel returns the top-level test of a test name: "TestA" of "TestA/sub/case".
func topLevel(test string) string {
	top, _, _ := strings.Cut(test, "/")
	return top
}
