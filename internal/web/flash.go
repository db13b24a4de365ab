package web

import (
	"net/http"
	"net/url"
	"unicode/utf8"
)

// A flash message ("Goal saved.") survives exactly one redirect: the action
// that succeeded sets a short-lived cookie and answers 303; the next page
// shows the message and clears the cookie. The text is always escaped by
// html/template, and only the server's own words are put in it.

const flashCookie = "mm_flash"

// redirectFlash answers a successful form POST: 303 See Other to target,
// with msg shown once on the next page.
func (s *Server) redirectFlash(w http.ResponseWriter, r *http.Request, target, msg string) error {
	if len(msg) > 300 {
		msg = truncate(msg, 300)
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: url.QueryEscape(msg), Path: "/", MaxAge: 60,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureCookies(r)})
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

// readFlash returns the flash message the request carries, or "".
func readFlash(r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	msg, err := url.QueryUnescape(c.Value)
	if err != nil || !utf8.ValidString(msg) {
		return ""
	}
	return truncate(msg, 300)
}

// clearFlash removes the flash cookie once a page has shown it.
func (s *Server) clearFlash(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie(flashCookie); err == nil {
		http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureCookies(r)})
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
