// Package mentor is mentormesh's domain: the entities of a mentoring program,
// their validation rules and the error codes every layer speaks. It depends on
// the standard library only.
package mentor

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes shared by every layer. The web layer maps each to an HTTP status.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EFORBIDDEN    = "forbidden"
	EUNAUTHORIZED = "unauthorized"
	EINTERNAL     = "internal"
)

// FieldError names one bad field of an input and what is wrong with it.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is a domain error with a code and a message meant for people. Fields
// lists each bad field of an invalid input. Err is the cause, for logs and
// errors.Is/As; it is never shown to people.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
	Err     error
}

// Error implements the error interface; it includes the cause, for logs.
func (e *Error) Error() string {
	msg := fmt.Sprintf("%s: %s", e.Code, e.Message)
	if len(e.Fields) > 0 {
		parts := make([]string, len(e.Fields))
		for i, f := range e.Fields {
			parts[i] = f.Field + ": " + f.Message
		}
		msg += " (" + strings.Join(parts, "; ") + ")"
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Internal returns an EINTERNAL error with cause err: people see only
// "Internal error.", the logs see the cause.
func Internal(err error) *Error {
	return &Error{Code: EINTERNAL, Message: "Internal error.", Err: err}
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the people-facing message of err; internal errors,
// whether an *Error with code EINTERNAL or any other error, get a generic
// message so that details never leak.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Message
	}
	return "Internal error."
}

// ErrorFields returns the field errors of err, if any.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Problems collects field errors during validation.
type Problems struct {
	list []FieldError
}

// Add records that field has the problem described by the formatted message.
func (p *Problems) Add(field, format string, args ...any) {
	p.list = append(p.list, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Check adds the problem when bad is true.
func (p *Problems) Check(bad bool, field, format string, args ...any) {
	if bad {
		p.Add(field, format, args...)
	}
}

// Merge adds problems of a nested value, prefixing each field with prefix.
func (p *Problems) Merge(prefix string, err error) {
	for _, f := range ErrorFields(err) {
		p.list = append(p.list, FieldError{Field: prefix + f.Field, Message: f.Message})
	}
}

// Err returns an EINVALID *Error listing every problem, or nil when there are none.
func (p *Problems) Err(what string) error {
	if len(p.list) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: "The " + what + " has invalid fields.", Fields: p.list}
}
