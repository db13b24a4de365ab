package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/momentum"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/web"
)

// runServe implements `mentormesh serve`: it migrates the database and
// serves until ctx ends.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var dsn string
	s := newSettings("serve", stderr, os.Getenv)
	s.db(&dsn)
	cfg := s.server()
	if err := s.noArgs(args); err != nil {
		return err
	}
	db, err := openDB(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "URL: http://%s\n", ln.Addr())
	return serve(ctx, ln, db, cfg.logger(stderr), cfg)
}

// serve builds the services once, runs the momentum sweep in the background
// and the HTTP server on ln until ctx ends, then shuts down gracefully,
// letting requests in flight finish for up to 10 seconds.
func serve(ctx context.Context, ln net.Listener, db *store.DB, logger *slog.Logger, cfg *serverConfig) error {
	cfg.smtp.Clock = db.Now
	mailer, err := cfg.mailer()
	if err != nil {
		return err
	}
	if mailer == nil {
		logger.Warn("no SMTP server configured (MENTORMESH_SMTP_HOST): reminders and invitations are not e-mailed")
	}
	baseURL := strings.TrimRight(cfg.baseURL, "/")
	if baseURL == "" {
		baseURL = "http://" + ln.Addr().String()
	}
	runs := &matchrun.Service{DB: db, Budget: cfg.matchBudget}
	mom := &momentum.Service{DB: db, BaseURL: baseURL, Logger: logger, Cycles: runs}
	if mailer != nil { // a nil *notify.Mailer must not become a non-nil Sender
		mom.Mail = mailer
	}
	s := &web.Server{DB: db, Logger: logger, Version: version, BaseURL: baseURL, SessionTTL: cfg.sessionTTL, SessionIdle: cfg.sessionIdle,
		Mailer: mailer, Runs: runs, Momentum: mom}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if cfg.sweepEvery > 0 {
		go mom.Run(ctx, cfg.sweepEvery)
	}
	logger.Info("listening", "addr", ln.Addr().String(), "database", string(db.Dialect()))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// runMigrate implements `mentormesh migrate`.
func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var dsn string
	s := newSettings("migrate", stderr, os.Getenv)
	s.db(&dsn)
	if err := s.noArgs(args); err != nil {
		return err
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "applied %d migrations (%s)\n", n, db.Dialect())
	return nil
}
