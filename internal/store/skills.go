package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// CreateSkill adds a skill with its aliases. A name or alias that already
// names a skill (case-insensitively) is an ECONFLICT.
func (d *DB) CreateSkill(ctx context.Context, s *mentor.Skill) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if id, err := resolveSkill(ctx, tx, n); err == nil {
				return &mentor.Error{Code: mentor.ECONFLICT, Message: fmt.Sprintf("%q already names skill %d.", n, id),
					Fields: []mentor.FieldError{{Field: "name", Message: fmt.Sprintf("%q is already in the taxonomy", n)}}}
			}
		}
		return d.insertSkill(ctx, tx, s)
	})
}

func (d *DB) insertSkill(ctx context.Context, q querier, s *mentor.Skill) error {
	err := q.QueryRowContext(ctx, `INSERT INTO skills (name, name_lower, category) VALUES ($1, $2, $3) RETURNING id`,
		s.Name, strings.ToLower(s.Name), s.Category).Scan(&s.ID)
	if err != nil {
		return d.translate(fmt.Errorf("insert skill: %w", err))
	}
	for _, a := range s.Aliases {
		if _, err := q.ExecContext(ctx, `INSERT INTO skill_aliases (alias_lower, alias, skill_id) VALUES ($1, $2, $3)`,
			strings.ToLower(a), a, s.ID); err != nil {
			return d.translate(fmt.Errorf("insert alias: %w", err))
		}
	}
	return nil
}

// resolveSkill finds the id of the skill a name or alias means, case-insensitively.
func resolveSkill(ctx context.Context, q querier, name string) (int64, error) {
	var id int64
	key := strings.ToLower(strings.TrimSpace(name))
	err := q.QueryRowContext(ctx, `SELECT id FROM skills WHERE name_lower = $1
		UNION SELECT skill_id FROM skill_aliases WHERE alias_lower = $1`, key).Scan(&id)
	if err != nil {
		return 0, notFound(err, "skill", name)
	}
	return id, nil
}

// ResolveSkill returns the skill a name or alias means, case-insensitively,
// or ENOTFOUND.
func (d *DB) ResolveSkill(ctx context.Context, name string) (*mentor.Skill, error) {
	id, err := resolveSkill(ctx, d.db, name)
	if err != nil {
		return nil, err
	}
	return d.Skill(ctx, id)
}

// ensureSkill resolves a name to a skill id, adding the skill to the taxonomy
// when nothing matches (HR exports and profiles bring new skills).
func (d *DB) ensureSkill(ctx context.Context, q querier, name string) (int64, string, error) {
	id, err := resolveSkill(ctx, q, name)
	if err == nil {
		var canonical string
		err = q.QueryRowContext(ctx, `SELECT name FROM skills WHERE id = $1`, id).Scan(&canonical)
		return id, canonical, err
	}
	if mentor.ErrorCode(err) != mentor.ENOTFOUND {
		return 0, "", err
	}
	s := mentor.Skill{Name: strings.TrimSpace(name)}
	if err := s.Validate(); err != nil {
		return 0, "", err
	}
	if err := d.insertSkill(ctx, q, &s); err != nil {
		return 0, "", err
	}
	return s.ID, s.Name, nil
}

// Skill returns one skill with its aliases.
func (d *DB) Skill(ctx context.Context, id int64) (*mentor.Skill, error) {
	var s mentor.Skill
	err := d.db.QueryRowContext(ctx, `SELECT id, name, category FROM skills WHERE id = $1`, id).Scan(&s.ID, &s.Name, &s.Category)
	if err != nil {
		return nil, notFound(err, "skill", id)
	}
	all, err := d.aliases(ctx, []int64{s.ID})
	s.Aliases = all[s.ID]
	if s.Aliases == nil {
		s.Aliases = []string{}
	}
	return &s, err
}

// SkillFilter narrows a list of skills.
type SkillFilter struct {
	Query    string // part of a name or alias
	Category string
	Page
}

// Skills lists the taxonomy ordered by id.
func (d *DB) Skills(ctx context.Context, f SkillFilter) ([]mentor.Skill, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("id > ?", after)
	if f.Query != "" {
		p := w.arg("%" + strings.ToLower(f.Query) + "%")
		w.conds = append(w.conds, "(name_lower LIKE "+p+" OR id IN (SELECT skill_id FROM skill_aliases WHERE alias_lower LIKE "+p+"))")
	}
	if f.Category != "" {
		w.add("category = ?", f.Category)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, name, category FROM skills`+w.String()+` ORDER BY id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list skills: %w", err)
	}
	defer rows.Close()
	var out []mentor.Skill
	var ids []int64
	for rows.Next() {
		var s mentor.Skill
		if err := rows.Scan(&s.ID, &s.Name, &s.Category); err != nil {
			return nil, "", err
		}
		out = append(out, s)
		ids = append(ids, s.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	al, err := d.aliases(ctx, ids)
	if err != nil {
		return nil, "", err
	}
	for i := range out {
		out[i].Aliases = al[out[i].ID]
		if out[i].Aliases == nil {
			out[i].Aliases = []string{}
		}
	}
	var last int64
	if len(out) > 0 {
		last = out[len(out)-1].ID
	}
	return out, cursorFor(len(out), f.limit(), last), nil
}

func (d *DB) aliases(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var w where
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = w.arg(id)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT skill_id, alias FROM skill_aliases WHERE skill_id IN (`+strings.Join(ph, ",")+`) ORDER BY alias_lower`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("list aliases: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a string
		if err := rows.Scan(&id, &a); err != nil {
			return nil, err
		}
		out[id] = append(out[id], a)
	}
	return out, rows.Err()
}

// AddSkillAlias makes alias another name of skill id.
func (d *DB) AddSkillAlias(ctx context.Context, id int64, alias string) error {
	alias = strings.TrimSpace(alias)
	if alias == "" {
		return &mentor.Error{Code: mentor.EINVALID, Message: "The alias is empty.", Fields: []mentor.FieldError{{Field: "alias", Message: "is required"}}}
	}
	if _, err := d.Skill(ctx, id); err != nil {
		return err
	}
	if other, err := resolveSkill(ctx, d.db, alias); err == nil {
		return &mentor.Error{Code: mentor.ECONFLICT, Message: fmt.Sprintf("%q already names skill %d.", alias, other),
			Fields: []mentor.FieldError{{Field: "alias", Message: "is already in the taxonomy"}}}
	} else if mentor.ErrorCode(err) != mentor.ENOTFOUND {
		return err
	}
	_, err := d.db.ExecContext(ctx, `INSERT INTO skill_aliases (alias_lower, alias, skill_id) VALUES ($1, $2, $3)`, strings.ToLower(alias), alias, id)
	return d.translate(err)
}
