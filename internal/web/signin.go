package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// SignInLimits bound failed sign-ins: PerAccount failures for one e-mail
// address and PerClient failures from one client address within Window;
// past either, sign-ins are answered 429 until the window ends. The counts
// live in the database, so they hold across server instances.
type SignInLimits struct {
	PerAccount int
	PerClient  int
	Window     time.Duration
}

// DefaultSignInLimits allow a person a few typos and a shared office
// address many, and stop guessing at about one password a minute.
var DefaultSignInLimits = SignInLimits{PerAccount: 10, PerClient: 100, Window: 15 * time.Minute}

// signInKeys are the throttle keys of a sign-in attempt. The client is the
// connection's address; behind a proxy that is the proxy's.
func (s *Server) signInKeys(r *http.Request, email string) []store.SignInLimit {
	client := r.RemoteAddr
	if i := strings.LastIndexByte(client, ':'); i > 0 {
		client = client[:i]
	}
	l := s.SignInLimits
	return []store.SignInLimit{
		{Key: "account:" + strings.ToLower(strings.TrimSpace(email)), Max: l.PerAccount, Window: l.Window},
		{Key: "client:" + client, Max: l.PerClient, Window: l.Window},
	}
}

// signIn checks an e-mail and password under the throttle: a key past its
// limit is a 429 with Retry-After, a wrong pair counts against both keys,
// and a success clears the account's count.
func (s *Server) signIn(ctx context.Context, r *http.Request, email, password string) (*mentor.User, error) {
	keys := s.signInKeys(r, email)
	wait, err := s.DB.SignInBlocked(ctx, keys)
	if err != nil {
		return nil, err
	}
	if wait > 0 {
		secs := int(wait.Round(time.Second).Seconds())
		return nil, &statusError{status: http.StatusTooManyRequests, retryAfter: max(secs, 1),
			err: mentor.Errorf(mentor.EUNAUTHORIZED, "Too many failed sign-ins; try again in %s.", humanWait(secs))}
	}
	u, err := s.DB.Authenticate(ctx, email, password)
	if mentor.ErrorCode(err) == mentor.EUNAUTHORIZED {
		if rerr := s.DB.RecordSignInFailure(ctx, keys); rerr != nil {
			return nil, rerr
		}
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	return u, s.DB.ClearSignInFailures(ctx, keys[0].Key)
}

// humanWait says a wait in minutes, or seconds when under a minute.
func humanWait(secs int) string {
	if secs < 60 {
		return strconv.Itoa(max(secs, 1)) + " seconds"
	}
	m := (secs + 59) / 60
	if m == 1 {
		return "a minute"
	}
	return strconv.Itoa(m) + " minutes"
}

// sessionPolicy is the server's session lifetime.
func (s *Server) sessionPolicy() store.SessionPolicy {
	return store.SessionPolicy{TTL: s.SessionTTL, Idle: s.SessionIdle}
}

// SessionCookie is the name of the browser's session cookie over plain
// HTTP; over HTTPS it is SecureSessionCookie, which browsers accept only
// from a secure origin, for the whole site, and never from a subdomain.
const (
	SessionCookie       = "mentormesh_session"
	SecureSessionCookie = "__Host-mentormesh_session"
)

// secureCookies reports whether the session cookie must be Secure: the
// request came over TLS, or the public address is https (TLS ends at a
// proxy in front of the server).
func (s *Server) secureCookies(r *http.Request) bool {
	return r.TLS != nil || strings.HasPrefix(s.BaseURL, "https://")
}

// setSessionCookie sets (or with token "" clears) the session cookie:
// HttpOnly, SameSite=Lax, Secure and __Host- prefixed over HTTPS.
func (s *Server) setSessionCookie(w http.ResponseWriter, r *http.Request, token string) {
	c := &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode}
	if s.secureCookies(r) {
		c.Name, c.Secure = SecureSessionCookie, true
	}
	if token == "" {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// sessionCookie returns the session token the browser sent, or "".
func sessionCookie(r *http.Request) string {
	for _, name := range []string{SecureSessionCookie, SessionCookie} {
		if c, err := r.Cookie(name); err == nil && c.Value != "" {
			return c.Value
		}
	}
	return ""
}

// safeNext keeps the redirect after sign-in on this site: only a relative
// path that starts with one "/" passes; anything with a scheme, a host, a
// backslash, a control character or an encoded form of those becomes "/".
// Browsers drop tabs and newlines and read "\" as "/", so "/\t/evil.example"
// and "/\evil.example" would leave the site.
func safeNext(next string) string {
	decoded, err := url.PathUnescape(next)
	if err != nil {
		return "/"
	}
	for _, v := range []string{next, decoded} {
		if !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") || strings.ContainsAny(v, "\\") {
			return "/"
		}
		for _, c := range v {
			if c < 0x20 || c == 0x7f {
				return "/"
			}
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") {
		return "/"
	}
	return next
}
