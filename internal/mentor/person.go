package mentor

import (
	"encoding/json"
	"net/mail"
	"strconv"
	"strings"
	"time"
)

// Seniority bounds: 1 is an intern or graduate, 8 an executive.
const (
	MinSeniority = 1
	MaxSeniority = 8
)

// Person is somebody in the organisation who can take part in programs.
type Person struct {
	ID              int64         `json:"id"`
	Name            string        `json:"name"`
	Email           string        `json:"email,omitempty"`
	Phone           string        `json:"phone,omitempty"`
	Title           string        `json:"title"`
	Department      string        `json:"department"`
	ManagerID       *int64        `json:"manager_id,omitempty"`
	Seniority       int           `json:"seniority"`
	YearsExperience int           `json:"years_experience"`
	Location        string        `json:"location"`
	TimeZone        string        `json:"time_zone"`
	Languages       []string      `json:"languages"`
	Background      []string      `json:"background"`
	BirthYear       int           `json:"birth_year,omitempty"`
	Availability    []WeeklySlot  `json:"availability"`
	Bio             string        `json:"bio,omitempty"`
	Skills          []PersonSkill `json:"skills"`
	CreatedAt       time.Time     `json:"created_at"`
	UpdatedAt       time.Time     `json:"updated_at"`

	// view is what a viewer may see of the person (ViewFull unless narrowed
	// by Narrow); it decides what MarshalJSON writes.
	view PersonView
}

// WeeklySlot is a recurring free window in the person's own time zone: Day 0 is
// Monday, Start and End are minutes after midnight.
type WeeklySlot struct {
	Day   int `json:"day"`
	Start int `json:"start"`
	End   int `json:"end"`
}

// PersonSkill is a skill a person offers (can teach) and/or wants (to learn),
// with a proficiency level from 1 (novice) to 5 (expert).
type PersonSkill struct {
	SkillID int64  `json:"skill_id"`
	Skill   string `json:"skill"`
	Level   int    `json:"level"`
	Offers  bool   `json:"offers"`
	Wants   bool   `json:"wants"`
}

// Generation names the generation of a birth year (used by cohort filters).
func Generation(birthYear int) string {
	switch {
	case birthYear == 0:
		return ""
	case birthYear >= 2013:
		return "gen_alpha"
	case birthYear >= 1997:
		return "gen_z"
	case birthYear >= 1981:
		return "millennial"
	case birthYear >= 1965:
		return "gen_x"
	default:
		return "boomer"
	}
}

// Normalize trims names and lower-cases the e-mail address.
func (p *Person) Normalize() {
	p.Name = strings.TrimSpace(p.Name)
	p.Email = strings.ToLower(strings.TrimSpace(p.Email))
	p.Title = strings.TrimSpace(p.Title)
	p.Department = strings.TrimSpace(p.Department)
	p.Location = strings.TrimSpace(p.Location)
	p.TimeZone = strings.TrimSpace(p.TimeZone)
	p.Languages = cleanList(p.Languages)
	p.Background = cleanList(p.Background)
}

func cleanList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || seen[strings.ToLower(s)] {
			continue
		}
		seen[strings.ToLower(s)] = true
		out = append(out, s)
	}
	return out
}

// Validate reports every bad field of p as an EINVALID *Error.
func (p *Person) Validate() error {
	var pr Problems
	pr.Check(p.Name == "", "name", "is required")
	pr.Check(len(p.Name) > 200, "name", "is longer than 200 characters")
	if p.Email == "" {
		pr.Add("email", "is required")
	} else if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email {
		pr.Add("email", "%q is not an e-mail address", p.Email)
	}
	pr.Check(p.Seniority < MinSeniority || p.Seniority > MaxSeniority, "seniority", "must be between %d and %d, got %d", MinSeniority, MaxSeniority, p.Seniority)
	pr.Check(p.YearsExperience < 0 || p.YearsExperience > 70, "years_experience", "must be between 0 and 70, got %d", p.YearsExperience)
	if p.TimeZone != "" {
		if _, err := time.LoadLocation(p.TimeZone); err != nil {
			pr.Add("time_zone", "%q is not an IANA time zone such as Europe/Berlin", p.TimeZone)
		}
	}
	pr.Check(p.BirthYear != 0 && (p.BirthYear < 1900 || p.BirthYear > 2030), "birth_year", "must be between 1900 and 2030")
	for i, s := range p.Availability {
		pr.Check(s.Day < 0 || s.Day > 6, field("availability", i, "day"), "must be 0 (Monday) to 6 (Sunday)")
		pr.Check(s.Start < 0 || s.End > 24*60 || s.Start >= s.End, field("availability", i, "start"), "must be a window within one day with start before end (minutes)")
	}
	seen := map[string]bool{}
	for i, s := range p.Skills {
		name := strings.ToLower(s.Skill)
		pr.Check(s.SkillID == 0 && s.Skill == "", field("skills", i, "skill"), "is required")
		pr.Check(s.Level < 1 || s.Level > 5, field("skills", i, "level"), "must be between 1 and 5, got %d", s.Level)
		pr.Check(!s.Offers && !s.Wants, field("skills", i, "offers"), "a skill must be offered, wanted or both")
		pr.Check(name != "" && seen[name], field("skills", i, "skill"), "%q is listed twice", s.Skill)
		seen[name] = true
	}
	return pr.Err("person")
}

func field(list string, i int, name string) string {
	return list + "[" + strconv.Itoa(i) + "]." + name
}

// Skill is an entry of the skill taxonomy. Aliases resolve case-insensitively
// to the skill ("golang" = "Go").
type Skill struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Category string   `json:"category"`
	Aliases  []string `json:"aliases"`
}

// Validate reports every bad field of s.
func (s *Skill) Validate() error {
	var pr Problems
	s.Name = strings.TrimSpace(s.Name)
	s.Aliases = cleanList(s.Aliases)
	pr.Check(s.Name == "", "name", "is required")
	pr.Check(len(s.Name) > 100, "name", "is longer than 100 characters")
	for i, a := range s.Aliases {
		pr.Check(strings.EqualFold(a, s.Name), "aliases["+strconv.Itoa(i)+"]", "repeats the skill's name")
	}
	return pr.Err("skill")
}

// PersonView is how much of a person a viewer may see (SPEC §7: people's
// contact details and private data stay private).
type PersonView int

// Person views, from most to least. Coordinators, admins, the person
// themselves and partners in a confirmed match (accepted, active, paused or
// completed) see everything. A partner in a proposal sees the public profile
// and the weekly availability, to schedule a first meeting. Everybody else
// sees the public profile: name, title, department, location, time zone,
// languages, skills and bio — never e-mail, phone, birth year, manager,
// seniority, experience, background or availability.
const (
	ViewFull PersonView = iota
	ViewProposed
	ViewPublic
)

// Narrow limits what the person's JSON shows to v (or less, if already narrower).
func (p *Person) Narrow(v PersonView) {
	if v > p.view {
		p.view = v
	}
}

// personFields is Person without its methods, for the full JSON form.
type personFields Person

// publicPerson is the JSON form of the public profile.
type publicPerson struct {
	ID           int64         `json:"id"`
	Name         string        `json:"name"`
	Title        string        `json:"title"`
	Department   string        `json:"department"`
	Location     string        `json:"location"`
	TimeZone     string        `json:"time_zone"`
	Languages    []string      `json:"languages"`
	Availability []WeeklySlot  `json:"availability,omitempty"`
	Bio          string        `json:"bio,omitempty"`
	Skills       []PersonSkill `json:"skills"`
}

// MarshalJSON writes the fields of the person's view (Narrow).
func (p Person) MarshalJSON() ([]byte, error) {
	if p.view == ViewFull {
		return json.Marshal(personFields(p))
	}
	out := publicPerson{ID: p.ID, Name: p.Name, Title: p.Title, Department: p.Department, Location: p.Location,
		TimeZone: p.TimeZone, Languages: p.Languages, Bio: p.Bio, Skills: p.Skills}
	if p.view == ViewProposed {
		out.Availability = p.Availability
	}
	return json.Marshal(out)
}
