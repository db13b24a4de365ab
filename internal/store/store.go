// Package store keeps mentormesh's data in SQLite or PostgreSQL through
// database/sql. One implementation serves both databases: queries are shared,
// only the migrations differ, and the few dialect differences live in dialect.go.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/mentormesh/mentormesh/internal/mentor"
)

//go:embed migrations
var migrations embed.FS

// DB is a mentormesh database. It is safe for concurrent use.
type DB struct {
	db      *sql.DB
	dialect Dialect
	dsn     string
	// Now returns the current time; tests may replace it.
	Now func() time.Time
}

// Open connects to the database named by dsn: "sqlite:PATH" (or a bare path)
// for an embedded SQLite file, "postgres://..." for PostgreSQL. It does not
// migrate; call Migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	d := &DB{dsn: dsn, Now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
	var err error
	if d.dialect, d.db, err = openSQL(dsn); err != nil {
		return nil, err
	}
	if err := d.db.PingContext(ctx); err != nil {
		d.db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return d, nil
}

// Dialect reports which database d talks to.
func (d *DB) Dialect() Dialect { return d.dialect }

// SQL returns the underlying *sql.DB, for health checks and backups.
func (d *DB) SQL() *sql.DB { return d.db }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// Ping checks that the database answers.
func (d *DB) Ping(ctx context.Context) error {
	var one int
	return d.db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Migrate applies every embedded migration that has not run yet and returns
// how many ran.
func (d *DB) Migrate(ctx context.Context) (int, error) {
	sub, err := fs.Sub(migrations, "migrations/"+string(d.dialect))
	if err != nil {
		return 0, fmt.Errorf("migrations: %w", err)
	}
	var opts []goose.ProviderOption
	if d.dialect == Postgres {
		// Several servers starting together on one database migrate one at a
		// time (without the lock two of them both create the first tables and
		// one fails). The lock is per schema, so tests on other schemas of the
		// same database do not wait for each other.
		var schema string
		if err := d.db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
			return 0, fmt.Errorf("migrations: %w", err)
		}
		h := fnv.New64a()
		h.Write([]byte("mentormesh migrations " + schema))
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(int64(h.Sum64())), lock.WithLockTimeout(1, 300))
		if err != nil {
			return 0, fmt.Errorf("migrations: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(d.dialect.goose(), d.db, sub, opts...)
	if err != nil {
		return 0, fmt.Errorf("migrations: %w", err)
	}
	res, err := p.Up(ctx)
	if err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	if err := d.fillSearchText(ctx); err != nil {
		return len(res), fmt.Errorf("migrate: %w", err)
	}
	return len(res), nil
}

// Tx runs fn in one transaction, committing when fn returns nil.
func (d *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return d.translate(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// notFound returns an ENOTFOUND error for a missing object, or err unchanged.
func notFound(err error, what string, id any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return mentor.Errorf(mentor.ENOTFOUND, "%s %v was not found.", what, id)
	}
	return err
}
