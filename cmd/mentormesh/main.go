// Command mentormesh runs mentoring and skills-exchange programs: a web
// server with a JSON API, a demo organisation, importers, backups and the
// matching engine's command-line solvers. main is the only place that reads
// configuration (flags and MENTORMESH_* environment variables).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `mentormesh runs mentoring and skills-exchange programs.

Usage:
  mentormesh serve   [--addr 127.0.0.1:8080] [--db DSN]   start the web server (migrates first)
  mentormesh demo    [--addr 127.0.0.1:8080] [--db PATH]  start on a fresh demo organisation
  mentormesh migrate [--db DSN]                           apply database migrations
  mentormesh import people FILE.csv [--dry-run] [--db DSN]  import people from an HR export
  mentormesh backup FILE [--db DSN]                       online backup of a SQLite database
  mentormesh restore FILE [--db DSN] [--force]            restore a SQLite backup
  mentormesh solve ...                                    run a matching solver on text input
  mentormesh match ...                                    score and match people for a format
  mentormesh user create --email E [--role admin]         create a sign-in account (the first admin)
  mentormesh version                                      print the version

The database is --db, else $MENTORMESH_DB, else sqlite:mentormesh.db;
PostgreSQL is chosen with a postgres:// URL.
`

// run executes one command and returns the process exit status (exitStatus).
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return exitStatus(stderr, dispatch(ctx, args, stdin, stdout, stderr))
}

// dispatch runs the command named by args[0].
func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "demo":
		return runDemo(ctx, rest, stdout, stderr)
	case "migrate":
		return runMigrate(ctx, rest, stdout, stderr)
	case "import":
		return runImport(ctx, rest, stdout, stderr)
	case "backup":
		return runBackup(ctx, rest, stdout, stderr)
	case "restore":
		return runRestore(ctx, rest, stdout, stderr)
	case "solve":
		return runSolve(rest, stdin, stdout, stderr)
	case "user":
		return runUser(ctx, rest, stdin, stdout, stderr)
	case "match":
		return runMatch(ctx, rest, stdin, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "mentormesh", version)
		return nil
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "mentormesh: unknown command %q\n\n%s", cmd, usage)
	return usageError{}
}

// usageError is a mistake in how a command was called or in its input: exit
// status 2. An empty msg means the problem has been reported already (by the
// flag package, or row by row).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errHelp asks for the usage text (-h, --help): exit status 0.
var errHelp = errors.New("help requested")

// exitStatus reports err on stderr and returns the exit status: 0 success
// (or help), 2 bad usage or input (a usageError, or an error the domain
// calls invalid), 1 any other failure.
func exitStatus(stderr io.Writer, err error) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		if ue.msg != "" {
			fmt.Fprintln(stderr, "mentormesh:", ue.msg)
		}
		return 2
	case mentor.ErrorCode(err) == mentor.EINVALID:
		fmt.Fprintln(stderr, "mentormesh:", mentor.ErrorMessage(err))
		for _, f := range mentor.ErrorFields(err) {
			fmt.Fprintf(stderr, "  %s: %s\n", f.Field, f.Message)
		}
		return 2
	case mentor.ErrorCode(err) != mentor.EINTERNAL:
		fmt.Fprintln(stderr, "mentormesh:", mentor.ErrorMessage(err)) // a refusal in words, as the API gives it
		return 1
	}
	fmt.Fprintln(stderr, "mentormesh:", err)
	return 1
}
