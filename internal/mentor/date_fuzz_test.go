package mentor

import (
	"encoding/json"
	"errors"
	"testing"
)

// FuzzParseDate checks the date type: a string ParseDate accepts is written
// back unchanged (one spelling per day), and JSON accepts exactly what
// ParseDate accepts, refusing anything else with an EINVALID *Error.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-31", "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29",
		"2026-3-31", "2026-03-31T00:00:00Z", " 2026-03-31", "2026-13-01", "+2026-01-01", "", "２０２６-03-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && d.String() != s {
			t.Fatalf("ParseDate(%q) writes back as %q", s, d.String())
		}
		quoted, _ := json.Marshal(s)
		var got Date
		jerr := json.Unmarshal(quoted, &got)
		if (jerr == nil) != (err == nil) {
			t.Fatalf("%q: ParseDate error %v, JSON error %v", s, err, jerr)
		}
		if jerr != nil {
			var e *Error
			if !errors.As(jerr, &e) || e.Code != EINVALID || e.Message == "" {
				t.Fatalf("%q: JSON error %v is not an EINVALID *Error", s, jerr)
			}
			return
		}
		if !got.Equal(d.Time) {
			t.Fatalf("%q: JSON reads %v, ParseDate %v", s, got, d)
		}
		out, err := json.Marshal(got)
		if err != nil || string(out) != string(quoted) {
			t.Fatalf("%q: JSON round trip gives %s (%v)", s, out, err)
		}
	})
}

// FuzzDate_UnmarshalJSON feeds arbitrary JSON values to Date: anything but a
// date string is an EINVALID *Error, and an accepted value marshals to the
// canonical string that reads back as the same day.
func FuzzDate_UnmarshalJSON(f *testing.F) {
	for _, s := range []string{`"2026-03-31"`, `"\u0032026-03-31"`, `null`, `20260331`, `{}`, `[]`, `"2026-03-31`, `true`, `"x"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var d Date
		if err := d.UnmarshalJSON(b); err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("%q: error %v is not EINVALID", b, err)
			}
			return
		}
		out, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var again Date
		if err := again.UnmarshalJSON(out); err != nil || !again.Equal(d.Time) {
			t.Fatalf("%q: round trip through %s gives %v, %v", b, out, again, err)
		}
	})
}
