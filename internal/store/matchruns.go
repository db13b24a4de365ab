package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const matchRunColumns = `id, program_id, seed, settings, inputs, status, total, created_at`

func scanMatchRun(row interface{ Scan(...any) error }) (*mentor.MatchRun, error) {
	var r mentor.MatchRun
	var settings, inputs string
	if err := row.Scan(&r.ID, &r.ProgramID, &r.Seed, &settings, &inputs, &r.Status, &r.Total, &r.CreatedAt); err != nil {
		return nil, err
	}
	if err := fromJSON(settings, &r.Settings); err != nil {
		return nil, fmt.Errorf("match run %d settings: %w", r.ID, err)
	}
	if err := fromJSON(inputs, &r.Inputs); err != nil {
		return nil, fmt.Errorf("match run %d inputs: %w", r.ID, err)
	}
	if r.Settings == nil {
		r.Settings = map[string]any{}
	}
	r.CreatedAt = r.CreatedAt.UTC()
	return &r, nil
}

// CreateMatchRun stores the snapshot of one matching run and sets r.ID and
// r.CreatedAt. An empty status becomes "draft" (not yet published). A missing
// program, a non-finite total or settings that are not JSON are EINVALID
// naming the field.
func (d *DB) CreateMatchRun(ctx context.Context, r *mentor.MatchRun) error {
	if r.Status == "" {
		r.Status = "draft"
	}
	var pr mentor.Problems
	pr.Check(r.ProgramID == 0, "program_id", "is required")
	pr.Check(len(r.Status) > 40, "status", "is longer than 40 characters")
	pr.Check(!finite(r.Total), "total", "must be a finite number")
	settings, err := jsonObject(r.Settings)
	pr.Check(err != nil, "settings", "cannot be stored as JSON: %v", err)
	inputs, err := jsonObject(r.Inputs)
	pr.Check(err != nil, "inputs", "cannot be stored as JSON: %v", err)
	if err := checkRefs(ctx, d.db, &pr, ref{"program_id", "programs", r.ProgramID}); err != nil {
		return err
	}
	if err := pr.Err("match run"); err != nil {
		return err
	}
	r.CreatedAt = d.Now()
	err = d.db.QueryRowContext(ctx, `INSERT INTO match_runs (program_id, seed, settings, inputs, status, total, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, r.ProgramID, r.Seed, settings, inputs, r.Status, r.Total, r.CreatedAt).Scan(&r.ID)
	if err != nil {
		return d.translate(fmt.Errorf("insert match run: %w", err))
	}
	return nil
}

// MatchRun returns one matching run, or ENOTFOUND.
func (d *DB) MatchRun(ctx context.Context, id int64) (*mentor.MatchRun, error) {
	r, err := scanMatchRun(d.db.QueryRowContext(ctx, `SELECT `+matchRunColumns+` FROM match_runs WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "match run", id)
	}
	return r, nil
}

// SetMatchRunStatus records a run's new status (for example "published").
// A missing run is ENOTFOUND; an empty status is EINVALID naming "status".
func (d *DB) SetMatchRunStatus(ctx context.Context, id int64, status string) error {
	status = strings.TrimSpace(status)
	if status == "" || len(status) > 40 {
		return fieldError("status", "must be 1 to 40 characters")
	}
	res, err := d.db.ExecContext(ctx, `UPDATE match_runs SET status = $1 WHERE id = $2`, status, id)
	if err != nil {
		return fmt.Errorf("set match run status: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return mentor.Errorf(mentor.ENOTFOUND, "match run %d was not found.", id)
	}
	return nil
}

// SaveMatchRun stores a run and its proposals in one transaction. When the
// run is published, the enrollments of the unmatched people go on the
// waitlist in the same transaction.
func (d *DB) SaveMatchRun(ctx context.Context, run *mentor.MatchRun, matches []mentor.Match, unmatched []int64, published bool) error {
	if err := validateRunMatches(run, matches); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error { return d.saveRun(ctx, tx, run, matches, unmatched, published) })
}

// SaveCycleRun stores the run of a rotation's cycle like SaveMatchRun and,
// in the same transaction, closes the earlier cycles: their accepted,
// active and paused matches become completed, their unanswered proposals
// and leftover drafts ended.
func (d *DB) SaveCycleRun(ctx context.Context, run *mentor.MatchRun, cycle int, matches []mentor.Match, unmatched []int64, published bool) error {
	if err := validateRunMatches(run, matches); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		now := d.Now()
		for _, c := range []struct {
			to   mentor.MatchState
			from []any
		}{{mentor.MatchCompleted, []any{mentor.MatchAccepted, mentor.MatchActive, mentor.MatchPaused}}, {mentor.MatchEnded, []any{mentor.MatchProposed, mentor.MatchDraft}}} {
			args := append([]any{c.to, now, run.ProgramID, cycle}, c.from...)
			if _, err := tx.ExecContext(ctx, `UPDATE matches SET state = $1, updated_at = $2 WHERE program_id = $3 AND cycle < $4
				AND state IN (`+placeholders(5, len(c.from))+`)`, args...); err != nil {
				return fmt.Errorf("close earlier cycles: %w", err)
			}
		}
		return d.saveRun(ctx, tx, run, matches, unmatched, published)
	})
}

// validateRunMatches puts matches in the run's program and validates each.
func validateRunMatches(run *mentor.MatchRun, matches []mentor.Match) error {
	for i := range matches {
		matches[i].ProgramID = run.ProgramID
		if err := validateMatch(&matches[i]).Err("match"); err != nil {
			return err
		}
	}
	return nil
}

// placeholders returns n numbered placeholders from $first on, comma-separated.
func placeholders(first, n int) string {
	ph := make([]string, n)
	for i := range ph {
		ph[i] = fmt.Sprintf("$%d", first+i)
	}
	return strings.Join(ph, ", ")
}

// saveRun stores a run and its proposals in tx (see SaveMatchRun).
func (d *DB) saveRun(ctx context.Context, tx *sql.Tx, run *mentor.MatchRun, matches []mentor.Match, unmatched []int64, published bool) error {
	settings, err := jsonObject(run.Settings)
	if err != nil {
		return fmt.Errorf("run settings: %w", err)
	}
	inputs, err := jsonObject(run.Inputs)
	if err != nil {
		return fmt.Errorf("run inputs: %w", err)
	}
	run.CreatedAt = d.Now()
	if err := tx.QueryRowContext(ctx, `INSERT INTO match_runs (program_id, seed, settings, inputs, status, total, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, run.ProgramID, run.Seed, settings, inputs, run.Status, run.Total, run.CreatedAt).Scan(&run.ID); err != nil {
		return d.translate(fmt.Errorf("insert match run: %w", err))
	}
	for i := range matches {
		matches[i].RunID = &run.ID
		if err := d.insertMatch(ctx, tx, &matches[i]); err != nil {
			return err
		}
	}
	if published {
		return waitlist(ctx, tx, run.ProgramID, unmatched)
	}
	return nil
}

func waitlist(ctx context.Context, tx *sql.Tx, programID int64, people []int64) error {
	for _, id := range people {
		if _, err := tx.ExecContext(ctx, `UPDATE enrollments SET status = $1 WHERE program_id = $2 AND person_id = $3 AND status = $4`,
			mentor.EnrollmentWaitlisted, programID, id, mentor.EnrollmentActive); err != nil {
			return fmt.Errorf("waitlist: %w", err)
		}
	}
	return nil
}

// PublishMatchRun sends a draft run's proposals to the participants (draft
// -> proposed) and puts the people it left unmatched on the waitlist. A run
// that is not a draft is ECONFLICT.
func (d *DB) PublishMatchRun(ctx context.Context, runID int64) (*mentor.MatchRun, error) {
	var out *mentor.MatchRun
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		run, err := scanMatchRun(tx.QueryRowContext(ctx, `SELECT `+matchRunColumns+` FROM match_runs WHERE id = $1`, runID))
		if err != nil {
			return notFound(err, "match run", runID)
		}
		if run.Status != "draft" {
			return mentor.Errorf(mentor.ECONFLICT, "Match run %d is %s; only a draft can be published.", runID, run.Status)
		}
		res, err := tx.ExecContext(ctx, `UPDATE match_runs SET status = 'published' WHERE id = $1 AND status = 'draft'`, runID)
		if err != nil {
			return fmt.Errorf("publish run: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return mentor.Errorf(mentor.ECONFLICT, "Match run %d was published meanwhile.", runID)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE matches SET state = $1, updated_at = $2 WHERE run_id = $3 AND state = $4`,
			mentor.MatchProposed, d.Now(), runID, mentor.MatchDraft); err != nil {
			return fmt.Errorf("publish matches: %w", err)
		}
		// Everyone enrolled and not in a live match of the program waits.
		rows, err := tx.QueryContext(ctx, `SELECT e.person_id FROM enrollments e WHERE e.program_id = $1 AND e.status = $2 AND e.role <> $3
			AND NOT EXISTS (SELECT 1 FROM match_members mm JOIN matches m ON m.id = mm.match_id
				WHERE m.program_id = e.program_id AND mm.person_id = e.person_id AND m.state IN ($4, $5, $6, $7))`,
			run.ProgramID, mentor.EnrollmentActive, mentor.RoleMentor, mentor.MatchProposed, mentor.MatchAccepted, mentor.MatchActive, mentor.MatchPaused)
		if err != nil {
			return fmt.Errorf("find unmatched: %w", err)
		}
		var waiting []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			waiting = append(waiting, id)
		}
		rows.Close()
		if err := waitlist(ctx, tx, run.ProgramID, waiting); err != nil {
			return err
		}
		run.Status = "published"
		out = run
		return nil
	})
	return out, err
}

// ReviseDraftMatch replaces the members and explanation of a draft match
// (a coordinator's edit during review) and rescores its run's total, in one
// transaction. Only drafts may change: anything else is ECONFLICT.
func (d *DB) ReviseDraftMatch(ctx context.Context, m *mentor.Match) error {
	if err := validateMatch(m).Err("match"); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		var state mentor.MatchState
		if err := tx.QueryRowContext(ctx, `SELECT state FROM matches WHERE id = $1`, m.ID).Scan(&state); err != nil {
			return notFound(err, "match", m.ID)
		}
		if state != mentor.MatchDraft {
			return mentor.Errorf(mentor.ECONFLICT, "Match %d is %s; only draft matches of an unpublished run can be edited.", m.ID, state)
		}
		m.UpdatedAt = d.Now()
		if _, err := tx.ExecContext(ctx, `UPDATE matches SET score = $1, summary = $2, factors = $3, skills = $4, updated_at = $5 WHERE id = $6`,
			m.Score, m.Summary, jsonText(m.Factors), jsonText(m.Skills), m.UpdatedAt, m.ID); err != nil {
			return fmt.Errorf("revise match: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM match_members WHERE match_id = $1`, m.ID); err != nil {
			return fmt.Errorf("revise members: %w", err)
		}
		for _, mm := range m.Members {
			if _, err := tx.ExecContext(ctx, `INSERT INTO match_members (match_id, person_id, role, response, reason) VALUES ($1, $2, $3, $4, $5)`,
				m.ID, mm.PersonID, mm.Role, "pending", ""); err != nil {
				return d.translate(fmt.Errorf("insert match member: %w", err))
			}
		}
		return rescoreRun(ctx, tx, m.ID)
	})
}

// DeleteDraftMatch removes a draft match from its run and rescores the
// run's total, in one transaction; other matches are ECONFLICT (end them instead).
func (d *DB) DeleteDraftMatch(ctx context.Context, id int64) error {
	return d.Tx(ctx, func(tx *sql.Tx) error {
		var run *int64
		err := tx.QueryRowContext(ctx, `SELECT run_id FROM matches WHERE id = $1 AND state = $2`, id, mentor.MatchDraft).Scan(&run)
		if errors.Is(err, sql.ErrNoRows) {
			if _, err := matchByID(ctx, tx, id); err != nil {
				return err
			}
			return mentor.Errorf(mentor.ECONFLICT, "Match %d is not a draft; end it instead of deleting it.", id)
		}
		if err != nil {
			return fmt.Errorf("find draft match: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM matches WHERE id = $1`, id); err != nil {
			return fmt.Errorf("delete match: %w", err)
		}
		if run == nil {
			return nil
		}
		return setRunTotal(ctx, tx, *run)
	})
}

// AddDraftMatch adds a hand-made draft match m to its draft run and
// rescores the run's total, in one transaction, validated as in
// CreateMatch. A run that is not a draft (any more) is ECONFLICT.
func (d *DB) AddDraftMatch(ctx context.Context, m *mentor.Match) error {
	m.State = mentor.MatchDraft
	if err := validateMatch(m).Err("match"); err != nil {
		return err
	}
	if m.RunID == nil {
		return fieldError("run_id", "a draft match belongs to a match run")
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		found, err := d.lockRow(ctx, tx, "match_runs", "status", *m.RunID)
		if err != nil {
			return err
		}
		var status string
		if found {
			if err := tx.QueryRowContext(ctx, `SELECT status FROM match_runs WHERE id = $1`, *m.RunID).Scan(&status); err != nil {
				return fmt.Errorf("read match run: %w", err)
			}
		}
		if found && status != "draft" {
			return mentor.Errorf(mentor.ECONFLICT, "Match run %d is %s; add matches to a draft run only.", *m.RunID, status)
		}
		if err := d.insertMatch(ctx, tx, m); err != nil {
			return err
		}
		return setRunTotal(ctx, tx, *m.RunID)
	})
}

// rescoreRun sets the total of the run of match id (if it has one).
func rescoreRun(ctx context.Context, tx *sql.Tx, id int64) error {
	var run *int64
	if err := tx.QueryRowContext(ctx, `SELECT run_id FROM matches WHERE id = $1`, id).Scan(&run); err != nil {
		return fmt.Errorf("read match run: %w", err)
	}
	if run == nil {
		return nil
	}
	return setRunTotal(ctx, tx, *run)
}

// setRunTotal makes a run's total the sum of its matches' scores, as the
// engine's total is the sum of its proposals' (declined and ended matches
// do not count).
func setRunTotal(ctx context.Context, tx *sql.Tx, runID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE match_runs SET total = (SELECT coalesce(sum(score), 0) FROM matches
		WHERE run_id = $1 AND state NOT IN ($2, $3)) WHERE id = $1`, runID, mentor.MatchDeclined, mentor.MatchEnded)
	if err != nil {
		return fmt.Errorf("rescore match run: %w", err)
	}
	return nil
}
