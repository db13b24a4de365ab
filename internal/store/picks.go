package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// PickStatus is where a self-select pick stands.
type PickStatus string

// Pick states. A pick is pending until the picked person accepts (a match
// forms) or declines, the picker withdraws it, or it is closed because one
// of the two got matched or the picked mentor has no room left (closed picks
// are withdrawn, with the reason).
const (
	PickPending   PickStatus = "pending"
	PickAccepted  PickStatus = "accepted"
	PickDeclined  PickStatus = "declined"
	PickWithdrawn PickStatus = "withdrawn"
)

// DefaultMaxPendingRequests is the cap on a person's pending picks in a
// program whose options leave max_pending_requests at 0.
const DefaultMaxPendingRequests = 3

// Pick is one participant's choice of a partner in a self-select program
// (SPEC §4): a mentee's request to a mentor in directional formats, a pick of
// a peer in one-pool formats.
type Pick struct {
	ID         int64      `json:"id"`
	ProgramID  int64      `json:"program_id"`
	PickerID   int64      `json:"picker_id"`
	PickerName string     `json:"picker_name"`
	PickedID   int64      `json:"picked_id"`
	PickedName string     `json:"picked_name"`
	Status     PickStatus `json:"status"`
	// Message is the picker's note to the picked person.
	Message string `json:"message"`
	// Reason is the picked person's reason for an answer, or why the pick was closed.
	Reason string `json:"reason"`
	// Score, Summary, Factors and Skills are the engine's view of the pair
	// when the pick was made; a match formed from the pick carries them.
	Score     float64                `json:"score"`
	Summary   string                 `json:"summary"`
	Factors   []mentor.MatchFactor   `json:"factors"`
	Skills    []mentor.SkillExchange `json:"skills,omitempty"`
	MatchID   *int64                 `json:"match_id,omitempty"`
	CreatedAt time.Time              `json:"created_at"`
	UpdatedAt time.Time              `json:"updated_at"`
}

const pickSelect = `SELECT k.id, k.program_id, k.picker_id, a.name, k.picked_id, b.name, k.status, k.message, k.reason,
	k.score, k.summary, k.factors, k.skills, k.match_id, k.created_at, k.updated_at
	FROM picks k JOIN people a ON a.id = k.picker_id JOIN people b ON b.id = k.picked_id`

func scanPick(row interface{ Scan(...any) error }) (*Pick, error) {
	var k Pick
	var factors, skills string
	if err := row.Scan(&k.ID, &k.ProgramID, &k.PickerID, &k.PickerName, &k.PickedID, &k.PickedName, &k.Status, &k.Message,
		&k.Reason, &k.Score, &k.Summary, &factors, &skills, &k.MatchID, &k.CreatedAt, &k.UpdatedAt); err != nil {
		return nil, err
	}
	if err := fromJSON(factors, &k.Factors); err != nil {
		return nil, fmt.Errorf("pick %d factors: %w", k.ID, err)
	}
	if err := fromJSON(skills, &k.Skills); err != nil {
		return nil, fmt.Errorf("pick %d skills: %w", k.ID, err)
	}
	if len(k.Skills) == 0 {
		k.Skills = nil
	}
	if k.Factors == nil {
		k.Factors = []mentor.MatchFactor{}
	}
	k.CreatedAt, k.UpdatedAt = k.CreatedAt.UTC(), k.UpdatedAt.UTC()
	return &k, nil
}

// SelfSelectFormat reports whether programs of format f can be matched by
// picks: the pair formats mentoring, reverse, shadow (a mentee picks a
// mentor), peer and skill_swap (peers pick each other). Circles and
// rotations form groups and cycles, flash sessions are booked from office
// hours, and an advisory board is a group of several advisers.
func SelfSelectFormat(f mentor.Format) bool {
	switch f {
	case mentor.FormatMentoring, mentor.FormatReverse, mentor.FormatShadow, mentor.FormatPeer, mentor.FormatSkillSwap:
		return true
	}
	return false
}

// CheckSelfSelect returns nil when participants of p may see shortlists and
// pick: p is in self_select mode, matching or running, and of a format
// SelfSelectFormat accepts. Otherwise it returns an ECONFLICT saying why.
func CheckSelfSelect(p *mentor.Program) error {
	switch {
	case p.Mode != mentor.ModeSelfSelect:
		return mentor.Errorf(mentor.ECONFLICT, "Program %q is matched in %s mode; shortlists and picks belong to self-select programs.", p.Name, p.Mode)
	case !SelfSelectFormat(p.Format):
		return mentor.Errorf(mentor.ECONFLICT, "A %s program is not matched by picks; self-select works for mentoring, reverse, shadow, peer and skill_swap programs.", p.Format)
	case p.Status != mentor.StatusMatching && p.Status != mentor.StatusRunning:
		return mentor.Errorf(mentor.ECONFLICT, "Program %q is %s; participants pick while it is matching or running.", p.Name, p.Status)
	}
	return nil
}

// MaxPendingRequests returns the cap on one person's pending picks in p.
func MaxPendingRequests(p *mentor.Program) int {
	if p.Options.MaxPendingRequests > 0 {
		return p.Options.MaxPendingRequests
	}
	return DefaultMaxPendingRequests
}

// CreatePick records k.PickerID's pick of k.PickedID in program k.ProgramID
// and sets k's id, status, names and times. Score, Summary, Factors, Skills
// and Message are the caller's (the engine's view of the pair and the picker's
// note); the store checks everything else in one transaction:
//
//   - the program allows picks (CheckSelfSelect, ECONFLICT) and exists (ENOTFOUND);
//   - the picker is an active participant (ECONFLICT) without a live match in
//     the program (ECONFLICT), and a mentee in directional formats, where
//     mentors answer picks instead of making them (ECONFLICT);
//   - the picked person is an active participant on the other side
//     (a mentor in directional formats) with room: a mentor below capacity,
//     a peer without a live match (EINVALID naming person_id when they are
//     not a fitting participant, ECONFLICT when they are full);
//   - the pair has no open or accepted pick, and the picked person has not
//     declined the picker before (ECONFLICT); a withdrawn pick is reopened;
//   - in one-pool formats a pick of someone who has a pending pick on the
//     picker is mutual: the match forms at once (state accepted, both picks
//     accepted, k.MatchID set) and the pending cap does not apply;
//   - otherwise the picker holds fewer pending picks than the program's
//     MaxPendingRequests (ECONFLICT naming the cap).
//
// Both people's rows are locked (in id order) for the transaction, so that
// concurrent picks by one person never exceed the cap and two people picking
// each other at once always make their match. Errors about the picked person
// name the field person_id, as the API does; unknown people are EINVALID.
func (d *DB) CreatePick(ctx context.Context, k *Pick) error {
	k.Message = strings.TrimSpace(k.Message)
	var pr mentor.Problems
	pr.Check(k.ProgramID == 0, "program_id", "is required")
	pr.Check(k.PickerID == 0, "picker_id", "is required")
	pr.Check(k.PickedID == 0, "person_id", "is required")
	pr.Check(k.PickedID != 0 && k.PickedID == k.PickerID, "person_id", "you cannot pick yourself")
	pr.Check(len(k.Message) > 1000, "message", "is longer than 1000 characters")
	pr.Check(!finite(k.Score), "score", "must be a finite number")
	pr.Check(len(k.Summary) > 10000, "summary", "is longer than 10000 characters")
	if err := pr.Err("pick"); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		if err := d.lockPeople(ctx, tx, map[int64]string{k.PickerID: "picker_id", k.PickedID: "person_id"}); err != nil {
			return err
		}
		prog, err := scanProgram(tx.QueryRowContext(ctx, `SELECT `+programColumns+` FROM programs WHERE id = $1`, k.ProgramID))
		if err != nil {
			return notFound(err, "program", k.ProgramID)
		}
		if err := CheckSelfSelect(prog); err != nil {
			return err
		}
		picker, picked, err := pickPair(ctx, tx, prog, k.PickerID, k.PickedID)
		if err != nil {
			return err
		}
		if err := canPick(ctx, tx, prog, picker, picked); err != nil {
			return err
		}
		old, err := pickBetween(ctx, tx, k.ProgramID, k.PickerID, k.PickedID)
		if err != nil {
			return err
		}
		if old != nil {
			switch old.Status {
			case PickPending, PickAccepted:
				return &mentor.Error{Code: mentor.ECONFLICT, Message: fmt.Sprintf("You have already picked %s (%s).", old.PickedName, old.Status),
					Fields: []mentor.FieldError{{Field: "person_id", Message: "is already picked"}}}
			case PickDeclined:
				return &mentor.Error{Code: mentor.ECONFLICT, Message: fmt.Sprintf("%s declined your earlier pick.", old.PickedName),
					Fields: []mentor.FieldError{{Field: "person_id", Message: "declined your earlier pick"}}}
			}
		}
		now := d.Now()
		var back *Pick
		if !prog.Format.Directional() {
			if back, err = pickBetween(ctx, tx, k.ProgramID, k.PickedID, k.PickerID); err != nil {
				return err
			}
		}
		mutual := back != nil && back.Status == PickPending
		if !mutual {
			var pending int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM picks WHERE program_id = $1 AND picker_id = $2 AND status = $3`,
				k.ProgramID, k.PickerID, PickPending).Scan(&pending); err != nil {
				return fmt.Errorf("count pending picks: %w", err)
			}
			if limit := MaxPendingRequests(prog); pending >= limit {
				return &mentor.Error{Code: mentor.ECONFLICT,
					Message: fmt.Sprintf("You already have %d pending picks, the most this program allows (max_pending_requests = %d); withdraw one or wait for an answer.", pending, limit),
					Fields:  []mentor.FieldError{{Field: "person_id", Message: fmt.Sprintf("over the cap of %d pending picks", limit)}}}
			}
		}
		// A mutual pick is stored pending too; forming the match accepts it.
		status := PickPending
		k.Status, k.Reason, k.MatchID, k.CreatedAt, k.UpdatedAt = status, "", nil, now, now
		if old != nil {
			k.ID = old.ID
			_, err = tx.ExecContext(ctx, `UPDATE picks SET status=$1, message=$2, reason='', score=$3, summary=$4, factors=$5, skills=$6,
				match_id=NULL, created_at=$7, updated_at=$7 WHERE id=$8`, status, k.Message, k.Score, k.Summary, jsonText(k.Factors),
				jsonText(k.Skills), now, old.ID)
		} else {
			err = tx.QueryRowContext(ctx, `INSERT INTO picks (program_id, picker_id, picked_id, status, message, score, summary, factors, skills,
				created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`, k.ProgramID, k.PickerID, k.PickedID,
				status, k.Message, k.Score, k.Summary, jsonText(k.Factors), jsonText(k.Skills), now).Scan(&k.ID)
		}
		if err != nil {
			return d.translate(fmt.Errorf("save pick: %w", err))
		}
		got, err := pickByID(ctx, tx, k.ID)
		if err != nil {
			return err
		}
		if mutual {
			// The newer pick's view of the pair counts: it knows the pick is mutual.
			if _, err := d.formMatch(ctx, tx, prog, got, picker, picked, []int64{back.ID}); err != nil {
				return err
			}
			if got, err = pickByID(ctx, tx, k.ID); err != nil {
				return err
			}
		}
		*k = *got
		return nil
	})
}

// Pick returns one pick with the two people's names, or ENOTFOUND.
func (d *DB) Pick(ctx context.Context, id int64) (*Pick, error) {
	return pickByID(ctx, d.db, id)
}

func pickByID(ctx context.Context, q querier, id int64) (*Pick, error) {
	k, err := scanPick(q.QueryRowContext(ctx, pickSelect+` WHERE k.id = $1`, id))
	if err != nil {
		return nil, notFound(err, "pick", id)
	}
	return k, nil
}

// pickBetween returns the pick of picked by picker in a program, or nil.
func pickBetween(ctx context.Context, q querier, programID, picker, picked int64) (*Pick, error) {
	k, err := scanPick(q.QueryRowContext(ctx, pickSelect+` WHERE k.program_id = $1 AND k.picker_id = $2 AND k.picked_id = $3`,
		programID, picker, picked))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read pick: %w", err)
	}
	return k, nil
}

// PickFilter narrows a list of picks; zero fields do not filter.
type PickFilter struct {
	ProgramID int64
	// PersonID keeps the picks the person made or received.
	PersonID int64
	PickerID int64
	PickedID int64
	Status   PickStatus
	Page
}

// Picks lists picks ordered by id, with the two people's names. An unknown
// status is EINVALID naming "status".
func (d *DB) Picks(ctx context.Context, f PickFilter) ([]Pick, string, error) {
	switch f.Status {
	case "", PickPending, PickAccepted, PickDeclined, PickWithdrawn:
	default:
		return nil, "", fieldError("status", "must be pending, accepted, declined or withdrawn")
	}
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("k.id > ?", after)
	if f.ProgramID != 0 {
		w.add("k.program_id = ?", f.ProgramID)
	}
	if f.PersonID != 0 {
		w.add("(k.picker_id = ? OR k.picked_id = ?)", f.PersonID, f.PersonID)
	}
	if f.PickerID != 0 {
		w.add("k.picker_id = ?", f.PickerID)
	}
	if f.PickedID != 0 {
		w.add("k.picked_id = ?", f.PickedID)
	}
	if f.Status != "" {
		w.add("k.status = ?", f.Status)
	}
	rows, err := d.db.QueryContext(ctx, pickSelect+w.String()+` ORDER BY k.id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list picks: %w", err)
	}
	defer rows.Close()
	out := []Pick{}
	var ids []int64
	for rows.Next() {
		k, err := scanPick(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *k)
		ids = append(ids, k.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	return out, cursorFor(len(out), f.limit(), lastID(ids)), nil
}

// lockPeople locks the given people's rows in id order (so that two
// transactions locking the same people cannot deadlock) and reports a
// missing person as EINVALID naming the field the map gives for them.
func (d *DB) lockPeople(ctx context.Context, tx *sql.Tx, fields map[int64]string) error {
	ids := make([]int64, 0, len(fields))
	for id := range fields {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var pr mentor.Problems
	for _, id := range ids {
		found, err := d.lockRow(ctx, tx, "people", "updated_at", id)
		if err != nil {
			return err
		}
		pr.Check(!found, fields[id], "person %d does not exist", id)
	}
	return pr.Err("pick")
}
