// Package notifytest runs a real SMTP server for tests: mailpit, from the
// binary named by MENTORMESH_TEST_MAILPIT (scripts/test sets it), on free
// loopback ports, and reads what it received through mailpit's HTTP API.
package notifytest

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/notify"
)

// Mailpit is a running mailpit server.
type Mailpit struct {
	SMTPPort int
	// API is the base URL of the HTTP API, as in "http://127.0.0.1:PORT".
	API string
}

// Options are extra mailpit settings.
type Options struct {
	// CertFile and KeyFile enable STARTTLS with this certificate.
	CertFile, KeyFile string
	// RequireTLS refuses mail without STARTTLS.
	RequireTLS bool
	// AcceptAnyAuth accepts any SMTP username and password (and none).
	AcceptAnyAuth bool
}

// Start runs mailpit until the test ends. Without MENTORMESH_TEST_MAILPIT it
// skips the test, or fails it when MENTORMESH_TEST_REQUIRE=1.
func Start(tb testing.TB, opts Options) *Mailpit {
	tb.Helper()
	bin := os.Getenv("MENTORMESH_TEST_MAILPIT")
	if bin == "" {
		if os.Getenv("MENTORMESH_TEST_REQUIRE") == "1" {
			tb.Fatal("MENTORMESH_TEST_MAILPIT is not set but MENTORMESH_TEST_REQUIRE=1")
		}
		tb.Skip("mailpit not configured: set MENTORMESH_TEST_MAILPIT (scripts/test does)")
	}
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		mp, err := start(tb, bin, opts)
		if err == nil {
			return mp
		}
		lastErr = err
	}
	tb.Fatalf("start mailpit: %v", lastErr)
	return nil
}

func start(tb testing.TB, bin string, opts Options) (*Mailpit, error) {
	smtpPort, httpPort := freePort(tb), freePort(tb)
	args := []string{"--smtp", "127.0.0.1:" + strconv.Itoa(smtpPort), "--listen", "127.0.0.1:" + strconv.Itoa(httpPort),
		"--disable-version-check", "--smtp-disable-rdns", "--quiet",
		"--database", filepath.Join(tb.TempDir(), "mailpit.db")}
	if opts.CertFile != "" {
		args = append(args, "--smtp-tls-cert", opts.CertFile, "--smtp-tls-key", opts.KeyFile)
	}
	if opts.RequireTLS {
		args = append(args, "--smtp-require-starttls")
	}
	if opts.AcceptAnyAuth {
		args = append(args, "--smtp-auth-accept-any")
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stop := func() {
		cmd.Process.Kill()
		<-done
	}
	mp := &Mailpit{SMTPPort: smtpPort, API: "http://127.0.0.1:" + strconv.Itoa(httpPort)}
	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case err := <-done:
			return nil, fmt.Errorf("mailpit exited: %v", err)
		default:
		}
		if resp, err := http.Get(mp.API + "/readyz"); err == nil {
			resp.Body.Close()
			if c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(smtpPort), time.Second); err == nil && resp.StatusCode == http.StatusOK {
				c.Close()
				tb.Cleanup(stop)
				return mp, nil
			}
		}
		if time.Now().After(deadline) {
			stop()
			return nil, fmt.Errorf("mailpit did not come up on ports %d and %d", smtpPort, httpPort)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freePort(tb testing.TB) int {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// Config returns a mailer configuration for this server without TLS.
func (m *Mailpit) Config(from string) notify.Config {
	return notify.Config{Host: "127.0.0.1", Port: m.SMTPPort, From: from, TLS: notify.TLSNone, Timeout: 5 * time.Second}
}

// Address is an e-mail address as mailpit reports it.
type Address struct {
	Name    string
	Address string
}

// Summary is one message in mailpit's list.
type Summary struct {
	ID          string
	From        Address
	To          []Address
	Subject     string
	Username    string
	Attachments int
}

// Part is an attachment of a message.
type Part struct {
	PartID      string
	FileName    string
	ContentType string
	Size        int
}

// Message is one message with its text and attachments.
type Message struct {
	ID          string
	From        Address
	To          []Address
	Subject     string
	Text        string
	Attachments []Part
}

// Messages returns the received messages, newest first.
func (m *Mailpit) Messages(tb testing.TB) []Summary {
	tb.Helper()
	var out struct {
		Messages []Summary `json:"messages"`
	}
	m.get(tb, "/api/v1/messages?limit=500", &out)
	return out.Messages
}

// WaitFor polls until at least n messages have arrived (at most 10 s) and
// returns them, newest first; it fails the test on timeout.
func (m *Mailpit) WaitFor(tb testing.TB, n int) []Summary {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := m.Messages(tb)
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			tb.Fatalf("mailpit has %d messages, want %d", len(got), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Message returns one message by its mailpit ID.
func (m *Mailpit) Message(tb testing.TB, id string) Message {
	tb.Helper()
	var out Message
	m.get(tb, "/api/v1/message/"+id, &out)
	return out
}

// PartData returns the decoded content of one part of a message.
func (m *Mailpit) PartData(tb testing.TB, id, partID string) []byte {
	tb.Helper()
	return m.get(tb, "/api/v1/message/"+id+"/part/"+partID, nil)
}

func (m *Mailpit) get(tb testing.TB, path string, out any) []byte {
	tb.Helper()
	resp, err := http.Get(m.API + path)
	if err != nil {
		tb.Fatalf("mailpit %s: %v", path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		tb.Fatalf("mailpit %s: status %d: %s %v", path, resp.StatusCode, data, err)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			tb.Fatalf("mailpit %s: %v", path, err)
		}
	}
	return data
}
