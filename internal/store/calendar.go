package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// CalendarTokenLength is the length of a calendar-feed token: 32 random bytes
// in unpadded base64url.
const CalendarTokenLength = 43

// CalendarToken gives a person the secret token of their calendar feed and
// returns it. Only a SHA-256 hash is stored (like session tokens), so a token
// can be shown once only: without rotate it creates the person's first token,
// and when one exists already it returns ECONFLICT; with rotate it replaces
// any existing token, which stops working at once. A missing person is
// ENOTFOUND.
func (d *DB) CalendarToken(ctx context.Context, personID int64, rotate bool) (string, error) {
	if _, err := d.Person(ctx, personID); err != nil {
		return "", err
	}
	b := make([]byte, 32)
	rand.Read(b)
	token := base64.RawURLEncoding.EncodeToString(b)
	conflict := `DO NOTHING`
	if rotate {
		conflict = `DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`
	}
	res, err := d.db.ExecContext(ctx, `INSERT INTO calendar_tokens (person_id, token_hash, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (person_id) `+conflict, personID, hashToken(token), d.Now())
	if err != nil {
		return "", d.translate(fmt.Errorf("store calendar token: %w", err))
	}
	if n, err := res.RowsAffected(); err != nil {
		return "", fmt.Errorf("store calendar token: %w", err)
	} else if n == 0 {
		return "", mentor.Errorf(mentor.ECONFLICT, "A calendar address exists already and is shown only once; rotate it to get a new one.")
	}
	return token, nil
}

// FirstCalendarToken gives the person a calendar token when they have none
// and returns it with when it was made; when they have one already, token is
// "" (only its hash is kept) and created says when that one was made. A
// missing person is ENOTFOUND.
//
// One statement creates or reads the row. Its no-op DO UPDATE waits for a
// concurrent first call's insert to commit and then returns that row; with
// DO NOTHING followed by a SELECT, PostgreSQL could skip the insert without
// waiting, and the SELECT then missed the uncommitted row (a 404 under
// concurrent first reads).
func (d *DB) FirstCalendarToken(ctx context.Context, personID int64) (token string, created time.Time, err error) {
	if _, err := d.Person(ctx, personID); err != nil {
		return "", time.Time{}, err
	}
	b := make([]byte, 32)
	rand.Read(b)
	token = base64.RawURLEncoding.EncodeToString(b)
	var stored string
	err = d.db.QueryRowContext(ctx, `INSERT INTO calendar_tokens (person_id, token_hash, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (person_id) DO UPDATE SET created_at = calendar_tokens.created_at RETURNING token_hash, created_at`,
		personID, hashToken(token), d.Now()).Scan(&stored, &created)
	if err != nil {
		return "", time.Time{}, d.translate(fmt.Errorf("store calendar token: %w", err))
	}
	if stored != hashToken(token) {
		token = ""
	}
	return token, created.UTC(), nil
}

// CalendarTokenCreated returns when the person's current calendar token was
// made, or ENOTFOUND when the person has none.
func (d *DB) CalendarTokenCreated(ctx context.Context, personID int64) (time.Time, error) {
	var t time.Time
	err := d.db.QueryRowContext(ctx, `SELECT created_at FROM calendar_tokens WHERE person_id = $1`, personID).Scan(&t)
	if err != nil {
		return time.Time{}, notFound(err, "calendar address of person", personID)
	}
	return t.UTC(), nil
}

// PersonByCalendarToken returns the person whose calendar feed the token
// opens. An unknown or rotated token is ENOTFOUND; the message does not say
// which, so tokens cannot be probed.
func (d *DB) PersonByCalendarToken(ctx context.Context, token string) (*mentor.Person, error) {
	if len(token) != CalendarTokenLength {
		return nil, mentor.Errorf(mentor.ENOTFOUND, "That calendar address does not exist.")
	}
	var id int64
	err := d.db.QueryRowContext(ctx, `SELECT person_id FROM calendar_tokens WHERE token_hash = $1`, hashToken(token)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, mentor.Errorf(mentor.ENOTFOUND, "That calendar address does not exist.")
	}
	if err != nil {
		return nil, fmt.Errorf("look up calendar token: %w", err)
	}
	return d.Person(ctx, id)
}
