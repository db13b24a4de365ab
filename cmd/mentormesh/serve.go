package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dsn := dbFlag(fs)
	opts := serverFlags(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	db, err := openDB(ctx, *dsn)
	if err != nil {
		return fail(stderr, err)
	}
	defer db.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "URL: http://%s\n", ln.Addr())
	if err := serve(ctx, ln, db, newLogger(stderr), opts); err != nil {
		return fail(stderr, err)
	}
	return 0
}

// serve runs the HTTP server on ln until ctx ends, then shuts down
// gracefully, letting requests in flight finish for up to 10 seconds.
func serve(ctx context.Context, ln net.Listener, db *store.DB, logger *slog.Logger, opts *serverOptions) error {
	s := &web.Server{DB: db, Logger: logger, Version: version, BaseURL: opts.baseURL}
	if s.BaseURL == "" {
		s.BaseURL = "http://" + ln.Addr().String()
	}
	mailer, err := opts.mailer()
	if err != nil {
		return err
	}
	s.Mailer = mailer
	if mailer == nil {
		logger.Warn("no SMTP server configured (MENTORMESH_SMTP_HOST): reminders and invitations are not e-mailed")
	}
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
	if opts.sweepEvery > 0 {
		go s.RunSweeps(ctx, opts.sweepEvery)
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

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("migrate", stderr)
	dsn := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return fail(stderr, err)
	}
	defer db.Close()
	n, err := db.Migrate(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "applied %d migrations (%s)\n", n, db.Dialect())
	return 0
}
