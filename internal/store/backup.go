package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Backup writes a consistent copy of the database to the new file path,
// readable by its owner only (it holds people's contact details and private
// notes). On SQLite it uses VACUUM INTO, which is safe while the server runs.
// PostgreSQL databases are backed up with pg_dump; Backup says so (EINVALID).
// An existing path is EINVALID: a backup never overwrites a file.
func (d *DB) Backup(ctx context.Context, path string) error {
	if d.dialect == Postgres {
		return mentor.Errorf(mentor.EINVALID, "backup copies SQLite databases; for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=FILE \"$MENTORMESH_DB\"")
	}
	// VACUUM INTO fills an empty file; creating it first, exclusively,
	// decides the permissions and refuses an existing file without a race.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return mentor.Errorf(mentor.EINVALID, "%s exists; choose a new file name", path)
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	f.Close()
	if _, err := d.db.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// Restore replaces the SQLite database of dsn with the backup file from,
// after checking that it is a mentormesh database, and returns how many
// people it holds. The server must be stopped: a database another process
// (or connection) has open is refused (ECONFLICT), because the live server's
// write-ahead log would overwrite the restored file. An existing database is
// replaced only with force. PostgreSQL backups are restored with
// pg_restore; Restore says so (EINVALID).
func Restore(ctx context.Context, dsn, from string, force bool) (people int, err error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return 0, mentor.Errorf(mentor.EINVALID, "restore handles SQLite backups; for PostgreSQL use pg_restore")
	}
	target := strings.TrimPrefix(dsn, "sqlite:")
	if target == "" {
		return 0, mentor.Errorf(mentor.EINVALID, "the sqlite database needs a file path, as in sqlite:mentormesh.db")
	}
	if _, err := os.Stat(from); err != nil {
		return 0, mentor.Errorf(mentor.EINVALID, "%s: no such backup file", from)
	}
	src, err := sql.Open("sqlite", "file:"+from+"?mode=ro")
	if err != nil {
		return 0, fmt.Errorf("restore: %w", err)
	}
	err = src.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&people)
	src.Close()
	if err != nil {
		return 0, mentor.Errorf(mentor.EINVALID, "%s is not a mentormesh backup: %v", from, err)
	}
	if _, err := os.Stat(target); err == nil {
		if !force {
			return 0, mentor.Errorf(mentor.EINVALID, "%s exists; stop the server and pass --force to overwrite it", target)
		}
		if err := checkNotInUse(ctx, target); err != nil {
			return 0, err
		}
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return 0, fmt.Errorf("restore: %w", err)
	}
	// A write-ahead log left by the old database would be replayed onto the
	// restored one.
	os.Remove(target + "-wal")
	os.Remove(target + "-shm")
	if err := os.WriteFile(target, data, 0o600); err != nil {
		return 0, fmt.Errorf("restore: %w", err)
	}
	return people, nil
}

// checkNotInUse returns ECONFLICT when some connection has the SQLite file
// at path open: in WAL mode every open connection holds a shared lock, so
// an exclusive lock taken without waiting fails while one is open. The
// check and the replacement are not atomic; a server started in between is
// the operator's race to avoid.
func checkNotInUse(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)&_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err == nil {
		defer conn.Close()
		if _, err = conn.ExecContext(ctx, `BEGIN EXCLUSIVE`); err == nil {
			var n int
			err = conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n)
			conn.ExecContext(ctx, `ROLLBACK`)
		}
	}
	if err != nil {
		return mentor.Errorf(mentor.ECONFLICT, "%s is in use (a server has it open?); stop the server, then restore", path)
	}
	return nil
}
