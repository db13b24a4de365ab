package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// MatchActivity is what the momentum rules read about one match: the match
// with its members and the latest sign of life of each kind.
type MatchActivity struct {
	Match mentor.Match
	// LastMeeting is the start of the latest meeting that is not cancelled,
	// past or future (a scheduled meeting counts as momentum).
	LastMeeting *time.Time
	// LastMet is the start of the latest not-cancelled meeting that began at
	// or before the time asked about.
	LastMet *time.Time
	// LatestPulse is the pulse of the match's most recent check-in (0: none),
	// written by LatestPulseBy at LatestPulseAt.
	LatestPulse   int
	LatestPulseBy int64
	LatestPulseAt *time.Time
	// LastNote is the time of the latest shared note on one of its meetings;
	// private notes are left out, so not even their timing leaks.
	LastNote *time.Time
	// LastProgress is the time of the latest progress update on a goal of the match.
	LastProgress *time.Time
}

// ActivityFilter narrows MatchActivities; zero fields do not filter.
type ActivityFilter struct {
	ProgramID int64
	States    []mentor.MatchState
	// Now is the moment LastMet is measured against (zero: d.Now()).
	Now time.Time
	Page
}

// MatchActivities lists matches ordered by id with their latest activity,
// one page at a time (the cursor follows the matches, not the activities).
func (d *DB) MatchActivities(ctx context.Context, f ActivityFilter) ([]MatchActivity, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	now := f.Now
	if now.IsZero() {
		now = d.Now()
	}
	var w where
	w.add("m.id > ?", after)
	if f.ProgramID != 0 {
		w.add("m.program_id = ?", f.ProgramID)
	}
	if len(f.States) > 0 {
		ph := make([]string, len(f.States))
		for i, s := range f.States {
			ph[i] = w.arg(string(s))
		}
		w.conds = append(w.conds, "m.state IN ("+strings.Join(ph, ",")+")")
	}
	nowArg := w.arg(utcMicro(now))
	query := `SELECT m.id, m.program_id, m.run_id, m.cycle, m.state, m.score, m.summary, m.factors, m.created_at, m.updated_at,
		(SELECT max(mt.starts_at) FROM meetings mt WHERE mt.match_id = m.id AND mt.status <> 'cancelled'),
		(SELECT max(mt.starts_at) FROM meetings mt WHERE mt.match_id = m.id AND mt.status <> 'cancelled' AND mt.starts_at <= ` + nowArg + `),
		(SELECT max(n.created_at) FROM meeting_notes n JOIN meetings mt ON mt.id = n.meeting_id WHERE mt.match_id = m.id AND NOT n.private),
		(SELECT max(pu.created_at) FROM progress_updates pu JOIN goals g ON g.id = pu.goal_id WHERE g.match_id = m.id)
		FROM matches m` + w.String() + ` ORDER BY m.id LIMIT ` + w.arg(f.limit())
	rows, err := d.db.QueryContext(ctx, query, w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list match activity: %w", err)
	}
	defer rows.Close()
	out := []MatchActivity{}
	var ids []int64
	for rows.Next() {
		var a MatchActivity
		var factors string
		var meeting, met, note, progress anyTime
		m := &a.Match
		if err := rows.Scan(&m.ID, &m.ProgramID, &m.RunID, &m.Cycle, &m.State, &m.Score, &m.Summary, &factors, &m.CreatedAt,
			&m.UpdatedAt, &meeting, &met, &note, &progress); err != nil {
			return nil, "", err
		}
		if err := fromJSON(factors, &m.Factors); err != nil {
			return nil, "", fmt.Errorf("match %d factors: %w", m.ID, err)
		}
		m.CreatedAt, m.UpdatedAt = m.CreatedAt.UTC(), m.UpdatedAt.UTC()
		m.Members = []mentor.MatchMember{}
		a.LastMeeting, a.LastMet, a.LastNote, a.LastProgress = meeting.ptr(), met.ptr(), note.ptr(), progress.ptr()
		out = append(out, a)
		ids = append(ids, m.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	if err := d.addPulsesAndMembers(ctx, out, ids); err != nil {
		return nil, "", err
	}
	return out, cursorFor(len(out), f.limit(), lastID(ids)), nil
}

// addPulsesAndMembers fills in the members and the latest check-in of each activity.
func (d *DB) addPulsesAndMembers(ctx context.Context, acts []MatchActivity, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	members, err := matchMembers(ctx, d.db, ids)
	if err != nil {
		return err
	}
	var w where
	in := inList(&w, ids)
	rows, err := d.db.QueryContext(ctx, `SELECT match_id, person_id, pulse, created_at FROM check_ins WHERE match_id IN (`+in+`)
		ORDER BY match_id, created_at DESC, id DESC`, w.args...)
	if err != nil {
		return fmt.Errorf("latest check-ins: %w", err)
	}
	defer rows.Close()
	type pulse struct {
		by, value int64
		at        time.Time
	}
	latest := map[int64]pulse{}
	for rows.Next() {
		var match int64
		var p pulse
		if err := rows.Scan(&match, &p.by, &p.value, &p.at); err != nil {
			return err
		}
		if _, seen := latest[match]; !seen {
			latest[match] = p
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range acts {
		a := &acts[i]
		if ms := members[a.Match.ID]; ms != nil {
			a.Match.Members = ms
		}
		if p, ok := latest[a.Match.ID]; ok {
			at := p.at.UTC()
			a.LatestPulse, a.LatestPulseBy, a.LatestPulseAt = int(p.value), p.by, &at
		}
	}
	return nil
}

// ClaimMark records that the caller is about to act on a match and reports
// whether it may: false when the same kind and period was claimed before or
// when the Quiet rule refuses. It returns the period claimed. The check and
// the insert happen in one transaction, claims on one match are serialised
// on the match's row and the insert is guarded by the table's primary key,
// so of several concurrent claims (also from several server instances) at
// most one succeeds. A missing match is ENOTFOUND.
func (d *DB) ClaimMark(ctx context.Context, c mentor.Claim) (int64, bool, error) {
	if c.Kind == "" || len(c.Kind) > 40 {
		return 0, false, fieldError("kind", "must be 1 to 40 characters")
	}
	claimed := false
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		// Claims on one match take turns on its row: under PostgreSQL's READ
		// COMMITTED two claims could otherwise both pass the quiet check and
		// then pick different periods.
		found, err := d.lockRow(ctx, tx, "matches", "updated_at", c.MatchID)
		if err != nil {
			return err
		}
		if !found {
			return mentor.Errorf(mentor.ENOTFOUND, "match %d was not found.", c.MatchID)
		}
		if len(c.Quiet) > 0 {
			var w where
			w.add("match_id = ?", c.MatchID)
			kinds := make([]string, len(c.Quiet))
			for i, k := range c.Quiet {
				kinds[i] = w.arg(k)
			}
			since := w.arg(utcMicro(c.QuietSince))
			var marks, events int
			err := tx.QueryRowContext(ctx, `SELECT
				(SELECT count(*) FROM momentum_marks WHERE match_id = $1 AND kind IN (`+strings.Join(kinds, ",")+`) AND created_at >= `+since+`),
				(SELECT count(*) FROM audit_events WHERE object = 'match' AND object_id = $1 AND action IN (`+strings.Join(kinds, ",")+`) AND created_at >= `+since+`)`,
				w.args...).Scan(&marks, &events)
			if err != nil {
				return fmt.Errorf("check recent marks: %w", err)
			}
			if marks+events > 0 {
				return nil
			}
		}
		if c.Period == 0 {
			err := tx.QueryRowContext(ctx, `SELECT coalesce(max(period), 0) + 1 FROM momentum_marks WHERE match_id = $1 AND kind = $2`,
				c.MatchID, c.Kind).Scan(&c.Period)
			if err != nil {
				return fmt.Errorf("next mark period: %w", err)
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO momentum_marks (match_id, kind, period, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (match_id, kind, period) DO NOTHING`, c.MatchID, c.Kind, c.Period, d.Now())
		if err != nil {
			return d.translate(fmt.Errorf("claim mark: %w", err))
		}
		n, err := res.RowsAffected()
		claimed = n == 1
		return err
	})
	if err != nil || !claimed {
		return 0, false, err
	}
	return c.Period, true, nil
}

// ReleaseMark gives a claim back (for example when the mail it guarded could
// not be sent), so that a later sweep tries again. A missing mark is ignored.
func (d *DB) ReleaseMark(ctx context.Context, matchID int64, kind string, period int64) error {
	_, err := d.db.ExecContext(ctx, `DELETE FROM momentum_marks WHERE match_id = $1 AND kind = $2 AND period = $3`, matchID, kind, period)
	if err != nil {
		return fmt.Errorf("release mark: %w", err)
	}
	return nil
}

// MarkTime returns when a mark was claimed, or ENOTFOUND.
func (d *DB) MarkTime(ctx context.Context, matchID int64, kind string, period int64) (time.Time, error) {
	var t time.Time
	err := d.db.QueryRowContext(ctx, `SELECT created_at FROM momentum_marks WHERE match_id = $1 AND kind = $2 AND period = $3`,
		matchID, kind, period).Scan(&t)
	if err != nil {
		return time.Time{}, notFound(err, "mark of match", matchID)
	}
	return t.UTC(), nil
}

// LatestMark returns the time of the match's most recent mark of one of
// kinds, or ENOTFOUND when there is none.
func (d *DB) LatestMark(ctx context.Context, matchID int64, kinds ...string) (time.Time, error) {
	var w where
	w.add("match_id = ?", matchID)
	ph := make([]string, len(kinds))
	for i, k := range kinds {
		ph[i] = w.arg(k)
	}
	if len(kinds) > 0 {
		w.conds = append(w.conds, "kind IN ("+strings.Join(ph, ",")+")")
	}
	var t time.Time
	err := d.db.QueryRowContext(ctx, `SELECT created_at FROM momentum_marks`+w.String()+` ORDER BY created_at DESC LIMIT 1`, w.args...).Scan(&t)
	if err != nil {
		return time.Time{}, notFound(err, "mark of match", matchID)
	}
	return t.UTC(), nil
}

// ExpireProposal declines a proposed match that has not moved (no
// publication or answer) since cutoff: the state becomes declined, every
// member who had not answered gets the reason "expired", and an audit event
// "expire" is written, all in one transaction. It reports false, changing
// nothing, when the match is no longer proposed or moved after cutoff, so a
// concurrent answer or a second sweep wins cleanly. A missing match is ENOTFOUND.
func (d *DB) ExpireProposal(ctx context.Context, matchID int64, cutoff time.Time) (bool, error) {
	expired := false
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		found, err := d.lockRow(ctx, tx, "matches", "updated_at", matchID)
		if err != nil {
			return err
		}
		if !found {
			return mentor.Errorf(mentor.ENOTFOUND, "match %d was not found.", matchID)
		}
		var state mentor.MatchState
		var updated time.Time
		if err := tx.QueryRowContext(ctx, `SELECT state, updated_at FROM matches WHERE id = $1`, matchID).Scan(&state, &updated); err != nil {
			return fmt.Errorf("read match: %w", err)
		}
		if state != mentor.MatchProposed || updated.After(cutoff) {
			return nil
		}
		now := d.Now()
		if _, err := tx.ExecContext(ctx, `UPDATE matches SET state = $1, updated_at = $2 WHERE id = $3`, mentor.MatchDeclined, now, matchID); err != nil {
			return fmt.Errorf("expire match: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE match_members SET reason = 'expired' WHERE match_id = $1 AND response = 'pending'`, matchID); err != nil {
			return fmt.Errorf("expire match members: %w", err)
		}
		expired = true
		return insertAudit(ctx, tx, now, &mentor.AuditEvent{Action: "expire", Object: "match", ObjectID: matchID,
			Detail: "proposal unanswered since " + updated.UTC().Format(time.RFC3339)})
	})
	return expired, err
}

// EndMatch ends a match on behalf of actorID with a reason (1 to 2000
// characters, EINVALID naming "reason" otherwise) and returns it. When the
// actor is a member, the reason is kept as their member reason; the audit
// event "end" keeps it in any case, in the same transaction. Who may end a
// match is the caller's decision. A missing match is ENOTFOUND; one that is
// completed, declined or already ended is ECONFLICT.
func (d *DB) EndMatch(ctx context.Context, matchID, actorID int64, reason string) (*mentor.Match, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" || len(reason) > 2000 {
		return nil, fieldError("reason", "must be 1 to 2000 characters")
	}
	var out *mentor.Match
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		from, err := d.lockMatchState(ctx, tx, matchID)
		if err != nil {
			return err
		}
		allowed := false
		for _, s := range matchMoves[from] {
			allowed = allowed || s == mentor.MatchEnded
		}
		if !allowed {
			return mentor.Errorf(mentor.ECONFLICT, "A %s match cannot be ended.", from)
		}
		now := d.Now()
		if _, err := tx.ExecContext(ctx, `UPDATE matches SET state = $1, updated_at = $2 WHERE id = $3`, mentor.MatchEnded, now, matchID); err != nil {
			return fmt.Errorf("end match: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE match_members SET reason = $1 WHERE match_id = $2 AND person_id = $3`, reason, matchID, actorID); err != nil {
			return fmt.Errorf("keep end reason: %w", err)
		}
		actor := actorID
		if err := insertAudit(ctx, tx, now, &mentor.AuditEvent{ActorID: &actor, Action: "end", Object: "match", ObjectID: matchID,
			Detail: "from " + string(from) + ": " + reason}); err != nil {
			return err
		}
		out, err = matchByID(ctx, tx, matchID)
		return err
	})
	return out, err
}

// insertAudit writes an audit event inside a transaction that also makes
// the change it records. Callers pass trusted action and object names.
func insertAudit(ctx context.Context, q querier, now time.Time, e *mentor.AuditEvent) error {
	if len(e.Detail) > 10000 {
		e.Detail = e.Detail[:10000]
	}
	e.CreatedAt = now
	err := q.QueryRowContext(ctx, `INSERT INTO audit_events (actor_id, action, object, object_id, detail, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, e.ActorID, e.Action, e.Object, e.ObjectID, e.Detail, e.CreatedAt).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("insert audit event: %w", err)
	}
	return nil
}
