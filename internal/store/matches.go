package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const matchColumns = `id, program_id, run_id, cycle, state, score, summary, factors, skills, created_at, updated_at`

func scanMatch(row interface{ Scan(...any) error }) (*mentor.Match, error) {
	var m mentor.Match
	var factors, skills string
	if err := row.Scan(&m.ID, &m.ProgramID, &m.RunID, &m.Cycle, &m.State, &m.Score, &m.Summary, &factors, &skills, &m.CreatedAt, &m.UpdatedAt); err != nil {
		return nil, err
	}
	if err := fromJSON(skills, &m.Skills); err != nil {
		return nil, fmt.Errorf("match %d skills: %w", m.ID, err)
	}
	if len(m.Skills) == 0 {
		m.Skills = nil // omitted in JSON, like a match without teaching directions
	}
	if err := fromJSON(factors, &m.Factors); err != nil {
		return nil, fmt.Errorf("match %d factors: %w", m.ID, err)
	}
	m.CreatedAt, m.UpdatedAt = m.CreatedAt.UTC(), m.UpdatedAt.UTC()
	m.Members = []mentor.MatchMember{}
	return &m, nil
}

// validMatchState reports whether s is one of the match states of SPEC §3.
func validMatchState(s mentor.MatchState) bool {
	switch s {
	case mentor.MatchDraft, mentor.MatchProposed, mentor.MatchAccepted, mentor.MatchDeclined, mentor.MatchActive,
		mentor.MatchPaused, mentor.MatchCompleted, mentor.MatchEnded:
		return true
	}
	return false
}

// validateMatch fills defaults (state proposed, responses pending) and
// reports every bad field of m.
func validateMatch(m *mentor.Match) *mentor.Problems {
	var pr mentor.Problems
	if m.State == "" {
		m.State = mentor.MatchProposed
	}
	m.Summary = strings.TrimSpace(m.Summary)
	pr.Check(m.ProgramID == 0, "program_id", "is required")
	pr.Check(!validMatchState(m.State), "state", "must be draft, proposed, accepted, declined, active, paused, completed or ended")
	pr.Check(m.Cycle < 0, "cycle", "must not be negative")
	pr.Check(!finite(m.Score), "score", "must be a finite number")
	pr.Check(len(m.Summary) > 10000, "summary", "is longer than 10000 characters")
	pr.Check(len(m.Members) < 2, "members", "a match needs at least 2 members, got %d", len(m.Members))
	seen := map[int64]int{}
	for i := range m.Members {
		mm := &m.Members[i]
		if mm.Response == "" {
			mm.Response = "pending"
		}
		pr.Check(mm.PersonID == 0, memberField(i, "person_id"), "is required")
		if j, dup := seen[mm.PersonID]; dup && mm.PersonID != 0 {
			pr.Add(memberField(i, "person_id"), "person %d is already members[%d]", mm.PersonID, j)
		}
		seen[mm.PersonID] = i
		switch mm.Role {
		case mentor.RoleMentor, mentor.RoleMentee, mentor.RolePeer, mentor.RoleMember:
		default:
			pr.Add(memberField(i, "role"), "must be mentor, mentee, peer or member")
		}
		switch mm.Response {
		case "pending", "accepted", "declined":
		default:
			pr.Add(memberField(i, "response"), "must be pending, accepted or declined")
		}
	}
	return &pr
}

func memberField(i int, name string) string { return fmt.Sprintf("members[%d].%s", i, name) }

// CreateMatch validates m and stores it with its members in one transaction,
// setting m.ID and the timestamps. A match needs at least two members, nobody
// twice, a known state, and existing program, run and people: each failure is
// an EINVALID naming the field, and nothing is stored.
func (d *DB) CreateMatch(ctx context.Context, m *mentor.Match) error {
	pr := validateMatch(m)
	if err := pr.Err("match"); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error { return d.insertMatch(ctx, tx, m) })
}

// insertMatch stores a match validated by validateMatch with its members in
// tx, after checking that its program, run and people exist (EINVALID naming
// the field otherwise), and reloads the members with their names.
func (d *DB) insertMatch(ctx context.Context, tx *sql.Tx, m *mentor.Match) error {
	var pr mentor.Problems
	refs := []ref{{"program_id", "programs", m.ProgramID}}
	for i, mm := range m.Members {
		refs = append(refs, ref{memberField(i, "person_id"), "people", mm.PersonID})
	}
	if err := checkRefs(ctx, tx, &pr, refs...); err != nil {
		return err
	}
	if m.RunID != nil {
		var runProgram int64
		err := tx.QueryRowContext(ctx, `SELECT program_id FROM match_runs WHERE id = $1`, *m.RunID).Scan(&runProgram)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			pr.Add("run_id", "match run %d does not exist", *m.RunID)
		case err != nil:
			return fmt.Errorf("check match run: %w", err)
		case runProgram != m.ProgramID:
			pr.Add("run_id", "match run %d belongs to program %d, not %d", *m.RunID, runProgram, m.ProgramID)
		}
	}
	if err := pr.Err("match"); err != nil {
		return err
	}
	now := d.Now()
	m.CreatedAt, m.UpdatedAt = now, now
	err := tx.QueryRowContext(ctx, `INSERT INTO matches (program_id, run_id, cycle, state, score, summary, factors, skills, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, m.ProgramID, m.RunID, m.Cycle, m.State, m.Score, m.Summary,
		jsonText(m.Factors), jsonText(m.Skills), now, now).Scan(&m.ID)
	if err != nil {
		return d.translate(fmt.Errorf("insert match: %w", err))
	}
	for _, mm := range m.Members {
		if _, err := tx.ExecContext(ctx, `INSERT INTO match_members (match_id, person_id, role, response, reason) VALUES ($1, $2, $3, $4, $5)`,
			m.ID, mm.PersonID, mm.Role, mm.Response, mm.Reason); err != nil {
			return d.translate(fmt.Errorf("insert match member: %w", err))
		}
	}
	members, err := matchMembers(ctx, tx, []int64{m.ID})
	m.Members = members[m.ID]
	return err
}

// Match returns one match with its members (names joined from people), or ENOTFOUND.
func (d *DB) Match(ctx context.Context, id int64) (*mentor.Match, error) {
	return matchByID(ctx, d.db, id)
}

func matchByID(ctx context.Context, q querier, id int64) (*mentor.Match, error) {
	m, err := scanMatch(q.QueryRowContext(ctx, `SELECT `+matchColumns+` FROM matches WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "match", id)
	}
	members, err := matchMembers(ctx, q, []int64{id})
	if err != nil {
		return nil, err
	}
	if members[id] != nil {
		m.Members = members[id]
	}
	return m, nil
}

// matchMembers loads the members of the given matches, mentors first, then by person id.
func matchMembers(ctx context.Context, q querier, ids []int64) (map[int64][]mentor.MatchMember, error) {
	out := map[int64][]mentor.MatchMember{}
	if len(ids) == 0 {
		return out, nil
	}
	var w where
	in := inList(&w, ids)
	rows, err := q.QueryContext(ctx, `SELECT mm.match_id, mm.person_id, p.name, mm.role, mm.response, mm.reason
		FROM match_members mm JOIN people p ON p.id = mm.person_id WHERE mm.match_id IN (`+in+`)
		ORDER BY mm.match_id, CASE WHEN mm.role = 'mentor' THEN 0 ELSE 1 END, mm.person_id`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("list match members: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var mm mentor.MatchMember
		if err := rows.Scan(&id, &mm.PersonID, &mm.Name, &mm.Role, &mm.Response, &mm.Reason); err != nil {
			return nil, err
		}
		out[id] = append(out[id], mm)
	}
	return out, rows.Err()
}

// MatchFilter narrows a list of matches; zero fields do not filter.
type MatchFilter struct {
	ProgramID int64
	PersonID  int64 // matches the person is a member of
	RunID     int64
	State     mentor.MatchState
	// Published leaves out the drafts of unpublished runs (what participants see).
	Published bool
	Page
}

// Matches lists matches ordered by id, with their members.
func (d *DB) Matches(ctx context.Context, f MatchFilter) ([]mentor.Match, string, error) {
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
		w.add("id IN (SELECT match_id FROM match_members WHERE person_id = ?)", f.PersonID)
	}
	if f.RunID != 0 {
		w.add("run_id = ?", f.RunID)
	}
	if f.State != "" {
		w.add("state = ?", f.State)
	}
	if f.Published {
		w.add("state <> ?", mentor.MatchDraft)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+matchColumns+` FROM matches`+w.String()+` ORDER BY id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list matches: %w", err)
	}
	defer rows.Close()
	out := []mentor.Match{}
	var ids []int64
	for rows.Next() {
		m, err := scanMatch(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *m)
		ids = append(ids, m.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	members, err := matchMembers(ctx, d.db, ids)
	if err != nil {
		return nil, "", err
	}
	for i := range out {
		if ms := members[out[i].ID]; ms != nil {
			out[i].Members = ms
		}
	}
	return out, cursorFor(len(out), f.limit(), lastID(ids)), nil
}

// matchMoves lists the states a match may move to from each state:
// publication (draft -> proposed), answers (proposed -> accepted/declined),
// start, pause and resume, and an end from any open state. Completed, ended
// and declined matches are final, and nothing returns to draft.
var matchMoves = map[mentor.MatchState][]mentor.MatchState{
	mentor.MatchDraft:    {mentor.MatchProposed, mentor.MatchEnded},
	mentor.MatchProposed: {mentor.MatchAccepted, mentor.MatchDeclined, mentor.MatchActive, mentor.MatchEnded},
	mentor.MatchAccepted: {mentor.MatchActive, mentor.MatchPaused, mentor.MatchCompleted, mentor.MatchEnded},
	mentor.MatchActive:   {mentor.MatchPaused, mentor.MatchCompleted, mentor.MatchEnded},
	mentor.MatchPaused:   {mentor.MatchActive, mentor.MatchCompleted, mentor.MatchEnded},
}

// SetMatchState moves a match to state. An unknown state is EINVALID naming
// "state"; a missing match ENOTFOUND; a move the lifecycle does not allow
// (see matchMoves; e.g. out of completed, ended or declined) ECONFLICT.
// Setting the current state again is a no-op.
func (d *DB) SetMatchState(ctx context.Context, id int64, state mentor.MatchState) error {
	if !validMatchState(state) {
		return fieldError("state", "must be draft, proposed, accepted, declined, active, paused, completed or ended")
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		var from mentor.MatchState
		if err := tx.QueryRowContext(ctx, `SELECT state FROM matches WHERE id = $1`, id).Scan(&from); err != nil {
			return notFound(err, "match", id)
		}
		if from == state {
			return nil
		}
		allowed := false
		for _, s := range matchMoves[from] {
			allowed = allowed || s == state
		}
		if !allowed {
			return mentor.Errorf(mentor.ECONFLICT, "A %s match cannot become %s.", from, state)
		}
		// The state in WHERE makes a concurrent change lose instead of being overwritten.
		res, err := tx.ExecContext(ctx, `UPDATE matches SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4`, state, d.Now(), id, from)
		if err != nil {
			return fmt.Errorf("set match state: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return mentor.Errorf(mentor.ECONFLICT, "The match changed meanwhile; try again.")
		}
		return nil
	})
}

// RespondToMatch records a member's answer to a proposed match and returns the
// match. When every member has accepted the match becomes accepted; when one
// declines it becomes declined. A match that is not proposed is ECONFLICT; a
// person who is not a member ENOTFOUND. Concurrent answers are serialised on
// the match row, so the last of several acceptances always sees the others.
func (d *DB) RespondToMatch(ctx context.Context, matchID, personID int64, accept bool, reason string) (*mentor.Match, error) {
	reason = strings.TrimSpace(reason)
	if len(reason) > 2000 {
		return nil, fieldError("reason", "is longer than 2000 characters")
	}
	var out *mentor.Match
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		now := d.Now()
		state, err := d.lockMatchState(ctx, tx, matchID)
		if err != nil {
			return err
		}
		if state != mentor.MatchProposed {
			return mentor.Errorf(mentor.ECONFLICT, "The match is %s; only a proposed match takes answers.", state)
		}
		response := "declined"
		if accept {
			response = "accepted"
		}
		res, err := tx.ExecContext(ctx, `UPDATE match_members SET response = $1, reason = $2 WHERE match_id = $3 AND person_id = $4`,
			response, reason, matchID, personID)
		if err != nil {
			return fmt.Errorf("record answer: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return mentor.Errorf(mentor.ENOTFOUND, "person %d is not a member of match %d.", personID, matchID)
		}
		var members, accepted, declined int
		err = tx.QueryRowContext(ctx, `SELECT count(*),
			coalesce(sum(CASE WHEN response = 'accepted' THEN 1 ELSE 0 END), 0),
			coalesce(sum(CASE WHEN response = 'declined' THEN 1 ELSE 0 END), 0)
			FROM match_members WHERE match_id = $1`, matchID).Scan(&members, &accepted, &declined)
		if err != nil {
			return fmt.Errorf("count answers: %w", err)
		}
		next := mentor.MatchProposed
		switch {
		case declined > 0:
			next = mentor.MatchDeclined
		case accepted == members:
			next = mentor.MatchAccepted
		}
		if _, err := tx.ExecContext(ctx, `UPDATE matches SET state = $1, updated_at = $2 WHERE id = $3`, next, now, matchID); err != nil {
			return fmt.Errorf("set match state: %w", err)
		}
		out, err = matchByID(ctx, tx, matchID)
		return err
	})
	return out, err
}

// MatchPartners returns the people who share a confirmed match (accepted,
// active, paused or completed) with personID; the person is not included.
// Contact details are shown only to them.
func (d *DB) MatchPartners(ctx context.Context, personID int64) (map[int64]bool, error) {
	return d.partners(ctx, personID, mentor.MatchAccepted, mentor.MatchActive, mentor.MatchPaused, mentor.MatchCompleted)
}

// ProposedPartners returns the people who share a published proposal with
// personID, who may see each other's availability to schedule.
func (d *DB) ProposedPartners(ctx context.Context, personID int64) (map[int64]bool, error) {
	return d.partners(ctx, personID, mentor.MatchProposed)
}

// partners returns the people who share a match in one of states with personID.
func (d *DB) partners(ctx context.Context, personID int64, states ...mentor.MatchState) (map[int64]bool, error) {
	var w where
	w.args = append(w.args, personID)
	in := make([]string, len(states))
	for i, st := range states {
		in[i] = w.arg(string(st))
	}
	rows, err := d.db.QueryContext(ctx, `SELECT DISTINCT other.person_id FROM match_members me
		JOIN match_members other ON other.match_id = me.match_id
		JOIN matches m ON m.id = me.match_id
		WHERE me.person_id = $1 AND other.person_id <> $1 AND m.state IN (`+strings.Join(in, ",")+`)`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("list match partners: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// IsMatchMember reports whether personID is a member of match matchID, in any
// state; a match that does not exist has no members.
func (d *DB) IsMatchMember(ctx context.Context, matchID, personID int64) (bool, error) {
	return isMember(ctx, d.db, matchID, personID)
}

func isMember(ctx context.Context, q querier, matchID, personID int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM match_members WHERE match_id = $1 AND person_id = $2`, matchID, personID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("check match member: %w", err)
	}
	return n > 0, nil
}

// ref names a row an input refers to, so that a missing one is reported
// against the input's field rather than as an anonymous foreign-key error.
type ref struct {
	field string
	table string // a table name from this package, never user input
	id    int64
}

// checkRefs adds a problem to pr for each ref whose row does not exist. Zero
// ids are skipped: whether a reference is required is the validator's call.
func checkRefs(ctx context.Context, q querier, pr *mentor.Problems, refs ...ref) error {
	for _, r := range refs {
		if r.id == 0 {
			continue
		}
		var one int
		err := q.QueryRowContext(ctx, `SELECT 1 FROM `+r.table+` WHERE id = $1`, r.id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			pr.Add(r.field, "%d does not exist", r.id)
		} else if err != nil {
			return fmt.Errorf("check %s: %w", r.field, err)
		}
	}
	return nil
}

// lockRow locks one row until the transaction ends and reports whether it
// exists. It is a no-op UPDATE because that locks the row in PostgreSQL and is
// valid SQL in SQLite, whose immediate transactions already run one at a time;
// under PostgreSQL's READ COMMITTED the statements after it then see whatever
// an earlier holder of the lock committed. column must not be part of a key.
func (d *DB) lockRow(ctx context.Context, tx *sql.Tx, table, column string, id int64) (bool, error) {
	res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET `+column+` = `+column+` WHERE id = $1`, id)
	if err != nil {
		return false, d.translate(fmt.Errorf("lock %s %d: %w", table, id, err))
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// fieldError returns an EINVALID error about one field.
func fieldError(field, format string, args ...any) error {
	var pr mentor.Problems
	pr.Add(field, format, args...)
	return pr.Err("input")
}

// inList adds ids to w and returns their comma-separated placeholders.
func inList(w *where, ids []int64) string {
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = w.arg(id)
	}
	return strings.Join(ph, ",")
}

// lastID returns the last of ids, or 0 when there are none.
func lastID(ids []int64) int64 {
	if len(ids) == 0 {
		return 0
	}
	return ids[len(ids)-1]
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// jsonObject encodes a map for a TEXT column; nil becomes "{}". Unlike
// jsonText it reports values JSON cannot hold (NaN, channels ...).
func jsonObject(m map[string]any) (string, error) {
	if m == nil {
		return "{}", nil
	}
	b, err := json.Marshal(m)
	return string(b), err
}
