package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// CreateAbuseReport stores an open report and sets its ID, ProgramID,
// Status, CreatedAt and names. Reporter and reported person must both be
// members of the match and differ, and the reason must be 1 to 4000
// characters: each failure is EINVALID naming the field. A missing match is
// ENOTFOUND. The report and an audit event "report" (which names no reason,
// as the audit trail is wider read than the reports) are written in one
// transaction.
func (d *DB) CreateAbuseReport(ctx context.Context, a *mentor.AbuseReport) error {
	if err := a.Validate(); err != nil {
		return err
	}
	var pr mentor.Problems
	return d.Tx(ctx, func(tx *sql.Tx) error {
		m, err := matchByID(ctx, tx, a.MatchID)
		if err != nil {
			return err
		}
		names := map[int64]string{}
		for _, mm := range m.Members {
			names[mm.PersonID] = mm.Name
		}
		if _, ok := names[a.ReporterID]; !ok {
			pr.Add("reporter_id", "person %d is not a member of match %d", a.ReporterID, a.MatchID)
		}
		if _, ok := names[a.ReportedID]; !ok {
			pr.Add("person_id", "person %d is not a member of match %d", a.ReportedID, a.MatchID)
		}
		if err := pr.Err("report"); err != nil {
			return err
		}
		now := d.Now()
		a.ProgramID, a.Status, a.CreatedAt, a.ClosedAt = m.ProgramID, mentor.AbuseOpen, now, nil
		a.ReporterName, a.ReportedName = names[a.ReporterID], names[a.ReportedID]
		err = tx.QueryRowContext(ctx, `INSERT INTO abuse_reports (match_id, reporter_id, reported_id, reason, status, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, a.MatchID, a.ReporterID, a.ReportedID, a.Reason, a.Status, now).Scan(&a.ID)
		if err != nil {
			return d.translate(fmt.Errorf("insert abuse report: %w", err))
		}
		actor := a.ReporterID
		return insertAudit(ctx, tx, now, &mentor.AuditEvent{ActorID: &actor, Action: "report", Object: "abuse_report", ObjectID: a.ID,
			Detail: fmt.Sprintf("match %d, about person %d", a.MatchID, a.ReportedID)})
	})
}

// AbuseFilter narrows a list of abuse reports; zero fields do not filter.
type AbuseFilter struct {
	Status    mentor.AbuseStatus
	MatchID   int64
	ProgramID int64
	Page
}

const abuseSelect = `SELECT a.id, a.match_id, m.program_id, a.reporter_id, rp.name, a.reported_id, rd.name, a.reason, a.status,
	a.created_at, a.closed_at FROM abuse_reports a JOIN matches m ON m.id = a.match_id
	JOIN people rp ON rp.id = a.reporter_id JOIN people rd ON rd.id = a.reported_id`

func scanAbuse(row interface{ Scan(...any) error }) (*mentor.AbuseReport, error) {
	var a mentor.AbuseReport
	if err := row.Scan(&a.ID, &a.MatchID, &a.ProgramID, &a.ReporterID, &a.ReporterName, &a.ReportedID, &a.ReportedName,
		&a.Reason, &a.Status, &a.CreatedAt, &a.ClosedAt); err != nil {
		return nil, err
	}
	a.CreatedAt = a.CreatedAt.UTC()
	if a.ClosedAt != nil {
		t := a.ClosedAt.UTC()
		a.ClosedAt = &t
	}
	return &a, nil
}

// AbuseReports lists reports ordered by id. Who may read them (coordinators)
// is the caller's decision. An unknown status is EINVALID naming "status".
func (d *DB) AbuseReports(ctx context.Context, f AbuseFilter) ([]mentor.AbuseReport, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	if f.Status != "" && f.Status != mentor.AbuseOpen && f.Status != mentor.AbuseClosed {
		return nil, "", fieldError("status", "must be open or closed")
	}
	var w where
	w.add("a.id > ?", after)
	if f.Status != "" {
		w.add("a.status = ?", f.Status)
	}
	if f.MatchID != 0 {
		w.add("a.match_id = ?", f.MatchID)
	}
	if f.ProgramID != 0 {
		w.add("m.program_id = ?", f.ProgramID)
	}
	rows, err := d.db.QueryContext(ctx, abuseSelect+w.String()+` ORDER BY a.id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list abuse reports: %w", err)
	}
	defer rows.Close()
	out := []mentor.AbuseReport{}
	var ids []int64
	for rows.Next() {
		a, err := scanAbuse(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *a)
		ids = append(ids, a.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	return out, cursorFor(len(out), f.limit(), lastID(ids)), nil
}

// CloseAbuseReport marks a report closed on behalf of actorID, with an audit
// event "close" in the same transaction, and returns it. Closing a closed
// report is a no-op; a missing report is ENOTFOUND.
func (d *DB) CloseAbuseReport(ctx context.Context, id, actorID int64) (*mentor.AbuseReport, error) {
	var out *mentor.AbuseReport
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		now := d.Now()
		res, err := tx.ExecContext(ctx, `UPDATE abuse_reports SET status = $1, closed_at = $2 WHERE id = $3 AND status = $4`,
			mentor.AbuseClosed, now, id, mentor.AbuseOpen)
		if err != nil {
			return fmt.Errorf("close abuse report: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			actor := actorID
			if err := insertAudit(ctx, tx, now, &mentor.AuditEvent{ActorID: &actor, Action: "close", Object: "abuse_report", ObjectID: id}); err != nil {
				return err
			}
		}
		out, err = scanAbuse(tx.QueryRowContext(ctx, abuseSelect+` WHERE a.id = $1`, id))
		return notFound(err, "abuse report", id)
	})
	return out, err
}
