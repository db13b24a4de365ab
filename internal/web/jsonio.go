package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// MaxBodyBytes bounds every request body.
const MaxBodyBytes = 1 << 20

// decode reads one JSON object from the body into v. Unknown fields, wrong
// types, trailing data and bodies over MaxBodyBytes are rejected with an
// error naming the field where there is one; then the body is checked
// against the route's documented limits and the text rules (checkBody).
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return &statusError{status: http.StatusUnsupportedMediaType, err: mentor.Errorf(mentor.EINVALID, "Send the body as application/json.")}
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		return decodeError(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err = dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("trailing data")
	}
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errors.New("trailing data")
		}
	}
	if err == nil {
		return checkBody(r.Pattern, raw)
	}
	return decodeError(err)
}

// decodeError turns a failure to read or decode a JSON body into a 4xx
// error naming the field where there is one.
func decodeError(err error) error {
	var mbe *http.MaxBytesError
	var ute *json.UnmarshalTypeError
	var se *json.SyntaxError
	var me *mentor.Error
	switch {
	case errors.As(err, &mbe):
		return &statusError{status: http.StatusRequestEntityTooLarge, err: mentor.Errorf(mentor.EINVALID, "The body is larger than %d bytes.", MaxBodyBytes)}
	case errors.As(err, &ute):
		return badRequest(ute.Field, "%s must be a %s, not a %s", fieldName(ute.Field), ute.Type.Kind(), ute.Value)
	case errors.As(err, &se):
		return badRequest("", "The body is not valid JSON (at byte %d).", se.Offset)
	case errors.As(err, &me):
		return badRequest("", "%s", me.Message)
	case errors.Is(err, io.EOF):
		return badRequest("", "The body is empty; send a JSON object.")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name, _ := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		return badRequest(name, "unknown field %q", name)
	}
	return badRequest("", "The body could not be read: %s.", strings.TrimPrefix(err.Error(), "json: "))
}

func fieldName(f string) string {
	if f == "" {
		return "the value"
	}
	return f
}

// writeJSON sends v with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

// list is the shape of every list answer.
type list[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

func writeList[T any](w http.ResponseWriter, items []T, next string) error {
	if items == nil {
		items = []T{}
	}
	return writeJSON(w, http.StatusOK, list[T]{Items: items, NextCursor: next})
}

// page reads limit and cursor from the query string.
func page(r *http.Request) (store.Page, error) {
	p := store.Page{Cursor: r.URL.Query().Get("cursor")}
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > store.MaxLimit {
			return p, badRequest("limit", "limit must be a whole number from 1 to %d", store.MaxLimit)
		}
		p.Limit = n
	}
	return p, nil
}

// queryInt reads an optional integer query parameter.
func queryInt(r *http.Request, name string) (int64, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, badRequest(name, "%s must be a whole number, 0 or more", name)
	}
	return n, nil
}

// pathID reads the {id} path value.
func pathID(r *http.Request, name string) (int64, error) {
	n, ok := canonicalID(r.PathValue(name))
	if !ok {
		return 0, mentor.Errorf(mentor.ENOTFOUND, "There is no %s %q.", name, r.PathValue(name))
	}
	return n, nil
}
