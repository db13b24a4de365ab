package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

func TestUserCreate_FirstAdminSignsIn(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "m.db")
	code, out, errs := runCLI(t, "user", "create", "--email", "Root@Example.org", "--db", dsn)
	if code != 0 || !strings.Contains(out, "created admin account root@example.org") || !strings.Contains(out, "password: ") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	password := strings.TrimSpace(strings.SplitN(strings.SplitN(out, "password: ", 2)[1], "\n", 2)[0])
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u, err := db.Authenticate(context.Background(), "root@example.org", password)
	if err != nil || u.Role != mentor.UserAdmin {
		t.Fatalf("the printed password does not sign in as an admin: %v %+v", err, u)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"same address again", []string{"user", "create", "--email", "root@example.org"}, 1, "already has an account"},
		{"bad role", []string{"user", "create", "--email", "x@example.org", "--role", "king"}, 2, "--role"},
		{"no subcommand", []string{"user"}, 2, "usage"},
		{"short password", []string{"user", "create", "--email", "y@example.org", "--password-stdin"}, 2, "password"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c int
			var o, e string
			if tc.name == "short password" {
				c, o, e = runCLIStdin(t, "short\n", append(tc.args, "--db", dsn)...)
			} else {
				c, o, e = runCLI(t, append(tc.args, "--db", dsn)...)
			}
			if c != tc.code || !strings.Contains(o+e, tc.want) {
				t.Fatalf("exit %d, want %d with %q:\n%s%s", c, tc.code, tc.want, o, e)
			}
		})
	}
	if _, err := db.PersonByEmail(context.Background(), "y@example.org"); mentor.ErrorCode(err) != mentor.ENOTFOUND {
		t.Fatalf("a refused account left a person behind: %v", err)
	}
}

// runCLIStdin runs the CLI with stdin.
func runCLIStdin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}
