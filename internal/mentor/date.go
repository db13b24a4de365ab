package mentor

import (
	"encoding/json"
	"time"
)

// Date is a calendar day without a time, written as "2006-01-02" in JSON.
type Date struct{ time.Time }

// DateLayout is the JSON and database form of a Date.
const DateLayout = "2006-01-02"

// ParseDate parses s in DateLayout.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	return Date{t}, err
}

// String returns d as "2006-01-02".
func (d Date) String() string { return d.Format(DateLayout) }

// MarshalJSON writes d as a "2006-01-02" string.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a "2006-01-02" string; any other form is an error that
// says which form is expected.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return Errorf(EINVALID, "a date must be a string like 2026-03-31")
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Errorf(EINVALID, "%q is not a date like 2026-03-31", s)
	}
	d.Time = t
	return nil
}
