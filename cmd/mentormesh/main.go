// Command mentormesh runs mentoring and skills-exchange programs: a web
// server with a JSON API, a demo organisation, importers, backups and the
// matching engine's command-line solvers. main is the only place that reads
// configuration (flags and MENTORMESH_* environment variables).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
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
  mentormesh version                                      print the version

The database is --db, else $MENTORMESH_DB, else sqlite:mentormesh.db;
PostgreSQL is chosen with a postgres:// URL.
`

// run executes one command and returns the process exit status: 0 success,
// 1 failure, 2 bad usage or input.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
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
	case "match":
		return runMatch(ctx, rest, stdin, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "mentormesh", version)
		return 0
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "mentormesh: unknown command %q\n\n%s", cmd, usage)
	return 2
}
