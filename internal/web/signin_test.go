package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestSafeNext_KnownBypasses(t *testing.T) {
	tests := []struct{ next, want string }{
		{"/goals", "/goals"},
		{"/programs/3?tab=people#top", "/programs/3?tab=people#top"},
		{"", "/"},
		{"goals", "/"},
		{"//evil.example", "/"},
		{"/\\evil.example", "/"},
		{"\\\\evil.example", "/"},
		{"/\t/evil.example", "/"},
		{"/\n/evil.example", "/"},
		{"/\r/evil.example", "/"},
		{"/%09/evil.example", "/"},
		{"/%2F/evil.example", "/"},
		{"/%2f%2fevil.example", "/"},
		{"/%5Cevil.example", "/"},
		{"%2F%2Fevil.example", "/"},
		{"https://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{"/javascript:alert(1)", "/javascript:alert(1)"},
		{"http:/evil.example", "/"},
		{"/ /evil.example", "/ /evil.example"},
		{"/\x00/evil.example", "/"},
		{"/%00", "/"},
		{"/%zz", "/"},
	}
	for _, tt := range tests {
		if got := safeNext(tt.next); got != tt.want {
			t.Errorf("safeNext(%q) = %q, want %q", tt.next, got, tt.want)
		}
	}
}

// TestSignIn_Throttle: after the account's limit of wrong passwords, even
// the right one is refused with 429 and Retry-After until the window ends;
// the count is per account, the client limit spans accounts, and both hold
// for the API and the form. It runs on both databases, as the counts live
// in the database.
func TestSignIn_Throttle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		f := newFixture(t, db)
		s := &Server{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
			SignInLimits: SignInLimits{PerAccount: 3, PerClient: 5, Window: 10 * time.Minute}}
		srv := httptest.NewServer(s.Handler())
		defer srv.Close()
		f.srv = srv
		wrong := map[string]string{"email": "ana@example.com", "password": "not the password"}
		right := map[string]string{"email": "ana@example.com", "password": testPassword}
		for range 3 {
			f.problem("", "POST", "/api/v1/login", wrong, http.StatusUnauthorized)
		}
		resp, _ := f.req("", "POST", "/api/v1/login", right)
		if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "600" {
			t.Fatalf("the right password after 3 wrong ones: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
		}
		form := url.Values{"email": {"ana@example.com"}, "password": {testPassword}}
		if resp, err := http.PostForm(srv.URL+"/login", form); err != nil || resp.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("the sign-in form while blocked: %v %v", resp.StatusCode, err)
		}
		f.login("ben@example.com") // another account from the same client still signs in
		f.problem("", "POST", "/api/v1/login", map[string]string{"email": "ben@example.com", "password": "wrong"}, http.StatusUnauthorized)
		f.problem("", "POST", "/api/v1/login", map[string]string{"email": "cai@example.com", "password": "wrong"}, http.StatusUnauthorized)
		p := f.problem("", "POST", "/api/v1/login", map[string]string{"email": "cora@example.com", "password": testPassword}, http.StatusTooManyRequests)
		if !strings.Contains(p.Detail, "Too many failed sign-ins") {
			t.Fatalf("the client limit: %+v", p)
		}
		now = now.Add(11 * time.Minute)
		f.login("ana@example.com")
		resp, _ = f.req("", "POST", "/api/v1/login", wrong)
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("a new window: %d", resp.StatusCode)
		}
	})
}

func TestSignIn_CookieFlags(t *testing.T) {
	db := storetest.Open(t, store.SQLite)
	f := newFixture(t, db)
	for _, tc := range []struct {
		base, name string
		secure     bool
	}{{"", SessionCookie, false}, {"https://mentor.example.org", SecureSessionCookie, true}} {
		s := &Server{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), BaseURL: tc.base}
		srv := httptest.NewServer(s.Handler())
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.PostForm(srv.URL+"/login", url.Values{"email": {"ana@example.com"}, "password": {testPassword}, "next": {"/\t/evil.example"}})
		srv.Close()
		if err != nil {
			t.Fatal(err)
		}
		if loc := resp.Header.Get("Location"); loc != "/" {
			t.Errorf("redirect after sign-in to %q", loc)
		}
		cookies := resp.Cookies()
		if len(cookies) != 1 {
			t.Fatalf("%d cookies", len(cookies))
		}
		c := cookies[0]
		if c.Name != tc.name || c.Secure != tc.secure || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" {
			t.Errorf("base %q: cookie %+v", tc.base, c)
		}
	}
	_ = f
}

func TestSignIn_TokenAnswersAreNotCached(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	resp, _ := f.req("", "POST", "/api/v1/login", map[string]string{"email": "ana@example.com", "password": testPassword})
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("Cache-Control %q on the sign-in answer", resp.Header.Get("Cache-Control"))
	}
	_ = strconv.Itoa
}
