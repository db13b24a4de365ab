package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// apiChecker sends requests to a fixture's server and checks each answer,
// and each request body meant to succeed, against openapi.json.
type apiChecker struct {
	t       testing.TB
	f       *fixture
	base    string // the server's URL
	doc     map[string]any
	ops     map[string]map[string]any
	covered map[string]bool
}

// find returns the documented operation whose path template fits path,
// preferring the template with the most literal segments.
func (c *apiChecker) find(method, path string) (string, map[string]any) {
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(path, "/")
	best, bestLit := "", -1
	for key := range c.ops {
		m, tmpl, _ := strings.Cut(key, " ")
		tsegs := strings.Split(tmpl, "/")
		if m != method || len(tsegs) != len(segs) {
			continue
		}
		lit := 0
		for i, ts := range tsegs {
			switch {
			case strings.HasPrefix(ts, "{") && segs[i] != "":
			case ts == segs[i]:
				lit++
			default:
				lit = -1
			}
			if lit < 0 {
				break
			}
		}
		if lit > bestLit {
			best, bestLit = key, lit
		}
	}
	return best, c.ops[best]
}

// call sends body as JSON (a string is sent as it is) and checks the answer.
func (c *apiChecker) call(token, method, path string, body any, want int) map[string]any {
	c.t.Helper()
	var data []byte
	switch b := body.(type) {
	case nil:
	case string:
		data = []byte(b)
	default:
		var err error
		if data, err = json.Marshal(b); err != nil {
			c.t.Fatal(err)
		}
	}
	return c.send(token, method, path, "application/json", data, want)
}

// decodeJSON decodes one JSON value, keeping numbers exact.
func decodeJSON(data []byte) (any, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	err := dec.Decode(&v)
	return v, err
}

// send sends data with the given content type and checks the status, the
// request body (when it was accepted) and the answer against the document.
// It returns the answer when it is a JSON object.
func (c *apiChecker) send(token, method, path, contentType string, data []byte, want int) map[string]any {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(data))
	if err != nil {
		c.t.Fatal(err)
	}
	if data != nil {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != want {
		c.t.Fatalf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, want, got)
	}
	key, op := c.find(method, path)
	if op == nil {
		c.t.Errorf("%s %s: no documented operation fits", method, path)
		return nil
	}
	if want < 300 && data != nil {
		var schema any
		if rb, ok := deref(c.doc, op["requestBody"]).(map[string]any); ok {
			content, _ := rb["content"].(map[string]any)
			media, _ := content[contentType].(map[string]any)
			schema = media["schema"]
		}
		if schema == nil {
			c.t.Errorf("%s: a %s body was accepted but no such requestBody is documented", key, contentType)
		} else if v, err := decodeJSON(data); err == nil && strings.HasSuffix(contentType, "json") {
			for _, e := range schemaErrors(c.doc, schema, v, "request") {
				c.t.Errorf("%s: documented request schema refuses an accepted body: %s", key, e)
			}
		}
	}
	responses, _ := op["responses"].(map[string]any)
	r, ok := deref(c.doc, responses[strconv.Itoa(want)]).(map[string]any)
	if !ok {
		c.t.Errorf("%s answered %d, which is not documented", key, want)
		return nil
	}
	if want < 300 {
		c.covered[key] = true
	}
	content, _ := r["content"].(map[string]any)
	if len(got) == 0 {
		if len(content) > 0 {
			c.t.Errorf("%s %d: empty body, but content is documented", key, want)
		}
		return nil
	}
	ct, _, _ := strings.Cut(resp.Header.Get("Content-Type"), ";")
	media, ok := content[strings.TrimSpace(ct)].(map[string]any)
	if !ok {
		c.t.Errorf("%s %d: content type %q is not documented", key, want, ct)
		return nil
	}
	if !strings.HasSuffix(ct, "json") {
		return nil
	}
	v, err := decodeJSON(got)
	if err != nil {
		c.t.Fatalf("%s %d: answer is not JSON: %s", key, want, got)
	}
	for _, e := range schemaErrors(c.doc, media["schema"], v, "answer") {
		c.t.Errorf("%s %d: %s", key, want, e)
	}
	m, _ := v.(map[string]any)
	return m
}

// idOf returns the id of an answered object as a string.
func idOf(tb testing.TB, m map[string]any) string {
	tb.Helper()
	id, ok := m["id"].(json.Number)
	if !ok {
		tb.Fatalf("no id in %v", m)
	}
	return id.String()
}

// without returns a copy of m without the given keys (answers become request bodies).
func without(m map[string]any, keys ...string) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	for _, k := range keys {
		delete(out, k)
	}
	return out
}
