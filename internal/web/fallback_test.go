package web

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestFallback_ErrorsInTheHouseStyle(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	t.Run("unknown API path is problem+json 404", func(t *testing.T) {
		f.problem(f.coordTok, "GET", "/api/v1/no-such-thing", nil, http.StatusNotFound)
		f.problem("", "GET", "/api/v2/people", nil, http.StatusNotFound)
	})
	t.Run("wrong method is problem+json 405 with Allow", func(t *testing.T) {
		resp, _ := f.req(f.coordTok, "DELETE", "/api/v1/goals", nil)
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD, POST" {
			t.Fatalf("status %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
		}
		f.problem(f.coordTok, "PATCH", "/api/v1/login", nil, http.StatusMethodNotAllowed)
	})
	t.Run("unknown page is the styled 404 page", func(t *testing.T) {
		resp, body := f.req("", "GET", "/nowhere/at/all", nil)
		if resp.StatusCode != http.StatusNotFound || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") ||
			!strings.Contains(string(body), "<h1>404 Not Found</h1>") {
			t.Fatalf("status %d, type %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	})
	t.Run("cross-origin write is problem+json 403", func(t *testing.T) {
		r, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/goals", strings.NewReader(goalJSON(t, f, "title", "x")))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Authorization", "Bearer "+f.anaTok)
		r.Header.Set("Sec-Fetch-Site", "cross-site")
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Fatalf("status %d, type %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	})
	t.Run("no listing of the static folder", func(t *testing.T) {
		for _, p := range []string{"/static/"} {
			if resp, body := f.req("", "GET", p, nil); resp.StatusCode != http.StatusNotFound || strings.Contains(string(body), `href="style.css"`) {
				t.Fatalf("%s: status %d: %s", p, resp.StatusCode, body)
			}
		}
		if resp, _ := f.req("", "GET", "/static/style.css", nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("the style sheet: %d", resp.StatusCode)
		}
	})
}

func TestHeaders_OnEveryAnswer(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	for _, p := range []struct{ token, path string }{{f.anaTok, "/api/v1/me"}, {"", "/login"}, {"", "/api/v1/nowhere"}, {f.anaTok, "/"}} {
		resp, _ := f.req(p.token, "GET", p.path, nil)
		h := resp.Header
		if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", p.path, h.Get("Content-Security-Policy"))
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: nosniff %q, referrer %q, cache %q", p.path, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"), h.Get("Cache-Control"))
		}
	}
}
