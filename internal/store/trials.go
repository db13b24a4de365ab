package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// CreateTrial stores a new open trial whose arms are programIDs. The trial
// must pass mentor.Trial.Validate; each program must exist, be enrolling or
// matching, be in no other trial, have a format no other arm has, and admit
// the same people as the other arms (the same cohort filters), so that
// where a volunteer lands never depends on who they are. Problems are an
// EINVALID error naming program_ids. A zero Seed is replaced by a random
// one. t gets its id, status, creation time and arms.
func (d *DB) CreateTrial(ctx context.Context, t *mentor.Trial, programIDs []int64) error {
	if err := t.Validate(programIDs); err != nil {
		return err
	}
	if t.Seed == 0 {
		t.Seed = randomSeed()
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		arms, err := trialArmPrograms(ctx, tx, programIDs)
		if err != nil {
			return err
		}
		t.Status, t.CreatedAt, t.Assigned = mentor.TrialOpen, d.Now(), 0
		if err := tx.QueryRowContext(ctx, `INSERT INTO trials (name, seed, status, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
			t.Name, t.Seed, t.Status, t.CreatedAt).Scan(&t.ID); err != nil {
			return fmt.Errorf("create trial: %w", err)
		}
		t.Arms = nil
		for _, p := range arms {
			if _, err := tx.ExecContext(ctx, `INSERT INTO trial_arms (trial_id, program_id) VALUES ($1, $2)`, t.ID, p.ID); err != nil {
				return d.translate(err)
			}
			t.Arms = append(t.Arms, mentor.TrialArm{ProgramID: p.ID, Name: p.Name, Format: p.Format})
		}
		return nil
	})
}

// randomSeed draws a seed from 1 to mentor.MaxTrialSeed.
func randomSeed() int64 {
	var b [8]byte
	rand.Read(b[:])
	return int64(binary.BigEndian.Uint64(b[:])%mentor.MaxTrialSeed) + 1
}

// trialArmPrograms loads the programs of a new trial, ordered by id, and
// checks that they may become its arms.
func trialArmPrograms(ctx context.Context, tx *sql.Tx, ids []int64) ([]*mentor.Program, error) {
	var pr mentor.Problems
	var out []*mentor.Program
	for _, id := range slices.Sorted(slices.Values(ids)) {
		p, err := scanProgram(tx.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs WHERE id = $1`, id))
		if err != nil {
			if err = notFound(err, "program", id); mentor.ErrorCode(err) != mentor.ENOTFOUND {
				return nil, err
			}
			pr.Add("program_ids", "program %d does not exist", id)
			continue
		}
		if p.Status != mentor.StatusEnrolling && p.Status != mentor.StatusMatching {
			pr.Add("program_ids", "%q is %s; a trial takes programs that are enrolling or matching", p.Name, p.Status)
		}
		var other int64
		switch err := tx.QueryRowContext(ctx, `SELECT trial_id FROM trial_arms WHERE program_id = $1`, id).Scan(&other); {
		case err == nil:
			pr.Add("program_ids", "%q is already an arm of trial %d", p.Name, other)
		case err != sql.ErrNoRows:
			return nil, fmt.Errorf("check trial arms: %w", err)
		}
		for _, q := range out {
			if q.Format == p.Format {
				pr.Add("program_ids", "%q and %q are both %s programs; a trial compares different formats", q.Name, p.Name, p.Format)
			}
		}
		if len(out) > 0 && !sameCohort(out[0], p) {
			pr.Add("program_ids", "%q and %q admit different people (their cohort filters differ); the arms must admit the same people", out[0].Name, p.Name)
		}
		out = append(out, p)
	}
	return out, pr.Err("trial")
}

// sameCohort reports whether two programs have the same cohort filters.
func sameCohort(a, b *mentor.Program) bool {
	set := func(s []string) []string { return slices.Compact(slices.Sorted(slices.Values(s))) }
	return slices.Equal(set(a.Options.CohortGenerations), set(b.Options.CohortGenerations)) &&
		slices.Equal(set(a.Options.CohortDepartments), set(b.Options.CohortDepartments))
}

// Trial returns one trial with its arms and counts, or ENOTFOUND.
func (d *DB) Trial(ctx context.Context, id int64) (*mentor.Trial, error) {
	list, err := d.trials(ctx, d.db, `WHERE id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, mentor.Errorf(mentor.ENOTFOUND, "trial %d was not found.", id)
	}
	return &list[0], nil
}

// Trials lists trials ordered by id, with their arms and counts.
func (d *DB) Trials(ctx context.Context, pg Page) ([]mentor.Trial, string, error) {
	after, err := pg.after()
	if err != nil {
		return nil, "", err
	}
	out, err := d.trials(ctx, d.db, `WHERE id > $1 ORDER BY id LIMIT $2`, after, pg.limit())
	if err != nil {
		return nil, "", err
	}
	var last int64
	if len(out) > 0 {
		last = out[len(out)-1].ID
	}
	return out, cursorFor(len(out), pg.limit(), last), nil
}

// trials reads the trials that cond selects, then their arms.
func (d *DB) trials(ctx context.Context, q querier, cond string, args ...any) ([]mentor.Trial, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, seed, status, created_at FROM trials `+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("list trials: %w", err)
	}
	defer rows.Close()
	out := []mentor.Trial{}
	for rows.Next() {
		var t mentor.Trial
		if err := rows.Scan(&t.ID, &t.Name, &t.Seed, &t.Status, &t.CreatedAt); err != nil {
			return nil, err
		}
		t.CreatedAt, t.Arms = t.CreatedAt.UTC(), []mentor.TrialArm{}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i := range out {
		if err := trialArms(ctx, q, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// trialArms fills t's arms, ordered by program id, and the counts.
func trialArms(ctx context.Context, q querier, t *mentor.Trial) error {
	rows, err := q.QueryContext(ctx, `SELECT a.program_id, p.name, p.format,
		(SELECT count(*) FROM trial_assignments s WHERE s.trial_id = a.trial_id AND s.program_id = a.program_id)
		FROM trial_arms a JOIN programs p ON p.id = a.program_id WHERE a.trial_id = $1 ORDER BY a.program_id`, t.ID)
	if err != nil {
		return fmt.Errorf("trial arms: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a mentor.TrialArm
		if err := rows.Scan(&a.ProgramID, &a.Name, &a.Format, &a.Assigned); err != nil {
			return err
		}
		t.Arms = append(t.Arms, a)
		t.Assigned += a.Assigned
	}
	return rows.Err()
}

// CloseTrial closes an open trial: it takes no more volunteers. It returns
// the closed trial, ENOTFOUND, or ECONFLICT when it is already closed.
func (d *DB) CloseTrial(ctx context.Context, id int64) (*mentor.Trial, error) {
	res, err := d.db.ExecContext(ctx, `UPDATE trials SET status = $1 WHERE id = $2 AND status = $3`, mentor.TrialClosed, id, mentor.TrialOpen)
	if err != nil {
		return nil, fmt.Errorf("close trial: %w", err)
	}
	t, err := d.Trial(ctx, id)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, mentor.Errorf(mentor.ECONFLICT, "The trial %q is already closed.", t.Name)
	}
	return t, nil
}

// TrialProgramIDs returns the ids of every program that is an arm of a
// trial, ascending: the programs whose results are randomised evidence.
func (d *DB) TrialProgramIDs(ctx context.Context) ([]int64, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT program_id FROM trial_arms ORDER BY program_id`)
	if err != nil {
		return nil, fmt.Errorf("trial programs: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
