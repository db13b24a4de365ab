package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

type loginData struct {
	pageData
	Next, Email, Error string
}

// safeNext keeps redirects on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return "/"
	}
	return next
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "login", loginData{pageData: s.base(r, "Sign in"), Next: safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return badRequest("", "The form could not be read.")
	}
	email, next := r.PostForm.Get("email"), safeNext(r.PostForm.Get("next"))
	u, err := s.DB.Authenticate(r.Context(), email, r.PostForm.Get("password"))
	if mentor.ErrorCode(err) == mentor.EUNAUTHORIZED {
		return s.render(w, r, http.StatusUnauthorized, "login", loginData{pageData: s.base(r, "Sign in"), Next: next, Email: email, Error: mentor.ErrorMessage(err)})
	}
	if err != nil {
		return err
	}
	token, err := s.DB.CreateSession(r.Context(), u.ID, store.SessionCookie, s.SessionTTL)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: r.TLS != nil, Expires: time.Now().Add(s.SessionTTL)})
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(SessionCookie); err == nil {
		if err := s.DB.DeleteSession(r.Context(), c.Value); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}
