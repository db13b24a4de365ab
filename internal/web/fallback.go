package web

import (
	"net/http"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// contentSecurityPolicy allows the pages only their own styles, scripts,
// images and forms, and no framing (no inline script, no third-party code).
const contentSecurityPolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"

// secureHeaders sets the headers every answer carries, JSON and HTML alike.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			// Pages and API answers carry personal data or tokens: never
			// keep them in a shared or browser cache.
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// probeMethods are the methods tried to tell a wrong method from a wrong path.
var probeMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// dispatch serves r through the routes, and answers a path no route knows
// (404) or a method its routes do not take (405 with Allow) in the house
// style: problem+json under /api/, the styled error page elsewhere.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern != "" {
		s.mux.ServeHTTP(w, r)
		return
	}
	var allowed []string
	for _, m := range probeMethods {
		if _, pattern := s.mux.Handler(&http.Request{Method: m, URL: r.URL, Host: r.Host}); pattern != "" {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) == 0 {
		s.writeError(w, r, mentor.Errorf(mentor.ENOTFOUND, "There is nothing at %s.", r.URL.Path))
		return
	}
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	s.writeError(w, r, &statusError{status: http.StatusMethodNotAllowed,
		err: mentor.Errorf(mentor.EINVALID, "%s does not take %s; it takes %s.", r.URL.Path, r.Method, strings.Join(allowed, ", "))})
}

// crossOriginRefused answers a cross-origin form or API write that the
// CSRF protection stopped.
func (s *Server) crossOriginRefused(w http.ResponseWriter, r *http.Request) {
	s.writeError(w, r, forbidden("This request came from another site and was refused; send it from mentormesh itself."))
}

// noListing answers 404 for a folder of the static files instead of
// listing what is in it.
func (s *Server) noListing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			s.writeError(w, r, mentor.Errorf(mentor.ENOTFOUND, "There is nothing to list here."))
			return
		}
		next.ServeHTTP(w, r)
	})
}
