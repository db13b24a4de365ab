package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/mentormesh/mentormesh/internal/store"
)

// runBackup implements `mentormesh backup FILE`: a consistent copy of a live
// SQLite database (store.DB.Backup). PostgreSQL has pg_dump.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var dsn string
	s := newSettings("backup", stderr, os.Getenv)
	s.db(&dsn)
	pos, err := s.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: mentormesh backup FILE [--db DSN]")
		return usageError{}
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up to %s\n", pos[0])
	return nil
}

// runRestore implements `mentormesh restore FILE`: it replaces a SQLite
// database with a backup (store.Restore). The server must be stopped.
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var dsn string
	s := newSettings("restore", stderr, os.Getenv)
	s.db(&dsn)
	force := s.fs.Bool("force", false, "overwrite an existing database")
	pos, err := s.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: mentormesh restore FILE [--db DSN] [--force]")
		return usageError{}
	}
	n, err := store.Restore(ctx, dsn, pos[0], *force)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s (%d people) to %s\n", pos[0], n, dsn)
	return nil
}
