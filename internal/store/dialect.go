package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// This file is the one place where SQLite and PostgreSQL differ for the
// store: how a DSN names the database and how it is opened, the migration
// dialect, how each driver reports a constraint violation, and how a time
// computed by an expression comes back. The queries elsewhere are written
// once for both.

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
			return &mentor.Error{Code: mentor.ECONFLICT, Message: "That already exists.", Fields: uniqueField(uniqueByName[pg.ConstraintName])}
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
			return &mentor.Error{Code: mentor.ECONFLICT, Message: "That already exists.", Fields: uniqueField(uniqueByName[sqliteConstraint(sq.Error())])}
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return mentor.Errorf(mentor.EINVALID, "A referenced object does not exist.")
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return mentor.Errorf(mentor.ECONFLICT, "The database is busy; try again.")
		}
	}
	return err
}

// uniqueConstraints names the unique constraints whose violation a person
// can cause, with the input field to blame: the constraint's name in
// PostgreSQL and, for SQLite (which reports the constrained columns instead
// of a name), its "table.column, table.column" list. Violations of other
// constraints name no field.
var uniqueConstraints = []struct{ postgres, sqlite, field string }{
	{"people_email_key", "people.email", "email"},
	{"users_email_key", "users.email", "email"},
	{"users_person_id_key", "users.person_id", "person_id"},
	{"programs_slug_key", "programs.slug", "slug"},
	{"skills_name_lower_key", "skills.name_lower", "name"},
	{"skill_aliases_pkey", "skill_aliases.alias_lower", "aliases"},
	{"enrollments_program_id_person_id_key", "enrollments.program_id, enrollments.person_id", "person_id"},
	{"surveys_program_id_person_id_key", "surveys.program_id, surveys.person_id", "person_id"},
	{"match_members_pkey", "match_members.match_id, match_members.person_id", "person_id"},
	{"feedback_meeting_id_author_id_key", "feedback.meeting_id, feedback.author_id", "meeting_id"},
	{"trial_arms_program_id_key", "trial_arms.program_id", "program_ids"},
	{"trial_assignments_pkey", "trial_assignments.trial_id, trial_assignments.person_id", "person_id"},
}

// uniqueByName maps both spellings of each constraint to its field.
var uniqueByName = func() map[string]string {
	m := map[string]string{}
	for _, c := range uniqueConstraints {
		m[c.postgres], m[c.sqlite] = c.field, c.field
	}
	return m
}()

// sqliteConstraint returns the column list of SQLite's "UNIQUE constraint
// failed: t.a, t.b (2067)" message, SQLite's only name for the constraint
// ("" when msg is not such a message).
func sqliteConstraint(msg string) string {
	const marker = "constraint failed: " // the driver prefixes its own "constraint failed: "
	i := strings.LastIndex(msg, marker)
	if i < 0 {
		return ""
	}
	cols, _, _ := strings.Cut(msg[i+len(marker):], " (")
	return strings.TrimSpace(cols)
}

// uniqueField is the field error for a unique violation on field ("" for none).
func uniqueField(field string) []mentor.FieldError {
	if field == "" {
		return nil
	}
	return []mentor.FieldError{{Field: field, Message: fmt.Sprintf("this %s is already taken", field)}}
}

// openSQL opens the database named by dsn: "postgres://" or "postgresql://"
// URLs with pgx, anything else as a SQLite file ("sqlite:PATH" or a bare path).
func openSQL(dsn string) (Dialect, *sql.DB, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return "", nil, fmt.Errorf("open database: %w", err)
		}
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(10)
		return Postgres, db, nil
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	if path == "" {
		return "", nil, mentor.Errorf(mentor.EINVALID, "the sqlite database needs a file path, as in sqlite:mentormesh.db")
	}
	// WAL lets readers run beside the writer; immediate transactions take
	// the write lock up front so that busy_timeout applies instead of a
	// deadlock when two read-then-write transactions meet.
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate&_time_format=sqlite")
	if err != nil {
		return "", nil, fmt.Errorf("open database: %w", err)
	}
	return SQLite, db, nil
}

// goose is the migration tool's name for the dialect.
func (dl Dialect) goose() goose.Dialect {
	if dl == Postgres {
		return goose.DialectPostgres
	}
	return goose.DialectSQLite3
}

// anyTime scans a nullable time that SQLite returns as text when it comes
// from an expression such as max(col), where the column's declared type is
// lost; PostgreSQL returns a time. This is the one place that difference lives.
type anyTime struct {
	t     time.Time
	valid bool
}

// sqliteTimeLayouts are the forms in which modernc.org/sqlite writes times.
var sqliteTimeLayouts = []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999"}

// Scan implements sql.Scanner.
func (a *anyTime) Scan(v any) error {
	var s string
	switch x := v.(type) {
	case nil:
		a.valid = false
		return nil
	case time.Time:
		a.t, a.valid = x.UTC(), true
		return nil
	case string:
		s = x
	case []byte:
		s = string(x)
	default:
		return fmt.Errorf("cannot read %T as a time", v)
	}
	for _, layout := range sqliteTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			a.t, a.valid = t.UTC(), true
			return nil
		}
	}
	return fmt.Errorf("cannot read %q as a time", s)
}

func (a anyTime) ptr() *time.Time {
	if !a.valid {
		return nil
	}
	t := a.t
	return &t
}

// utcMicro is the form in which times are stored: UTC, whole microseconds
// (what PostgreSQL keeps, and what compares correctly as text in SQLite).
func utcMicro(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
