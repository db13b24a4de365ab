package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const enrollmentColumns = `id, program_id, person_id, role, capacity, status, goals, answers, created_at`

func scanEnrollment(row interface{ Scan(...any) error }) (*mentor.Enrollment, error) {
	var e mentor.Enrollment
	var answers string
	if err := row.Scan(&e.ID, &e.ProgramID, &e.PersonID, &e.Role, &e.Capacity, &e.Status, &e.Goals, &answers, &e.CreatedAt); err != nil {
		return nil, err
	}
	e.CreatedAt = e.CreatedAt.UTC()
	return &e, fromJSON(answers, &e.Answers)
}

// CreateEnrollment enrolls a person in a program. The program must be a
// draft or enrolling (a running program puts newcomers on the waitlist);
// roles must fit the format; the person must fit the program's cohort filters.
func (d *DB) CreateEnrollment(ctx context.Context, e *mentor.Enrollment) error {
	return d.Tx(ctx, func(tx *sql.Tx) error { return d.createEnrollment(ctx, tx, e) })
}

// CreateEnrollments enrolls several people at once, all or nothing: the
// first bad enrollment's problems come back with fields prefixed by its
// position ("enrollments[3].role") and nothing is stored.
func (d *DB) CreateEnrollments(ctx context.Context, list []mentor.Enrollment) error {
	return d.Tx(ctx, func(tx *sql.Tx) error {
		for i := range list {
			if err := d.createEnrollment(ctx, tx, &list[i]); err != nil {
				if fields := mentor.ErrorFields(err); len(fields) > 0 {
					e := &mentor.Error{Code: mentor.ErrorCode(err), Message: fmt.Sprintf("Enrollment %d: %s", i, mentor.ErrorMessage(err))}
					for _, f := range fields {
						e.Fields = append(e.Fields, mentor.FieldError{Field: fmt.Sprintf("enrollments[%d].%s", i, f.Field), Message: f.Message})
					}
					return e
				}
				return err
			}
		}
		return nil
	})
}

func (d *DB) createEnrollment(ctx context.Context, tx *sql.Tx, e *mentor.Enrollment) error {
	p, err := scanProgram(tx.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs WHERE id = $1`, e.ProgramID))
	if err != nil {
		return notFound(err, "program", e.ProgramID)
	}
	if e.Role == mentor.RoleMentor && e.Capacity == 0 {
		e.Capacity = p.Options.DefaultCapacity
	}
	if e.Role != mentor.RoleMentor && e.Capacity == 0 {
		e.Capacity = 1
	}
	if err := e.Validate(p.Format); err != nil {
		return err
	}
	switch p.Status {
	case mentor.StatusDraft, mentor.StatusEnrolling:
	case mentor.StatusMatching, mentor.StatusRunning:
		if e.Status == mentor.EnrollmentActive {
			e.Status = mentor.EnrollmentWaitlisted
		}
	default:
		return mentor.Errorf(mentor.ECONFLICT, "The program is closed; it takes no enrollments.")
	}
	person, err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE id = $1`, e.PersonID))
	if err != nil {
		return &mentor.Error{Code: mentor.EINVALID, Message: "Unknown person.",
			Fields: []mentor.FieldError{{Field: "person_id", Message: fmt.Sprintf("person %d does not exist", e.PersonID)}}}
	}
	if err := cohortFits(p, person); err != nil {
		return err
	}
	e.CreatedAt = d.Now()
	err = tx.QueryRowContext(ctx, `INSERT INTO enrollments (program_id, person_id, role, capacity, status, goals, answers, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, e.ProgramID, e.PersonID, e.Role, e.Capacity, e.Status, e.Goals,
		jsonText(orEmpty(e.Answers)), e.CreatedAt).Scan(&e.ID)
	if err != nil {
		err = d.translate(err)
		if mentor.ErrorCode(err) == mentor.ECONFLICT {
			return &mentor.Error{Code: mentor.ECONFLICT, Message: "The person is already enrolled in this program.",
				Fields: []mentor.FieldError{{Field: "person_id", Message: "is already enrolled"}}}
		}
	}
	return err
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func cohortFits(p *mentor.Program, person *mentor.Person) error {
	o := p.Options
	if len(o.CohortGenerations) > 0 {
		g := mentor.Generation(person.BirthYear)
		ok := false
		for _, want := range o.CohortGenerations {
			ok = ok || want == g
		}
		if !ok {
			return &mentor.Error{Code: mentor.EINVALID, Message: "The person is outside the program's cohort.",
				Fields: []mentor.FieldError{{Field: "person_id", Message: fmt.Sprintf("generation %q is not in the cohort %v", g, o.CohortGenerations)}}}
		}
	}
	if len(o.CohortDepartments) > 0 {
		ok := false
		for _, want := range o.CohortDepartments {
			ok = ok || want == person.Department
		}
		if !ok {
			return &mentor.Error{Code: mentor.EINVALID, Message: "The person is outside the program's cohort.",
				Fields: []mentor.FieldError{{Field: "person_id", Message: fmt.Sprintf("department %q is not in the cohort", person.Department)}}}
		}
	}
	return nil
}

// Enrollment returns one enrollment, or ENOTFOUND.
func (d *DB) Enrollment(ctx context.Context, id int64) (*mentor.Enrollment, error) {
	e, err := scanEnrollment(d.db.QueryRowContext(ctx, `SELECT `+enrollmentColumns+` FROM enrollments WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "enrollment", id)
	}
	return e, nil
}

// UpdateEnrollment changes role, capacity, status (e.g. withdrawn) and goals.
func (d *DB) UpdateEnrollment(ctx context.Context, e *mentor.Enrollment) error {
	return d.Tx(ctx, func(tx *sql.Tx) error {
		var format mentor.Format
		if err := tx.QueryRowContext(ctx, `SELECT format FROM programs WHERE id = $1`, e.ProgramID).Scan(&format); err != nil {
			return notFound(err, "program", e.ProgramID)
		}
		if err := e.Validate(format); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE enrollments SET role=$1, capacity=$2, status=$3, goals=$4, answers=$5 WHERE id=$6 AND program_id=$7`,
			e.Role, e.Capacity, e.Status, e.Goals, jsonText(orEmpty(e.Answers)), e.ID, e.ProgramID)
		if err != nil {
			return d.translate(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return mentor.Errorf(mentor.ENOTFOUND, "enrollment %d was not found.", e.ID)
		}
		return nil
	})
}

// EnrollmentFilter narrows a list of enrollments.
type EnrollmentFilter struct {
	ProgramID int64
	PersonID  int64
	Role      mentor.Role
	Status    mentor.EnrollmentStatus
	Page
}

// Enrollments lists enrollments ordered by id.
func (d *DB) Enrollments(ctx context.Context, f EnrollmentFilter) ([]mentor.Enrollment, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("id > ?", after)
	if f.ProgramID != 0 {
		w.add("program_id = ?", f.ProgramID)
	}
	if f.PersonID != 0 {
		w.add("person_id = ?", f.PersonID)
	}
	if f.Role != "" {
		w.add("role = ?", f.Role)
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+enrollmentColumns+` FROM enrollments`+w.String()+` ORDER BY id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list enrollments: %w", err)
	}
	defer rows.Close()
	out := []mentor.Enrollment{}
	for rows.Next() {
		e, err := scanEnrollment(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *e)
	}
	var last int64
	if len(out) > 0 {
		last = out[len(out)-1].ID
	}
	return out, cursorFor(len(out), f.limit(), last), rows.Err()
}
