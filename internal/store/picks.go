package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const pickSelect = `SELECT k.id, k.program_id, k.picker_id, a.name, k.picked_id, b.name, k.status, k.message, k.reason,
	k.score, k.summary, k.factors, k.skills, k.match_id, k.created_at, k.updated_at
	FROM picks k JOIN people a ON a.id = k.picker_id JOIN people b ON b.id = k.picked_id`

func scanPick(row interface{ Scan(...any) error }) (*mentor.Pick, error) {
	var k mentor.Pick
	var factors, skills string
	if err := row.Scan(&k.ID, &k.ProgramID, &k.PickerID, &k.PickerName, &k.PickedID, &k.PickedName, &k.Status, &k.Message,
		&k.Reason, &k.Score, &k.Summary, &factors, &skills, &k.MatchID, &k.CreatedAt, &k.UpdatedAt); err != nil {
		return nil, err
	}
	if err := fromJSON(factors, &k.Factors); err != nil {
		return nil, fmt.Errorf("pick %d factors: %w", k.ID, err)
	}
	if err := fromJSON(skills, &k.Skills); err != nil {
		return nil, fmt.Errorf("pick %d skills: %w", k.ID, err)
	}
	if len(k.Skills) == 0 {
		k.Skills = nil
	}
	if k.Factors == nil {
		k.Factors = []mentor.MatchFactor{}
	}
	k.CreatedAt, k.UpdatedAt = k.CreatedAt.UTC(), k.UpdatedAt.UTC()
	return &k, nil
}

// CreatePick records k.PickerID's pick of k.PickedID in program k.ProgramID
// and sets k's id, status, names and times. Score, Summary, Factors, Skills
// and Message are the caller's (the engine's view of the pair and the picker's
// note); the store checks everything else in one transaction:
//
//   - the program allows picks (mentor.Program.CheckSelfSelect, ECONFLICT) and exists (ENOTFOUND);
//   - the picker is an active participant (ECONFLICT) without a live match in
//     the program (ECONFLICT), and a mentee in directional formats, where
//     mentors answer picks instead of making them (ECONFLICT);
//   - the picked person is an active participant on the other side
//     (a mentor in directional formats) with room: a mentor below capacity,
//     a peer without a live match (EINVALID naming person_id when they are
//     not a fitting participant, ECONFLICT when they are full);
//   - the pair has no open or accepted pick, and the picked person has not
//     declined the picker before (mentor.CheckRepick, ECONFLICT); a
//     withdrawn pick is reopened;
//   - in one-pool formats a pick of someone who has a pending pick on the
//     picker is mutual: the match forms at once (state accepted, both picks
//     accepted, k.MatchID set) and the pending cap does not apply;
//   - otherwise the picker holds fewer pending picks than the program's
//     MaxPendingRequests (mentor.CheckPendingCap, ECONFLICT naming the cap).
//
// Both people's rows are locked (in id order) for the transaction, so that
// concurrent picks by one person never exceed the cap and two people picking
// each other at once always make their match. Errors about the picked person
// name the field person_id, as the API does; unknown people are EINVALID.
func (d *DB) CreatePick(ctx context.Context, k *mentor.Pick) error {
	if err := k.Validate(); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		if err := d.lockPeople(ctx, tx, map[int64]string{k.PickerID: "picker_id", k.PickedID: "person_id"}); err != nil {
			return err
		}
		prog, err := selfSelectProgram(ctx, tx, k.ProgramID)
		if err != nil {
			return err
		}
		picker, picked, err := pickPair(ctx, tx, prog, k.PickerID, k.PickedID)
		if err != nil {
			return err
		}
		if err := canPick(ctx, tx, prog, picker, picked); err != nil {
			return err
		}
		old, err := pickBetween(ctx, tx, k.ProgramID, k.PickerID, k.PickedID)
		if err != nil {
			return err
		}
		if err := mentor.CheckRepick(old); err != nil {
			return err
		}
		back, err := mutualPick(ctx, tx, prog, k)
		if err != nil {
			return err
		}
		if back == nil {
			if err := checkPendingCap(ctx, tx, prog, k.PickerID); err != nil {
				return err
			}
		}
		if err := d.savePick(ctx, tx, k, old); err != nil {
			return err
		}
		got, err := pickByID(ctx, tx, k.ID)
		if err != nil {
			return err
		}
		if back != nil {
			// The newer pick's view of the pair counts: it knows the pick is mutual.
			if _, err := d.formMatch(ctx, tx, prog, got, picker, picked, []int64{back.ID}); err != nil {
				return err
			}
			if got, err = pickByID(ctx, tx, k.ID); err != nil {
				return err
			}
		}
		*k = *got
		return nil
	})
}

// selfSelectProgram reads the program of a pick and checks that it takes
// picks (mentor.Program.CheckSelfSelect); a missing program is ENOTFOUND.
func selfSelectProgram(ctx context.Context, q querier, id int64) (*mentor.Program, error) {
	prog, err := scanProgram(q.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "program", id)
	}
	if err := prog.CheckSelfSelect(); err != nil {
		return nil, err
	}
	return prog, nil
}

// mutualPick returns the pending pick of k's picker by k's picked person in a
// one-pool format, which makes k mutual, or nil.
func mutualPick(ctx context.Context, q querier, prog *mentor.Program, k *mentor.Pick) (*mentor.Pick, error) {
	if prog.Format.Directional() {
		return nil, nil
	}
	back, err := pickBetween(ctx, q, k.ProgramID, k.PickedID, k.PickerID)
	if err != nil || back == nil || back.Status != mentor.PickPending {
		return nil, err
	}
	return back, nil
}

// checkPendingCap counts the picker's pending picks in prog against the
// program's cap (mentor.CheckPendingCap).
func checkPendingCap(ctx context.Context, q querier, prog *mentor.Program, pickerID int64) error {
	var pending int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM picks WHERE program_id = $1 AND picker_id = $2 AND status = $3`,
		prog.ID, pickerID, mentor.PickPending).Scan(&pending); err != nil {
		return fmt.Errorf("count pending picks: %w", err)
	}
	return mentor.CheckPendingCap(pending, prog.MaxPendingRequests())
}

// savePick stores k as a pending pick (a mutual pick too: forming the match
// accepts it), reopening the withdrawn pick old of the same pair when there
// is one, and sets k's id, status and times.
func (d *DB) savePick(ctx context.Context, tx *sql.Tx, k, old *mentor.Pick) error {
	now := d.Now()
	k.Status, k.Reason, k.MatchID, k.CreatedAt, k.UpdatedAt = mentor.PickPending, "", nil, now, now
	var err error
	if old != nil {
		k.ID = old.ID
		_, err = tx.ExecContext(ctx, `UPDATE picks SET status=$1, message=$2, reason='', score=$3, summary=$4, factors=$5, skills=$6,
			match_id=NULL, created_at=$7, updated_at=$7 WHERE id=$8`, k.Status, k.Message, k.Score, k.Summary, jsonText(k.Factors),
			jsonText(k.Skills), now, old.ID)
	} else {
		err = tx.QueryRowContext(ctx, `INSERT INTO picks (program_id, picker_id, picked_id, status, message, score, summary, factors, skills,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`, k.ProgramID, k.PickerID, k.PickedID,
			k.Status, k.Message, k.Score, k.Summary, jsonText(k.Factors), jsonText(k.Skills), now).Scan(&k.ID)
	}
	if err != nil {
		return d.translate(fmt.Errorf("save pick: %w", err))
	}
	return nil
}

// Pick returns one pick with the two people's names, or ENOTFOUND.
func (d *DB) Pick(ctx context.Context, id int64) (*mentor.Pick, error) {
	return pickByID(ctx, d.db, id)
}

func pickByID(ctx context.Context, q querier, id int64) (*mentor.Pick, error) {
	k, err := scanPick(q.QueryRowContext(ctx, pickSelect+` WHERE k.id = $1`, id))
	if err != nil {
		return nil, notFound(err, "pick", id)
	}
	return k, nil
}

// pickBetween returns the pick of picked by picker in a program, or nil.
func pickBetween(ctx context.Context, q querier, programID, picker, picked int64) (*mentor.Pick, error) {
	k, err := scanPick(q.QueryRowContext(ctx, pickSelect+` WHERE k.program_id = $1 AND k.picker_id = $2 AND k.picked_id = $3`,
		programID, picker, picked))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read pick: %w", err)
	}
	return k, nil
}

// PickFilter narrows a list of picks; zero fields do not filter.
type PickFilter struct {
	ProgramID int64
	// PersonID keeps the picks the person made or received.
	PersonID int64
	PickerID int64
	PickedID int64
	Status   mentor.PickStatus
	Page
}

// Picks lists picks ordered by id, with the two people's names. An unknown
// status is EINVALID naming "status".
func (d *DB) Picks(ctx context.Context, f PickFilter) ([]mentor.Pick, string, error) {
	if f.Status != "" && !f.Status.Valid() {
		return nil, "", fieldError("status", "must be pending, accepted, declined or withdrawn")
	}
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("k.id > ?", after)
	if f.ProgramID != 0 {
		w.add("k.program_id = ?", f.ProgramID)
	}
	if f.PersonID != 0 {
		w.add("(k.picker_id = ? OR k.picked_id = ?)", f.PersonID, f.PersonID)
	}
	if f.PickerID != 0 {
		w.add("k.picker_id = ?", f.PickerID)
	}
	if f.PickedID != 0 {
		w.add("k.picked_id = ?", f.PickedID)
	}
	if f.Status != "" {
		w.add("k.status = ?", f.Status)
	}
	rows, err := d.db.QueryContext(ctx, pickSelect+w.String()+` ORDER BY k.id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list picks: %w", err)
	}
	defer rows.Close()
	out := []mentor.Pick{}
	var ids []int64
	for rows.Next() {
		k, err := scanPick(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *k)
		ids = append(ids, k.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	return out, cursorFor(len(out), f.limit(), lastID(ids)), nil
}

// lockPeople locks the given people's rows in id order (so that two
// transactions locking the same people cannot deadlock) and reports a
// missing person as EINVALID naming the field the map gives for them.
func (d *DB) lockPeople(ctx context.Context, tx *sql.Tx, fields map[int64]string) error {
	ids := make([]int64, 0, len(fields))
	for id := range fields {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var pr mentor.Problems
	for _, id := range ids {
		found, err := d.lockRow(ctx, tx, "people", "updated_at", id)
		if err != nil {
			return err
		}
		pr.Check(!found, fields[id], "person %d does not exist", id)
	}
	return pr.Err("pick")
}
