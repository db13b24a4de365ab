package web

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"
)

// schemaKeywords are the JSON Schema keywords schemaErrors understands (or,
// for annotations and formats other than date and date-time, may ignore).
var schemaKeywords = map[string]bool{"type": true, "enum": true, "minimum": true, "maximum": true, "minLength": true,
	"maxLength": true, "pattern": true, "format": true, "items": true, "minItems": true, "maxItems": true,
	"properties": true, "required": true, "additionalProperties": true, "propertyNames": true,
	"description": true, "examples": true, "default": true}

// schemaErrors validates v against the subset of JSON Schema the document
// uses; a schema with any other keyword is reported, so that nothing goes
// unchecked. It is strict: an object schema with properties but no
// additionalProperties rejects undeclared properties, so every field of an
// answer must be documented.
func schemaErrors(doc map[string]any, schema, v any, at string) []string {
	s, ok := deref(doc, schema).(map[string]any)
	if !ok {
		return []string{at + ": schema does not resolve"}
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	for k := range s {
		if !schemaKeywords[k] {
			bad("the test's validator does not understand the schema keyword %q", k)
		}
	}
	if t, ok := s["type"]; ok {
		types := []any{t}
		if list, ok := t.([]any); ok {
			types = list
		}
		if !hasType(types, v) {
			bad("%s is not of type %v", short(v), t)
			return errs
		}
	}
	if enum, ok := s["enum"].([]any); ok && !inEnum(enum, v) {
		bad("%s is not one of %v", short(v), enum)
	}
	switch v := v.(type) {
	case json.Number:
		n, _ := v.Float64()
		if lo, ok := s["minimum"].(json.Number); ok {
			if l, _ := lo.Float64(); n < l {
				bad("%v is below the minimum %v", v, lo)
			}
		}
		if hi, ok := s["maximum"].(json.Number); ok {
			if h, _ := hi.Float64(); n > h {
				bad("%v is above the maximum %v", v, hi)
			}
		}
	case string:
		n := int64(utf8.RuneCountInString(v))
		if lo, ok := s["minLength"].(json.Number); ok {
			if l, _ := lo.Int64(); n < l {
				bad("%q is shorter than %v", v, lo)
			}
		}
		if hi, ok := s["maxLength"].(json.Number); ok {
			if h, _ := hi.Int64(); n > h {
				bad("%q is longer than %v", short(v), hi)
			}
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(v) {
			bad("%q does not match %s", v, p)
		}
		layout := map[any]string{"date-time": time.RFC3339, "date": "2006-01-02"}[s["format"]]
		if _, err := time.Parse(layout, v); layout != "" && err != nil {
			bad("%q is not a %v", v, s["format"])
		}
	case []any:
		if lo, ok := s["minItems"].(json.Number); ok {
			if l, _ := lo.Int64(); int64(len(v)) < l {
				bad("has %d items, fewer than %v", len(v), lo)
			}
		}
		if hi, ok := s["maxItems"].(json.Number); ok {
			if h, _ := hi.Int64(); int64(len(v)) > h {
				bad("has %d items, more than %v", len(v), hi)
			}
		}
		for i, e := range v {
			errs = append(errs, schemaErrors(doc, s["items"], e, at+"["+strconv.Itoa(i)+"]")...)
		}
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		req, _ := s["required"].([]any)
		for _, r := range req {
			if _, ok := v[r.(string)]; !ok {
				bad("required property %q is missing", r)
			}
		}
		for k, e := range v {
			if names, ok := s["propertyNames"]; ok {
				errs = append(errs, schemaErrors(doc, names, k, at+" key "+k)...)
			}
			switch extra, declared := s["additionalProperties"]; {
			case props[k] != nil:
				errs = append(errs, schemaErrors(doc, props[k], e, at+"."+k)...)
			case extra == false || !declared && props != nil:
				bad("property %q is not documented", k)
			case declared && extra != true:
				errs = append(errs, schemaErrors(doc, extra, e, at+"."+k)...)
			}
		}
	}
	return errs
}

// hasType reports whether v is of one of the JSON Schema types.
func hasType(types []any, v any) bool {
	for _, t := range types {
		switch v := v.(type) {
		case nil:
			if t == "null" {
				return true
			}
		case bool:
			if t == "boolean" {
				return true
			}
		case string:
			if t == "string" {
				return true
			}
		case []any:
			if t == "array" {
				return true
			}
		case map[string]any:
			if t == "object" {
				return true
			}
		case json.Number:
			_, err := v.Int64()
			if t == "number" || t == "integer" && err == nil {
				return true
			}
		}
	}
	return false
}

// inEnum reports whether v is one of the enum values.
func inEnum(enum []any, v any) bool {
	for _, e := range enum {
		if reflect.DeepEqual(e, v) {
			return true
		}
	}
	return false
}

// short renders v as JSON for messages, cut at 60 bytes.
func short(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 60 {
		return string(b[:60]) + "..."
	}
	return string(b)
}
