package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// RecordAudit stores who did what to which object and sets e.ID and
// e.CreatedAt. Action and object are required (EINVALID naming the field).
// The actor is kept as a plain id, so the trail outlives deleted people.
func (d *DB) RecordAudit(ctx context.Context, e *mentor.AuditEvent) error {
	var pr mentor.Problems
	e.Action, e.Object = strings.TrimSpace(e.Action), strings.TrimSpace(e.Object)
	pr.Check(e.Action == "", "action", "is required")
	pr.Check(len(e.Action) > 100, "action", "is longer than 100 characters")
	pr.Check(e.Object == "", "object", "is required")
	pr.Check(len(e.Object) > 100, "object", "is longer than 100 characters")
	pr.Check(len(e.Detail) > 10000, "detail", "is longer than 10000 characters")
	if err := pr.Err("audit event"); err != nil {
		return err
	}
	e.CreatedAt = d.Now()
	err := d.db.QueryRowContext(ctx, `INSERT INTO audit_events (actor_id, action, object, object_id, detail, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, e.ActorID, e.Action, e.Object, e.ObjectID, e.Detail, e.CreatedAt).Scan(&e.ID)
	if err != nil {
		return d.translate(fmt.Errorf("insert audit event: %w", err))
	}
	return nil
}

// AuditFilter narrows the audit trail; zero fields do not filter.
type AuditFilter struct {
	Object   string // e.g. "program"
	ObjectID int64
	ActorID  int64
	Page
}

// AuditEvents lists audit events oldest first (ordered by id).
func (d *DB) AuditEvents(ctx context.Context, f AuditFilter) ([]mentor.AuditEvent, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("id > ?", after)
	if f.Object != "" {
		w.add("object = ?", f.Object)
	}
	if f.ObjectID != 0 {
		w.add("object_id = ?", f.ObjectID)
	}
	if f.ActorID != 0 {
		w.add("actor_id = ?", f.ActorID)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, actor_id, action, object, object_id, detail, created_at FROM audit_events`+
		w.String()+` ORDER BY id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list audit events: %w", err)
	}
	defer rows.Close()
	out := []mentor.AuditEvent{}
	var ids []int64
	for rows.Next() {
		var e mentor.AuditEvent
		if err := rows.Scan(&e.ID, &e.ActorID, &e.Action, &e.Object, &e.ObjectID, &e.Detail, &e.CreatedAt); err != nil {
			return nil, "", err
		}
		e.CreatedAt = e.CreatedAt.UTC()
		out = append(out, e)
		ids = append(ids, e.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	return out, cursorFor(len(out), f.limit(), lastID(ids)), nil
}
