package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

type loginData struct {
	pageData
	Next, Email, Error string
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
	u, err := s.signIn(r.Context(), r, email, r.PostForm.Get("password"))
	if c := mentor.ErrorCode(err); c == mentor.EUNAUTHORIZED {
		status := http.StatusUnauthorized
		var se *statusError
		if errors.As(err, &se) {
			status = se.status
			w.Header().Set("Retry-After", strconv.Itoa(se.retryAfter))
		}
		return s.render(w, r, status, "login", loginData{pageData: s.base(r, "Sign in"), Next: next, Email: email, Error: mentor.ErrorMessage(err)})
	}
	if err != nil {
		return err
	}
	token, err := s.DB.CreateSession(r.Context(), u.ID, store.SessionCookie, s.sessionPolicy())
	if err != nil {
		return err
	}
	s.setSessionCookie(w, r, token)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request) error {
	if token := sessionCookie(r); token != "" {
		if err := s.DB.DeleteSession(r.Context(), token); err != nil {
			return err
		}
	}
	s.setSessionCookie(w, r, "")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}
