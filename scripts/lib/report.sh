# shellcheck shell=bash
# report.sh: builds the filter that turns `go test -json` into a readable console report.
# The Go source lives here (not in the module) so that `go vet ./...` never sees it.
#
# The filter (stdin: go test -json; flags: -log FILE -store absent|notests|present -filtered):
#   - prints one line per package when it finishes (ok / FAIL / no test files, counts, time);
#   - prints the full output of every failed top-level test, of a crashed or timed-out test
#     binary, and of failed builds, as soon as they happen;
#   - writes the whole verbose output, grouped by package, to the log file;
#   - ends with a summary: counts, failed and skipped tests, and the store suite line
#     "store suite: sqlite PASS, postgres PASS" from subtests TestStore*/sqlite/... and
#     TestStore*/postgres/...;
#   - exits 1 if a test, build or package failed, or if the store package has tests but a
#     backend's subtests did not all pass (unless -filtered: the developer narrowed the run).

# build_reporter compiles the filter into directory $1 and prints the binary's path.
build_reporter() {
	local dir=$1/reporter
	mkdir -p "$dir"
	printf 'module reporter\n\ngo 1.22\n' >"$dir/go.mod"
	cat >"$dir/main.go" <<'GO'
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

type event struct {
	Action      string
	Package     string
	Test        string
	Elapsed     float64
	Output      string
	ImportPath  string
	FailedBuild string
}

type pkgState struct {
	log      []string            // every output line, in order
	pkgOut   []string            // output not tied to a test
	tests    map[string][]string // top-level test -> its output and its subtests'
	finished map[string]bool     // top-level tests that passed, failed or skipped
	lastLine map[string]string   // test -> last message line (for skip reasons)
	shown    map[string]bool     // top-level tests whose output was already printed
	pass, fail, skip int
}

type backend struct{ pass, fail, skip int }

var storeRe = regexp.MustCompile(`^TestStore[^/]*/(sqlite|postgres)(/|$)`)

func main() {
	logPath := flag.String("log", "", "file for the full verbose output")
	store := flag.String("store", "absent", "store package: absent, notests or present")
	filtered := flag.Bool("filtered", false, "the developer narrowed the run (-run, packages)")
	flag.Parse()

	var logw io.Writer = io.Discard
	if *logPath != "" {
		f, err := os.Create(*logPath)
		if err != nil {
			fmt.Fprintln(os.Stderr, "reporter:", err)
			os.Exit(2)
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		defer bw.Flush()
		logw = bw
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()

	pkgs := map[string]*pkgState{}
	var order []string
	get := func(p string) *pkgState {
		s := pkgs[p]
		if s == nil {
			s = &pkgState{tests: map[string][]string{}, finished: map[string]bool{},
				lastLine: map[string]string{}, shown: map[string]bool{}}
			pkgs[p] = s
			order = append(order, p)
		}
		return s
	}
	backends := map[string]*backend{"sqlite": {}, "postgres": {}}
	var failedTests, skippedTests, failedPkgs []string
	okPkgs, noTestPkgs, pass, fail, skip, buildFailed := 0, 0, 0, 0, 0, false

	flushPkg := func(p string) {
		s := pkgs[p]
		fmt.Fprintf(logw, "### %s\n", p)
		for _, l := range s.log {
			io.WriteString(logw, l)
		}
		s.log = nil
	}
	showTest := func(p, top string) {
		s := pkgs[p]
		if s.shown[top] || len(s.tests[top]) == 0 {
			return
		}
		s.shown[top] = true
		fmt.Fprintf(out, "\n----- output of %s %s -----\n", p, top)
		for _, l := range s.tests[top] {
			io.WriteString(out, l)
		}
		fmt.Fprintf(out, "----- end of %s -----\n\n", top)
	}

	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			fmt.Fprintf(out, "%s\n", line)
			fmt.Fprintf(logw, "%s\n", line)
			continue
		}
		switch e.Action {
		case "build-output":
			io.WriteString(out, e.Output)
			io.WriteString(logw, e.Output)
			out.Flush()
			continue
		case "build-fail":
			buildFailed = true
			continue
		}
		if e.Package == "" {
			continue
		}
		s := get(e.Package)
		top, _, _ := strings.Cut(e.Test, "/")
		if e.Action == "output" {
			s.log = append(s.log, e.Output)
			if e.Test == "" {
				s.pkgOut = append(s.pkgOut, e.Output)
			} else {
				s.tests[top] = append(s.tests[top], e.Output)
				if t := strings.TrimSpace(e.Output); t != "" && !strings.HasPrefix(t, "=== ") && !strings.HasPrefix(t, "--- ") {
					s.lastLine[e.Test] = t
				}
			}
			continue
		}
		if e.Test != "" {
			if m := storeRe.FindStringSubmatch(e.Test); m != nil {
				b := backends[m[1]]
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
				pass++
			case "fail":
				s.fail++
				fail++
				failedTests = append(failedTests, e.Package+" "+e.Test)
			case "skip":
				s.skip++
				skip++
				r := s.lastLine[e.Test]
				if r != "" {
					r = ": " + r
				}
				skippedTests = append(skippedTests, e.Package+" "+e.Test+r)
			}
			if e.Test == top && (e.Action == "pass" || e.Action == "fail" || e.Action == "skip") {
				s.finished[top] = true
				if e.Action == "fail" {
					showTest(e.Package, top)
					out.Flush()
				}
				delete(s.lastLine, e.Test)
				if e.Action != "fail" {
					delete(s.tests, top)
				}
			}
			continue
		}
		counts := fmt.Sprintf("%d passed", s.pass)
		if s.fail > 0 {
			counts += fmt.Sprintf(", %d FAILED", s.fail)
		}
		if s.skip > 0 {
			counts += fmt.Sprintf(", %d skipped", s.skip)
		}
		switch e.Action {
		case "pass":
			okPkgs++
			fmt.Fprintf(out, "ok      %-55s %7.2fs  %s\n", e.Package, e.Elapsed, counts)
			flushPkg(e.Package)
		case "skip":
			noTestPkgs++
			fmt.Fprintf(out, "?       %-55s [no test files]\n", e.Package)
			flushPkg(e.Package)
		case "fail":
			failedPkgs = append(failedPkgs, e.Package)
			// Tests that never finished: the binary crashed or timed out while they ran.
			var open []string
			for t := range s.tests {
				if !s.finished[t] {
					open = append(open, t)
				}
			}
			sort.Strings(open)
			for _, t := range open {
				showTest(e.Package, t)
				failedTests = append(failedTests, e.Package+" "+t+" (did not finish: crash or timeout)")
			}
			if e.FailedBuild == "" {
				for _, l := range s.pkgOut {
					if t := strings.TrimSpace(l); t != "PASS" && t != "FAIL" && !strings.HasPrefix(t, "FAIL\t"+e.Package) {
						io.WriteString(out, l)
					}
				}
			}
			what := counts
			if e.FailedBuild != "" {
				what = "[build failed]"
			}
			fmt.Fprintf(out, "FAIL    %-55s %7.2fs  %s\n", e.Package, e.Elapsed, what)
			flushPkg(e.Package)
		}
		out.Flush()
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(out, "reporter: reading go test output:", err)
		buildFailed = true
	}
	for _, p := range order {
		if len(pkgs[p].log) > 0 {
			flushPkg(p)
		}
	}

	bad := fail > 0 || len(failedPkgs) > 0 || buildFailed
	fmt.Fprintf(out, "\n===== go test summary =====\n")
	fmt.Fprintf(out, "packages: %d ok, %d failed, %d without tests\n", okPkgs, len(failedPkgs), noTestPkgs)
	fmt.Fprintf(out, "tests (with subtests): %d passed, %d failed, %d skipped\n", pass, fail, skip)
	list := func(title string, xs []string, max int) {
		if len(xs) == 0 {
			return
		}
		fmt.Fprintf(out, "%s:\n", title)
		for i, x := range xs {
			if i == max {
				fmt.Fprintf(out, "  ... and %d more (see the log)\n", len(xs)-max)
				break
			}
			fmt.Fprintf(out, "  %s\n", x)
		}
	}
	list("failed tests", failedTests, 50)
	list("failed packages", failedPkgs, 50)
	list("skipped tests", skippedTests, 20)

	switch *store {
	case "absent":
		fmt.Fprintln(out, "store suite: package internal/store does not exist yet")
	case "notests":
		fmt.Fprintln(out, "store suite: package internal/store has no tests yet")
	default:
		verdict := func(name string) (string, bool) {
			b := backends[name]
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
		sv, sok := verdict("sqlite")
		pv, pok := verdict("postgres")
		fmt.Fprintf(out, "store suite: sqlite %s, postgres %s\n", sv, pv)
		if !(sok && pok) && !*filtered {
			fmt.Fprintln(out, "store suite: both backends must run and pass")
			bad = true
		}
	}
	if *logPath != "" {
		fmt.Fprintf(out, "full verbose log: %s\n", *logPath)
	}
	out.Flush()
	if bad {
		os.Exit(1)
	}
}
GO
	(cd "$dir" && GOFLAGS=-mod=mod GOWORK=off go build -o reporter .) >&2 || die "building the test reporter failed"
	printf '%s\n' "$dir/reporter"
}
