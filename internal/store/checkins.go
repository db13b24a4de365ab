package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// CreateCheckIn stores a member's pulse on their match and sets c.ID and
// c.CreatedAt. A bad pulse or note, an unknown match, or a person who is not
// a member of the match is EINVALID naming the field.
func (d *DB) CreateCheckIn(ctx context.Context, c *mentor.CheckIn) error {
	var pr mentor.Problems
	c.Note = strings.TrimSpace(c.Note)
	pr.Merge("", c.Validate())
	pr.Check(c.PersonID == 0, "person_id", "is required")
	if err := pr.Err("check-in"); err != nil {
		return err
	}
	if err := checkRefs(ctx, d.db, &pr, ref{"match_id", "matches", c.MatchID}); err != nil {
		return err
	}
	if err := pr.Err("check-in"); err != nil {
		return err
	}
	member, err := isMember(ctx, d.db, c.MatchID, c.PersonID)
	if err != nil {
		return err
	}
	if !member {
		return fieldError("person_id", "person %d is not a member of match %d", c.PersonID, c.MatchID)
	}
	c.CreatedAt = d.Now()
	err = d.db.QueryRowContext(ctx, `INSERT INTO check_ins (match_id, person_id, pulse, note, created_at) VALUES ($1, $2, $3, $4, $5)
		RETURNING id`, c.MatchID, c.PersonID, c.Pulse, c.Note, c.CreatedAt).Scan(&c.ID)
	if err != nil {
		return d.translate(fmt.Errorf("insert check-in: %w", err))
	}
	return nil
}

// CheckInFilter narrows a list of check-ins; zero fields do not filter.
type CheckInFilter struct {
	MatchID  int64
	PersonID int64 // check-ins written by this person
	// VisibleTo keeps what a participant may see: their own check-ins only.
	// A pulse is an honest word about the relationship, so partners do not
	// see each other's; coordinators list without VisibleTo.
	VisibleTo int64
	Page
}

// CheckIns lists check-ins ordered by id.
func (d *DB) CheckIns(ctx context.Context, f CheckInFilter) ([]mentor.CheckIn, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("id > ?", after)
	if f.MatchID != 0 {
		w.add("match_id = ?", f.MatchID)
	}
	if f.PersonID != 0 {
		w.add("person_id = ?", f.PersonID)
	}
	if f.VisibleTo != 0 {
		w.add("person_id = ?", f.VisibleTo)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, match_id, person_id, pulse, note, created_at FROM check_ins`+w.String()+
		` ORDER BY id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list check-ins: %w", err)
	}
	defer rows.Close()
	out := []mentor.CheckIn{}
	var ids []int64
	for rows.Next() {
		var c mentor.CheckIn
		if err := rows.Scan(&c.ID, &c.MatchID, &c.PersonID, &c.Pulse, &c.Note, &c.CreatedAt); err != nil {
			return nil, "", err
		}
		c.CreatedAt = c.CreatedAt.UTC()
		out = append(out, c)
		ids = append(ids, c.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	return out, cursorFor(len(out), f.limit(), lastID(ids)), nil
}
