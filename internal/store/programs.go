package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const programColumns = `id, name, description, format, status, mode, slug, start_date, end_date, options, created_at, updated_at`

func scanProgram(row interface{ Scan(...any) error }) (*mentor.Program, error) {
	var p mentor.Program
	var slug, start, end *string
	var opts string
	if err := row.Scan(&p.ID, &p.Name, &p.Description, &p.Format, &p.Status, &p.Mode, &slug, &start, &end, &opts, &p.CreatedAt, &p.UpdatedAt); err != nil {
		return nil, err
	}
	if slug != nil {
		p.Slug = *slug
	}
	var err error
	if p.StartDate, err = scanDate(start); err != nil {
		return nil, err
	}
	if p.EndDate, err = scanDate(end); err != nil {
		return nil, err
	}
	if err := fromJSON(opts, &p.Options); err != nil {
		return nil, fmt.Errorf("program %d options: %w", p.ID, err)
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return &p, nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// CreateProgram fills defaults, validates and stores p (in draft unless a status is given).
func (d *DB) CreateProgram(ctx context.Context, p *mentor.Program) error {
	p.ApplyDefaults()
	if err := p.Validate(); err != nil {
		return err
	}
	now := d.Now()
	p.CreatedAt, p.UpdatedAt = now, now
	err := d.db.QueryRowContext(ctx, `INSERT INTO programs (name, description, format, status, mode, slug, start_date, end_date, options, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		p.Name, p.Description, p.Format, p.Status, p.Mode, nullString(p.Slug), nullDate(p.StartDate), nullDate(p.EndDate),
		jsonText(p.Options), now, now).Scan(&p.ID)
	return d.translate(err)
}

// Program returns one program, or ENOTFOUND.
func (d *DB) Program(ctx context.Context, id int64) (*mentor.Program, error) {
	p, err := scanProgram(d.db.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "program", id)
	}
	return p, nil
}

// ProgramBySlug returns the program whose public sign-up page is slug, or ENOTFOUND.
func (d *DB) ProgramBySlug(ctx context.Context, slug string) (*mentor.Program, error) {
	p, err := scanProgram(d.db.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs WHERE slug = $1`, slug))
	if err != nil {
		return nil, notFound(err, "program", slug)
	}
	return p, nil
}

// UpdateProgram replaces a program's settings. The status is not changed
// here: use SetProgramStatus, which enforces the lifecycle.
func (d *DB) UpdateProgram(ctx context.Context, p *mentor.Program) error {
	return d.Tx(ctx, func(tx *sql.Tx) error {
		old, err := scanProgram(tx.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs WHERE id = $1`, p.ID))
		if err != nil {
			return notFound(err, "program", p.ID)
		}
		p.Status, p.CreatedAt = old.Status, old.CreatedAt
		if p.Format != old.Format && old.Status != mentor.StatusDraft {
			return &mentor.Error{Code: mentor.ECONFLICT, Message: "The format of a program can change only while it is a draft.",
				Fields: []mentor.FieldError{{Field: "format", Message: "cannot change after the draft stage"}}}
		}
		p.ApplyDefaults()
		if err := p.Validate(); err != nil {
			return err
		}
		p.UpdatedAt = d.Now()
		_, err = tx.ExecContext(ctx, `UPDATE programs SET name=$1, description=$2, format=$3, mode=$4, slug=$5, start_date=$6,
			end_date=$7, options=$8, updated_at=$9 WHERE id=$10`, p.Name, p.Description, p.Format, p.Mode, nullString(p.Slug),
			nullDate(p.StartDate), nullDate(p.EndDate), jsonText(p.Options), p.UpdatedAt, p.ID)
		return d.translate(err)
	})
}

// SetProgramStatus moves a program along its lifecycle, refusing illegal
// moves with the reason (ECONFLICT). Closing a program completes its active
// and accepted matches in the same transaction.
func (d *DB) SetProgramStatus(ctx context.Context, id int64, to mentor.Status) (*mentor.Program, error) {
	var out *mentor.Program
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		p, err := scanProgram(tx.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs WHERE id = $1`, id))
		if err != nil {
			return notFound(err, "program", id)
		}
		if err := mentor.Transition(p.Status, to); err != nil {
			return err
		}
		p.Status, p.UpdatedAt = to, d.Now()
		if _, err := tx.ExecContext(ctx, `UPDATE programs SET status=$1, updated_at=$2 WHERE id=$3`, p.Status, p.UpdatedAt, id); err != nil {
			return fmt.Errorf("set status: %w", err)
		}
		if to == mentor.StatusClosed {
			if _, err := tx.ExecContext(ctx, `UPDATE matches SET state=$1, updated_at=$2 WHERE program_id=$3 AND state IN ($4, $5, $6)`,
				mentor.MatchCompleted, p.UpdatedAt, id, mentor.MatchActive, mentor.MatchAccepted, mentor.MatchPaused); err != nil {
				return fmt.Errorf("complete matches: %w", err)
			}
		}
		out = p
		return nil
	})
	return out, err
}

// ProgramFilter narrows a list of programs.
type ProgramFilter struct {
	Format mentor.Format
	Status mentor.Status
	// PersonID keeps the programs the person is enrolled in.
	PersonID int64
	Page
}

// Programs lists programs ordered by id.
func (d *DB) Programs(ctx context.Context, f ProgramFilter) ([]mentor.Program, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("id > ?", after)
	if f.Format != "" {
		w.add("format = ?", f.Format)
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	if f.PersonID != 0 {
		w.add("id IN (SELECT program_id FROM enrollments WHERE person_id = ?)", f.PersonID)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+programColumns+` FROM programs`+w.String()+` ORDER BY id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list programs: %w", err)
	}
	defer rows.Close()
	out := []mentor.Program{}
	for rows.Next() {
		p, err := scanProgram(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *p)
	}
	var last int64
	if len(out) > 0 {
		last = out[len(out)-1].ID
	}
	return out, cursorFor(len(out), f.limit(), last), rows.Err()
}
