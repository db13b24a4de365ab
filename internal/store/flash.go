package store

import (
	"context"
	"fmt"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// LinkOfficeHoursMeeting records the meeting made for a booked slot.
func (d *DB) LinkOfficeHoursMeeting(ctx context.Context, slotID, meetingID int64) error {
	res, err := d.db.ExecContext(ctx, `UPDATE office_hours SET meeting_id = $1 WHERE id = $2 AND booked_by IS NOT NULL`, meetingID, slotID)
	if err != nil {
		return d.translate(fmt.Errorf("link meeting: %w", err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return mentor.Errorf(mentor.ECONFLICT, "Office hours %d are not booked.", slotID)
	}
	return nil
}
