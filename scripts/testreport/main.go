// Command testreport turns the output of `go test -json` into the console report of
// scripts/test and keeps the whole verbose output in a log file.
//
// Usage:
//
//	go test -json ./... | testreport [-log FILE] [-store absent|notests|present] [-filtered]
//
// It reads the event stream on standard input and
//   - prints one line per package when it finishes (ok / FAIL / no test files, counts, time);
//   - prints the full output of every failed top-level test, of a crashed or timed-out test
//     binary, and of failed builds, as soon as they happen;
//   - writes the whole verbose output, grouped by package, to the -log file;
//   - ends with a summary: counts, failed and skipped tests, and the store suite line
//     "store suite: sqlite PASS, postgres PASS" from subtests TestStore*/sqlite/... and
//     TestStore*/postgres/...;
//   - exits 1 if a test, build or package failed, or if the store package has tests
//     (-store present) but a backend's subtests did not all pass, unless -filtered says the
//     developer narrowed the run; it exits 2 if the log file cannot be written or a flag is wrong.
//
// It lives in its own module so that the main module's `go vet ./...` and `go test ./...`
// leave it out; scripts/test vets, tests and builds it before the run.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("testreport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	logPath := fs.String("log", "", "file for the full verbose output")
	store := fs.String("store", "absent", "store package: absent, notests or present")
	filtered := fs.Bool("filtered", false, "the developer narrowed the run (-run, packages)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}

	var logw io.Writer = io.Discard
	var logFile *os.File
	if *logPath != "" {
		f, err := os.Create(*logPath)
		if err != nil {
			fmt.Fprintln(stderr, "testreport:", err)
			return 2
		}
		logFile = f
		logw = f
	}
	logBuf := bufio.NewWriter(logw)
	out := bufio.NewWriter(stdout)

	r := newReport(out, logBuf)
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	for sc.Scan() {
		r.line(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(out, "testreport: reading go test output:", err)
		r.broken = true
	}
	bad := r.finish(*store, *filtered, *logPath)

	// The log is written out before the verdict: a failed run is when it is read.
	code := 0
	if err := logBuf.Flush(); err != nil {
		fmt.Fprintln(stderr, "testreport: writing the log:", err)
		code = 2
	}
	if logFile != nil {
		if err := logFile.Close(); err != nil && code == 0 {
			fmt.Fprintln(stderr, "testreport: writing the log:", err)
			code = 2
		}
	}
	out.Flush()
	if bad {
		return 1
	}
	return code
}
