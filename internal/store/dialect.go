package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Dialect names a supported database.
type Dialect string

// Supported databases; the value is also the migrations folder name.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// translate turns a constraint violation of either database into a domain
// error: unique -> ECONFLICT, foreign key -> EINVALID. This is the one place
// where the two drivers' errors differ; it reads error codes, never text.
func (d *DB) translate(err error) error {
	if err == nil {
		return nil
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505":
			return &mentor.Error{Code: mentor.ECONFLICT, Message: "That already exists.", Fields: uniqueField(pg.ConstraintName)}
		case "23503":
			return mentor.Errorf(mentor.EINVALID, "A referenced object does not exist.")
		case "40001", "40P01":
			return mentor.Errorf(mentor.ECONFLICT, "A concurrent change got in the way; try again.")
		}
		return err
	}
	var sq *sqlite.Error
	if errors.As(err, &sq) {
		switch sq.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return &mentor.Error{Code: mentor.ECONFLICT, Message: "That already exists.", Fields: uniqueField(sq.Error())}
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return mentor.Errorf(mentor.EINVALID, "A referenced object does not exist.")
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return mentor.Errorf(mentor.ECONFLICT, "The database is busy; try again.")
		}
	}
	return err
}

// uniqueField guesses the field behind a unique violation from the
// constraint's name (PostgreSQL) or the column list (SQLite); both name the
// columns, e.g. "people_email_key" or "UNIQUE constraint failed: people.email".
func uniqueField(s string) []mentor.FieldError {
	for _, f := range []string{"email", "slug", "name_lower", "alias_lower", "person_id", "meeting_id"} {
		if strings.Contains(s, f) {
			name := strings.TrimSuffix(f, "_lower")
			if name == "alias" {
				name = "aliases"
			}
			return []mentor.FieldError{{Field: name, Message: fmt.Sprintf("this %s is already taken", name)}}
		}
	}
	return nil
}
