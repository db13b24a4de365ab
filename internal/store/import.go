package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// ImportRow is one person of an import, with the line it came from.
type ImportRow struct {
	Line         int
	Person       mentor.Person
	ManagerEmail string
}

// ImportProblem is what is wrong with one line of an import.
type ImportProblem struct {
	Line   int                 `json:"line"`
	Errors []mentor.FieldError `json:"errors"`
}

// ImportResult counts what an import did (or, in a dry run, would do).
type ImportResult struct {
	Created, Updated int
	Problems         []ImportProblem
}

var errRollback = errors.New("roll back")

// ImportPeople creates the people of rows, or updates those whose e-mail
// address exists already, and links managers by e-mail (from the file or the
// database). All or nothing: one transaction, committed only when no row has
// a problem and dryRun is false. Problems are returned per line, not as an error.
func (d *DB) ImportPeople(ctx context.Context, rows []ImportRow, dryRun bool) (*ImportResult, error) {
	res := &ImportResult{}
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		ids := map[string]int64{}
		for i := range rows {
			r := &rows[i]
			p := &r.Person
			var existing int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM people WHERE email = $1`, p.Email).Scan(&existing)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				err = d.createPerson(ctx, tx, p)
				res.Created++
			case err == nil:
				old, gerr := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE id = $1`, existing))
				if gerr != nil {
					return gerr
				}
				p.ID, p.ManagerID, p.Availability, p.CreatedAt = existing, old.ManagerID, old.Availability, old.CreatedAt
				if p.Bio == "" {
					p.Bio = old.Bio
				}
				err = d.updatePerson(ctx, tx, p)
				res.Updated++
			}
			if err != nil {
				fields := mentor.ErrorFields(err)
				if len(fields) == 0 {
					if mentor.ErrorCode(err) == mentor.EINTERNAL {
						return fmt.Errorf("line %d: %w", r.Line, err)
					}
					fields = []mentor.FieldError{{Field: "row", Message: mentor.ErrorMessage(err)}}
				}
				res.Problems = append(res.Problems, ImportProblem{Line: r.Line, Errors: fields})
				// The transaction may be unusable after a failed statement
				// (PostgreSQL); what was found so far is reported.
				return errRollback
			}
			ids[p.Email] = p.ID
		}
		for _, r := range rows {
			if r.ManagerEmail == "" {
				continue
			}
			mid, ok := ids[r.ManagerEmail]
			if !ok {
				err := tx.QueryRowContext(ctx, `SELECT id FROM people WHERE email = $1`, r.ManagerEmail).Scan(&mid)
				if errors.Is(err, sql.ErrNoRows) {
					res.Problems = append(res.Problems, ImportProblem{Line: r.Line, Errors: []mentor.FieldError{{Field: "manager_email",
						Message: fmt.Sprintf("%s is neither in the file nor in the database", r.ManagerEmail)}}})
					continue
				} else if err != nil {
					return err
				}
			}
			if mid == r.Person.ID {
				res.Problems = append(res.Problems, ImportProblem{Line: r.Line, Errors: []mentor.FieldError{{Field: "manager_email", Message: "is the person themselves"}}})
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE people SET manager_id = $1 WHERE id = $2`, mid, r.Person.ID); err != nil {
				return fmt.Errorf("line %d: set manager: %w", r.Line, err)
			}
		}
		if dryRun || len(res.Problems) > 0 {
			return errRollback
		}
		return nil
	})
	if err != nil && !errors.Is(err, errRollback) {
		return nil, err
	}
	return res, nil
}
