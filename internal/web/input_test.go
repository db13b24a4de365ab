package web

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// TestInput_TextRules sends NUL characters, invalid UTF-8, text over its
// documented length and numbers out of range to the API and the forms, on
// both databases: each is a 4xx naming the field, never a 500, and nothing
// is stored.
func TestInput_TextRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		bodies := []struct {
			name, token, method, path string
			body                      string
			status                    int
			field                     string
		}{
			{"NUL in the sign-in e-mail", "", "POST", "/api/v1/login", `{"email":"ana\u0000@example.com","password":"x"}`, 422, "email"},
			{"NUL in a goal title", f.anaTok, "POST", "/api/v1/goals", goalJSON(t, f, "title", "ship\u0000it"), 422, "title"},
			{"invalid UTF-8 in a goal title", f.anaTok, "POST", "/api/v1/goals", strings.Replace(goalJSON(t, f, "title", "XX"), "XX", "\xff\xfe", 1), 422, "title"},
			{"a title over 200 characters", f.anaTok, "POST", "/api/v1/goals", goalJSON(t, f, "title", strings.Repeat("é", 201)), 422, "title"},
			{"a bio over its documented length", f.anaTok, "PUT", "/api/v1/me", `{"name":"Ana Mentee","email":"ana@example.com","bio":"` + strings.Repeat("b", 4001) + `"}`, 422, "bio"},
			{"a nested language too long", f.anaTok, "PUT", "/api/v1/me", `{"name":"Ana Mentee","email":"ana@example.com","languages":["` + strings.Repeat("l", 51) + `"]}`, 422, "languages[0]"},
			{"a negative group size", f.coordTok, "POST", "/api/v1/programs", `{"name":"Circles","format":"circles","options":{"group_size":-1}}`, 422, "options.group_size"},
			{"NUL in a map key", f.coordTok, "POST", "/api/v1/programs", `{"name":"P","format":"peer","options":{"weights":{"skills\u0000":1}}}`, 422, "options.weights.skills\x00 (name)"},
		}
		for _, tc := range bodies {
			t.Run(tc.name, func(t *testing.T) {
				p := f.problem(tc.token, tc.method, tc.path, tc.body, tc.status)
				if !hasField(p, tc.field) {
					t.Fatalf("the answer does not name %q: %+v", tc.field, p)
				}
			})
		}
		var goals struct{ Items []any }
		f.do(f.anaTok, "GET", "/api/v1/goals", nil, http.StatusOK, &goals)
		if len(goals.Items) != 0 {
			t.Fatalf("refused goals were stored: %v", goals.Items)
		}
		for _, tc := range []struct{ name, path, field string }{
			{"NUL in a query parameter", "/api/v1/people?q=a%00b", "q"},
			{"invalid UTF-8 in a query parameter", "/api/v1/people?q=%ff", "q"},
			{"NUL in the path", "/api/v1/people/1%00", "path"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if p := f.problem(f.coordTok, "GET", tc.path, nil, 400); !hasField(p, tc.field) {
					t.Fatalf("the answer does not name %q: %+v", tc.field, p)
				}
			})
		}
		t.Run("NUL in a form field", func(t *testing.T) {
			resp, err := http.Post(f.srv.URL+"/login", "application/x-www-form-urlencoded", strings.NewReader("email=a%00b&password=x"))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 422 || !strings.Contains(string(body), "NUL") {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
		})
		if code, _ := f.req("", "GET", "/healthz", nil); code.StatusCode != 200 {
			t.Fatalf("the server is not healthy after the bad input: %d", code.StatusCode)
		}
	})
}

// goalJSON is a valid goal of Ana's with one field replaced.
func goalJSON(tb testing.TB, f *fixture, field, value string) string {
	tb.Helper()
	b := validGoalBody(f.ana.ID)
	b[field] = value
	j, err := json.Marshal(b)
	if err != nil {
		tb.Fatal(err)
	}
	return string(j)
}

func TestInput_PathIDsAreCanonical(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	path := "/api/v1/people/"
	f.do(f.coordTok, "GET", path+itoa(f.ana.ID), nil, http.StatusOK, nil)
	for _, id := range []string{"+" + itoa(f.ana.ID), "0" + itoa(f.ana.ID), "%20" + itoa(f.ana.ID), itoa(f.ana.ID) + ".0", "0x1", "-1", "0", "99999999999999999999"} {
		f.problem(f.coordTok, "GET", path+id, nil, http.StatusNotFound)
	}
}

// TestInput_EveryRequestTextIsBounded reads the OpenAPI document: every
// string a request body may carry has a maximum length (or is an enum or a
// date), and every array a maximum number of items. checkBody enforces
// exactly these, so this is the list of limits the API holds to.
func TestInput_EveryRequestTextIsBounded(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(schema any, at string)
	walk = func(schema any, at string) {
		s, _ := deref(doc, schema).(map[string]any)
		types := []any{s["type"]}
		if list, ok := s["type"].([]any); ok {
			types = list
		}
		for _, ty := range types {
			switch ty {
			case "string":
				_, bounded := s["maxLength"]
				_, enum := s["enum"]
				if !bounded && !enum && s["format"] != "date" && s["format"] != "date-time" {
					t.Errorf("%s: a request string without maxLength", at)
				}
			case "array":
				if _, ok := s["maxItems"]; !ok {
					t.Errorf("%s: a request array without maxItems", at)
				}
			}
		}
		props, _ := s["properties"].(map[string]any)
		for k, p := range props {
			walk(p, at+"."+k)
		}
		if items, ok := s["items"]; ok {
			walk(items, at+"[]")
		}
		if extra, ok := s["additionalProperties"].(map[string]any); ok {
			walk(extra, at+".*")
		}
	}
	checked := 0
	for key, l := range bodyLimits() {
		if l == nil {
			t.Errorf("%s: no limits compiled", key)
		}
		method, path, _ := strings.Cut(key, " ")
		walk(dig(doc, "paths", path, strings.ToLower(method), "requestBody", "content", "application/json", "schema"), key)
		checked++
	}
	if checked < 30 {
		t.Fatalf("only %d request bodies found in the document", checked)
	}
}

// TestCheckBody_EnforcesTheDocument sends, for every documented top-level
// string of every request body, one character over its maxLength through
// checkBody, and expects the field named.
func TestCheckBody_EnforcesTheDocument(t *testing.T) {
	n := 0
	for key, l := range bodyLimits() {
		for name, p := range l.props {
			if p.maxLength == 0 {
				continue
			}
			body, _ := json.Marshal(map[string]string{name: strings.Repeat("x", p.maxLength+1)})
			if !hasFieldErr(checkBody(key, body), name) {
				t.Errorf("%s: %s over %d characters passes", key, name, p.maxLength)
			}
			body, _ = json.Marshal(map[string]string{name: strings.Repeat("x", p.maxLength)})
			if err := checkBody(key, body); err != nil {
				t.Errorf("%s: %s of exactly %d characters refused: %v", key, name, p.maxLength, err)
			}
			n++
		}
	}
	if n < 40 {
		t.Fatalf("only %d bounded fields checked", n)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// hasFieldErr reports whether err names field.
func hasFieldErr(err error, field string) bool {
	for _, f := range mentor.ErrorFields(err) {
		if f.Field == field {
			return true
		}
	}
	return false
}
