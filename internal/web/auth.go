package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// authenticate loads the signed-in user, if any, from a bearer token or the
// session cookie. It never refuses a request: private routes do that.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, kind := "", ""
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, t, _ := strings.Cut(h, " ")
			if !strings.EqualFold(scheme, "Bearer") || t == "" {
				s.writeError(w, r, mentor.Errorf(mentor.EUNAUTHORIZED, "Use Authorization: Bearer TOKEN with a token from POST /api/v1/login."))
				return
			}
			token, kind = strings.TrimSpace(t), store.SessionBearer
		} else if c := sessionCookie(r); c != "" {
			token, kind = c, store.SessionCookie
		}
		if token != "" {
			u, err := s.DB.SessionUser(r.Context(), token, kind, s.sessionPolicy())
			switch {
			case err == nil:
				ctx := context.WithValue(r.Context(), keyUser, u)
				r = r.WithContext(context.WithValue(ctx, keyToken, token))
			case kind == store.SessionBearer || mentor.ErrorCode(err) != mentor.EUNAUTHORIZED:
				// A wrong bearer token is an error; a stale cookie just means "signed out".
				s.writeError(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// currentUser returns the signed-in user, or nil.
func currentUser(r *http.Request) *mentor.User {
	u, _ := r.Context().Value(keyUser).(*mentor.User)
	return u
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type loginResponse struct {
	Token     string         `json:"token"`
	ExpiresIn int            `json:"expires_in"`
	User      *mentor.User   `json:"user"`
	Person    *mentor.Person `json:"person"`
}

// apiLogin exchanges an e-mail and password for a bearer token.
func (s *Server) apiLogin(w http.ResponseWriter, r *http.Request) error {
	var req loginRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	var pr mentor.Problems
	pr.Check(strings.TrimSpace(req.Email) == "", "email", "is required")
	pr.Check(req.Password == "", "password", "is required")
	if err := pr.Err("sign-in"); err != nil {
		return err
	}
	u, err := s.signIn(r.Context(), r, req.Email, req.Password)
	if err != nil {
		return err
	}
	token, err := s.DB.CreateSession(r.Context(), u.ID, store.SessionBearer, s.sessionPolicy())
	if err != nil {
		return err
	}
	p, err := s.DB.Person(r.Context(), u.PersonID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, loginResponse{Token: token, ExpiresIn: int(s.SessionTTL.Seconds()), User: u, Person: p})
}

// apiLogout ends the current bearer session.
func (s *Server) apiLogout(w http.ResponseWriter, r *http.Request) error {
	if t, _ := r.Context().Value(keyToken).(string); t != "" {
		if err := s.DB.DeleteSession(r.Context(), t); err != nil {
			return err
		}
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// requireManager refuses participants.
func requireManager(r *http.Request) error {
	if !currentUser(r).Manages() {
		return forbidden("Only coordinators and admins may do this.")
	}
	return nil
}
