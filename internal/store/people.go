package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

const personColumns = `id, name, email, phone, title, department, manager_id, seniority, years_experience,
	location, time_zone, languages, background, birth_year, availability, bio, created_at, updated_at`

func scanPerson(row interface{ Scan(...any) error }) (*mentor.Person, error) {
	var p mentor.Person
	var langs, bg, avail string
	err := row.Scan(&p.ID, &p.Name, &p.Email, &p.Phone, &p.Title, &p.Department, &p.ManagerID, &p.Seniority,
		&p.YearsExperience, &p.Location, &p.TimeZone, &langs, &bg, &p.BirthYear, &avail, &p.Bio, &p.CreatedAt, &p.UpdatedAt)
	if err != nil {
		return nil, err
	}
	if err := fromJSON(langs, &p.Languages); err != nil {
		return nil, fmt.Errorf("person %d languages: %w", p.ID, err)
	}
	if err := fromJSON(bg, &p.Background); err != nil {
		return nil, fmt.Errorf("person %d background: %w", p.ID, err)
	}
	if err := fromJSON(avail, &p.Availability); err != nil {
		return nil, fmt.Errorf("person %d availability: %w", p.ID, err)
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return &p, nil
}

// CreatePerson validates p and stores it with its skills in one transaction;
// skill names resolve through the taxonomy's aliases and unknown skills are
// added to it. A taken e-mail address is an ECONFLICT naming "email".
func (d *DB) CreatePerson(ctx context.Context, p *mentor.Person) error {
	return d.Tx(ctx, func(tx *sql.Tx) error { return d.createPerson(ctx, tx, p) })
}

func (d *DB) createPerson(ctx context.Context, tx *sql.Tx, p *mentor.Person) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	now := d.Now()
	p.CreatedAt, p.UpdatedAt = now, now
	err := tx.QueryRowContext(ctx, `INSERT INTO people (name, email, phone, title, department, manager_id, seniority,
		years_experience, location, time_zone, languages, background, birth_year, availability, bio, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
		p.Name, p.Email, p.Phone, p.Title, p.Department, p.ManagerID, p.Seniority, p.YearsExperience, p.Location,
		p.TimeZone, jsonText(p.Languages), jsonText(p.Background), p.BirthYear, jsonText(p.Availability), p.Bio,
		now, now).Scan(&p.ID)
	if err != nil {
		return d.translate(fmt.Errorf("insert person: %w", err))
	}
	if err := setSearchText(ctx, tx, p); err != nil {
		return err
	}
	return d.setSkills(ctx, tx, p)
}

func (d *DB) setSkills(ctx context.Context, tx *sql.Tx, p *mentor.Person) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM person_skills WHERE person_id = $1`, p.ID); err != nil {
		return fmt.Errorf("clear skills: %w", err)
	}
	seen := map[int64]bool{}
	for i := range p.Skills {
		s := &p.Skills[i]
		var err error
		if s.SkillID != 0 {
			err = tx.QueryRowContext(ctx, `SELECT name FROM skills WHERE id = $1`, s.SkillID).Scan(&s.Skill)
			if err != nil {
				return &mentor.Error{Code: mentor.EINVALID, Message: "Unknown skill.",
					Fields: []mentor.FieldError{{Field: fmt.Sprintf("skills[%d].skill_id", i), Message: fmt.Sprintf("skill %d does not exist", s.SkillID)}}}
			}
		} else if s.SkillID, s.Skill, err = d.ensureSkill(ctx, tx, s.Skill); err != nil {
			return err
		}
		if seen[s.SkillID] {
			return &mentor.Error{Code: mentor.EINVALID, Message: "A skill is listed twice.",
				Fields: []mentor.FieldError{{Field: fmt.Sprintf("skills[%d].skill", i), Message: fmt.Sprintf("%q is listed twice (aliases count as the same skill)", s.Skill)}}}
		}
		seen[s.SkillID] = true
		if _, err := tx.ExecContext(ctx, `INSERT INTO person_skills (person_id, skill_id, level, offers, wants) VALUES ($1, $2, $3, $4, $5)`,
			p.ID, s.SkillID, s.Level, s.Offers, s.Wants); err != nil {
			return d.translate(fmt.Errorf("insert person skill: %w", err))
		}
	}
	return nil
}

// Person returns one person with skills, or ENOTFOUND.
func (d *DB) Person(ctx context.Context, id int64) (*mentor.Person, error) {
	p, err := scanPerson(d.db.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "person", id)
	}
	sk, err := d.personSkills(ctx, []int64{id})
	p.Skills = sk[id]
	if p.Skills == nil {
		p.Skills = []mentor.PersonSkill{}
	}
	return p, err
}

// PersonByEmail returns the person with that e-mail address (any case), or ENOTFOUND.
func (d *DB) PersonByEmail(ctx context.Context, email string) (*mentor.Person, error) {
	var id int64
	err := d.db.QueryRowContext(ctx, `SELECT id FROM people WHERE email = $1`, strings.ToLower(strings.TrimSpace(email))).Scan(&id)
	if err != nil {
		return nil, notFound(err, "person", email)
	}
	return d.Person(ctx, id)
}

// UpdatePerson replaces the stored profile and skills of p.ID with p.
func (d *DB) UpdatePerson(ctx context.Context, p *mentor.Person) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	if p.ManagerID != nil && *p.ManagerID == p.ID {
		return &mentor.Error{Code: mentor.EINVALID, Message: "A person cannot manage themselves.",
			Fields: []mentor.FieldError{{Field: "manager_id", Message: "is the person themselves"}}}
	}
	return d.Tx(ctx, func(tx *sql.Tx) error { return d.updatePerson(ctx, tx, p) })
}

func (d *DB) updatePerson(ctx context.Context, tx *sql.Tx, p *mentor.Person) error {
	p.UpdatedAt = d.Now()
	res, err := tx.ExecContext(ctx, `UPDATE people SET name=$1, email=$2, phone=$3, title=$4, department=$5, manager_id=$6,
		seniority=$7, years_experience=$8, location=$9, time_zone=$10, languages=$11, background=$12, birth_year=$13,
		availability=$14, bio=$15, updated_at=$16 WHERE id=$17`,
		p.Name, p.Email, p.Phone, p.Title, p.Department, p.ManagerID, p.Seniority, p.YearsExperience, p.Location,
		p.TimeZone, jsonText(p.Languages), jsonText(p.Background), p.BirthYear, jsonText(p.Availability), p.Bio,
		p.UpdatedAt, p.ID)
	if err != nil {
		return d.translate(fmt.Errorf("update person: %w", err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return mentor.Errorf(mentor.ENOTFOUND, "person %d was not found.", p.ID)
	}
	if err := setSearchText(ctx, tx, p); err != nil {
		return err
	}
	return d.setSkills(ctx, tx, p)
}

// DeletePerson removes a person and everything that belongs to them.
func (d *DB) DeletePerson(ctx context.Context, id int64) error {
	res, err := d.db.ExecContext(ctx, `DELETE FROM people WHERE id = $1`, id)
	if err != nil {
		return d.translate(fmt.Errorf("delete person: %w", err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return mentor.Errorf(mentor.ENOTFOUND, "person %d was not found.", id)
	}
	return nil
}

// PeopleFilter narrows a list of people.
type PeopleFilter struct {
	Department string
	Query      string // part of the name, title or e-mail
	// PublicOnly limits Query to the public profile (name and title), for
	// participants: a hidden field must not be findable a character at a time.
	PublicOnly bool
	Skill      string // a skill name or alias the person offers or wants
	Offers     bool   // with Skill: only people who offer it
	Seniority  int
	Page
}

// People lists people ordered by id, with their skills.
func (d *DB) People(ctx context.Context, f PeopleFilter) ([]mentor.Person, string, error) {
	after, err := f.after()
	if err != nil {
		return nil, "", err
	}
	var w where
	w.add("id > ?", after)
	if f.Department != "" {
		w.add("department = ?", f.Department)
	}
	if f.Seniority != 0 {
		w.add("seniority = ?", f.Seniority)
	}
	if f.Query != "" {
		p := w.arg(likePattern(foldSearch(f.Query)))
		cond := "(search_text LIKE " + p + " ESCAPE '!' OR email LIKE " + p + " ESCAPE '!')"
		if f.PublicOnly {
			cond = "search_text LIKE " + p + " ESCAPE '!'"
		}
		w.conds = append(w.conds, cond)
	}
	if f.Skill != "" {
		sid, err := resolveSkill(ctx, d.db, f.Skill)
		if err != nil {
			return []mentor.Person{}, "", nil // nobody has an unknown skill
		}
		cond := "id IN (SELECT person_id FROM person_skills WHERE skill_id = ?)"
		if f.Offers {
			cond = "id IN (SELECT person_id FROM person_skills WHERE skill_id = ? AND offers)"
		}
		w.add(cond, sid)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+personColumns+` FROM people`+w.String()+` ORDER BY id LIMIT `+w.arg(f.limit()), w.args...)
	if err != nil {
		return nil, "", fmt.Errorf("list people: %w", err)
	}
	defer rows.Close()
	out := []mentor.Person{}
	var ids []int64
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, *p)
		ids = append(ids, p.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	sk, err := d.personSkills(ctx, ids)
	if err != nil {
		return nil, "", err
	}
	for i := range out {
		out[i].Skills = sk[out[i].ID]
		if out[i].Skills == nil {
			out[i].Skills = []mentor.PersonSkill{}
		}
	}
	var last int64
	if len(out) > 0 {
		last = out[len(out)-1].ID
	}
	return out, cursorFor(len(out), f.limit(), last), nil
}

func (d *DB) personSkills(ctx context.Context, ids []int64) (map[int64][]mentor.PersonSkill, error) {
	out := map[int64][]mentor.PersonSkill{}
	if len(ids) == 0 {
		return out, nil
	}
	var w where
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = w.arg(id)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT ps.person_id, ps.skill_id, s.name, ps.level, ps.offers, ps.wants
		FROM person_skills ps JOIN skills s ON s.id = ps.skill_id WHERE ps.person_id IN (`+strings.Join(ph, ",")+`)
		ORDER BY ps.person_id, s.name_lower`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("list person skills: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var pid int64
		var s mentor.PersonSkill
		if err := rows.Scan(&pid, &s.SkillID, &s.Skill, &s.Level, &s.Offers, &s.Wants); err != nil {
			return nil, err
		}
		out[pid] = append(out[pid], s)
	}
	return out, rows.Err()
}

// CountPeople returns how many people are stored.
func (d *DB) CountPeople(ctx context.Context) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&n)
	return n, err
}

// PeopleByIDs returns the people with the given ids, with their skills,
// keyed by id, in a few queries however many there are. Ids that name
// nobody are missing from the map.
func (d *DB) PeopleByIDs(ctx context.Context, ids []int64) (map[int64]*mentor.Person, error) {
	out := make(map[int64]*mentor.Person, len(ids))
	for start := 0; start < len(ids); start += MaxLimit {
		chunk := ids[start:min(start+MaxLimit, len(ids))]
		var w where
		ph := make([]string, len(chunk))
		for i, id := range chunk {
			ph[i] = w.arg(id)
		}
		rows, err := d.db.QueryContext(ctx, `SELECT `+personColumns+` FROM people WHERE id IN (`+strings.Join(ph, ",")+`)`, w.args...)
		if err != nil {
			return nil, fmt.Errorf("people by id: %w", err)
		}
		var found []int64
		for rows.Next() {
			p, err := scanPerson(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			p.Skills = []mentor.PersonSkill{}
			out[p.ID] = p
			found = append(found, p.ID)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
		skills, err := d.personSkills(ctx, found)
		if err != nil {
			return nil, err
		}
		for id, sk := range skills {
			out[id].Skills = sk
		}
	}
	return out, nil
}
