package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// lockedBuffer is a log sink safe for the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLogs_NoCalendarToken: the calendar feed's address is a secret; its
// token appears in no log line, for a good address or a bad one.
func TestLogs_NoCalendarToken(t *testing.T) {
	db := storetest.Open(t, store.SQLite)
	f := newFixture(t, db)
	var logs lockedBuffer
	s := &Server{DB: db, Logger: slog.New(slog.NewJSONHandler(&logs, nil))}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	f.srv = srv
	var addr struct{ URL string }
	f.do(f.anaTok, "GET", "/api/v1/me/calendar", nil, http.StatusOK, &addr)
	token := strings.TrimSuffix(addr.URL[strings.LastIndex(addr.URL, "/")+1:], ".ics")
	if len(token) < 20 {
		t.Fatalf("no token in %q", addr.URL)
	}
	f.do("", "GET", "/calendar/"+token+".ics", nil, http.StatusOK, nil)
	f.req("", "GET", "/calendar/not-"+token+".ics", nil)
	out := logs.String()
	if strings.Contains(out, token) {
		t.Fatalf("the calendar token is in the logs:\n%s", out)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) == nil && rec["path"] == "/calendar/[redacted]" {
			n++
		}
	}
	if n < 2 {
		t.Fatalf("the feed requests are not logged with a redacted path (%d lines):\n%s", n, out)
	}
}

// TestWriteError_InternalSaysOnlyInternalError: the answer to an internal
// error carries the request id and no detail; the log has the cause.
func TestWriteError_InternalSaysOnlyInternalError(t *testing.T) {
	var logs lockedBuffer
	s := &Server{Logger: slog.New(slog.NewJSONHandler(&logs, nil))}
	for _, err := range []error{
		mentor.Internal(errors.New("dial tcp 10.0.0.5:5432: connection refused")),
		mentor.Errorf(mentor.EINTERNAL, "matching failed: dial tcp 10.0.0.5:5432"),
		fmt.Errorf("scan: %w", errors.New("sql: 10.0.0.5 column mismatch")),
	} {
		w := httptest.NewRecorder()
		r := httptest.NewRequest("GET", "/api/v1/goals", nil)
		r = r.WithContext(context.WithValue(r.Context(), keyRequestID, "req-42"))
		s.writeError(w, r, err)
		body := w.Body.String()
		if w.Code != 500 || strings.Contains(body, "10.0.0.5") || !strings.Contains(body, `"detail":"Internal error."`) || !strings.Contains(body, "req-42") {
			t.Errorf("%v answered %d: %s", err, w.Code, body)
		}
	}
	if !strings.Contains(logs.String(), "10.0.0.5") {
		t.Fatalf("the causes are not in the log: %s", logs.String())
	}
}
