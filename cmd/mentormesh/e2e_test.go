package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/store"
)

// startDemo runs `mentormesh demo` on a free port and returns the three
// printed lines (URL, coordinator, participant) and a stop function that
// shuts the server down and returns its exit status.
func startDemo(t *testing.T) (url, coordEmail, coordPass, partEmail, partPass string, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	dbPath := filepath.Join(t.TempDir(), "demo.db")
	go func() {
		done <- run(ctx, []string{"demo", "--addr", "127.0.0.1:0", "--db", dbPath}, strings.NewReader(""), pw, io.Discard)
		pw.Close()
	}()
	lines := make(chan string, 3)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var got []string
	timeout := time.After(90 * time.Second)
	for len(got) < 3 {
		select {
		case l, ok := <-lines:
			if !ok {
				cancel()
				t.Fatalf("demo exited after %q", got)
			}
			got = append(got, l)
		case <-timeout:
			cancel()
			t.Fatalf("demo printed only %q in 90 s", got)
		}
	}
	url = strings.TrimPrefix(got[0], "URL: ")
	c := strings.Fields(strings.TrimPrefix(got[1], "coordinator: "))
	p := strings.Fields(strings.TrimPrefix(got[2], "participant: "))
	if !strings.HasPrefix(got[0], "URL: http://127.0.0.1:") || len(c) != 2 || len(p) != 2 {
		cancel()
		t.Fatalf("demo output: %q", got)
	}
	stop = func() int {
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(20 * time.Second):
			t.Fatal("demo did not shut down")
			return -1
		}
	}
	return url, c[0], c[1], p[0], p[1], stop
}

type client struct {
	t     *testing.T
	base  string
	token string
}

func (c *client) call(method, path string, body any, out any) int {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, c.base+path, rd)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil && resp.StatusCode < 300 {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			c.t.Fatalf("%s %s: %v", method, path, err)
		}
	}
	return resp.StatusCode
}

func (c *client) login(email, password string) {
	c.t.Helper()
	var out struct{ Token string }
	if code := c.call("POST", "/api/v1/login", map[string]string{"email": email, "password": password}, &out); code != 200 {
		c.t.Fatalf("login %s: %d", email, code)
	}
	c.token = out.Token
}

func TestDemo_EndToEnd(t *testing.T) {
	url, ce, cp, pe, pp, stop := startDemo(t)
	coord := &client{t: t, base: url}
	coord.login(ce, cp)

	people, cursor := 0, ""
	for {
		var page struct {
			Items      []map[string]any
			NextCursor string `json:"next_cursor"`
		}
		if code := coord.call("GET", "/api/v1/people?limit=100&cursor="+cursor, nil, &page); code != 200 {
			t.Fatalf("people: %d", code)
		}
		people += len(page.Items)
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	if people < 400 {
		t.Fatalf("demo has %d people, want at least 400", people)
	}
	var programs struct{ Items []struct{ Format string } }
	coord.call("GET", "/api/v1/programs?limit=100", nil, &programs)
	formats := map[string]bool{}
	for _, p := range programs.Items {
		formats[p.Format] = true
	}
	if len(formats) != 9 {
		t.Fatalf("demo programs cover %d formats: %v", len(formats), formats)
	}

	part := &client{t: t, base: url}
	part.login(pe, pp)
	var me struct{ ID int64 }
	part.call("GET", "/api/v1/me", nil, &me)
	var goals struct {
		Items []struct {
			ID      int64  `json:"id"`
			OwnerID int64  `json:"owner_id"`
			MatchID *int64 `json:"match_id"`
		}
	}
	coord.call("GET", "/api/v1/goals?limit=500", nil, &goals)
	var mine struct{ Items []struct{ ID int64 } }
	part.call("GET", "/api/v1/matches?limit=500", nil, &mine)
	inMatch := map[int64]bool{}
	for _, m := range mine.Items {
		inMatch[m.ID] = true
	}
	checked := 0
	for _, g := range goals.Items {
		if g.OwnerID == me.ID || g.MatchID != nil && inMatch[*g.MatchID] {
			continue // the participant's own and shared goals are visible
		}
		if code := part.call("GET", fmt.Sprintf("/api/v1/goals/%d", g.ID), nil, nil); code != 403 && code != 404 {
			t.Fatalf("participant read another participant's goal %d: status %d", g.ID, code)
		}
		checked++
		if checked == 5 {
			break
		}
	}
	if checked == 0 {
		t.Fatal("no goal of another participant to check")
	}
	if code := part.call("GET", "/api/v1/people?limit=5", nil, nil); code != 200 {
		t.Fatalf("participant people list: %d", code)
	}
	if code := stop(); code != 0 {
		t.Fatalf("demo exit status %d after SIGINT-like shutdown", code)
	}
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestImport_DryRunAndAllOrNothing(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "m.db")
	code, out, _ := runCLI(t, "import", "people", "../../testdata/people_broken.csv", "--dry-run", "--db", db)
	if code != 2 {
		t.Fatalf("dry run of a broken file: exit %d\n%s", code, out)
	}
	for _, want := range []string{"line 4: email", "line 5: email", "line 6: seniority", "line 7: seniority", "line 8: time_zone", "line 9: skills", "line 10: email", "line 12: row", "line 14: row: a double quote", "line 11: manager_email"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run does not report %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "import", "people", "../../testdata/people_broken.csv", "--db", db)
	if code != 2 || !strings.Contains(out, "nothing was imported") {
		t.Fatalf("import of a broken file: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "import", "people", "../../testdata/people.csv", "--dry-run", "--db", db)
	if code != 0 || !strings.Contains(out, "30 would be created") {
		t.Fatalf("dry run of a good file: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "import", "people", "../../testdata/people.csv", "--db", db)
	if code != 0 || !strings.Contains(out, "30 created") {
		t.Fatalf("import: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "import", "people", "../../testdata/people.csv", "--db", db)
	if code != 0 || !strings.Contains(out, "30 updated") {
		t.Fatalf("re-import updates: exit %d\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "import", "people", "no-such.csv", "--db", db); code == 0 {
		t.Fatal("missing file accepted")
	}
}

func TestBackup_AndRestore(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "m.db")
	if code, out, errs := runCLI(t, "import", "people", "../../testdata/people.csv", "--db", db); code != 0 {
		t.Fatalf("import: %s %s", out, errs)
	}
	backup := filepath.Join(dir, "backup.db")
	if code, out, errs := runCLI(t, "backup", backup, "--db", db); code != 0 {
		t.Fatalf("backup: %s %s", out, errs)
	}
	if code, _, _ := runCLI(t, "backup", backup, "--db", db); code != 2 {
		t.Fatal("backup overwrote an existing file")
	}
	target := filepath.Join(dir, "restored.db")
	code, out, errs := runCLI(t, "restore", backup, "--db", "sqlite:"+target)
	if code != 0 || !strings.Contains(out, "30 people") {
		t.Fatalf("restore: %d %s %s", code, out, errs)
	}
	if code, _, _ := runCLI(t, "restore", backup, "--db", "sqlite:"+target); code != 2 {
		t.Fatal("restore overwrote a database without --force")
	}
	if fi, err := os.Stat(backup); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the backup holds password hashes; its mode must be 0600: %v %v", fi.Mode(), err)
	}
	live, err := store.Open(context.Background(), "sqlite:"+target) // as a running server holds it
	if err != nil {
		t.Fatal(err)
	}
	var people int
	if err := live.SQL().QueryRow(`SELECT count(*) FROM people`).Scan(&people); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI(t, "restore", backup, "--db", "sqlite:"+target, "--force")
	live.Close()
	if code == 0 || !strings.Contains(errs, "in use") {
		t.Fatalf("restore over a database in use: exit %d, %s", code, errs)
	}
	if code, _, errs := runCLI(t, "restore", backup, "--db", "sqlite:"+target, "--force"); code != 0 {
		t.Fatalf("restore --force once the server stopped: %d %s", code, errs)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	if code, _, _ := runCLI(t, "restore", junk, "--db", "sqlite:"+filepath.Join(dir, "x.db")); code != 2 {
		t.Fatal("restored a file that is not a backup")
	}
	if code, _, errs := runCLI(t, "backup", filepath.Join(dir, "pg.dump"), "--db", "postgres://127.0.0.1:1/none"); code == 0 || errs == "" {
		t.Fatal("backup of an unreachable PostgreSQL must fail with a message")
	}
}

func TestCLI_UsageAndVersion(t *testing.T) {
	if code, out, _ := runCLI(t, "version"); code != 0 || !strings.HasPrefix(out, "mentormesh ") {
		t.Fatalf("version: %d %q", code, out)
	}
	if code, _, errs := runCLI(t, "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Fatalf("unknown command: %d %q", code, errs)
	}
	if code, _, _ := runCLI(t); code != 2 {
		t.Fatal("no command must be a usage error")
	}
	db := "sqlite:" + filepath.Join(t.TempDir(), "m.db")
	if code, out, _ := runCLI(t, "migrate", "--db", db); code != 0 || !strings.Contains(out, "applied") {
		t.Fatalf("migrate: %d %q", code, out)
	}
}
