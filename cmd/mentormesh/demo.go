package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/mentormesh/mentormesh/internal/demo"
)

// demoSeed makes every demo organisation the same, so that docs and tests
// can name people in it.
const demoSeed = 20261128

// runDemo creates a fresh demo database (a temporary file unless --db is
// given), starts the server and prints the URL and two accounts.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s := newSettings("demo", stderr, os.Getenv)
	path := s.fs.String("db", "", "SQLite file for the demo database (default: a new temporary file)")
	cfg := s.server()
	if err := s.noArgs(args); err != nil {
		return err
	}
	if *path == "" {
		dir, err := os.MkdirTemp("", "mentormesh-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		*path = filepath.Join(dir, "demo.db")
	} else if _, err := os.Stat(*path); err == nil {
		return usageError{msg: *path + " exists; the demo creates a fresh database (remove it or choose another --db)"}
	}
	logger := cfg.logger(stderr)
	db, err := openDB(ctx, "sqlite:"+*path)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	org := demo.Generate(demoSeed, time.Now().UTC())
	loaded, err := demo.Load(ctx, db, org)
	if err != nil {
		return fmt.Errorf("demo organisation: %w", err)
	}
	logger.Info("demo organisation ready", "people", len(org.People), "db", *path, "seconds", time.Since(start).Round(time.Millisecond).Seconds())
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "URL: http://%s\n", ln.Addr())
	fmt.Fprintf(stdout, "coordinator: %s %s\n", loaded.Coordinator.Email, loaded.Coordinator.Password)
	fmt.Fprintf(stdout, "participant: %s %s\n", loaded.Participant.Email, loaded.Participant.Password)
	return serve(ctx, ln, db, logger, cfg)
}
