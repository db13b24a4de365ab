package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SignInLimit is how many failed sign-ins a key may have in one window
// before further tries are refused until the window ends.
type SignInLimit struct {
	Key    string // "account:EMAIL" or "client:ADDRESS"
	Max    int
	Window time.Duration
}

// SignInBlocked returns how long the first of the limits that is exhausted
// keeps refusing sign-ins (0 when none is). The counts live in the database,
// so they hold across server instances.
func (d *DB) SignInBlocked(ctx context.Context, limits []SignInLimit) (time.Duration, error) {
	now := d.Now()
	var wait time.Duration
	for _, l := range limits {
		var failures int
		var start time.Time
		err := d.db.QueryRowContext(ctx, `SELECT failures, window_start FROM signin_failures WHERE key = $1 AND window_start > $2`,
			l.Key, now.Add(-l.Window)).Scan(&failures, &start)
		if errors.Is(err, sql.ErrNoRows) {
			continue // no failures in the window
		}
		if err != nil {
			return 0, fmt.Errorf("sign-in failures: %w", err)
		}
		if failures >= l.Max {
			wait = max(wait, start.UTC().Add(l.Window).Sub(now))
		}
	}
	return wait, nil
}

// RecordSignInFailure counts one failed sign-in against every limit's key:
// the count starts again at 1 when the key's window has passed. Concurrent
// failures are all counted (one upsert each).
func (d *DB) RecordSignInFailure(ctx context.Context, limits []SignInLimit) error {
	now := d.Now()
	for _, l := range limits {
		_, err := d.db.ExecContext(ctx, `INSERT INTO signin_failures (key, failures, window_start) VALUES ($1, 1, $2)
			ON CONFLICT (key) DO UPDATE SET
				failures = CASE WHEN signin_failures.window_start <= $3 THEN 1 ELSE signin_failures.failures + 1 END,
				window_start = CASE WHEN signin_failures.window_start <= $3 THEN $2 ELSE signin_failures.window_start END`,
			l.Key, now, now.Add(-l.Window))
		if err != nil {
			return fmt.Errorf("record sign-in failure: %w", err)
		}
	}
	return nil
}

// ClearSignInFailures forgets the failures of key, after a successful sign-in.
func (d *DB) ClearSignInFailures(ctx context.Context, key string) error {
	if _, err := d.db.ExecContext(ctx, `DELETE FROM signin_failures WHERE key = $1`, key); err != nil {
		return fmt.Errorf("clear sign-in failures: %w", err)
	}
	return nil
}
