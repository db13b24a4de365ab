package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Bounds of an office-hours slot's length, in minutes.
const (
	MinSlotMinutes = 5
	MaxSlotMinutes = 240
)

const officeHoursColumns = `id, program_id, mentor_id, starts_at, minutes, topics, booked_by, meeting_id`

func scanOfficeHours(row interface{ Scan(...any) error }) (*mentor.OfficeHours, error) {
	var o mentor.OfficeHours
	var topics string
	if err := row.Scan(&o.ID, &o.ProgramID, &o.MentorID, &o.StartsAt, &o.Minutes, &topics, &o.BookedBy, &o.MeetingID); err != nil {
		return nil, err
	}
	if err := fromJSON(topics, &o.Topics); err != nil {
		return nil, fmt.Errorf("office hours %d topics: %w", o.ID, err)
	}
	if o.Topics == nil {
		o.Topics = []string{}
	}
	o.StartsAt = o.StartsAt.UTC()
	return &o, nil
}

func validateOfficeHours(o *mentor.OfficeHours) *mentor.Problems {
	var pr mentor.Problems
	pr.Check(o.ProgramID == 0, "program_id", "is required")
	pr.Check(o.MentorID == 0, "mentor_id", "is required")
	pr.Check(o.StartsAt.IsZero(), "starts_at", "is required (RFC 3339 time)")
	pr.Check(o.Minutes < MinSlotMinutes || o.Minutes > MaxSlotMinutes, "minutes", "must be between %d and %d, got %d",
		MinSlotMinutes, MaxSlotMinutes, o.Minutes)
	pr.Check(o.BookedBy != nil, "booked_by", "a new slot is free; book it with the booking action")
	pr.Check(len(o.Topics) > 20, "topics", "at most 20 topics, got %d", len(o.Topics))
	seen := map[string]int{}
	for i := range o.Topics {
		o.Topics[i] = strings.TrimSpace(o.Topics[i])
		t := o.Topics[i]
		f := fmt.Sprintf("topics[%d]", i)
		pr.Check(t == "", f, "is empty")
		pr.Check(len(t) > 100, f, "is longer than 100 characters")
		if j, dup := seen[strings.ToLower(t)]; dup && t != "" {
			pr.Add(f, "repeats topics[%d]", j)
		}
		seen[strings.ToLower(t)] = i
	}
	if o.Topics == nil {
		o.Topics = []string{}
	}
	o.StartsAt = utcMicro(o.StartsAt)
	return &pr
}

// overlappingSlot returns the id of a slot chosen by cond (a condition on
// office_hours whose "?" placeholders take args) that overlaps [start,
// start+minutes), other than exclude, or 0. No slot is longer than
// MaxSlotMinutes, so only slots starting after start-MaxSlotMinutes are read;
// the exact test runs here rather than in SQL, where time arithmetic differs
// between the two databases.
func overlappingSlot(ctx context.Context, q querier, cond string, args []any, start time.Time, minutes int, exclude int64) (int64, error) {
	end := start.Add(time.Duration(minutes) * time.Minute)
	var w where
	w.add(cond, args...)
	w.add("id <> ?", exclude)
	w.add("starts_at > ?", start.Add(-MaxSlotMinutes*time.Minute))
	w.add("starts_at < ?", end)
	rows, err := q.QueryContext(ctx, `SELECT id, starts_at, minutes FROM office_hours`+w.String()+` ORDER BY starts_at`, w.args...)
	if err != nil {
		return 0, fmt.Errorf("find overlapping slots: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var s time.Time
		var m int
		if err := rows.Scan(&id, &s, &m); err != nil {
			return 0, err
		}
		if s.Before(end) && start.Before(s.Add(time.Duration(m)*time.Minute)) {
			return id, nil
		}
	}
	return 0, rows.Err()
}

// CreateOfficeHours publishes a free flash-mentoring slot and sets o.ID. The
// length must be MinSlotMinutes..MaxSlotMinutes, program and mentor must exist
// (each failure an EINVALID naming the field), and a slot overlapping another
// slot of the same mentor is ECONFLICT. Concurrent creations for one mentor
// are serialised on the mentor's row, so two overlapping slots never both land.
func (d *DB) CreateOfficeHours(ctx context.Context, o *mentor.OfficeHours) error {
	pr := validateOfficeHours(o)
	if err := pr.Err("office hours"); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		if err := checkRefs(ctx, tx, pr, ref{"program_id", "programs", o.ProgramID}); err != nil {
			return err
		}
		found, err := d.lockRow(ctx, tx, "people", "updated_at", o.MentorID)
		if err != nil {
			return err
		}
		pr.Check(!found, "mentor_id", "%d does not exist", o.MentorID)
		if err := pr.Err("office hours"); err != nil {
			return err
		}
		other, err := overlappingSlot(ctx, tx, "mentor_id = ?", []any{o.MentorID}, o.StartsAt, o.Minutes, 0)
		if err != nil {
			return err
		}
		if other != 0 {
			return &mentor.Error{Code: mentor.ECONFLICT, Message: fmt.Sprintf("The slot overlaps your office hours %d.", other),
				Fields: []mentor.FieldError{{Field: "starts_at", Message: fmt.Sprintf("overlaps office hours %d", other)}}}
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO office_hours (program_id, mentor_id, starts_at, minutes, topics)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, o.ProgramID, o.MentorID, o.StartsAt, o.Minutes, jsonText(o.Topics)).Scan(&o.ID)
		if err != nil {
			return d.translate(fmt.Errorf("insert office hours: %w", err))
		}
		return nil
	})
}

// OfficeHoursByID returns one slot, or ENOTFOUND.
func (d *DB) OfficeHoursByID(ctx context.Context, id int64) (*mentor.OfficeHours, error) {
	return officeHoursByID(ctx, d.db, id)
}

func officeHoursByID(ctx context.Context, q querier, id int64) (*mentor.OfficeHours, error) {
	o, err := scanOfficeHours(q.QueryRowContext(ctx, `SELECT `+officeHoursColumns+` FROM office_hours WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "office hours", id)
	}
	return o, nil
}

// OfficeHoursFilter narrows a list of office-hours slots; zero fields do not filter.
type OfficeHoursFilter struct {
	ProgramID int64
	MentorID  int64
	Topic     string    // one of the slot's topics, case-insensitively
	Free      bool      // only slots nobody has booked
	From      time.Time // only slots starting at or after From
	Page
}

// likePattern returns a LIKE pattern (escape character '!') matching text
// that contains s literally.
func likePattern(s string) string {
	r := strings.NewReplacer("!", "!!", "%", "!%", "_", "!_")
	return "%" + r.Replace(s) + "%"
}

// ListOfficeHours lists slots by start time, then id (keyset paging on both).
func (d *DB) ListOfficeHours(ctx context.Context, f OfficeHoursFilter) ([]mentor.OfficeHours, string, error) {
	afterAt, afterID, err := f.afterTime()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.addAfterTime("starts_at", afterAt, afterID)
	if f.ProgramID != 0 {
		w.add("program_id = ?", f.ProgramID)
	}
	if f.MentorID != 0 {
		w.add("mentor_id = ?", f.MentorID)
	}
	if t := strings.TrimSpace(f.Topic); t != "" {
		// Topics are a JSON array; a JSON-encoded topic, quotes included,
		// matches one whole element. lower() folds only ASCII in SQLite, so
		// the exact spelling is tried too.
		exact, _ := json.Marshal(t)
		folded, _ := json.Marshal(strings.ToLower(t))
		w.add("(lower(topics) LIKE ? ESCAPE '!' OR topics LIKE ? ESCAPE '!')", likePattern(string(folded)), likePattern(string(exact)))
	}
	if f.Free {
		w.add("booked_by IS NULL")
	}
	if !f.From.IsZero() {
		w.add("starts_at >= ?", f.From.UTC())
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+officeHoursColumns+` FROM office_hours`+w.String()+` ORDER BY starts_at, id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list office hours: %w", err)
	}
	defer rows.Close()
	out := []mentor.OfficeHours{}
	for rows.Next() {
		o, err := scanOfficeHours(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *o)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	if len(out) == 0 {
		return out, "", nil
	}
	last := out[len(out)-1]
	return out, timeCursorFor(len(out), f.limit(), last.StartsAt, last.ID), nil
}

// BookOfficeHours books slot slotID for personID and returns the booked slot.
// It is atomic on both databases: the booking is a conditional UPDATE that
// only a free slot passes, so of any number of concurrent bookings exactly one
// wins; the others, and bookings of a slot already taken or already started,
// are ECONFLICT. A person cannot book their own slot (ECONFLICT), nor hold two
// sessions at overlapping times, as booker or as the mentor of a booked slot
// (ECONFLICT; a person's bookings are serialised on their row so that two
// concurrent bookings cannot both pass this check). A missing slot is
// ENOTFOUND, an unknown person EINVALID naming "person_id".
func (d *DB) BookOfficeHours(ctx context.Context, slotID, personID int64) (*mentor.OfficeHours, error) {
	var out *mentor.OfficeHours
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		found, err := d.lockRow(ctx, tx, "people", "updated_at", personID)
		if err != nil {
			return err
		}
		if !found {
			return fieldError("person_id", "%d does not exist", personID)
		}
		o, err := officeHoursByID(ctx, tx, slotID)
		if err != nil {
			return err
		}
		switch {
		case o.MentorID == personID:
			return mentor.Errorf(mentor.ECONFLICT, "You cannot book your own office hours.")
		case o.BookedBy != nil && *o.BookedBy == personID:
			return mentor.Errorf(mentor.ECONFLICT, "You have already booked this slot.")
		case o.BookedBy != nil:
			return mentor.Errorf(mentor.ECONFLICT, "Somebody else has already booked this slot.")
		case !o.StartsAt.After(d.Now()):
			return mentor.Errorf(mentor.ECONFLICT, "The slot has already started.")
		}
		other, err := overlappingSlot(ctx, tx, "(booked_by = ? OR (mentor_id = ? AND booked_by IS NOT NULL))",
			[]any{personID, personID}, o.StartsAt, o.Minutes, o.ID)
		if err != nil {
			return err
		}
		if other != 0 {
			return mentor.Errorf(mentor.ECONFLICT, "You already have a session at an overlapping time (office hours %d).", other)
		}
		res, err := tx.ExecContext(ctx, `UPDATE office_hours SET booked_by = $1 WHERE id = $2 AND booked_by IS NULL`, personID, slotID)
		if err != nil {
			return d.translate(fmt.Errorf("book office hours: %w", err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return mentor.Errorf(mentor.ECONFLICT, "Somebody else has just booked this slot.")
		}
		o.BookedBy = &personID
		out = o
		return nil
	})
	return out, err
}

// CancelBooking frees a booked slot; the booker or the slot's mentor may
// cancel. A missing slot is ENOTFOUND, a free slot ECONFLICT, anyone else
// EFORBIDDEN. The link to a meeting made for the booking is removed.
func (d *DB) CancelBooking(ctx context.Context, slotID, personID int64) error {
	res, err := d.db.ExecContext(ctx, `UPDATE office_hours SET booked_by = NULL, meeting_id = NULL
		WHERE id = $1 AND booked_by IS NOT NULL AND (booked_by = $2 OR mentor_id = $2)`, slotID, personID)
	if err != nil {
		return d.translate(fmt.Errorf("cancel booking: %w", err))
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	o, err := officeHoursByID(ctx, d.db, slotID)
	if err != nil {
		return err
	}
	if o.BookedBy == nil {
		return mentor.Errorf(mentor.ECONFLICT, "The slot is not booked.")
	}
	return mentor.Errorf(mentor.EFORBIDDEN, "Only the person who booked the slot or its mentor may cancel the booking.")
}
