package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// RespondToPick records the picked person's answer to a pending pick and
// returns the pick. Declining stores the reason. Accepting makes the match
// at once (state accepted, both members accepted, the pick's score and
// explanation) and closes, as withdrawn with the reason, the pending picks
// the match settles: every other pick made by or of a newly matched mentee
// or peer, and the pending picks of a mentor who is now full.
//
// Only the picked person answers: the picker gets EFORBIDDEN, anyone else
// ENOTFOUND, like a missing pick. A pick that is not pending, a program that
// no longer takes picks (mentor.Program.CheckSelfSelect), a participant no longer active or
// already matched, and a mentor without room are ECONFLICT. Both people's
// rows are locked for the transaction, so concurrent acceptances never take
// a mentor past capacity nor give a mentee two matches; an answer that
// meets a concurrent withdrawal is ECONFLICT unless it got in first.
func (d *DB) RespondToPick(ctx context.Context, pickID, personID int64, accept bool, reason string) (*mentor.Pick, error) {
	reason = strings.TrimSpace(reason)
	if len(reason) > 2000 {
		return nil, fieldError("reason", "is longer than 2000 characters")
	}
	var out *mentor.Pick
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		k, err := pickByID(ctx, tx, pickID)
		if err != nil {
			return err
		}
		if err := k.AnswerableBy(personID); err != nil {
			return err
		}
		if err := d.lockPeople(ctx, tx, map[int64]string{k.PickerID: "picker_id", k.PickedID: "person_id"}); err != nil {
			return err
		}
		if k, err = pickByID(ctx, tx, pickID); err != nil { // as it stands now that both rows are ours
			return err
		}
		if k.Status != mentor.PickPending {
			return mentor.Errorf(mentor.ECONFLICT, "The pick is %s; only a pending pick takes an answer.", k.Status)
		}
		if !accept {
			res, err := tx.ExecContext(ctx, `UPDATE picks SET status = $1, reason = $2, updated_at = $3 WHERE id = $4 AND status = $5`,
				mentor.PickDeclined, reason, d.Now(), pickID, mentor.PickPending)
			if err != nil {
				return fmt.Errorf("decline pick: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return mentor.Errorf(mentor.ECONFLICT, "The pick was withdrawn meanwhile.")
			}
		} else if err := d.acceptPick(ctx, tx, k); err != nil {
			return err
		}
		out, err = pickByID(ctx, tx, pickID)
		return err
	})
	return out, err
}

// acceptPick re-checks the program and both people, then forms the match of
// pending pick k. The caller holds both people's locks.
func (d *DB) acceptPick(ctx context.Context, tx *sql.Tx, k *mentor.Pick) error {
	prog, err := selfSelectProgram(ctx, tx, k.ProgramID)
	if err != nil {
		return err
	}
	picker, err := activeEnrollment(ctx, tx, prog.ID, k.PickerID)
	if err != nil {
		return err
	}
	picked, err := activeEnrollment(ctx, tx, prog.ID, k.PickedID)
	if err != nil {
		return err
	}
	switch {
	case picker == nil:
		return mentor.Errorf(mentor.ECONFLICT, "%s no longer takes part in program %q.", k.PickerName, prog.Name)
	case picked == nil:
		return mentor.Errorf(mentor.ECONFLICT, "You are not an active participant of program %q.", prog.Name)
	}
	if n, err := liveMatches(ctx, tx, prog.ID, k.PickerID, false); err != nil || n > 0 {
		if err == nil {
			err = mentor.Errorf(mentor.ECONFLICT, "%s already has a match in program %q.", k.PickerName, prog.Name)
		}
		return err
	}
	if err := hasRoom(ctx, tx, prog, picked, "You have", "You already have"); err != nil {
		return err
	}
	_, err = d.formMatch(ctx, tx, prog, k, picker, picked, nil)
	return err
}

// WithdrawPick lets the picker take back a pending pick and returns it. The
// picked person gets EFORBIDDEN (they decline instead), anyone else
// ENOTFOUND; a pick that is no longer pending is ECONFLICT.
func (d *DB) WithdrawPick(ctx context.Context, pickID, personID int64) (*mentor.Pick, error) {
	k, err := pickByID(ctx, d.db, pickID)
	if err != nil {
		return nil, err
	}
	if err := k.WithdrawableBy(personID); err != nil {
		return nil, err
	}
	// The status in WHERE makes a concurrent answer win over the withdrawal or lose to it, never mix.
	res, err := d.db.ExecContext(ctx, `UPDATE picks SET status = $1, reason = $2, updated_at = $3 WHERE id = $4 AND status = $5`,
		mentor.PickWithdrawn, "withdrawn by "+k.PickerName, d.Now(), pickID, mentor.PickPending)
	if err != nil {
		return nil, d.translate(fmt.Errorf("withdraw pick: %w", err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		k, err = pickByID(ctx, d.db, pickID)
		if err != nil {
			return nil, err
		}
		return nil, mentor.Errorf(mentor.ECONFLICT, "The pick is %s; only a pending pick can be withdrawn.", k.Status)
	}
	return pickByID(ctx, d.db, pickID)
}

// pickPair loads the enrollments of a picker and the person picked and
// checks that they may pick and be picked in prog (see CreatePick).
func pickPair(ctx context.Context, tx *sql.Tx, prog *mentor.Program, pickerID, pickedID int64) (picker, picked *mentor.Enrollment, err error) {
	if picker, err = enrollmentOf(ctx, tx, prog.ID, pickerID); err != nil {
		return nil, nil, err
	}
	switch {
	case picker == nil || picker.Status == mentor.EnrollmentWithdrawn:
		return nil, nil, mentor.Errorf(mentor.ECONFLICT, "You are not enrolled in program %q.", prog.Name)
	case picker.Status != mentor.EnrollmentActive:
		return nil, nil, mentor.Errorf(mentor.ECONFLICT, "You are on the waitlist of program %q; picks are open to active participants.", prog.Name)
	case prog.Format.Directional() && picker.Role != mentor.RoleMentee:
		return nil, nil, mentor.Errorf(mentor.ECONFLICT, "In a %s program mentees pick their mentors; as a %s you answer the picks you receive.", prog.Format, picker.Role)
	}
	if picked, err = activeEnrollment(ctx, tx, prog.ID, pickedID); err != nil {
		return nil, nil, err
	}
	switch {
	case picked == nil:
		return nil, nil, fieldError("person_id", "person %d is not an active participant of program %d", pickedID, prog.ID)
	case prog.Format.Directional() && picked.Role != mentor.RoleMentor:
		return nil, nil, fieldError("person_id", "person %d is not a mentor in program %d; pick a mentor", pickedID, prog.ID)
	}
	return picker, picked, nil
}

// canPick checks that neither the picker is matched nor the picked person full.
func canPick(ctx context.Context, tx *sql.Tx, prog *mentor.Program, picker, picked *mentor.Enrollment) error {
	n, err := liveMatches(ctx, tx, prog.ID, picker.PersonID, false)
	if err != nil {
		return err
	}
	if n > 0 {
		return mentor.Errorf(mentor.ECONFLICT, "You already have a match in program %q.", prog.Name)
	}
	name, err := personName(ctx, tx, picked.PersonID)
	if err != nil {
		return err
	}
	if err := hasRoom(ctx, tx, prog, picked, name+" has", name+" already has"); err != nil {
		var e *mentor.Error
		if errors.As(err, &e) {
			e.Fields = []mentor.FieldError{{Field: "person_id", Message: "has no room left"}}
		}
		return err
	}
	return nil
}

// hasRoom checks that e can take one more match: a mentor below capacity in
// directional formats, a person without a live match otherwise. full and
// matched start the messages ("Ben has", "Ben already has").
func hasRoom(ctx context.Context, q querier, prog *mentor.Program, e *mentor.Enrollment, full, matched string) error {
	if prog.Format.Directional() {
		n, err := liveMatches(ctx, q, prog.ID, e.PersonID, true)
		if err != nil {
			return err
		}
		if n >= max(e.Capacity, 1) {
			return mentor.Errorf(mentor.ECONFLICT, "%s no room left: %d of %d places taken.", full, n, max(e.Capacity, 1))
		}
		return nil
	}
	n, err := liveMatches(ctx, q, prog.ID, e.PersonID, false)
	if err != nil {
		return err
	}
	if n > 0 {
		return mentor.Errorf(mentor.ECONFLICT, "%s a match in program %q.", matched, prog.Name)
	}
	return nil
}

// formMatch turns pick k into an accepted match of its picker and picked
// person, marks k and the picks in also accepted with the match, and closes
// (withdraws, with the reason) the pending picks the match settles. It
// returns the match id.
func (d *DB) formMatch(ctx context.Context, tx *sql.Tx, prog *mentor.Program, k *mentor.Pick, picker, picked *mentor.Enrollment, also []int64) (int64, error) {
	m := &mentor.Match{ProgramID: prog.ID, State: mentor.MatchAccepted, Score: k.Score, Summary: k.Summary, Factors: k.Factors,
		Skills: k.Skills, Members: []mentor.MatchMember{{PersonID: k.PickerID, Role: picker.Role, Response: "accepted"},
			{PersonID: k.PickedID, Role: picked.Role, Response: "accepted"}}}
	if err := validateMatch(m).Err("match"); err != nil {
		return 0, err
	}
	if err := d.insertMatch(ctx, tx, m); err != nil {
		return 0, err
	}
	now := d.Now()
	for _, id := range append([]int64{k.ID}, also...) {
		// Withdrawals take no lock: the status in WHERE makes one that got in
		// first win, and this match is then rolled back.
		res, err := tx.ExecContext(ctx, `UPDATE picks SET status = $1, match_id = $2, updated_at = $3 WHERE id = $4 AND status = $5`,
			mentor.PickAccepted, m.ID, now, id, mentor.PickPending)
		if err != nil {
			return 0, fmt.Errorf("accept pick: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return 0, mentor.Errorf(mentor.ECONFLICT, "A pick changed meanwhile; try again.")
		}
	}
	closeFor := func(cond, reason string, id int64) error {
		_, err := tx.ExecContext(ctx, `UPDATE picks SET status = $1, reason = $2, updated_at = $3
			WHERE program_id = $4 AND status = $5 AND `+cond, mentor.PickWithdrawn, reason, now, prog.ID, mentor.PickPending, id)
		if err != nil {
			return fmt.Errorf("close picks: %w", err)
		}
		return nil
	}
	pair := "closed: " + k.PickerName + " and " + k.PickedName + " are matched"
	if err := closeFor("(picker_id = $6 OR picked_id = $6)", pair, k.PickerID); err != nil {
		return 0, err
	}
	if !prog.Format.Directional() {
		return m.ID, closeFor("(picker_id = $6 OR picked_id = $6)", pair, k.PickedID)
	}
	n, err := liveMatches(ctx, tx, prog.ID, k.PickedID, true)
	if err != nil {
		return 0, err
	}
	if n >= max(picked.Capacity, 1) {
		return m.ID, closeFor("picked_id = $6", "closed: "+k.PickedName+" has no room left", k.PickedID)
	}
	return m.ID, nil
}

// liveMatches counts the person's proposed, accepted, active and paused
// matches in the program (drafts of an unpublished run do not count); with
// asMentor only those in which they are the mentor.
func liveMatches(ctx context.Context, q querier, programID, personID int64, asMentor bool) (int, error) {
	query := `SELECT count(*) FROM match_members mm JOIN matches m ON m.id = mm.match_id
		WHERE m.program_id = $1 AND mm.person_id = $2 AND m.state IN ($3, $4, $5, $6)`
	if asMentor {
		query += ` AND mm.role = 'mentor'`
	}
	var n int
	err := q.QueryRowContext(ctx, query, programID, personID, mentor.MatchProposed, mentor.MatchAccepted, mentor.MatchActive, mentor.MatchPaused).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count live matches: %w", err)
	}
	return n, nil
}

// enrollmentOf returns the person's enrollment in the program, or nil.
func enrollmentOf(ctx context.Context, q querier, programID, personID int64) (*mentor.Enrollment, error) {
	e, err := scanEnrollment(q.QueryRowContext(ctx, `SELECT `+enrollmentColumns+` FROM enrollments WHERE program_id = $1 AND person_id = $2`,
		programID, personID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read enrollment: %w", err)
	}
	return e, nil
}

// activeEnrollment returns the person's active enrollment in the program, or nil.
func activeEnrollment(ctx context.Context, q querier, programID, personID int64) (*mentor.Enrollment, error) {
	e, err := enrollmentOf(ctx, q, programID, personID)
	if err != nil || e == nil || e.Status != mentor.EnrollmentActive {
		return nil, err
	}
	return e, nil
}

func personName(ctx context.Context, q querier, id int64) (string, error) {
	var name string
	if err := q.QueryRowContext(ctx, `SELECT name FROM people WHERE id = $1`, id).Scan(&name); err != nil {
		return "", notFound(err, "person", id)
	}
	return name, nil
}
