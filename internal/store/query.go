package store

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Page asks for one page of a list: at most Limit items after Cursor.
type Page struct {
	Limit  int
	Cursor string
}

// DefaultLimit and MaxLimit bound the size of a page.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// after decodes the cursor into the last id of the previous page.
func (p Page) after() (int64, error) {
	if p.Cursor == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(p.Cursor)
	if err == nil {
		if id, err := strconv.ParseInt(string(b), 10, 64); err == nil && id >= 0 {
			return id, nil
		}
	}
	return 0, &mentor.Error{Code: mentor.EINVALID, Message: "The cursor is not valid.",
		Fields: []mentor.FieldError{{Field: "cursor", Message: "is not a cursor returned by this list"}}}
}

func (p Page) limit() int {
	switch {
	case p.Limit <= 0:
		return DefaultLimit
	case p.Limit > MaxLimit:
		return MaxLimit
	}
	return p.Limit
}

// cursorFor returns the cursor of the page after one whose last id is last,
// or "" when the page was not full (there is nothing after it).
func cursorFor(n, limit int, last int64) string {
	if n < limit {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(last, 10)))
}

// where builds a WHERE clause with numbered placeholders shared by both databases.
type where struct {
	conds []string
	args  []any
}

// add appends a condition in which each "?" is a placeholder for the next arg.
func (w *where) add(cond string, args ...any) {
	for _, a := range args {
		w.args = append(w.args, a)
		cond = strings.Replace(cond, "?", "$"+strconv.Itoa(len(w.args)), 1)
	}
	w.conds = append(w.conds, cond)
}

// arg adds a value and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// jsonText encodes v for a TEXT column; nil slices become "[]".
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// fromJSON decodes a TEXT column written by jsonText.
func fromJSON(s string, v any) error {
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

func nullDate(d *mentor.Date) any {
	if d == nil {
		return nil
	}
	return d.String()
}

func scanDate(s *string) (*mentor.Date, error) {
	if s == nil || *s == "" {
		return nil, nil
	}
	d, err := mentor.ParseDate(*s)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// All reads every page of a list: fetch is called with pages of MaxLimit
// items until one comes back without a next cursor.
func All[T any](fetch func(Page) ([]T, string, error)) ([]T, error) {
	var out []T
	p := Page{Limit: MaxLimit}
	for {
		items, next, err := fetch(p)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
		if next == "" {
			return out, nil
		}
		p.Cursor = next
	}
}

// afterTime decodes a cursor of a list ordered by a time and then by id:
// the time and id of the previous page's last row (zero for the first page).
func (p Page) afterTime() (time.Time, int64, error) {
	if p.Cursor == "" {
		return time.Time{}, 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(p.Cursor)
	if err == nil {
		us, id, ok := strings.Cut(string(b), ".")
		micro, err1 := strconv.ParseInt(us, 10, 64)
		n, err2 := strconv.ParseInt(id, 10, 64)
		if ok && err1 == nil && err2 == nil && n >= 0 {
			return time.UnixMicro(micro).UTC(), n, nil
		}
	}
	return time.Time{}, 0, &mentor.Error{Code: mentor.EINVALID, Message: "The cursor is not valid.",
		Fields: []mentor.FieldError{{Field: "cursor", Message: "is not a cursor returned by this list"}}}
}

// timeCursorFor is the cursor after a page of a list ordered by time, then
// id, whose last row has time t and id: "" when the page was not full.
func timeCursorFor(n, limit int, t time.Time, id int64) string {
	if n < limit {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(t.UnixMicro(), 10) + "." + strconv.FormatInt(id, 10)))
}

// addAfterTime keeps the rows after (t, id) in the order of column, then
// id (keyset paging); a zero t and id keep every row.
func (w *where) addAfterTime(column string, t time.Time, id int64) {
	if t.IsZero() && id == 0 {
		return
	}
	t = utcMicro(t)
	w.add("("+column+" > ? OR ("+column+" = ? AND id > ?))", t, t, id)
}
