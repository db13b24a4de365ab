package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// CreateAssessment stores a proficiency rating and sets a.ID, a.SkillID,
// a.Skill (the canonical name) and, when zero, a.AssessedAt (now) and, for a
// self assessment, a.AssessorID (the person). The skill is given by id or by
// name or alias; an unknown name is EINVALID naming "skill", an unknown id
// "skill_id". A self assessment must be by the person, a partner or mentor
// assessment by someone else; with a match, person and assessor must be its
// members. Every bad field is an EINVALID naming it.
func (d *DB) CreateAssessment(ctx context.Context, a *mentor.SkillAssessment) error {
	var pr mentor.Problems
	a.Skill = strings.TrimSpace(a.Skill)
	if a.Kind == "self" && a.AssessorID == 0 {
		a.AssessorID = a.PersonID
	}
	pr.Merge("", a.Validate())
	switch {
	case a.AssessorID == 0:
		pr.Add("assessor_id", "is required")
	case a.Kind == "self" && a.AssessorID != a.PersonID:
		pr.Add("assessor_id", "a self assessment is made by the person assessed")
	case a.Kind != "self" && a.AssessorID == a.PersonID:
		pr.Add("assessor_id", "a %s assessment is made by someone other than the person assessed", a.Kind)
	}
	if err := pr.Err("assessment"); err != nil {
		return err
	}
	return d.Tx(ctx, func(tx *sql.Tx) error {
		refs := []ref{{"person_id", "people", a.PersonID}, {"assessor_id", "people", a.AssessorID}}
		if a.MatchID != nil {
			refs = append(refs, ref{"match_id", "matches", *a.MatchID})
		}
		if err := checkRefs(ctx, tx, &pr, refs...); err != nil {
			return err
		}
		if err := d.assessedSkill(ctx, tx, a, &pr); err != nil {
			return err
		}
		if err := pr.Err("assessment"); err != nil {
			return err
		}
		if a.MatchID != nil {
			for _, p := range []struct {
				field string
				id    int64
			}{{"person_id", a.PersonID}, {"assessor_id", a.AssessorID}} {
				member, err := isMember(ctx, tx, *a.MatchID, p.id)
				if err != nil {
					return err
				}
				pr.Check(!member, p.field, "person %d is not a member of match %d", p.id, *a.MatchID)
			}
			if err := pr.Err("assessment"); err != nil {
				return err
			}
		}
		if a.AssessedAt.IsZero() {
			a.AssessedAt = d.Now()
		}
		a.AssessedAt = utcMicro(a.AssessedAt)
		err := tx.QueryRowContext(ctx, `INSERT INTO assessments (person_id, skill_id, assessor_id, kind, phase, level, match_id, assessed_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, a.PersonID, a.SkillID, a.AssessorID, a.Kind, a.Phase, a.Level,
			a.MatchID, a.AssessedAt).Scan(&a.ID)
		if err != nil {
			return d.translate(fmt.Errorf("insert assessment: %w", err))
		}
		return nil
	})
}

// assessedSkill resolves the skill of a by id or by name or alias, setting
// both a.SkillID and a.Skill, or adds a problem naming the field.
func (d *DB) assessedSkill(ctx context.Context, q querier, a *mentor.SkillAssessment, pr *mentor.Problems) error {
	field, name := "skill_id", a.Skill
	if a.SkillID == 0 {
		field = "skill"
		id, err := resolveSkill(ctx, q, a.Skill)
		if mentor.ErrorCode(err) == mentor.ENOTFOUND {
			pr.Add("skill", "%q is not in the skill taxonomy", name)
			return nil
		}
		if err != nil {
			return err
		}
		a.SkillID = id
	}
	err := q.QueryRowContext(ctx, `SELECT name FROM skills WHERE id = $1`, a.SkillID).Scan(&a.Skill)
	if errors.Is(err, sql.ErrNoRows) {
		pr.Add(field, "skill %d does not exist", a.SkillID)
		return nil
	}
	return err
}

// AssessmentFilter narrows a list of assessments; zero fields do not filter.
type AssessmentFilter struct {
	PersonID int64 // the person assessed
	SkillID  int64
	MatchID  int64
	Page
}

// Assessments lists assessments ordered by id, with skill names.
func (d *DB) Assessments(ctx context.Context, f AssessmentFilter) ([]mentor.SkillAssessment, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("a.id > ?", after)
	if f.PersonID != 0 {
		w.add("a.person_id = ?", f.PersonID)
	}
	if f.SkillID != 0 {
		w.add("a.skill_id = ?", f.SkillID)
	}
	if f.MatchID != 0 {
		w.add("a.match_id = ?", f.MatchID)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT a.id, a.person_id, a.skill_id, s.name, a.assessor_id, a.kind, a.phase, a.level,
		a.match_id, a.assessed_at FROM assessments a JOIN skills s ON s.id = a.skill_id`+w.String()+
		` ORDER BY a.id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list assessments: %w", err)
	}
	defer rows.Close()
	out := []mentor.SkillAssessment{}
	var ids []int64
	for rows.Next() {
		var a mentor.SkillAssessment
		if err := rows.Scan(&a.ID, &a.PersonID, &a.SkillID, &a.Skill, &a.AssessorID, &a.Kind, &a.Phase, &a.Level,
			&a.MatchID, &a.AssessedAt); err != nil {
			return nil, "", err
		}
		a.AssessedAt = a.AssessedAt.UTC()
		out = append(out, a)
		ids = append(ids, a.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	return out, cursorFor(len(out), f.limit(), lastID(ids)), nil
}
