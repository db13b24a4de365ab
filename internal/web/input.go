package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// The OpenAPI document is the contract for request bodies: the limits it
// writes down (maxLength, minimum, maximum, maxItems) are the limits
// enforced, read from the same embedded document, so the two cannot drift.
// Every text value, documented or not, must also be valid UTF-8 without NUL
// characters: PostgreSQL refuses NUL in text, and neither database should
// store text a browser cannot show.

// limits are the documented bounds of one JSON value of a request body.
type limits struct {
	maxLength int // of a string, in characters; 0 for none
	minimum   *float64
	maximum   *float64
	maxItems  int // of an array; 0 for none
	props     map[string]*limits
	items     *limits // of an array
	extra     *limits // of an object's other properties (additionalProperties)
}

// bodyLimits maps "METHOD /path/{template}" (a route pattern) to the limits
// of its JSON request body, compiled once from the embedded document.
var bodyLimits = sync.OnceValue(func() map[string]*limits {
	var doc map[string]any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		panic("openapi.json: " + err.Error()) // embedded at build time; the tests read it too
	}
	schemas, _ := dig(doc, "components", "schemas").(map[string]any)
	out := map[string]*limits{}
	paths, _ := doc["paths"].(map[string]any)
	for path, ops := range paths {
		ops, _ := ops.(map[string]any)
		for method, op := range ops {
			schema := dig(op, "requestBody", "content", "application/json", "schema")
			if schema != nil {
				out[strings.ToUpper(method)+" "+path] = compileLimits(schemas, schema)
			}
		}
	}
	return out
})

// dig follows keys through nested JSON objects; nil when one is missing.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// compileLimits reads the bounds of a schema, following $ref.
func compileLimits(schemas map[string]any, v any) *limits {
	s, _ := v.(map[string]any)
	if ref, ok := s["$ref"].(string); ok {
		s, _ = schemas[strings.TrimPrefix(ref, "#/components/schemas/")].(map[string]any)
	}
	l := &limits{}
	num := func(k string) *float64 {
		if f, ok := s[k].(float64); ok {
			return &f
		}
		return nil
	}
	if n := num("maxLength"); n != nil {
		l.maxLength = int(*n)
	}
	if n := num("maxItems"); n != nil {
		l.maxItems = int(*n)
	}
	l.minimum, l.maximum = num("minimum"), num("maximum")
	if props, ok := s["properties"].(map[string]any); ok {
		l.props = map[string]*limits{}
		for k, p := range props {
			l.props[k] = compileLimits(schemas, p)
		}
	}
	if items, ok := s["items"]; ok {
		l.items = compileLimits(schemas, items)
	}
	if extra, ok := s["additionalProperties"].(map[string]any); ok {
		l.extra = compileLimits(schemas, extra)
	}
	return l
}

// checkBody checks a JSON request body of the route pattern against the
// documented limits and the text rules, and returns an EINVALID error (422)
// naming every bad field, or nil. raw must already have decoded cleanly.
func checkBody(pattern string, raw []byte) error {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil // the strict decode already answered for the syntax
	}
	c := bodyCheck{badUTF8: !utf8.Valid(raw)}
	c.walk(bodyLimits()[pattern], v, "")
	if c.badUTF8 && c.pr.Err("input") == nil {
		// json turned the bad bytes into U+FFFD somewhere we did not look (a key).
		c.pr.Add("body", "is not valid UTF-8 text")
	}
	return c.pr.Err("input")
}

// bodyCheck walks a decoded body and collects its problems.
type bodyCheck struct {
	badUTF8 bool
	pr      mentor.Problems
}

func (c *bodyCheck) walk(l *limits, v any, at string) {
	if l == nil {
		l = &limits{}
	}
	switch v := v.(type) {
	case string:
		c.text(l, v, at)
	case json.Number:
		f, err := v.Float64()
		switch {
		case err != nil:
		case l.minimum != nil && l.maximum != nil && (f < *l.minimum || f > *l.maximum):
			c.pr.Add(at, "must be from %s to %s", num(*l.minimum), num(*l.maximum))
		case l.minimum != nil && f < *l.minimum:
			c.pr.Add(at, "must be at least %s", num(*l.minimum))
		case l.maximum != nil && f > *l.maximum:
			c.pr.Add(at, "must be at most %s", num(*l.maximum))
		}
	case []any:
		if l.maxItems > 0 && len(v) > l.maxItems {
			c.pr.Add(at, "has %d items; at most %d are allowed", len(v), l.maxItems)
			return
		}
		for i, e := range v {
			c.walk(l.items, e, at+"["+strconv.Itoa(i)+"]")
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			name := k
			if at != "" {
				name = at + "." + k
			}
			c.text(&limits{maxLength: 200}, k, name+" (name)")
			child := l.props[k]
			if child == nil {
				child = l.extra
			}
			c.walk(child, v[k], name)
		}
	}
}

// text checks one string: no NUL, valid UTF-8 (json shows bad bytes as
// U+FFFD), and within the documented length.
func (c *bodyCheck) text(l *limits, s, at string) {
	switch {
	case strings.ContainsRune(s, 0):
		c.pr.Add(at, "must not contain NUL characters")
	case c.badUTF8 && strings.ContainsRune(s, utf8.RuneError):
		c.pr.Add(at, "is not valid UTF-8 text")
	case l.maxLength > 0 && utf8.RuneCountInString(s) > l.maxLength:
		c.pr.Add(at, "is longer than %d characters", l.maxLength)
	}
}

// num writes a bound without a needless fraction.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// badText says what is wrong with text from a URL or a form, or "".
func badText(s string) string {
	switch {
	case strings.ContainsRune(s, 0):
		return "must not contain NUL characters"
	case !utf8.ValidString(s):
		return "is not valid UTF-8 text"
	}
	return ""
}

// guardText refuses requests whose path, query or form carries text no
// field may hold (NUL characters, invalid UTF-8): the path and query
// parameters with 400, form fields with 422, each naming the parameter or
// field. JSON bodies are checked by decode (checkBody).
func (s *Server) guardText(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if why := badText(r.URL.Path); why != "" {
			s.writeError(w, r, badRequest("path", "The address %s.", why))
			return
		}
		var pr mentor.Problems
		for k, vs := range r.URL.Query() {
			if why := badText(k); why != "" {
				pr.Add("query", "a parameter name %s", why)
			}
			for _, v := range vs {
				if why := badText(v); why != "" {
					pr.Add(k, "%s", why)
				}
			}
		}
		if err := pr.Err("query"); err != nil {
			s.writeError(w, r, &statusError{status: http.StatusBadRequest, err: err.(*mentor.Error)})
			return
		}
		if r.Method == http.MethodPost && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
			if err := r.ParseForm(); err != nil {
				s.writeError(w, r, &statusError{status: http.StatusRequestEntityTooLarge,
					err: mentor.Errorf(mentor.EINVALID, "The form could not be read (at most %d bytes).", MaxBodyBytes)})
				return
			}
			for k, vs := range r.PostForm {
				for _, v := range vs {
					if why := badText(v); why != "" {
						pr.Add(k, "%s", why)
					}
				}
			}
			if err := pr.Err("form"); err != nil {
				s.writeError(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// canonicalID parses a decimal id written the one way FormatInt writes it:
// "+1", "01" and " 1" are not id 1.
func canonicalID(s string) (int64, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0 && strconv.FormatInt(n, 10) == s
}
