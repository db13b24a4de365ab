package web

import (
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestRender_TemplateErrorIsACleanErrorPage: a page whose template fails half
// way is never sent half-written; the browser gets the styled 500 page.
func TestRender_TemplateErrorIsACleanErrorPage(t *testing.T) {
	s := &Server{Logger: slog.New(slog.DiscardHandler)}
	s.Handler()
	s.pages["broken"] = template.Must(template.New("broken").Parse(
		`{{define "broken.html"}}<p>start of the page</p>{{call .Fail}}<p>end</p>{{end}}`))
	data := struct{ Fail func() (string, error) }{func() (string, error) { return "", errors.New("boom") }}
	h := s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return s.render(w, r, http.StatusOK, "broken", data)
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/broken", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500; body:\n%s", rec.Code, body)
	}
	if strings.Contains(body, "start of the page") || strings.Contains(body, "boom") {
		t.Fatalf("the half-rendered page or the internal error leaked:\n%s", body)
	}
	if !strings.Contains(body, "<html") || !strings.Contains(body, "Internal Server Error") {
		t.Fatalf("want the styled error page, got:\n%s", body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("Content-Type %q", ct)
	}
}

// TestRender_EveryPageParses: each page template parses with the layout, and
// an unknown page name is an error, not a panic.
func TestRender_EveryPageParses(t *testing.T) {
	pages, err := parsePages()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range pageNames {
		if pages[name].Lookup(name+".html") == nil || pages[name].Lookup("layout.html") == nil {
			t.Errorf("page %s lacks its own or the layout template", name)
		}
	}
	s := &Server{Logger: slog.New(slog.DiscardHandler), pages: pages}
	if err := s.render(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil), 200, "nope", nil); err == nil {
		t.Fatal("an unknown page rendered")
	}
}
