package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// meetingMatchState applies the match rules of saving meeting m in tx: a
// new meeting (creating) of a closed match is ECONFLICT, and a held meeting
// of a paused match resumes the match (mentor.Meeting.Resumes), with an
// audit event "resume", in the same transaction.
func (d *DB) meetingMatchState(ctx context.Context, tx *sql.Tx, m *mentor.Meeting, creating bool) error {
	var state mentor.MatchState
	if err := tx.QueryRowContext(ctx, `SELECT state FROM matches WHERE id = $1`, m.MatchID).Scan(&state); err != nil {
		return notFound(err, "match", m.MatchID)
	}
	if creating && state.Closed() {
		return &mentor.Error{Code: mentor.ECONFLICT, Message: fmt.Sprintf("Match %d is %s; meetings can be added to open matches only.", m.MatchID, state),
			Fields: []mentor.FieldError{{Field: "match_id", Message: fmt.Sprintf("match %d is %s", m.MatchID, state)}}}
	}
	if !m.Resumes(state) {
		return nil
	}
	now := d.Now()
	if _, err := tx.ExecContext(ctx, `UPDATE matches SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4`,
		mentor.MatchActive, now, m.MatchID, mentor.MatchPaused); err != nil {
		return fmt.Errorf("resume match: %w", err)
	}
	return insertAudit(ctx, tx, now, &mentor.AuditEvent{Action: "resume", Object: "match", ObjectID: m.MatchID,
		Detail: "a meeting was held"})
}

// ResumeMatch moves a paused match back to active on behalf of actorID
// (a member or a coordinator: the caller decides who may) with an audit
// event "resume" in the same transaction, and returns the match. A missing
// match is ENOTFOUND; one that is not paused ECONFLICT.
func (d *DB) ResumeMatch(ctx context.Context, matchID, actorID int64) (*mentor.Match, error) {
	var out *mentor.Match
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		state, err := d.lockMatchState(ctx, tx, matchID)
		if err != nil {
			return err
		}
		if state != mentor.MatchPaused {
			return mentor.Errorf(mentor.ECONFLICT, "Match %d is %s; only a paused match can be resumed.", matchID, state)
		}
		now := d.Now()
		if _, err := tx.ExecContext(ctx, `UPDATE matches SET state = $1, updated_at = $2 WHERE id = $3`, mentor.MatchActive, now, matchID); err != nil {
			return fmt.Errorf("resume match: %w", err)
		}
		actor := actorID
		if err := insertAudit(ctx, tx, now, &mentor.AuditEvent{ActorID: &actor, Action: "resume", Object: "match", ObjectID: matchID}); err != nil {
			return err
		}
		out, err = matchByID(ctx, tx, matchID)
		return err
	})
	return out, err
}

// lockMatchState locks a match until tx ends (see lockRow) and returns its
// state, or ENOTFOUND.
func (d *DB) lockMatchState(ctx context.Context, tx *sql.Tx, matchID int64) (mentor.MatchState, error) {
	found, err := d.lockRow(ctx, tx, "matches", "updated_at", matchID)
	if err != nil {
		return "", err
	}
	if !found {
		return "", mentor.Errorf(mentor.ENOTFOUND, "match %d was not found.", matchID)
	}
	var state mentor.MatchState
	if err := tx.QueryRowContext(ctx, `SELECT state FROM matches WHERE id = $1`, matchID).Scan(&state); err != nil {
		return "", fmt.Errorf("read match state: %w", err)
	}
	return state, nil
}

// checkHappened refuses feedback on a meeting that has not taken place
// (mentor.Meeting.Happened): ECONFLICT naming the meeting's time and status.
func checkHappened(ctx context.Context, q querier, meetingID int64, now time.Time) error {
	var m mentor.Meeting
	err := q.QueryRowContext(ctx, `SELECT starts_at, status FROM meetings WHERE id = $1`, meetingID).Scan(&m.StartsAt, &m.Status)
	if err != nil {
		return notFound(err, "meeting", meetingID)
	}
	if m.Happened(now) {
		return nil
	}
	return mentor.Errorf(mentor.ECONFLICT, "Feedback comes after the meeting: meeting %d is %s and starts at %s.",
		meetingID, m.Status, m.StartsAt.UTC().Format(time.RFC3339))
}
