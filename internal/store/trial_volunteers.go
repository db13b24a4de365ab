package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
)

const assignmentColumns = `trial_id, person_id, program_id, stratum, position, seniority, department, enrollment_id, role, assigned_at`

func scanAssignment(row interface{ Scan(...any) error }) (*mentor.TrialAssignment, error) {
	var a mentor.TrialAssignment
	var enrollment sql.NullInt64
	if err := row.Scan(&a.TrialID, &a.PersonID, &a.ProgramID, &a.Stratum, &a.Position, &a.Seniority, &a.Department,
		&enrollment, &a.Role, &a.AssignedAt); err != nil {
		return nil, err
	}
	a.EnrollmentID, a.AssignedAt = enrollment.Int64, a.AssignedAt.UTC()
	return &a, nil
}

// Volunteer assigns a person to an arm of an open trial and enrolls them in
// the arm's program, in one transaction that holds the trial's lock, so
// that concurrent volunteers are numbered one after the other in their
// stratum and the arms stay balanced. The stratum is the person's
// seniority band and department now (report.TrialStratum); the position is
// the number of volunteers the stratum had before (deleted people keep
// their place); the arm is report.TrialArm of the trial's seed, the stratum
// and the position. The enrollment takes mentor.TrialRole of the arm's
// format and passes what CreateEnrollment checks (a program that is no
// longer open refuses it, and nothing is stored).
//
// Errors: ENOTFOUND for an unknown trial; EINVALID naming person_id for an
// unknown person; ECONFLICT when the trial is closed, or naming person_id
// when the person is already assigned or already enrolled in an arm.
func (d *DB) Volunteer(ctx context.Context, trialID, personID int64) (*mentor.TrialAssignment, error) {
	var out *mentor.TrialAssignment
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		found, err := d.lockRow(ctx, tx, "trials", "status", trialID)
		if err != nil {
			return err
		}
		if !found {
			return mentor.Errorf(mentor.ENOTFOUND, "trial %d was not found.", trialID)
		}
		list, err := d.trials(ctx, tx, `WHERE id = $1`, trialID)
		if err != nil {
			return err
		}
		t := &list[0]
		if t.Status != mentor.TrialOpen {
			return mentor.Errorf(mentor.ECONFLICT, "The trial %q is closed; it takes no more volunteers.", t.Name)
		}
		person, err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE id = $1`, personID))
		if errors.Is(err, sql.ErrNoRows) {
			return fieldError("person_id", "person %d does not exist", personID)
		} else if err != nil {
			return fmt.Errorf("volunteer: %w", err)
		}
		if err := notYetInTrial(ctx, tx, t, personID); err != nil {
			return err
		}
		out, err = d.assign(ctx, tx, t, person)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// notYetInTrial returns an ECONFLICT naming person_id when the person was
// already assigned in trial t or is enrolled in one of its arms: a
// volunteer must come in unassigned, or the arm would not be random.
func notYetInTrial(ctx context.Context, tx *sql.Tx, t *mentor.Trial, personID int64) error {
	conflict := func(format string, args ...any) error {
		return &mentor.Error{Code: mentor.ECONFLICT, Message: "The person cannot volunteer for this trial.",
			Fields: []mentor.FieldError{{Field: "person_id", Message: fmt.Sprintf(format, args...)}}}
	}
	var program int64
	err := tx.QueryRowContext(ctx, `SELECT program_id FROM trial_assignments WHERE trial_id = $1 AND person_id = $2`, t.ID, personID).Scan(&program)
	if err == nil {
		return conflict("was already assigned to %s", armName(t, program))
	} else if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("volunteer: %w", err)
	}
	err = tx.QueryRowContext(ctx, `SELECT e.program_id FROM enrollments e JOIN trial_arms a ON a.program_id = e.program_id
		WHERE a.trial_id = $1 AND e.person_id = $2 ORDER BY e.program_id LIMIT 1`, t.ID, personID).Scan(&program)
	if err == nil {
		return conflict("is already enrolled in %s, an arm of this trial; only people not yet in any arm can be assigned at random", armName(t, program))
	} else if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("volunteer: %w", err)
	}
	return nil
}

// armName names the arm of t whose program is id.
func armName(t *mentor.Trial, id int64) string {
	for _, a := range t.Arms {
		if a.ProgramID == id {
			return fmt.Sprintf("%q (%s)", a.Name, a.Format)
		}
	}
	return fmt.Sprintf("program %d", id)
}

// assign picks the person's arm in the locked trial t, enrolls them in it
// and stores the assignment.
func (d *DB) assign(ctx context.Context, tx *sql.Tx, t *mentor.Trial, person *mentor.Person) (*mentor.TrialAssignment, error) {
	a := &mentor.TrialAssignment{TrialID: t.ID, PersonID: person.ID, Seniority: person.Seniority, Department: person.Department,
		Stratum: report.TrialStratum(person.Seniority, person.Department)}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position) + 1, 0) FROM trial_assignments WHERE trial_id = $1 AND stratum = $2`,
		t.ID, a.Stratum).Scan(&a.Position); err != nil {
		return nil, fmt.Errorf("volunteer: %w", err)
	}
	arm := t.Arms[report.TrialArm(t.Seed, a.Stratum, a.Position, len(t.Arms))]
	e := mentor.Enrollment{ProgramID: arm.ProgramID, PersonID: person.ID, Role: mentor.TrialRole(arm.Format)}
	if err := d.createEnrollment(ctx, tx, &e); err != nil {
		return nil, err
	}
	a.ProgramID, a.EnrollmentID, a.Role, a.AssignedAt = arm.ProgramID, e.ID, e.Role, d.Now()
	_, err := tx.ExecContext(ctx, `INSERT INTO trial_assignments (`+assignmentColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		a.TrialID, a.PersonID, a.ProgramID, a.Stratum, a.Position, a.Seniority, a.Department, a.EnrollmentID, a.Role, a.AssignedAt)
	if err != nil {
		return nil, d.translate(err)
	}
	return a, nil
}

// TrialAssignments lists a trial's assignments in the order they were
// made. An unknown trial gives an empty list.
func (d *DB) TrialAssignments(ctx context.Context, trialID int64) ([]mentor.TrialAssignment, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+assignmentColumns+` FROM trial_assignments WHERE trial_id = $1
		ORDER BY assigned_at, stratum, position`, trialID)
	if err != nil {
		return nil, fmt.Errorf("trial assignments: %w", err)
	}
	defer rows.Close()
	out := []mentor.TrialAssignment{}
	for rows.Next() {
		a, err := scanAssignment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *a)
	}
	return out, rows.Err()
}
