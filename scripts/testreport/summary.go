package main

import "fmt"

// finish writes the log of packages that never finished and the summary, and reports
// whether the run failed. store says whether the store package is absent, has no tests
// ("notests") or has tests ("present"); filtered says the developer narrowed the run, so
// a store suite that did not run on both databases is reported but not failed. logPath,
// when set, is named at the end.
func (r *report) finish(store string, filtered bool, logPath string) (bad bool) {
	for _, p := range r.order {
		if len(r.pkgs[p].log) > 0 {
			r.flushLog(p)
		}
	}

	bad = r.fail > 0 || len(r.failedPkgs) > 0 || r.broken
	fmt.Fprintf(r.out, "\n===== go test summary =====\n")
	fmt.Fprintf(r.out, "packages: %d ok, %d failed, %d without tests\n", r.okPkgs, len(r.failedPkgs), r.noTestPkgs)
	fmt.Fprintf(r.out, "tests (with subtests): %d passed, %d failed, %d skipped\n", r.pass, r.fail, r.skip)
	r.list("failed tests", r.failedTests, 50)
	r.list("failed packages", r.failedPkgs, 50)
	r.list("skipped tests", r.skippedTests, 20)

	switch store {
	case "absent":
		fmt.Fprintln(r.out, "store suite: package internal/store does not exist yet")
	case "notests":
		fmt.Fprintln(r.out, "store suite: package internal/store has no tests yet")
	default:
		sv, sok := r.backends["sqlite"].verdict("sqlite")
		pv, pok := r.backends["postgres"].verdict("postgres")
		fmt.Fprintf(r.out, "store suite: sqlite %s, postgres %s\n", sv, pv)
		if !(sok && pok) && !filtered {
			fmt.Fprintln(r.out, "store suite: both backends must run and pass")
			bad = true
		}
	}
	if logPath != "" {
		fmt.Fprintf(r.out, "full verbose log: %s\n", logPath)
	}
	return bad
}

// list prints a titled list of at most max items; the rest are counted.
func (r *report) list(title string, xs []string, max int) {
	if len(xs) == 0 {
		return
	}
	fmt.Fprintf(r.out, "%s:\n", title)
	for i, x := range xs {
		if i == max {
			fmt.Fprintf(r.out, "  ... and %d more (see the log)\n", len(xs)-max)
			break
		}
		fmt.Fprintf(r.out, "  %s\n", x)
	}
}

// verdict is a backend's part of the store suite line; ok says whether its subtests ran
// and none failed.
func (b *backend) verdict(name string) (s string, ok bool) {
	switch {
	case b.fail > 0:
		return fmt.Sprintf("FAIL (%d failed, %d passed)", b.fail, b.pass), false
	case b.pass == 0 && b.skip > 0:
		return fmt.Sprintf("SKIPPED (%d skipped)", b.skip), false
	case b.pass == 0:
		return "NOT RUN (no TestStore*/" + name + "/... subtests)", false
	case b.skip > 0:
		return fmt.Sprintf("PASS (%d passed, %d skipped)", b.pass, b.skip), true
	}
	return fmt.Sprintf("PASS (%d passed)", b.pass), true
}
