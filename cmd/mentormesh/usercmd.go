package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const userUsage = `usage: mentormesh user create --email E [--name N] [--role admin|coordinator|participant] [--password-stdin] [--db DSN]

Creates a sign-in account (and the person, unless one with the address exists):
the way to the very first admin of a fresh database. Without --password-stdin a
random password is made and printed once; with it, the first line of standard
input is the password (at least 10 characters).
`

// runUser implements `mentormesh user create`.
func runUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprint(stderr, userUsage)
		return usageError{}
	}
	var dsn string
	s := newSettings("user create", stderr, os.Getenv)
	s.db(&dsn)
	email := s.fs.String("email", "", "the account's e-mail address")
	name := s.fs.String("name", "", "the person's name (default: the part of the address before @)")
	role := s.fs.String("role", "admin", "admin, coordinator or participant")
	fromStdin := s.fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	s.fs.Usage = func() { fmt.Fprint(stderr, userUsage) }
	if err := s.noArgs(args[1:]); err != nil {
		return err
	}
	if !mentor.UserRole(*role).Valid() {
		return usageError{msg: "user create: --role must be admin, coordinator or participant"}
	}
	password, shown := "", false
	if *fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && line == "" {
			return usageError{msg: "user create: no password on standard input"}
		}
		password = strings.TrimRight(line, "\r\n")
	} else {
		b := make([]byte, 15)
		rand.Read(b)
		password, shown = base64.RawURLEncoding.EncodeToString(b), true
	}
	db, err := openDB(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.CreateAccount(ctx, *email, *name, mentor.UserRole(*role), password)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s account %s (user %d, person %d)\n", u.Role, u.Email, u.ID, u.PersonID)
	if shown {
		fmt.Fprintf(stdout, "password: %s\n(shown once; change it after signing in)\n", password)
	}
	return nil
}
