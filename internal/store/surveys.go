package store

import (
	"context"
	"fmt"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// SubmitSurvey stores a participant's closing survey of a closed program
// they were enrolled in. A second survey by the same person is ECONFLICT.
func (d *DB) SubmitSurvey(ctx context.Context, s *mentor.Survey) error {
	if err := s.Validate(); err != nil {
		return err
	}
	var status mentor.Status
	if err := d.db.QueryRowContext(ctx, `SELECT status FROM programs WHERE id = $1`, s.ProgramID).Scan(&status); err != nil {
		return notFound(err, "program", s.ProgramID)
	}
	if status != mentor.StatusClosed {
		return mentor.Errorf(mentor.ECONFLICT, "The closing survey opens when the program closes; it is %s.", status)
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM enrollments WHERE program_id = $1 AND person_id = $2`, s.ProgramID, s.PersonID).Scan(&n); err != nil {
		return fmt.Errorf("check enrollment: %w", err)
	}
	if n == 0 {
		return mentor.Errorf(mentor.EFORBIDDEN, "Only participants of the program answer its closing survey.")
	}
	s.CreatedAt = d.Now()
	err := d.db.QueryRowContext(ctx, `INSERT INTO surveys (program_id, person_id, rating, recommend, text, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		s.ProgramID, s.PersonID, s.Rating, s.Recommend, s.Text, s.CreatedAt).Scan(&s.ID)
	if err != nil {
		err = d.translate(err)
		if mentor.ErrorCode(err) == mentor.ECONFLICT {
			return mentor.Errorf(mentor.ECONFLICT, "You have already answered this program's closing survey.")
		}
	}
	return err
}

// Surveys lists a program's closing surveys; personID, when not 0, keeps
// that person's only.
func (d *DB) Surveys(ctx context.Context, programID, personID int64) ([]mentor.Survey, error) {
	var w where
	w.add("program_id = ?", programID)
	if personID != 0 {
		w.add("person_id = ?", personID)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, program_id, person_id, rating, recommend, text, created_at FROM surveys`+w.String()+` ORDER BY id`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("list surveys: %w", err)
	}
	defer rows.Close()
	out := []mentor.Survey{}
	for rows.Next() {
		var s mentor.Survey
		if err := rows.Scan(&s.ID, &s.ProgramID, &s.PersonID, &s.Rating, &s.Recommend, &s.Text, &s.CreatedAt); err != nil {
			return nil, err
		}
		s.CreatedAt = s.CreatedAt.UTC()
		out = append(out, s)
	}
	return out, rows.Err()
}
