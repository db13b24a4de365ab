package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// MinPasswordLength is the shortest password an account may have.
const MinPasswordLength = 10

// CreateUser stores an account for an existing person with an argon2id hash
// of password.
func (d *DB) CreateUser(ctx context.Context, u *mentor.User, password string) error {
	var pr mentor.Problems
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	pr.Check(u.Email == "", "email", "is required")
	pr.Check(!u.Role.Valid(), "role", "must be admin, coordinator or participant")
	pr.Check(u.PersonID == 0, "person_id", "is required")
	pr.Check(len(password) < MinPasswordLength, "password", "must have at least %d characters", MinPasswordLength)
	if err := pr.Err("user"); err != nil {
		return err
	}
	u.PasswordHash = HashPassword(password)
	u.CreatedAt = d.Now()
	err := d.db.QueryRowContext(ctx, `INSERT INTO users (email, password_hash, role, person_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		u.Email, u.PasswordHash, u.Role, u.PersonID, u.CreatedAt).Scan(&u.ID)
	return d.translate(err)
}

const userColumns = `id, email, role, person_id, password_hash, created_at`

func scanUser(row interface{ Scan(...any) error }) (*mentor.User, error) {
	var u mentor.User
	err := row.Scan(&u.ID, &u.Email, &u.Role, &u.PersonID, &u.PasswordHash, &u.CreatedAt)
	u.CreatedAt = u.CreatedAt.UTC()
	return &u, err
}

// User returns the account with id, or ENOTFOUND.
func (d *DB) User(ctx context.Context, id int64) (*mentor.User, error) {
	u, err := scanUser(d.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "user", id)
	}
	return u, nil
}

// Authenticate returns the account whose e-mail and password match. Every
// failure is the same EUNAUTHORIZED error so that nobody learns which
// addresses have accounts.
func (d *DB) Authenticate(ctx context.Context, email, password string) (*mentor.User, error) {
	u, err := scanUser(d.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE email = $1`, strings.ToLower(strings.TrimSpace(email))))
	if err != nil || !CheckPassword(u.PasswordHash, password) {
		if err == nil || errors.Is(err, sql.ErrNoRows) {
			return nil, mentor.Errorf(mentor.EUNAUTHORIZED, "The e-mail address or password is wrong.")
		}
		return nil, fmt.Errorf("authenticate: %w", err)
	}
	return u, nil
}

// Session kinds: a browser cookie or an API bearer token.
const (
	SessionCookie = "cookie"
	SessionBearer = "bearer"
)

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession starts a login session for user and returns its secret
// token. Only a SHA-256 hash of the token is stored, so a database leak does
// not leak sessions; the session lives in the database so several server
// instances share it.
func (d *DB) CreateSession(ctx context.Context, userID int64, kind string, ttl time.Duration) (string, error) {
	b := make([]byte, 32)
	rand.Read(b)
	token := base64.RawURLEncoding.EncodeToString(b)
	now := d.Now()
	_, err := d.db.ExecContext(ctx, `INSERT INTO auth_sessions (token_hash, user_id, kind, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		hashToken(token), userID, kind, now, now.Add(ttl))
	if err != nil {
		return "", d.translate(fmt.Errorf("create session: %w", err))
	}
	return token, nil
}

// SessionUser returns the user of a live session of the given kind, or
// EUNAUTHORIZED when the token is unknown or expired.
func (d *DB) SessionUser(ctx context.Context, token, kind string) (*mentor.User, error) {
	u, err := scanUser(d.db.QueryRowContext(ctx, `SELECT u.id, u.email, u.role, u.person_id, u.password_hash, u.created_at
		FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_at > $3`,
		hashToken(token), kind, d.Now()))
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, mentor.Errorf(mentor.EUNAUTHORIZED, "Sign in first: the session is unknown or has expired.")
		}
		return nil, fmt.Errorf("session: %w", err)
	}
	return u, nil
}

// DeleteSession ends a session (sign-out). Unknown tokens are ignored.
func (d *DB) DeleteSession(ctx context.Context, token string) error {
	_, err := d.db.ExecContext(ctx, `DELETE FROM auth_sessions WHERE token_hash = $1`, hashToken(token))
	return err
}

// UserByPerson returns the account of a person, or ENOTFOUND.
func (d *DB) UserByPerson(ctx context.Context, personID int64) (*mentor.User, error) {
	u, err := scanUser(d.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE person_id = $1`, personID))
	if err != nil {
		return nil, notFound(err, "user of person", personID)
	}
	return u, nil
}
