package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// TestEveryRoute_BadInputIsA4xx sends, on both databases, to every API
// route that takes a JSON body: a NUL character in each documented text
// field, a 20 MB body, and a non-canonical id; and to every API path a
// method none of them takes (405 naming the methods it does take). Each answer is a 4xx problem+json, and the
// server stays healthy.
func TestEveryRoute_BadInputIsA4xx(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		s := &Server{DB: db}
		s.Handler()
		check := func(what string, resp *http.Response, body []byte) {
			t.Helper()
			if resp.StatusCode < 400 || resp.StatusCode > 499 || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("%s: %d %s: %.200s", what, resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
		}
		path := func(pattern string, id string) string {
			_, p, _ := strings.Cut(pattern, " ")
			for _, name := range []string{"{id}", "{eid}"} {
				p = strings.ReplaceAll(p, name, id)
			}
			return p
		}
		big := bytes.Repeat([]byte("x"), 20<<20)
		routes := 0
		for _, r := range s.Routes() {
			method, _, _ := strings.Cut(r.Pattern, " ")
			l := bodyLimits()[r.Pattern]
			if l == nil || !strings.Contains(r.Pattern, "/api/") {
				continue
			}
			routes++
			id := itoa(f.match.ID)
			for name, p := range l.props {
				if p.maxLength == 0 {
					continue
				}
				b, _ := json.Marshal(map[string]string{name: "a\x00b"})
				resp, body := f.req(f.coordTok, method, path(r.Pattern, id), b)
				check(r.Pattern+" NUL in "+name, resp, body)
			}
			resp, body := f.req(f.coordTok, method, path(r.Pattern, id), big)
			check(r.Pattern+" 20 MB", resp, body)
			if strings.Contains(r.Pattern, "{id}") {
				resp, body = f.req(f.coordTok, method, path(r.Pattern, "+"+id), []byte(`{}`))
				check(r.Pattern+" id +N", resp, body)
			}
		}
		if routes < 30 {
			t.Fatalf("only %d routes with a JSON body", routes)
		}
		for _, r := range s.Routes() {
			method, _, _ := strings.Cut(r.Pattern, " ")
			if !strings.HasPrefix(path(r.Pattern, "1"), "/api/") {
				continue
			}
			resp, body := f.req(f.coordTok, "PURGE", path(r.Pattern, "1"), nil)
			if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(resp.Header.Get("Allow"), method) {
				t.Errorf("PURGE %s: %d, Allow %q: %.200s", path(r.Pattern, "1"), resp.StatusCode, resp.Header.Get("Allow"), body)
			}
		}
		if resp, _ := f.req("", "GET", "/healthz", nil); resp.StatusCode != 200 {
			t.Fatalf("not healthy after the bad input: %d", resp.StatusCode)
		}
	})
}
