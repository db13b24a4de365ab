package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const goalColumns = `id, owner_id, match_id, program_id, title, description, metric, unit, baseline, target, current_value,
	plan, skill_id, relevance, due_date, status, created_at, updated_at`

func scanGoal(row interface{ Scan(...any) error }) (*mentor.Goal, error) {
	var g mentor.Goal
	var baseline, target float64
	var due string
	err := row.Scan(&g.ID, &g.OwnerID, &g.MatchID, &g.ProgramID, &g.Title, &g.Description, &g.Metric, &g.Unit, &baseline, &target,
		&g.Current, &g.Plan, &g.SkillID, &g.Relevance, &due, &g.Status, &g.CreatedAt, &g.UpdatedAt)
	if err != nil {
		return nil, err
	}
	g.Baseline, g.Target = &baseline, &target
	if g.DueDate, err = scanDate(&due); err != nil {
		return nil, fmt.Errorf("goal %d due date: %w", g.ID, err)
	}
	g.CreatedAt, g.UpdatedAt = g.CreatedAt.UTC(), g.UpdatedAt.UTC()
	g.Milestones = []mentor.Milestone{}
	return &g, nil
}

// validateGoal runs the S.M.A.R.T. checks of g.Validate and adds the ones
// only the store needs: an owner, finite numbers, bounded texts.
func validateGoal(g *mentor.Goal) *mentor.Problems {
	var pr mentor.Problems
	pr.Merge("", g.Validate())
	pr.Check(g.OwnerID == 0, "owner_id", "is required")
	pr.Check(g.Baseline != nil && !finite(*g.Baseline), "baseline", "must be a finite number")
	pr.Check(g.Target != nil && !finite(*g.Target), "target", "must be a finite number")
	pr.Check(len(g.Description) > 10000, "description", "is longer than 10000 characters")
	pr.Check(len(g.Plan) > 10000, "plan", "is longer than 10000 characters")
	pr.Check(len(g.Metric) > 200, "metric", "is longer than 200 characters")
	pr.Check(len(g.Unit) > 50, "unit", "is longer than 50 characters")
	for i := range g.Milestones {
		m := &g.Milestones[i]
		m.Title = strings.TrimSpace(m.Title)
		pr.Check(len(m.Title) > 200, fmt.Sprintf("milestones[%d].title", i), "is longer than 200 characters")
	}
	return &pr
}

// goalRefs checks that the people, skill, program and match g names exist,
// that the owner belongs to the goal's match, and takes the program from the
// match when g names none.
func goalRefs(ctx context.Context, q querier, g *mentor.Goal, pr *mentor.Problems) error {
	refs := []ref{{"owner_id", "people", g.OwnerID}}
	if g.SkillID != nil {
		refs = append(refs, ref{"skill_id", "skills", *g.SkillID})
	}
	if g.ProgramID != nil {
		refs = append(refs, ref{"program_id", "programs", *g.ProgramID})
	}
	if err := checkRefs(ctx, q, pr, refs...); err != nil {
		return err
	}
	if g.MatchID == nil {
		return nil
	}
	var program int64
	err := q.QueryRowContext(ctx, `SELECT program_id FROM matches WHERE id = $1`, *g.MatchID).Scan(&program)
	if errors.Is(err, sql.ErrNoRows) {
		pr.Add("match_id", "%d does not exist", *g.MatchID)
		return nil
	}
	if err != nil {
		return fmt.Errorf("check goal match: %w", err)
	}
	member, err := isMember(ctx, q, *g.MatchID, g.OwnerID)
	if err != nil {
		return err
	}
	pr.Check(!member, "match_id", "the owner is not a member of match %d", *g.MatchID)
	switch {
	case g.ProgramID == nil:
		g.ProgramID = &program
	case *g.ProgramID != program:
		pr.Add("program_id", "match %d belongs to program %d, not %d", *g.MatchID, program, *g.ProgramID)
	}
	return nil
}

// CreateGoal validates g (every missing S.M.A.R.T. letter is an EINVALID
// naming its field; so are unknown owner, skill, program or match, and a
// match the owner is not in, and a due date in the past) and stores it with its milestones in one
// transaction. The current value starts at the baseline; when g has a match
// and no program, the program is the match's.
func (d *DB) CreateGoal(ctx context.Context, g *mentor.Goal) error {
	pr := validateGoal(g)
	pr.Merge("", g.CheckDueDate(d.Now()))
	if err := pr.Err("goal"); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		if err := goalRefs(ctx, tx, g, pr); err != nil {
			return err
		}
		if err := pr.Err("goal"); err != nil {
			return err
		}
		now := d.Now()
		g.Current, g.CreatedAt, g.UpdatedAt = *g.Baseline, now, now
		err := tx.QueryRowContext(ctx, `INSERT INTO goals (owner_id, match_id, program_id, title, description, metric, unit, baseline,
			target, current_value, plan, skill_id, relevance, due_date, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
			g.OwnerID, g.MatchID, g.ProgramID, g.Title, g.Description, g.Metric, g.Unit, *g.Baseline, *g.Target, g.Current,
			g.Plan, g.SkillID, g.Relevance, nullDate(g.DueDate), g.Status, now, now).Scan(&g.ID)
		if err != nil {
			return d.translate(fmt.Errorf("insert goal: %w", err))
		}
		return d.setMilestones(ctx, tx, g)
	})
}

// setMilestones makes the stored milestones of g equal g.Milestones: those
// with an id of this goal are updated, those without are added, the rest removed.
func (d *DB) setMilestones(ctx context.Context, tx *sql.Tx, g *mentor.Goal) error {
	keep := []int64{}
	for i := range g.Milestones {
		m := &g.Milestones[i]
		m.GoalID = g.ID
		if m.ID == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO milestones (goal_id, title, due_date, done) VALUES ($1, $2, $3, $4) RETURNING id`,
				g.ID, m.Title, nullDate(m.DueDate), m.Done).Scan(&m.ID)
			if err != nil {
				return d.translate(fmt.Errorf("insert milestone: %w", err))
			}
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE milestones SET title = $1, due_date = $2, done = $3 WHERE id = $4 AND goal_id = $5`,
				m.Title, nullDate(m.DueDate), m.Done, m.ID, g.ID)
			if err != nil {
				return d.translate(fmt.Errorf("update milestone: %w", err))
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fieldError(fmt.Sprintf("milestones[%d].id", i), "milestone %d is not a milestone of goal %d", m.ID, g.ID)
			}
		}
		keep = append(keep, m.ID)
	}
	var w where
	w.add("goal_id = ?", g.ID)
	if len(keep) > 0 {
		w.conds = append(w.conds, "id NOT IN ("+inList(&w, keep)+")")
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM milestones`+w.String(), w.args...); err != nil {
		return fmt.Errorf("remove milestones: %w", err)
	}
	return nil
}

// goalMilestones loads the milestones of the given goals in id order.
func goalMilestones(ctx context.Context, q querier, ids []int64) (map[int64][]mentor.Milestone, error) {
	out := map[int64][]mentor.Milestone{}
	if len(ids) == 0 {
		return out, nil
	}
	var w where
	in := inList(&w, ids)
	rows, err := q.QueryContext(ctx, `SELECT id, goal_id, title, due_date, done FROM milestones WHERE goal_id IN (`+in+`) ORDER BY id`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("list milestones: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m mentor.Milestone
		var due *string
		if err := rows.Scan(&m.ID, &m.GoalID, &m.Title, &due, &m.Done); err != nil {
			return nil, err
		}
		if m.DueDate, err = scanDate(due); err != nil {
			return nil, fmt.Errorf("milestone %d due date: %w", m.ID, err)
		}
		out[m.GoalID] = append(out[m.GoalID], m)
	}
	return out, rows.Err()
}

// Goal returns one goal with its milestones, or ENOTFOUND.
func (d *DB) Goal(ctx context.Context, id int64) (*mentor.Goal, error) {
	return goalByID(ctx, d.db, id)
}

func goalByID(ctx context.Context, q querier, id int64) (*mentor.Goal, error) {
	g, err := scanGoal(q.QueryRowContext(ctx, `SELECT `+goalColumns+` FROM goals WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "goal", id)
	}
	ms, err := goalMilestones(ctx, q, []int64{id})
	if err != nil {
		return nil, err
	}
	if ms[id] != nil {
		g.Milestones = ms[id]
	}
	return g, nil
}

// GoalFilter narrows a list of goals; zero fields do not filter.
type GoalFilter struct {
	OwnerID   int64
	MatchID   int64
	ProgramID int64
	// VisibleTo keeps the goals this person may see: their own and those
	// shared with a match they are a member of.
	VisibleTo int64
	Status    mentor.GoalStatus
	Page
}

// Goals lists goals ordered by id, with their milestones.
func (d *DB) Goals(ctx context.Context, f GoalFilter) ([]mentor.Goal, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("id > ?", after)
	if f.OwnerID != 0 {
		w.add("owner_id = ?", f.OwnerID)
	}
	if f.MatchID != 0 {
		w.add("match_id = ?", f.MatchID)
	}
	if f.ProgramID != 0 {
		w.add("program_id = ?", f.ProgramID)
	}
	if f.VisibleTo != 0 {
		p := w.arg(f.VisibleTo)
		w.conds = append(w.conds, "(owner_id = "+p+" OR match_id IN (SELECT match_id FROM match_members WHERE person_id = "+p+"))")
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+goalColumns+` FROM goals`+w.String()+` ORDER BY id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list goals: %w", err)
	}
	defer rows.Close()
	out := []mentor.Goal{}
	var ids []int64
	for rows.Next() {
		g, err := scanGoal(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *g)
		ids = append(ids, g.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	ms, err := goalMilestones(ctx, d.db, ids)
	if err != nil {
		return nil, "", err
	}
	for i := range out {
		if m := ms[out[i].ID]; m != nil {
			out[i].Milestones = m
		}
	}
	return out, cursorFor(len(out), f.limit(), lastID(ids)), nil
}

// UpdateGoal replaces the fields and milestones of goal g.ID in one
// transaction (milestones keep their ids when g lists them with their id).
// The owner, the current value (which progress updates set) and the creation
// time stay as stored and are copied back into g. Validation is as in
// CreateGoal; a missing goal is ENOTFOUND.
func (d *DB) UpdateGoal(ctx context.Context, g *mentor.Goal) error {
	return d.Tx(ctx, func(tx *sql.Tx) error {
		found, err := d.lockRow(ctx, tx, "goals", "updated_at", g.ID)
		if err != nil {
			return err
		}
		if !found {
			return mentor.Errorf(mentor.ENOTFOUND, "goal %d was not found.", g.ID)
		}
		err = tx.QueryRowContext(ctx, `SELECT owner_id, current_value, created_at FROM goals WHERE id = $1`, g.ID).
			Scan(&g.OwnerID, &g.Current, &g.CreatedAt)
		if err != nil {
			return fmt.Errorf("read goal: %w", err)
		}
		g.CreatedAt = g.CreatedAt.UTC()
		pr := validateGoal(g)
		if err := pr.Err("goal"); err != nil {
			return err
		}
		if err := goalRefs(ctx, tx, g, pr); err != nil {
			return err
		}
		if err := pr.Err("goal"); err != nil {
			return err
		}
		g.UpdatedAt = d.Now()
		_, err = tx.ExecContext(ctx, `UPDATE goals SET match_id = $1, program_id = $2, title = $3, description = $4, metric = $5,
			unit = $6, baseline = $7, target = $8, plan = $9, skill_id = $10, relevance = $11, due_date = $12, status = $13,
			updated_at = $14 WHERE id = $15`, g.MatchID, g.ProgramID, g.Title, g.Description, g.Metric, g.Unit, *g.Baseline,
			*g.Target, g.Plan, g.SkillID, g.Relevance, nullDate(g.DueDate), g.Status, g.UpdatedAt, g.ID)
		if err != nil {
			return d.translate(fmt.Errorf("update goal: %w", err))
		}
		return d.setMilestones(ctx, tx, g)
	})
}

// DeleteGoal removes a goal with its milestones and progress, or returns ENOTFOUND.
func (d *DB) DeleteGoal(ctx context.Context, id int64) error {
	res, err := d.db.ExecContext(ctx, `DELETE FROM goals WHERE id = $1`, id)
	if err != nil {
		return d.translate(fmt.Errorf("delete goal: %w", err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return mentor.Errorf(mentor.ENOTFOUND, "goal %d was not found.", id)
	}
	return nil
}

// reached reports whether value has reached target coming from baseline.
func reached(baseline, target, value float64) bool {
	if target > baseline {
		return value >= target
	}
	return value <= target
}

// AddProgress records a new value of a goal's metric and returns the goal
// after it, in one transaction: the update is stored, the goal's current value
// becomes the value, and an open goal whose value reaches the target (upwards
// or downwards, whichever way the target lies from the baseline) becomes
// achieved; an achieved goal stays achieved. A missing goal is ENOTFOUND, an
// abandoned one ECONFLICT, a bad value or unknown author EINVALID naming the field.
func (d *DB) AddProgress(ctx context.Context, u *mentor.ProgressUpdate) (*mentor.Goal, error) {
	var pr mentor.Problems
	u.Note = strings.TrimSpace(u.Note)
	pr.Check(u.AuthorID == 0, "author_id", "is required")
	pr.Check(!finite(u.Value), "value", "must be a finite number")
	pr.Check(len(u.Note) > 4000, "note", "is longer than 4000 characters")
	if err := pr.Err("progress update"); err != nil {
		return nil, err
	}
	var out *mentor.Goal
	err := d.Tx(ctx, func(tx *sql.Tx) error {
		found, err := d.lockRow(ctx, tx, "goals", "updated_at", u.GoalID)
		if err != nil {
			return err
		}
		if !found {
			return mentor.Errorf(mentor.ENOTFOUND, "goal %d was not found.", u.GoalID)
		}
		g, err := goalByID(ctx, tx, u.GoalID)
		if err != nil {
			return err
		}
		if g.Status == mentor.GoalAbandoned {
			return mentor.Errorf(mentor.ECONFLICT, "The goal was abandoned; reopen it before logging progress.")
		}
		if err := checkRefs(ctx, tx, &pr, ref{"author_id", "people", u.AuthorID}); err != nil {
			return err
		}
		if err := pr.Err("progress update"); err != nil {
			return err
		}
		u.CreatedAt = d.Now()
		err = tx.QueryRowContext(ctx, `INSERT INTO progress_updates (goal_id, author_id, value, note, created_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, u.GoalID, u.AuthorID, u.Value, u.Note, u.CreatedAt).Scan(&u.ID)
		if err != nil {
			return d.translate(fmt.Errorf("insert progress: %w", err))
		}
		g.Current, g.UpdatedAt = u.Value, u.CreatedAt
		if g.Status == mentor.GoalOpen && reached(*g.Baseline, *g.Target, u.Value) {
			g.Status = mentor.GoalAchieved
		}
		if _, err := tx.ExecContext(ctx, `UPDATE goals SET current_value = $1, status = $2, updated_at = $3 WHERE id = $4`,
			g.Current, g.Status, g.UpdatedAt, g.ID); err != nil {
			return fmt.Errorf("update goal progress: %w", err)
		}
		out = g
		return nil
	})
	return out, err
}

// ProgressUpdates lists the progress of a goal, oldest first, or ENOTFOUND
// when the goal does not exist.
func (d *DB) ProgressUpdates(ctx context.Context, goalID int64) ([]mentor.ProgressUpdate, error) {
	var one int
	if err := d.db.QueryRowContext(ctx, `SELECT 1 FROM goals WHERE id = $1`, goalID).Scan(&one); err != nil {
		return nil, notFound(err, "goal", goalID)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, goal_id, author_id, value, note, created_at FROM progress_updates
		WHERE goal_id = $1 ORDER BY id`, goalID)
	if err != nil {
		return nil, fmt.Errorf("list progress: %w", err)
	}
	defer rows.Close()
	out := []mentor.ProgressUpdate{}
	for rows.Next() {
		var u mentor.ProgressUpdate
		if err := rows.Scan(&u.ID, &u.GoalID, &u.AuthorID, &u.Value, &u.Note, &u.CreatedAt); err != nil {
			return nil, err
		}
		u.CreatedAt = u.CreatedAt.UTC()
		out = append(out, u)
	}
	return out, rows.Err()
}
