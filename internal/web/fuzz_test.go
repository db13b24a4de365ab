package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// fuzzRoute is a registered API route with the row of authzTable that says
// which object its {id} names.
type fuzzRoute struct {
	method, path string
	row          authzRow
}

// fuzzRoutes returns the API routes whose method is (or, with not, is not) GET.
func fuzzRoutes(tb testing.TB, w *world, get bool) []fuzzRoute {
	tb.Helper()
	rows := map[string]authzRow{}
	for _, r := range authzTable {
		rows[r.pattern] = r
	}
	s := &Server{DB: w.db}
	s.Handler()
	var out []fuzzRoute
	for _, rt := range s.Routes() {
		method, path, _ := strings.Cut(rt.Pattern, " ")
		if !strings.HasPrefix(path, "/api/") || (method == "GET") != get {
			continue
		}
		out = append(out, fuzzRoute{method: method, path: path, row: rows[rt.Pattern]})
	}
	return out
}

// target fills the route's path with the ids of the world's objects.
func (w *world) target(tb testing.TB, r fuzzRoute) string {
	tb.Helper()
	id := w.obj[r.row.obj]
	if r.row.fresh {
		id = w.fresh[r.row.obj](tb)
	}
	return strings.NewReplacer("{id}", id, "{eid}", w.obj["enrollment"]).Replace(r.path)
}

// checkAnswer fails unless rec is a well-formed answer of the API: never a
// 5xx, JSON or problem+json (or, with allow, one of the other types the
// route may send), and a problem document with its status and a detail, each
// listed field named.
func checkAnswer(tb testing.TB, what string, rec *httptest.ResponseRecorder, allow ...string) *problem {
	tb.Helper()
	if rec.Code >= 500 {
		tb.Fatalf("%s: %d %s", what, rec.Code, rec.Body.String())
	}
	ct := rec.Header().Get("Content-Type")
	switch {
	case rec.Code == http.StatusNoContent:
		return nil
	case ct == "application/problem+json":
		var p problem
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != rec.Code || p.Detail == "" {
			tb.Fatalf("%s: bad problem document (%v): %s", what, err, rec.Body.String())
		}
		for _, e := range p.Errors {
			if e.Field == "" || e.Message == "" {
				tb.Fatalf("%s: field error %+v names no field", what, e)
			}
		}
		return &p
	case ct == "application/json":
		if !json.Valid(rec.Body.Bytes()) {
			tb.Fatalf("%s: invalid JSON: %s", what, rec.Body.String())
		}
		return nil
	}
	for _, a := range allow {
		if strings.HasPrefix(ct, a) {
			return nil
		}
	}
	tb.Fatalf("%s: %d with content type %q", what, rec.Code, ct)
	return nil
}

var fuzzActors = [...]string{"coord", "ana", "cai"}

// badBodies are malformed variants of JSON bodies, cycled through the seeds.
var badBodies = []string{`{"x":1}`, `[1]`, `null`, `{"name":"\u0000"}`, `{"starts_at":"not a time"}`, `{"due_date":"2026-02-30"}`,
	`{"person_id":-1}`, `{"minutes":1e999}`, `{"rating":"5"}`, `{`, `{}{}`, `{"title":` + strconv.Quote(strings.Repeat("long ", 2000)) + `}`}

// FuzzAPI_WriteBody sends arbitrary bytes as the body of every write route
// of the API, as a coordinator, the owner of the object and another
// participant, through the real handler on SQLite: the answer is never a
// 5xx and always JSON or problem+json.
func FuzzAPI_WriteBody(f *testing.F) {
	w := newWorld(f, storetest.Open(f, store.SQLite))
	routes := fuzzRoutes(f, w, false)
	for i, r := range routes {
		valid := []byte("{}")
		if fn, ok := r.row.body.(func(*world, string) any); ok {
			if v, ok := fn(w, "ana").(map[string]any); ok {
				valid, _ = json.Marshal(v)
			}
		}
		f.Add(uint8(i), uint8(i%3), valid)
		f.Add(uint8(i), uint8(4+i%3), []byte("{}"))
		f.Add(uint8(i), uint8(8+i%3), []byte(badBodies[i%len(badBodies)]))
	}
	f.Add(uint8(0), uint8(12), []byte("email,role\n"))
	f.Fuzz(func(t *testing.T, route, actor uint8, body []byte) {
		r := routes[int(route)%len(routes)]
		who := fuzzActors[int(actor)%len(fuzzActors)]
		ct := [...]string{"application/json", "application/json; charset=utf-8", "text/plain", "text/csv"}[actor>>2&3]
		path := w.target(t, r)
		rec := w.serve(w.token(t, who), r.method, path, ct, body)
		checkAnswer(t, fmt.Sprintf("%s %s as %s, %s body %q", r.method, path, who, ct, body), rec)
	})
}

// queryField finds the parameter a 400 answer names.
var queryField = regexp.MustCompile(`^[a-z_]+$`)

// FuzzAPI_Query sends arbitrary query strings (limit, cursor, from/to, ids,
// filters) to every GET route of the API: never a 5xx, always JSON or
// problem+json (CSV and iCalendar where a route offers them), a refused
// parameter is named, and a next_cursor a list returns opens the next page.
func FuzzAPI_Query(f *testing.F) {
	w := newWorld(f, storetest.Open(f, store.SQLite))
	routes := fuzzRoutes(f, w, true)
	seeds := []string{"", "limit=1", "limit=0", "limit=501", "limit=x", "limit=1&cursor=MQ", "cursor=LTE", "cursor=%%%", "cursor=OTIyMzM3MjAzNjg1NDc3NTgwOA",
		"from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", "from=yesterday", "to=2026-13-01T00:00:00Z", "program_id=-1",
		"match_id=99999999999999999999", "person_id=" + w.obj["ana"], "status=bogus", "format=csv", "format=xml", "q=%00", "mine=maybe",
		"free=x", "ids=1,2,x", "limit=1&limit=2", "state=draft&program_id=" + w.obj["review"]}
	for i := range routes {
		for k := range 3 {
			f.Add(uint8(i), uint8(k), seeds[(i*3+k)%len(seeds)])
		}
	}
	f.Fuzz(func(t *testing.T, route, actor uint8, query string) {
		r := routes[int(route)%len(routes)]
		who := fuzzActors[int(actor)%len(fuzzActors)]
		query = strings.Map(func(c rune) rune {
			if c <= ' ' || c == 0x7f || c == '#' {
				return -1 // a request line cannot carry these
			}
			return c
		}, query)
		path := w.target(t, r)
		get := func(query string) *httptest.ResponseRecorder {
			req := httptest.NewRequest("GET", "http://mentormesh.test"+path, nil)
			req.URL.RawQuery = query
			req.Header.Set("Authorization", "Bearer "+w.token(t, who))
			rec := httptest.NewRecorder()
			w.h.ServeHTTP(rec, req)
			return rec
		}
		what := fmt.Sprintf("GET %s?%s as %s", path, query, who)
		rec := get(query)
		p := checkAnswer(t, what, rec, "text/csv", "text/calendar")
		if p != nil && p.Status == http.StatusBadRequest {
			q, _ := url.ParseQuery(query)
			for _, e := range p.Errors {
				if !queryField.MatchString(e.Field) || !q.Has(e.Field) {
					t.Fatalf("%s: the answer names %q, not a parameter of the query", what, e.Field)
				}
			}
			if len(p.Errors) == 0 && len(q) > 0 {
				t.Fatalf("%s: a refused query must name the parameter: %s", what, rec.Body.String())
			}
		}
		var page struct {
			NextCursor string `json:"next_cursor"`
		}
		if rec.Code == http.StatusOK && json.Unmarshal(rec.Body.Bytes(), &page) == nil && page.NextCursor != "" {
			q, _ := url.ParseQuery(query)
			q.Set("cursor", page.NextCursor)
			if next := get(q.Encode()); next.Code != http.StatusOK {
				t.Fatalf("%s: the next page (cursor %q) answers %d %s", what, page.NextCursor, next.Code, next.Body.String())
			}
		}
	})
}

// FuzzEnrollmentsCSV posts arbitrary CSV files to the bulk enrollment route
// as a coordinator: never a 5xx, a refused file names the line and field
// of each problem, and an accepted one enrolls known people only.
func FuzzEnrollmentsCSV(f *testing.F) {
	w := newWorld(f, storetest.Open(f, store.SQLite))
	for _, s := range []string{"email,role\nben@example.com,mentor\n", "person_id,role,capacity\n" + fmt.Sprint(w.cai.ID) + ",mentor,2\n",
		"person_id,role\nabc,mentee\n", "person_id,role\n-4,mentee\n", "person_id,role\n99999999999999999999,mentee\n", "email\nx\n", "",
		"email,role\n\"bad,mentee\n", "email,role,capacity\ncai@example.com,mentor,two\n", "email,role\nnobody@example.com,mentee\n",
		"EMAIL , Role\n cai@example.com , peer\n", "email,role\ncai@example.com\n", "email,role,goals\ncai@example.com,mentee,\"a\nb\"\n"} {
		f.Add([]byte(s))
	}
	path := "/api/v1/programs/" + w.obj["program"] + "/enrollments/bulk"
	lineField := regexp.MustCompile(`^line (\d+): [a-z_]+$`)
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := w.serve(w.token(t, "coord"), "POST", path, "text/csv", data)
		what := fmt.Sprintf("bulk CSV %q", data)
		p := checkAnswer(t, what, rec)
		lines := strings.Count(string(data), "\n") + 1
		if p != nil {
			for _, e := range p.Errors {
				m := lineField.FindStringSubmatch(e.Field)
				if m == nil && e.Field != "enrollments" && !strings.Contains(e.Field, "[") {
					t.Fatalf("%s: field %q names no line", what, e.Field)
				}
				if m != nil {
					if n, _ := strconv.Atoi(m[1]); n < 2 || n > lines {
						t.Fatalf("%s: field %q outside the file's %d lines", what, e.Field, lines)
					}
				}
			}
			return
		}
		var out struct {
			Items []struct {
				PersonID int64 `json:"person_id"`
			} `json:"items"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || len(out.Items) == 0 {
			t.Fatalf("%s: %d %s", what, rec.Code, rec.Body.String())
		}
		for _, e := range out.Items {
			if _, err := w.db.Person(t.Context(), e.PersonID); err != nil {
				t.Fatalf("%s: enrolled person %d: %v", what, e.PersonID, err)
			}
		}
	})
}

// FuzzCalendarFeed asks for arbitrary calendar feed addresses: only the
// exact address made for a person opens a feed, anything else is a 404,
// never a 5xx.
func FuzzCalendarFeed(f *testing.F) {
	w := newWorld(f, storetest.Open(f, store.SQLite))
	file := w.fresh["calendar"](f)
	token := strings.TrimSuffix(file, ".ics")
	for _, s := range []string{file, token, token + ".ICS", strings.ToUpper(token) + ".ics", token[1:] + "A.ics", ".ics", "", "x.ics",
		strings.Repeat("A", 43) + ".ics", token + ".ics.ics", "../" + file, "%00.ics"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		req := httptest.NewRequest("GET", "http://mentormesh.test/calendar/x", nil)
		req.URL.Path = "/calendar/" + name
		req.URL.RawPath = ""
		rec := httptest.NewRecorder()
		w.h.ServeHTTP(rec, req)
		switch {
		case rec.Code >= 500:
			t.Fatalf("calendar %q: %d %s", name, rec.Code, rec.Body.String())
		case rec.Code == http.StatusOK && name != file:
			t.Fatalf("calendar %q opened the feed of %q", name, file)
		case name == file && rec.Code != http.StatusOK:
			t.Fatalf("the real address answers %d", rec.Code)
		}
	})
}
