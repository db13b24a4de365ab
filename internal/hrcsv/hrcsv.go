// Package hrcsv reads people from a CSV file as HR systems export it: a header
// row names the columns (in any order, with common synonyms), every other row
// is a person. Each row's problems are reported with its line number.
package hrcsv

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Row is one person read from the file.
type Row struct {
	Line         int
	Person       mentor.Person
	ManagerEmail string
	Problems     []mentor.FieldError
}

// synonyms maps each header spelling to a canonical column.
var synonyms = map[string]string{
	"name": "name", "full_name": "name", "first_name": "first_name", "given_name": "first_name",
	"last_name": "last_name", "surname": "last_name", "family_name": "last_name",
	"email": "email", "work_email": "email", "e-mail": "email",
	"phone": "phone", "job_title": "title", "title": "title", "position": "title",
	"department": "department", "dept": "department", "team": "department",
	"manager_email": "manager_email", "manager": "manager_email",
	"seniority": "seniority", "grade": "seniority", "level": "seniority", "grade/seniority": "seniority",
	"years_experience": "years_experience", "experience_years": "years_experience",
	"location": "location", "office": "location", "time_zone": "time_zone", "timezone": "time_zone", "tz": "time_zone",
	"languages": "languages", "background": "background", "tags": "background", "birth_year": "birth_year",
	"skills_offered": "skills_offered", "skills_wanted": "skills_wanted", "employee_id": "employee_id", "bio": "bio",
}

// Read parses the whole file. It fails only when the file cannot be read as
// CSV at all or the header lacks a required column; bad rows are returned
// with their problems, so that a dry run can list every one.
func Read(r io.Reader) ([]Row, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("line 1: cannot read the header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		key = strings.ReplaceAll(key, " ", "_")
		if c, ok := synonyms[key]; ok {
			col[c] = i
		} else {
			return nil, fmt.Errorf("line 1: unknown column %q", h)
		}
	}
	_, hasName := col["name"]
	_, hasFirst := col["first_name"]
	var missing []string
	if !hasName && !hasFirst {
		missing = append(missing, "name (or first_name and last_name)")
	}
	for _, c := range []string{"email", "seniority"} {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("line 1: the header lacks %s", strings.Join(missing, ", "))
	}
	var rows []Row
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				rows = append(rows, Row{Line: pe.StartLine, Problems: []mentor.FieldError{{Field: "row", Message: csvProblem(pe)}}})
				continue
			}
			return nil, err
		}
		// FieldPos is valid only after a successful Read: after a parse error
		// it panics, so the error's own line number is used above.
		line, _ := cr.FieldPos(0)
		row := parseRow(line, rec, header, col)
		if e := row.Person.Email; e != "" {
			if first, dup := seen[e]; dup {
				row.Problems = append(row.Problems, mentor.FieldError{Field: "email", Message: fmt.Sprintf("%s is also on line %d", e, first)})
			} else {
				seen[e] = line
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// csvProblem says in words what is wrong with a row the CSV reader refused.
func csvProblem(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf(`a double quote inside a field that is not quoted (column %d): quote the whole field and double the quote, as in "Ben ""Bo"" Ray"`, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Sprintf("a quoted field is not closed or has text after its closing quote (line %d, column %d)", pe.Line, pe.Column)
	default:
		return pe.Err.Error()
	}
}

func parseRow(line int, rec, header []string, col map[string]int) Row {
	row := Row{Line: line}
	if len(rec) != len(header) {
		row.Problems = append(row.Problems, mentor.FieldError{Field: "row", Message: fmt.Sprintf("has %d columns, the header has %d", len(rec), len(header))})
		return row
	}
	get := func(c string) string {
		if i, ok := col[c]; ok {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	num := func(c string) int {
		s := get(c)
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			row.Problems = append(row.Problems, mentor.FieldError{Field: c, Message: fmt.Sprintf("%q is not a whole number", s)})
		}
		return n
	}
	p := &row.Person
	p.Name = get("name")
	if p.Name == "" {
		p.Name = strings.TrimSpace(get("first_name") + " " + get("last_name"))
	}
	p.Email, p.Phone, p.Title, p.Department = get("email"), get("phone"), get("title"), get("department")
	p.Location, p.TimeZone, p.Bio = get("location"), get("time_zone"), get("bio")
	p.Seniority, p.YearsExperience, p.BirthYear = num("seniority"), num("years_experience"), num("birth_year")
	p.Languages, p.Background = split(get("languages")), split(get("background"))
	row.ManagerEmail = strings.ToLower(get("manager_email"))
	for _, kind := range []string{"skills_offered", "skills_wanted"} {
		for _, item := range split(get(kind)) {
			name, lv, hasLevel := strings.Cut(item, ":")
			level := 3
			if hasLevel {
				n, err := strconv.Atoi(strings.TrimSpace(lv))
				if err != nil {
					row.Problems = append(row.Problems, mentor.FieldError{Field: kind, Message: fmt.Sprintf("%q: the level after ':' must be 1 to 5", item)})
					continue
				}
				level = n
			}
			mergeSkill(p, strings.TrimSpace(name), level, kind == "skills_offered")
		}
	}
	p.Normalize()
	if err := p.Validate(); err != nil {
		row.Problems = append(row.Problems, mentor.ErrorFields(err)...)
	}
	return row
}

// mergeSkill adds a skill, or marks an already listed one as also offered/wanted.
func mergeSkill(p *mentor.Person, name string, level int, offers bool) {
	for i := range p.Skills {
		if strings.EqualFold(p.Skills[i].Skill, name) {
			if offers {
				p.Skills[i].Offers, p.Skills[i].Level = true, max(p.Skills[i].Level, level)
			} else {
				p.Skills[i].Wants = true
			}
			return
		}
	}
	p.Skills = append(p.Skills, mentor.PersonSkill{Skill: name, Level: level, Offers: offers, Wants: !offers})
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
