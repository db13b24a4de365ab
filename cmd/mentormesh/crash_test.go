package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// buildBinary builds cmd/mentormesh into a temporary folder of tb.
func buildBinary(tb testing.TB) string {
	tb.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		tb.Skip("go not on PATH: cannot build the binary")
	}
	bin := filepath.Join(tb.TempDir(), "mentormesh")
	// Without symbol tables and DWARF the link, most of the build, costs a quarter less CPU.
	if out, err := exec.Command("go", "build", "-ldflags=-s -w", "-o", bin, ".").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// server is a running mentormesh binary.
type server struct {
	cmd    *exec.Cmd
	url    string
	stderr *bytes.Buffer
}

// startBinary runs `mentormesh serve` on dsn on a free loopback port and
// waits for the URL it prints.
func startBinary(tb testing.TB, bin, dsn string) *server {
	tb.Helper()
	cmd := exec.Command(bin, "serve", "--db", dsn, "--addr", "127.0.0.1:0", "--sweep-every", "0", "--log-level", "warn")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	s := &server{cmd: cmd, stderr: &bytes.Buffer{}}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		io.Copy(io.Discard, stdout)
	}()
	select {
	case l, ok := <-lines:
		if !ok || !strings.HasPrefix(l, "URL: http://127.0.0.1:") {
			tb.Fatalf("serve printed %q; stderr: %s", l, s.stderr)
		}
		s.url = strings.TrimPrefix(l, "URL: ")
	case <-time.After(60 * time.Second):
		tb.Fatalf("serve printed no URL in 60 s; stderr: %s", s.stderr)
	}
	return s
}

// kill ends the process with SIGKILL: no shutdown, no flush.
func (s *server) kill(tb testing.TB) {
	tb.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		tb.Fatal(err)
	}
	s.cmd.Wait()
}

// call sends a JSON request and decodes a 2xx answer into out; it returns
// the status, or 0 when the request got no answer.
func (s *server) call(token, method, path string, in, out any) int {
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, s.url+path, body)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := (&http.Client{Timeout: 20 * time.Second}).Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	if out != nil && resp.StatusCode < 300 {
		if json.NewDecoder(resp.Body).Decode(out) != nil {
			return 0
		}
	}
	return resp.StatusCode
}

// crashAccount creates a migrated database on dsn with a coordinator and
// returns the coordinator's person id.
func crashAccount(tb testing.TB, dsn string) int64 {
	tb.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	p := &mentor.Person{Name: "Cora Crash", Email: "cora@example.com", Seniority: 5, TimeZone: "Europe/Berlin"}
	if err := db.CreatePerson(ctx, p); err != nil {
		tb.Fatal(err)
	}
	if err := db.CreateUser(ctx, &mentor.User{Email: p.Email, Role: mentor.UserCoordinator, PersonID: p.ID}, "crash test password"); err != nil {
		tb.Fatal(err)
	}
	return p.ID
}

// TestCrash_AcknowledgedWritesSurviveKill writes goals and progress from
// several goroutines, kills the server with SIGKILL while writes are in
// flight, restarts it on the same database and checks that every write
// that was answered 2xx is there.
func TestCrash_AcknowledgedWritesSurviveKill(t *testing.T) {
	bin := buildBinary(t)
	for _, tc := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "crash.db") }},
		{"postgres", func(t *testing.T) string { return storetest.PostgresDSN(t) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dsn := tc.dsn(t)
			owner := crashAccount(t, dsn)
			srv := startBinary(t, bin, dsn)
			var login struct{ Token string }
			if code := srv.call("", "POST", "/api/v1/login", map[string]string{"email": "cora@example.com", "password": "crash test password"}, &login); code != http.StatusOK {
				t.Fatalf("login: %d; stderr: %s", code, srv.stderr)
			}
			acked := crashWrites(t, srv, login.Token, owner, 4, 1500*time.Millisecond)
			if len(acked) < 4 {
				t.Fatalf("only %d goals acknowledged before the kill; stderr: %s", len(acked), srv.stderr)
			}
			srv = startBinary(t, bin, dsn)
			if code := srv.call(login.Token, "GET", "/api/v1/me", nil, nil); code != http.StatusOK {
				t.Fatalf("the session did not survive the kill: %d", code)
			}
			updates := 0
			for id, w := range acked {
				var g mentor.Goal
				if code := srv.call(login.Token, "GET", fmt.Sprintf("/api/v1/goals/%d", id), nil, &g); code != http.StatusOK || g.Title != w.title {
					t.Errorf("acknowledged goal %d (%q): %d %q after restart", id, w.title, code, g.Title)
					continue
				}
				var progress struct{ Items []json.RawMessage }
				if code := srv.call(login.Token, "GET", fmt.Sprintf("/api/v1/goals/%d/progress?limit=500", id), nil, &progress); code != http.StatusOK || len(progress.Items) < w.updates {
					t.Errorf("goal %d: %d progress updates acknowledged, %d stored (status %d)", id, w.updates, len(progress.Items), code)
				}
				updates += w.updates
			}
			t.Logf("%d goals and %d progress updates acknowledged before SIGKILL, all there after restart", len(acked), updates)
		})
	}
}

// ackedGoal is a goal whose creation was acknowledged, with the number of
// its progress updates that were acknowledged.
type ackedGoal struct {
	title   string
	updates int
}

// crashWrites runs writers goroutines that create goals and add progress
// until the duration has passed, then kills the server while they are still
// writing, and returns what was acknowledged.
func crashWrites(tb testing.TB, srv *server, token string, owner int64, writers int, d time.Duration) map[int64]ackedGoal {
	var mu sync.Mutex
	acked := map[int64]ackedGoal{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				title := fmt.Sprintf("Goal %d of writer %d", i, w)
				var g mentor.Goal
				if srv.call(token, "POST", "/api/v1/goals", map[string]any{"owner_id": owner, "title": title, "metric": "pipelines", "baseline": 0,
					"target": 10, "plan": "one a week", "relevance": "the team needs it", "due_date": "2030-06-30"}, &g) != http.StatusCreated {
					continue
				}
				mu.Lock()
				acked[g.ID] = ackedGoal{title: title}
				mu.Unlock()
				for v := 1; v <= 3; v++ {
					if srv.call(token, "POST", fmt.Sprintf("/api/v1/goals/%d/progress", g.ID), map[string]any{"value": v, "note": "step"}, nil) != http.StatusCreated {
						break
					}
					mu.Lock()
					a := acked[g.ID]
					a.updates++
					acked[g.ID] = a
					mu.Unlock()
				}
			}
		}()
	}
	time.Sleep(d)
	srv.kill(tb) // while the writers are still sending
	close(stop)
	wg.Wait()
	return acked
}
