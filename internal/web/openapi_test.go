package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// loadOpenAPI parses the embedded document, keeping numbers exact.
func loadOpenAPI(tb testing.TB) map[string]any {
	tb.Helper()
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(openAPIDoc))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		tb.Fatalf("openapi.json is not JSON: %v", err)
	}
	return doc
}

var httpMethods = []string{"get", "put", "post", "delete", "patch", "head", "options", "trace"}

// operations returns the document's operations keyed "METHOD /path".
func operations(doc map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	paths, _ := doc["paths"].(map[string]any)
	for path, item := range paths {
		item, _ := item.(map[string]any)
		for _, m := range httpMethods {
			if op, ok := item[m].(map[string]any); ok {
				out[strings.ToUpper(m)+" "+path] = op
			}
		}
	}
	return out
}

// pointer resolves a local JSON pointer such as "#/components/schemas/Person".
func pointer(doc map[string]any, ref string) (any, bool) {
	if !strings.HasPrefix(ref, "#/") {
		return nil, false
	}
	var cur any = doc
	for _, part := range strings.Split(ref[2:], "/") {
		part = strings.NewReplacer("~1", "/", "~0", "~").Replace(part)
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[part]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// deref follows $ref until it reaches a value without one.
func deref(doc map[string]any, v any) any {
	for i := 0; i < 10; i++ {
		m, ok := v.(map[string]any)
		if !ok {
			return v
		}
		ref, ok := m["$ref"].(string)
		if !ok {
			return v
		}
		v, _ = pointer(doc, ref)
	}
	return v
}

func TestOpenAPI_CoversEveryRoute(t *testing.T) {
	doc := loadOpenAPI(t)
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.1.") {
		t.Errorf("openapi is %q, want 3.1.x", v)
	}
	s := &Server{DB: storetest.Open(t, store.SQLite)}
	s.Handler()
	ops := operations(doc)
	registered := map[string]Route{}
	for _, r := range s.Routes() {
		registered[r.Pattern] = r
		if _, path, _ := strings.Cut(r.Pattern, " "); strings.HasPrefix(path, "/api/v1/") {
			if _, ok := ops[r.Pattern]; !ok {
				t.Errorf("route %s is not documented in openapi.json", r.Pattern)
			}
		}
	}
	if len(registered) < 40 {
		t.Fatalf("only %d routes registered", len(registered))
	}
	ids := map[string]string{}
	for key, op := range ops {
		r, ok := registered[key]
		if !ok {
			t.Errorf("openapi.json documents %s, which is not a registered route", key)
		}
		switch id, _ := op["operationId"].(string); {
		case id == "":
			t.Errorf("%s has no operationId", key)
		case ids[id] != "":
			t.Errorf("%s and %s have the same operationId %q", key, ids[id], id)
		default:
			ids[id] = key
		}
		if s, _ := op["summary"].(string); s == "" {
			t.Errorf("%s has no summary", key)
		}
		has2xx := false
		responses, _ := op["responses"].(map[string]any)
		for code := range responses {
			has2xx = has2xx || strings.HasPrefix(code, "2")
		}
		if !has2xx {
			t.Errorf("%s has no 2xx response", key)
		}
		sec, declared := op["security"].([]any)
		if ok && r.Public != (declared && len(sec) == 0) {
			t.Errorf("%s: route public=%v but its security is %v (public routes need security: [])", key, r.Public, op["security"])
		}
		_, path, _ := strings.Cut(key, " ")
		checkPathParams(t, doc, key, path, op)
	}
	walkRefs(t, doc, doc, "#")
}

// checkPathParams checks that each {name} of the path is declared as a path parameter.
func checkPathParams(t testing.TB, doc map[string]any, key, path string, op map[string]any) {
	t.Helper()
	declared := map[string]bool{}
	params, _ := op["parameters"].([]any)
	for _, p := range params {
		if p, ok := deref(doc, p).(map[string]any); ok && p["in"] == "path" {
			declared[p["name"].(string)] = true
		}
	}
	for _, m := range regexp.MustCompile(`\{([^}]+)\}`).FindAllStringSubmatch(path, -1) {
		if !declared[m[1]] {
			t.Errorf("%s: path parameter %q is not declared", key, m[1])
		}
		delete(declared, m[1])
	}
	for name := range declared {
		t.Errorf("%s declares path parameter %q that is not in the path", key, name)
	}
}

// walkRefs fails for every $ref that does not resolve.
func walkRefs(t testing.TB, doc map[string]any, v any, at string) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		if ref, ok := v["$ref"].(string); ok {
			if _, ok := pointer(doc, ref); !ok {
				t.Errorf("%s: $ref %q does not resolve", at, ref)
			}
		}
		for k, e := range v {
			walkRefs(t, doc, e, at+"/"+k)
		}
	case []any:
		for i, e := range v {
			walkRefs(t, doc, e, at+"/"+strconv.Itoa(i))
		}
	}
}

func TestOpenAPI_Served(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	var doc map[string]any
	data := f.do(f.anaTok, "GET", "/api/v1/openapi.json", nil, http.StatusOK, &doc)
	if !bytes.Equal(data, openAPIDoc) {
		t.Fatal("the served document differs from openapi.json")
	}
	if paths, _ := doc["paths"].(map[string]any); doc["openapi"] != "3.1.0" || len(paths) == 0 {
		t.Fatalf("served document: openapi %v, %d paths", doc["openapi"], len(paths))
	}
	f.problem("", "GET", "/api/v1/openapi.json", nil, http.StatusUnauthorized)
}
