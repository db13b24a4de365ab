package store

import (
	"context"
	"fmt"
)

// ClaimCycle records that cycle of a rotation program is being started and
// reports whether this caller won the claim: of several concurrent starts of
// the same cycle (also from several server instances) exactly one gets true,
// thanks to the table's primary key.
func (d *DB) ClaimCycle(ctx context.Context, programID int64, cycle int) (bool, error) {
	res, err := d.db.ExecContext(ctx, `INSERT INTO program_cycles (program_id, cycle, started_at) VALUES ($1, $2, $3)
		ON CONFLICT (program_id, cycle) DO NOTHING`, programID, cycle, d.Now())
	if err != nil {
		return false, d.translate(fmt.Errorf("claim cycle: %w", err))
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
