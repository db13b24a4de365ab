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
	if err != nil {
		// Hash the password anyway: an unknown address must cost the same
		// time as a wrong password, or the timing tells which addresses
		// have accounts.
		CheckPassword(decoyHash(), password)
	}
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

// SessionPolicy bounds a login session: it ends TTL after sign-in at the
// latest, and after Idle without use (0: no idle timeout).
type SessionPolicy struct {
	TTL  time.Duration
	Idle time.Duration
}

// expiry is when a session created at created and last used at now ends.
func (p SessionPolicy) expiry(created, now time.Time) time.Time {
	end := created.Add(p.TTL)
	if p.Idle > 0 && now.Add(p.Idle).Before(end) {
		end = now.Add(p.Idle)
	}
	return end
}

// CreateSession starts a login session for user and returns its secret
// token. Only a SHA-256 hash of the token is stored, so a database leak does
// not leak sessions; the session lives in the database so several server
// instances share it.
func (d *DB) CreateSession(ctx context.Context, userID int64, kind string, p SessionPolicy) (string, error) {
	b := make([]byte, 32)
	rand.Read(b)
	token := base64.RawURLEncoding.EncodeToString(b)
	now := d.Now()
	_, err := d.db.ExecContext(ctx, `INSERT INTO auth_sessions (token_hash, user_id, kind, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		hashToken(token), userID, kind, now, p.expiry(now, now))
	if err != nil {
		return "", d.translate(fmt.Errorf("create session: %w", err))
	}
	return token, nil
}

// SessionUser returns the user of a live session of the given kind, or
// EUNAUTHORIZED when the token is unknown or expired. Using a session
// pushes its end out by p.Idle (never past p.TTL after sign-in); the end is
// written at most once a minute, so reads do not each cost a write.
func (d *DB) SessionUser(ctx context.Context, token, kind string, p SessionPolicy) (*mentor.User, error) {
	now := d.Now()
	var u mentor.User
	var created, expires time.Time
	err := d.db.QueryRowContext(ctx, `SELECT u.id, u.email, u.role, u.person_id, u.password_hash, u.created_at, s.created_at, s.expires_at
		FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_at > $3`,
		hashToken(token), kind, now).Scan(&u.ID, &u.Email, &u.Role, &u.PersonID, &u.PasswordHash, &u.CreatedAt, &created, &expires)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, mentor.Errorf(mentor.EUNAUTHORIZED, "Sign in first: the session is unknown or has expired.")
		}
		return nil, fmt.Errorf("session: %w", err)
	}
	u.CreatedAt = u.CreatedAt.UTC()
	if next := p.expiry(created.UTC(), now); p.Idle > 0 && next.Sub(expires) >= time.Minute {
		if _, err := d.db.ExecContext(ctx, `UPDATE auth_sessions SET expires_at = $1 WHERE token_hash = $2`, next, hashToken(token)); err != nil {
			return nil, fmt.Errorf("session: %w", err)
		}
	}
	return &u, nil
}

// DeleteExpiredSessions removes the sessions that have ended (by age or
// idleness) and the sign-in failures older than window, and returns how
// many sessions it removed. The momentum sweep calls it.
func (d *DB) DeleteExpiredSessions(ctx context.Context, window time.Duration) (int64, error) {
	now := d.Now()
	res, err := d.db.ExecContext(ctx, `DELETE FROM auth_sessions WHERE expires_at <= $1`, now)
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	if _, err := d.db.ExecContext(ctx, `DELETE FROM signin_failures WHERE window_start < $1`, now.Add(-window)); err != nil {
		return 0, fmt.Errorf("delete old sign-in failures: %w", err)
	}
	return res.RowsAffected()
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

// CreateAccount creates a sign-in account with role for the person with
// the e-mail address, creating the person (named name, or the part of the
// address before @) when there is none, and returns it. An address that
// already has an account is ECONFLICT; a bad address, role or password is
// EINVALID naming the field. A person created here is removed again when
// the account cannot be created, so a refusal changes nothing.
func (d *DB) CreateAccount(ctx context.Context, email, name string, role mentor.UserRole, password string) (*mentor.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var pr mentor.Problems
	pr.Check(email == "", "email", "is required")
	pr.Check(!role.Valid(), "role", "must be admin, coordinator or participant")
	pr.Check(len(password) < MinPasswordLength, "password", "must have at least %d characters", MinPasswordLength)
	if err := pr.Err("account"); err != nil {
		return nil, err
	}
	var taken int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE email = $1`, email).Scan(&taken); err != nil {
		return nil, fmt.Errorf("create account: %w", err)
	}
	if taken > 0 {
		return nil, &mentor.Error{Code: mentor.ECONFLICT, Message: "That address already has an account.",
			Fields: []mentor.FieldError{{Field: "email", Message: "already has an account"}}}
	}
	p, err := d.PersonByEmail(ctx, email)
	created := false
	if mentor.ErrorCode(err) == mentor.ENOTFOUND {
		if strings.TrimSpace(name) == "" {
			name, _, _ = strings.Cut(email, "@")
		}
		p = &mentor.Person{Name: name, Email: email, Seniority: mentor.MinSeniority}
		if err = d.CreatePerson(ctx, p); err != nil {
			return nil, err
		}
		created = true
	} else if err != nil {
		return nil, err
	}
	u := &mentor.User{Email: email, Role: role, PersonID: p.ID}
	if err := d.CreateUser(ctx, u, password); err != nil {
		if created {
			d.DeletePerson(ctx, p.ID)
		}
		return nil, err
	}
	return u, nil
}
