package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"strings"

	_ "modernc.org/sqlite"

	"github.com/mentormesh/mentormesh/internal/store"
)

// runBackup writes a consistent copy of a live SQLite database with VACUUM
// INTO, which is safe while the server runs. PostgreSQL has pg_dump.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("backup", stderr)
	dsn := dbFlag(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: mentormesh backup FILE [--db DSN]")
		return 2
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return fail(stderr, err)
	}
	defer db.Close()
	if db.Dialect() == store.Postgres {
		fmt.Fprintln(stderr, "mentormesh: backup copies SQLite databases; for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=FILE \"$MENTORMESH_DB\"")
		return 2
	}
	if _, err := os.Stat(pos[0]); err == nil {
		fmt.Fprintf(stderr, "mentormesh: %s exists; choose a new file name\n", pos[0])
		return 2
	}
	if _, err := db.SQL().ExecContext(ctx, `VACUUM INTO $1`, pos[0]); err != nil {
		return fail(stderr, fmt.Errorf("backup: %w", err))
	}
	fmt.Fprintf(stdout, "backed up to %s\n", pos[0])
	return 0
}

// runRestore replaces a SQLite database file with a backup, after checking
// that the backup is a mentormesh database. The server must be stopped.
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("restore", stderr)
	dsn := dbFlag(fs)
	force := fs.Bool("force", false, "overwrite an existing database")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: mentormesh restore FILE [--db DSN] [--force]")
		return 2
	}
	if strings.HasPrefix(*dsn, "postgres") {
		fmt.Fprintln(stderr, "mentormesh: restore handles SQLite backups; for PostgreSQL use pg_restore")
		return 2
	}
	target := strings.TrimPrefix(*dsn, "sqlite:")
	src, err := sql.Open("sqlite", "file:"+pos[0]+"?mode=ro")
	if err != nil {
		return fail(stderr, err)
	}
	var n int
	err = src.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&n)
	src.Close()
	if err != nil {
		fmt.Fprintf(stderr, "mentormesh: %s is not a mentormesh backup: %v\n", pos[0], err)
		return 2
	}
	if _, err := os.Stat(target); err == nil && !*force {
		fmt.Fprintf(stderr, "mentormesh: %s exists; stop the server and pass --force to overwrite it\n", target)
		return 2
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return fail(stderr, err)
	}
	os.Remove(target + "-wal")
	os.Remove(target + "-shm")
	if err := os.WriteFile(target, data, 0o600); err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "restored %s (%d people) to %s\n", pos[0], n, target)
	return 0
}
