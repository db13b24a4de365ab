package web

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// handlerFunc is an HTTP handler that returns an error; Server.handle turns
// the error into a response in one place.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

var codeStatus = map[string]int{
	mentor.EINVALID:      http.StatusUnprocessableEntity,
	mentor.ENOTFOUND:     http.StatusNotFound,
	mentor.ECONFLICT:     http.StatusConflict,
	mentor.EFORBIDDEN:    http.StatusForbidden,
	mentor.EUNAUTHORIZED: http.StatusUnauthorized,
	mentor.EINTERNAL:     http.StatusInternalServerError,
}

// statusError carries an HTTP status that no domain code expresses (400,
// 405, 413, 415, 429), and for 429 the seconds to wait.
type statusError struct {
	status     int
	retryAfter int
	err        *mentor.Error
}

func (e *statusError) Error() string { return e.err.Error() }
func (e *statusError) Unwrap() error { return e.err }

// problem is an RFC 9457 problem details document.
type problem struct {
	Type      string              `json:"type"`
	Title     string              `json:"title"`
	Status    int                 `json:"status"`
	Detail    string              `json:"detail"`
	Instance  string              `json:"instance,omitempty"`
	Errors    []mentor.FieldError `json:"errors,omitempty"`
	RequestID string              `json:"request_id,omitempty"`
}

// writeError renders err as problem+json for API requests and as an HTML page
// otherwise. Internal errors are logged with the request id and shown only
// as a generic message.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := mentor.ErrorCode(err)
	status := codeStatus[code]
	var se *statusError
	if errors.As(err, &se) {
		status = se.status
		if se.retryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(se.retryAfter))
		}
	}
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if code == mentor.EINTERNAL {
		s.Logger.ErrorContext(r.Context(), "request failed", "err", err, "method", r.Method, "path", logPath(r), "request_id", requestID(r.Context()))
	}
	if status == http.StatusUnauthorized && !isAPI(r) {
		http.Redirect(w, r, "/login?next="+r.URL.EscapedPath(), http.StatusSeeOther)
		return
	}
	if !isAPI(r) {
		s.renderErrorPage(w, r, status, mentor.ErrorMessage(err), mentor.ErrorFields(err))
		return
	}
	p := problem{Type: "https://mentormesh.org/problems/" + strings.ReplaceAll(code, "_", "-"), Title: http.StatusText(status), Status: status,
		Detail: mentor.ErrorMessage(err), Instance: r.URL.Path, Errors: mentor.ErrorFields(err), RequestID: requestID(r.Context())}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="mentormesh"`)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(p)
}

func isAPI(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/metrics"
}

func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

func badRequest(field, format string, args ...any) error {
	e := mentor.Errorf(mentor.EINVALID, format, args...)
	if field != "" {
		e.Fields = []mentor.FieldError{{Field: field, Message: e.Message}}
	}
	return &statusError{status: http.StatusBadRequest, err: e}
}

func forbidden(format string, args ...any) error {
	return mentor.Errorf(mentor.EFORBIDDEN, format, args...)
}

func logError(l *slog.Logger, r *http.Request, msg string, err error) {
	l.ErrorContext(r.Context(), msg, "err", err, "request_id", requestID(r.Context()))
}
