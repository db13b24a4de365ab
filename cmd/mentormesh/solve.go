package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/match/textio"
)

const solveUsage = `Usage:
  mentormesh solve bipartite [--capacity FILE] [--max-cardinality] [--fair] < EDGES
  mentormesh solve general   [--max-cardinality] < EDGES
  mentormesh solve groups    --size K [--seconds S] [--seed N] < EDGES
  mentormesh solve rotation  --size K --rounds R [--history FILE] [--seed N] < NODES_OR_EDGES
  mentormesh solve stable    --proposers FILE --receivers FILE [--capacity FILE]
Every subcommand also takes --timing: print "# parse_seconds=... solve_seconds=..."
to stderr.

Input (EDGES, NODES_OR_EDGES, capacity and history files) is text, one item a
line; blank lines and lines starting with '#' are ignored.
  EDGES: lines "u v w": two node names (tokens without white space, not
    starting with '#') and a decimal weight (12, -0.5, 1e-3). The first line
    may be a header "n m" of exactly two whole numbers: nodes 0..n-1 then
    exist even without edges (m is ignored). A first line of two whole
    numbers is always the header, never an edge. Each pair at most once.
  bipartite: u is a left node (mentee), v a right node (mentor); the two
    sides have separate names and the header declares left nodes only.
  NODES_OR_EDGES (rotation): like EDGES, and also "u" (a node) and "u v"
    (an edge of weight 1). Edges are preferences: unlisted pairs weigh 0.
  --capacity FILE: lines "node capacity" (a whole number; default 1): for
    bipartite the right nodes (mentors; a name without edges is a mentor
    nobody fits), for stable the receivers.
  --history FILE (rotation): lines "u v", pairs that already met; pairs
    naming people not in the input are skipped (with a note on stderr).
  --proposers / --receivers FILE (stable): one line per person,
    "name choice1 choice2 ...", best first, choices naming the other side.
  --seconds S (groups): cap on the search time (default: the solver's own).

Output (stdout, written only on success):
  bipartite, general: "u v w" per pair, then "# total=<sum> pairs=<count>"
  groups: "group member" per member (groups numbered from 1), then
    "# total=<sum> groups=<count> bound=<upper bound on the optimum>"
  rotation: "round group member" per member (numbered from 1), then
    "# rounds=<R> repeats=<pairs that meet more than once>"
  stable: "proposer receiver" per pair, then "# pairs=<count> blocking=<count>"

Exit status: 0 success, 2 bad usage or bad input (message on stderr, with the
file and line for input errors, nothing on stdout), 1 when stdout fails.
`

// runSolve runs "mentormesh solve ...". Output is built in memory and
// written to stdout only when the whole run succeeds. It reports usage and
// input problems itself (with the usage text) and returns them as an empty
// usageError.
func runSolve(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, solveUsage)
		return usageError{}
	}
	s := &solveRun{stdin: stdin, stderr: stderr, tty: isTerminal(stderr), name: args[0]}
	var err error
	switch args[0] {
	case "bipartite":
		err = s.bipartite(args[1:])
	case "general":
		err = s.general(args[1:])
	case "groups":
		err = s.groups(args[1:])
	case "rotation":
		err = s.rotation(args[1:])
	case "stable":
		err = s.stable(args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(stdout, solveUsage)
		return nil
	default:
		fmt.Fprintf(stderr, "mentormesh solve: unknown problem %q\n\n%s", args[0], solveUsage)
		return usageError{}
	}
	var ue usageError
	switch {
	case errors.Is(err, errHelp):
		fmt.Fprint(stdout, solveUsage)
		return nil
	case errors.As(err, &ue):
		if ue.msg != "" {
			fmt.Fprintf(stderr, "mentormesh solve %s: %s\n\n", s.name, ue.msg)
		}
		fmt.Fprint(stderr, solveUsage)
		return usageError{}
	case err != nil:
		fmt.Fprintf(stderr, "mentormesh solve %s: %v\n", s.name, err)
		return usageError{}
	}
	if s.timing {
		fmt.Fprintf(stderr, "# parse_seconds=%.3f solve_seconds=%.3f\n", s.parse.Seconds(), s.solve.Seconds())
	}
	if _, err := stdout.Write(s.out.Bytes()); err != nil {
		return fmt.Errorf("solve %s: %w", s.name, err)
	}
	return nil
}

// solveRun holds what every subcommand shares: the streams, the output
// buffer and the timings.
type solveRun struct {
	name         string
	stdin        io.Reader
	stderr       io.Writer
	tty          bool // stderr is a terminal: show progress
	timing       bool
	out          bytes.Buffer
	parse, solve time.Duration
}

// flags returns a flag set for the subcommand that reports into errors
// instead of printing, with the --timing flag every subcommand takes.
func (s *solveRun) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("mentormesh solve "+s.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.BoolVar(&s.timing, "timing", false, "print parse and solve seconds to stderr")
	return fs
}

// parseFlags parses args and checks that no positional arguments remain.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q (input is read from standard input)", fs.Arg(0))}
	}
	return nil
}

// required returns a usage error naming the first missing flag.
func required(fs *flag.FlagSet, names ...string) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, n := range names {
		if !set[n] {
			return usageError{"missing --" + n}
		}
	}
	return nil
}

// parseEdges reads the edge list from stdin and records the parse time.
func (s *solveRun) parseEdges(opt textio.ParseOptions) (*textio.EdgeInput, error) {
	start := time.Now()
	in, err := textio.ParseEdges(s.stdin, opt)
	if err != nil {
		return nil, fmt.Errorf("standard input: %w", err)
	}
	s.parse = time.Since(start)
	if s.tty {
		fmt.Fprintf(s.stderr, "mentormesh solve %s: read %d nodes and %d edges in %.1f s; solving...\n",
			s.name, in.Left.Len()+rightOnly(in), len(in.Edges), s.parse.Seconds())
	}
	return in, nil
}

func rightOnly(in *textio.EdgeInput) int {
	if in.Right == in.Left {
		return 0
	}
	return in.Right.Len()
}

// readFile opens path and hands it to parse, prefixing errors with the path.
func readFile[T any](path string, parse func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// timeSolve runs solve and records its duration.
func (s *solveRun) timeSolve(solve func() error) error {
	t := time.Now()
	err := solve()
	s.solve = time.Since(t)
	if s.tty && err == nil {
		fmt.Fprintf(s.stderr, "\rmentormesh solve %s: solved in %.1f s\n", s.name, s.solve.Seconds())
	}
	return err
}

// formatSum prints a sum of weights rounded to the inputs' decimal places,
// so that float noise (0.30000000000000004) never shows.
func formatSum(x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// formatWeight prints one input weight as it was read, in plain notation.
func formatWeight(w float64) string {
	return strconv.FormatFloat(w, 'f', -1, 64)
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
