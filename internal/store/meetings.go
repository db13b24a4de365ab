package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const meetingColumns = `id, match_id, program_id, starts_at, minutes, kind, agenda, mentee_id, dilemma, facilitator_id,
	shared_notes, attendance, status, created_at`

func scanMeeting(row interface{ Scan(...any) error }) (*mentor.Meeting, error) {
	var m mentor.Meeting
	var attendance string
	err := row.Scan(&m.ID, &m.MatchID, &m.ProgramID, &m.StartsAt, &m.Minutes, &m.Kind, &m.Agenda, &m.MenteeID, &m.Dilemma,
		&m.FacilitatorID, &m.SharedNotes, &attendance, &m.Status, &m.CreatedAt)
	if err != nil {
		return nil, err
	}
	if err := fromJSON(attendance, &m.Attendance); err != nil {
		return nil, fmt.Errorf("meeting %d attendance: %w", m.ID, err)
	}
	if m.Attendance == nil {
		m.Attendance = []int64{}
	}
	m.StartsAt, m.CreatedAt = m.StartsAt.UTC(), m.CreatedAt.UTC()
	return &m, nil
}

// meetingRefs checks the meeting's match, takes the program from it, and
// checks that mentee, facilitator and attendees are members of the match.
func meetingRefs(ctx context.Context, q querier, m *mentor.Meeting, pr *mentor.Problems) error {
	err := q.QueryRowContext(ctx, `SELECT program_id FROM matches WHERE id = $1`, m.MatchID).Scan(&m.ProgramID)
	if errors.Is(err, sql.ErrNoRows) {
		pr.Add("match_id", "%d does not exist", m.MatchID)
		return nil
	}
	if err != nil {
		return fmt.Errorf("check meeting match: %w", err)
	}
	members, err := matchMembers(ctx, q, []int64{m.MatchID})
	if err != nil {
		return err
	}
	in := map[int64]bool{}
	for _, mm := range members[m.MatchID] {
		in[mm.PersonID] = true
	}
	pr.Check(m.MenteeID != nil && !in[*m.MenteeID], "mentee_id", "is not a member of match %d", m.MatchID)
	pr.Check(m.FacilitatorID != nil && !in[*m.FacilitatorID], "facilitator_id", "is not a member of match %d", m.MatchID)
	seen := map[int64]bool{}
	for i, id := range m.Attendance {
		pr.Check(!in[id], fmt.Sprintf("attendance[%d]", i), "person %d is not a member of match %d", id, m.MatchID)
		pr.Check(seen[id], fmt.Sprintf("attendance[%d]", i), "person %d is listed twice", id)
		seen[id] = true
	}
	return nil
}

func validateMeeting(m *mentor.Meeting) *mentor.Problems {
	var pr mentor.Problems
	pr.Merge("", m.Validate())
	pr.Check(len(m.Dilemma) > 10000, "dilemma", "is longer than 10000 characters")
	m.StartsAt = utcMicro(m.StartsAt)
	if m.Attendance == nil {
		m.Attendance = []int64{}
	}
	return &pr
}

// CreateMeeting validates m and stores it, setting m.ID, m.ProgramID (the
// match's program) and m.CreatedAt. Where the program's format takes turns
// and m leaves them open, it fills in the mentee or facilitator
// (mentor.AssignTurns) from the match's meetings, with the match locked in
// the same transaction, so two meetings created at once never get the same
// turn. Bad fields, an unknown match, and a mentee, facilitator or attendee
// who is not a member of the match are EINVALID naming the field; a closed
// match (completed, ended, declined) is ECONFLICT. A held meeting of a
// paused match resumes the match (also in UpdateMeeting).
func (d *DB) CreateMeeting(ctx context.Context, m *mentor.Meeting) error {
	pr := validateMeeting(m)
	if err := pr.Err("meeting"); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		if err := meetingRefs(ctx, tx, m, pr); err != nil {
			return err
		}
		if err := pr.Err("meeting"); err != nil {
			return err
		}
		if err := d.meetingMatchState(ctx, tx, m, true); err != nil {
			return err
		}
		if err := d.assignTurns(ctx, tx, m); err != nil {
			return err
		}
		m.CreatedAt = d.Now()
		err := tx.QueryRowContext(ctx, `INSERT INTO meetings (match_id, program_id, starts_at, minutes, kind, agenda, mentee_id, dilemma,
			facilitator_id, shared_notes, attendance, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			RETURNING id`, m.MatchID, m.ProgramID, m.StartsAt, m.Minutes, m.Kind, m.Agenda, m.MenteeID, m.Dilemma, m.FacilitatorID,
			m.SharedNotes, jsonText(m.Attendance), m.Status, m.CreatedAt).Scan(&m.ID)
		if err != nil {
			return d.translate(fmt.Errorf("insert meeting: %w", err))
		}
		return nil
	})
}

// assignTurns locks the meeting's match and applies mentor.AssignTurns with
// the program's format and the match's earlier meetings.
func (d *DB) assignTurns(ctx context.Context, tx *sql.Tx, m *mentor.Meeting) error {
	var format mentor.Format
	if err := tx.QueryRowContext(ctx, `SELECT format FROM programs WHERE id = $1`, m.ProgramID).Scan(&format); err != nil {
		return fmt.Errorf("meeting program: %w", err)
	}
	if !(format.RotatesMentee() && m.MenteeID == nil || format.RotatesFacilitator() && m.FacilitatorID == nil) {
		return nil
	}
	if _, err := d.lockRow(ctx, tx, "matches", "updated_at", m.MatchID); err != nil {
		return err
	}
	match, err := matchByID(ctx, tx, m.MatchID)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+meetingColumns+` FROM meetings WHERE match_id = $1 AND status <> $2`, m.MatchID, mentor.MeetingCancelled)
	if err != nil {
		return fmt.Errorf("earlier meetings: %w", err)
	}
	defer rows.Close()
	var prev []mentor.Meeting
	for rows.Next() {
		mt, err := scanMeeting(rows)
		if err != nil {
			return err
		}
		prev = append(prev, *mt)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	mentor.AssignTurns(format, match, prev, m)
	return nil
}

// Meeting returns one meeting, or ENOTFOUND.
func (d *DB) Meeting(ctx context.Context, id int64) (*mentor.Meeting, error) {
	m, err := scanMeeting(d.db.QueryRowContext(ctx, `SELECT `+meetingColumns+` FROM meetings WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "meeting", id)
	}
	return m, nil
}

// MeetingFilter narrows a list of meetings; zero fields do not filter.
type MeetingFilter struct {
	MatchID   int64
	ProgramID int64
	PersonID  int64     // meetings of matches the person is a member of
	From, To  time.Time // From <= starts_at < To
	Status    mentor.MeetingStatus
	Page
}

// Meetings lists meetings by start time, then id; the cursor holds both
// (keyset paging), so pages stay right when meetings are added meanwhile.
func (d *DB) Meetings(ctx context.Context, f MeetingFilter) ([]mentor.Meeting, string, error) {
	afterAt, afterID, err := f.afterTime()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.addAfterTime("starts_at", afterAt, afterID)
	if f.MatchID != 0 {
		w.add("match_id = ?", f.MatchID)
	}
	if f.ProgramID != 0 {
		w.add("program_id = ?", f.ProgramID)
	}
	if f.PersonID != 0 {
		w.add("match_id IN (SELECT match_id FROM match_members WHERE person_id = ?)", f.PersonID)
	}
	if !f.From.IsZero() {
		w.add("starts_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		w.add("starts_at < ?", f.To.UTC())
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+meetingColumns+` FROM meetings`+w.String()+` ORDER BY starts_at, id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list meetings: %w", err)
	}
	defer rows.Close()
	out := []mentor.Meeting{}
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *m)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	if len(out) == 0 {
		return out, "", nil
	}
	last := out[len(out)-1]
	return out, timeCursorFor(len(out), f.limit(), last.StartsAt, last.ID), nil
}

// UpdateMeeting replaces the time, length, kind, agenda, mentee, dilemma,
// facilitator, shared notes, attendance and status of meeting m.ID, validated
// as in CreateMeeting. A meeting stays with its match: m.MatchID zero means
// "unchanged", another match is EINVALID naming "match_id". The program and
// creation time are copied back into m. A missing meeting is ENOTFOUND.
func (d *DB) UpdateMeeting(ctx context.Context, m *mentor.Meeting) error {
	return d.Tx(ctx, func(tx *sql.Tx) error {
		var match int64
		err := tx.QueryRowContext(ctx, `SELECT match_id, created_at FROM meetings WHERE id = $1`, m.ID).Scan(&match, &m.CreatedAt)
		if err != nil {
			return notFound(err, "meeting", m.ID)
		}
		m.CreatedAt = m.CreatedAt.UTC()
		if m.MatchID != 0 && m.MatchID != match {
			return fieldError("match_id", "a meeting cannot move to another match")
		}
		m.MatchID = match
		pr := validateMeeting(m)
		if err := pr.Err("meeting"); err != nil {
			return err
		}
		if err := meetingRefs(ctx, tx, m, pr); err != nil {
			return err
		}
		if err := pr.Err("meeting"); err != nil {
			return err
		}
		if err := d.meetingMatchState(ctx, tx, m, false); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE meetings SET starts_at = $1, minutes = $2, kind = $3, agenda = $4, mentee_id = $5,
			dilemma = $6, facilitator_id = $7, shared_notes = $8, attendance = $9, status = $10 WHERE id = $11`,
			m.StartsAt, m.Minutes, m.Kind, m.Agenda, m.MenteeID, m.Dilemma, m.FacilitatorID, m.SharedNotes,
			jsonText(m.Attendance), m.Status, m.ID)
		return d.translate(err)
	})
}

// meetingMatch returns the match of a meeting, or ENOTFOUND.
func meetingMatch(ctx context.Context, q querier, meetingID int64) (int64, error) {
	var match int64
	if err := q.QueryRowContext(ctx, `SELECT match_id FROM meetings WHERE id = $1`, meetingID).Scan(&match); err != nil {
		return 0, notFound(err, "meeting", meetingID)
	}
	return match, nil
}

// AddNote stores a note on a meeting and sets n.ID and n.CreatedAt. A
// missing meeting is ENOTFOUND; an empty text or unknown author EINVALID
// naming the field. Who may write notes is the caller's decision.
func (d *DB) AddNote(ctx context.Context, n *mentor.Note) error {
	pr := mentor.Problems{}
	pr.Merge("", n.Validate())
	pr.Check(n.AuthorID == 0, "author_id", "is required")
	if err := pr.Err("note"); err != nil {
		return err
	}
	if _, err := meetingMatch(ctx, d.db, n.MeetingID); err != nil {
		return err
	}
	if err := checkRefs(ctx, d.db, &pr, ref{"author_id", "people", n.AuthorID}); err != nil {
		return err
	}
	if err := pr.Err("note"); err != nil {
		return err
	}
	n.CreatedAt = d.Now()
	err := d.db.QueryRowContext(ctx, `INSERT INTO meeting_notes (meeting_id, author_id, private, text, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, n.MeetingID, n.AuthorID, n.Private, n.Text, n.CreatedAt).Scan(&n.ID)
	if err != nil {
		return d.translate(fmt.Errorf("insert note: %w", err))
	}
	return nil
}

// Notes returns the notes of a meeting that viewerID may read, oldest first:
// every shared note and the viewer's own private notes. Other people's
// private notes are filtered out by the query itself. A missing meeting is ENOTFOUND.
func (d *DB) Notes(ctx context.Context, meetingID, viewerID int64) ([]mentor.Note, error) {
	if _, err := meetingMatch(ctx, d.db, meetingID); err != nil {
		return nil, err
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, meeting_id, author_id, private, text, created_at FROM meeting_notes
		WHERE meeting_id = $1 AND (NOT private OR author_id = $2) ORDER BY id`, meetingID, viewerID)
	if err != nil {
		return nil, fmt.Errorf("list notes: %w", err)
	}
	defer rows.Close()
	out := []mentor.Note{}
	for rows.Next() {
		var n mentor.Note
		if err := rows.Scan(&n.ID, &n.MeetingID, &n.AuthorID, &n.Private, &n.Text, &n.CreatedAt); err != nil {
			return nil, err
		}
		n.CreatedAt = n.CreatedAt.UTC()
		out = append(out, n)
	}
	return out, rows.Err()
}

// AddFeedback stores one participant's feedback on a meeting and sets f.ID
// and f.CreatedAt. A missing meeting is ENOTFOUND; a bad rating or style, or
// an author who is not a member of the meeting's match, EINVALID naming the
// field; feedback on a meeting that has not happened (mentor.Meeting.Happened)
// or a second feedback by the same author on the same meeting ECONFLICT.
func (d *DB) AddFeedback(ctx context.Context, f *mentor.Feedback) error {
	var pr mentor.Problems
	pr.Merge("", f.Validate())
	pr.Check(f.AuthorID == 0, "author_id", "is required")
	if err := pr.Err("feedback"); err != nil {
		return err
	}
	match, err := meetingMatch(ctx, d.db, f.MeetingID)
	if err != nil {
		return err
	}
	if err := checkHappened(ctx, d.db, f.MeetingID, d.Now()); err != nil {
		return err
	}
	member, err := isMember(ctx, d.db, match, f.AuthorID)
	if err != nil {
		return err
	}
	if !member {
		return fieldError("author_id", "person %d is not a member of the meeting's match", f.AuthorID)
	}
	f.CreatedAt = d.Now()
	err = d.db.QueryRowContext(ctx, `INSERT INTO feedback (meeting_id, author_id, rating, style, text, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, f.MeetingID, f.AuthorID, f.Rating, f.Style, f.Text, f.CreatedAt).Scan(&f.ID)
	if err != nil {
		err = d.translate(fmt.Errorf("insert feedback: %w", err))
		if mentor.ErrorCode(err) == mentor.ECONFLICT {
			return &mentor.Error{Code: mentor.ECONFLICT, Message: "You already gave feedback on this meeting.",
				Fields: []mentor.FieldError{{Field: "author_id", Message: "has already given feedback on this meeting"}}}
		}
		return err
	}
	return nil
}

// Feedback lists the feedback on a meeting, oldest first, or ENOTFOUND when
// the meeting does not exist.
func (d *DB) Feedback(ctx context.Context, meetingID int64) ([]mentor.Feedback, error) {
	if _, err := meetingMatch(ctx, d.db, meetingID); err != nil {
		return nil, err
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, meeting_id, author_id, rating, style, text, created_at FROM feedback
		WHERE meeting_id = $1 ORDER BY id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	defer rows.Close()
	out := []mentor.Feedback{}
	for rows.Next() {
		var f mentor.Feedback
		if err := rows.Scan(&f.ID, &f.MeetingID, &f.AuthorID, &f.Rating, &f.Style, &f.Text, &f.CreatedAt); err != nil {
			return nil, err
		}
		f.CreatedAt = f.CreatedAt.UTC()
		out = append(out, f)
	}
	return out, rows.Err()
}
