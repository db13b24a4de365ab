package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/mentormesh/mentormesh/internal/hrcsv"
	"github.com/mentormesh/mentormesh/internal/store"
)

// runImport implements `mentormesh import people FILE.csv [--dry-run]`.
// Bad rows are printed on stdout, line by line, and make it a usage error
// (exit status 2): nothing is imported.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var dsn string
	s := newSettings("import", stderr, os.Getenv)
	dry := s.fs.Bool("dry-run", false, "check every row and report, change nothing")
	s.db(&dsn)
	pos, err := s.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "people" {
		fmt.Fprintln(stderr, "usage: mentormesh import people FILE.csv [--dry-run] [--db DSN]")
		return usageError{}
	}
	f, err := os.Open(pos[1])
	if err != nil {
		return usageError{msg: err.Error()}
	}
	defer f.Close()
	rows, err := hrcsv.Read(f)
	if err != nil {
		return usageError{msg: fmt.Sprintf("%s: %v", pos[1], err)}
	}
	bad := 0
	var valid []store.ImportRow
	for _, r := range rows {
		if len(r.Problems) > 0 {
			bad++
			for _, p := range r.Problems {
				fmt.Fprintf(stdout, "line %d: %s: %s\n", r.Line, p.Field, p.Message)
			}
			continue
		}
		valid = append(valid, store.ImportRow{Line: r.Line, Person: r.Person, ManagerEmail: r.ManagerEmail})
	}
	db, err := openDB(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	// Rows with problems of their own are left out of the database check, but
	// they still stop the real import: it is all or nothing.
	res, err := db.ImportPeople(ctx, valid, *dry || bad > 0)
	if err != nil {
		return err
	}
	for _, p := range res.Problems {
		bad++
		for _, e := range p.Errors {
			fmt.Fprintf(stdout, "line %d: %s: %s\n", p.Line, e.Field, e.Message)
		}
	}
	switch {
	case bad > 0 && *dry:
		fmt.Fprintf(stdout, "dry run: %d of %d rows have problems; nothing was imported\n", bad, len(rows))
		return usageError{}
	case bad > 0:
		fmt.Fprintf(stdout, "%d of %d rows have problems; nothing was imported (fix them, or check with --dry-run)\n", bad, len(rows))
		return usageError{}
	case *dry:
		fmt.Fprintf(stdout, "dry run: all %d rows are fine: %d would be created, %d updated\n", len(rows), res.Created, res.Updated)
	default:
		fmt.Fprintf(stdout, "imported %d rows: %d created, %d updated\n", len(rows), res.Created, res.Updated)
	}
	return nil
}
