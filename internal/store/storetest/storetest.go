// Package storetest opens throwaway mentormesh databases for tests: a fresh
// SQLite file, and a fresh schema in the PostgreSQL named by
// MENTORMESH_TEST_POSTGRES (which scripts/test starts).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/mentormesh/mentormesh/internal/store"
)

// PostgresURL returns the test PostgreSQL URL, or "" when none is configured.
func PostgresURL() string { return os.Getenv("MENTORMESH_TEST_POSTGRES") }

// Each runs fn once against a fresh, migrated SQLite database (subtest
// "sqlite") and once against a fresh PostgreSQL schema (subtest "postgres").
// The PostgreSQL run is skipped when MENTORMESH_TEST_POSTGRES is unset, and
// fails instead when MENTORMESH_TEST_REQUIRE=1 (scripts/test sets both).
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, Open(t, store.SQLite)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Open(t, store.Postgres)) })
}

// Open returns a fresh migrated database of the given dialect, removed when the test ends.
func Open(tb testing.TB, dialect store.Dialect) *store.DB {
	tb.Helper()
	ctx := context.Background()
	dsn := "sqlite:" + filepath.Join(tb.TempDir(), "test.db")
	if dialect == store.Postgres {
		dsn = postgresSchema(tb)
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", dialect, err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatalf("migrate %s: %v", dialect, err)
	}
	return db
}

// PostgresDSN returns the URL of a fresh, empty PostgreSQL schema, dropped
// when the test ends, for tests that hand a database to another process.
// Like Open, it skips the test when MENTORMESH_TEST_POSTGRES is unset and
// fails it instead when MENTORMESH_TEST_REQUIRE=1.
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	return postgresSchema(tb)
}

// postgresSchema creates an empty schema and returns a URL whose connections use it.
func postgresSchema(tb testing.TB) string {
	tb.Helper()
	base := PostgresURL()
	if base == "" {
		if os.Getenv("MENTORMESH_TEST_REQUIRE") == "1" {
			tb.Fatal("MENTORMESH_TEST_POSTGRES is not set but MENTORMESH_TEST_REQUIRE=1")
		}
		tb.Skip("PostgreSQL not configured: set MENTORMESH_TEST_POSTGRES (scripts/test does)")
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatalf("open postgres: %v", err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		admin.Close()
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("MENTORMESH_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
