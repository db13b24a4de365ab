package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// personInput holds the writable fields of a person.
type personInput struct {
	Name            string               `json:"name"`
	Email           string               `json:"email"`
	Phone           string               `json:"phone"`
	Title           string               `json:"title"`
	Department      string               `json:"department"`
	ManagerID       *int64               `json:"manager_id"`
	Seniority       int                  `json:"seniority"`
	YearsExperience int                  `json:"years_experience"`
	Location        string               `json:"location"`
	TimeZone        string               `json:"time_zone"`
	Languages       []string             `json:"languages"`
	Background      []string             `json:"background"`
	BirthYear       int                  `json:"birth_year"`
	Availability    []mentor.WeeklySlot  `json:"availability"`
	Bio             string               `json:"bio"`
	Skills          []mentor.PersonSkill `json:"skills"`
}

func (in *personInput) apply(p *mentor.Person) {
	p.Name, p.Email, p.Phone, p.Title, p.Department = in.Name, in.Email, in.Phone, in.Title, in.Department
	p.ManagerID, p.Seniority, p.YearsExperience, p.Location, p.TimeZone = in.ManagerID, in.Seniority, in.YearsExperience, in.Location, in.TimeZone
	p.Languages, p.Background, p.BirthYear, p.Availability, p.Bio, p.Skills = in.Languages, in.Background, in.BirthYear, in.Availability, in.Bio, in.Skills
}

func (s *Server) apiPeopleList(w http.ResponseWriter, r *http.Request) error {
	pg, err := page(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	u := currentUser(r)
	f := store.PeopleFilter{Department: q.Get("department"), Query: q.Get("q"), Skill: q.Get("skill"), Offers: q.Get("offers") == "true",
		PublicOnly: !u.Manages(), Page: pg}
	if v := q.Get("seniority"); v != "" {
		if !u.Manages() {
			return forbidden("Seniority is not part of the public profile; only coordinators filter by it.")
		}
		if f.Seniority, err = strconv.Atoi(v); err != nil || f.Seniority < mentor.MinSeniority || f.Seniority > mentor.MaxSeniority {
			return badRequest("seniority", "seniority must be a whole number from %d to %d", mentor.MinSeniority, mentor.MaxSeniority)
		}
	}
	people, next, err := s.DB.People(r.Context(), f)
	if err != nil {
		return err
	}
	if err := s.redact(r.Context(), u, people); err != nil {
		return err
	}
	return writeList(w, people, next)
}

// redact narrows each person to what the viewer may see (mentor.PersonView):
// coordinators, admins and the person see everything, confirmed partners
// too, proposed partners the public profile with availability, everybody
// else the public profile.
func (s *Server) redact(ctx context.Context, viewer *mentor.User, people []mentor.Person) error {
	if viewer.Manages() {
		return nil
	}
	confirmed, err := s.DB.MatchPartners(ctx, viewer.PersonID)
	if err != nil {
		return err
	}
	proposed, err := s.DB.ProposedPartners(ctx, viewer.PersonID)
	if err != nil {
		return err
	}
	for i := range people {
		switch id := people[i].ID; {
		case id == viewer.PersonID || confirmed[id]:
		case proposed[id]:
			people[i].Narrow(mentor.ViewProposed)
		default:
			people[i].Narrow(mentor.ViewPublic)
		}
	}
	return nil
}

func (s *Server) apiPeopleCreate(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	var in personInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	var p mentor.Person
	in.apply(&p)
	if err := s.DB.CreatePerson(r.Context(), &p); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/people/"+strconv.FormatInt(p.ID, 10))
	return writeJSON(w, http.StatusCreated, p)
}

func (s *Server) apiPersonGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.writePerson(w, r, id)
}

func (s *Server) writePerson(w http.ResponseWriter, r *http.Request, id int64) error {
	p, err := s.DB.Person(r.Context(), id)
	if err != nil {
		return err
	}
	one := []mentor.Person{*p}
	if err := s.redact(r.Context(), currentUser(r), one); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, one[0])
}

// hrFields are the profile fields that come from HR: a participant may not
// change them on their own profile.
func hrFieldsChanged(old *mentor.Person, in *personInput) []mentor.FieldError {
	var out []mentor.FieldError
	add := func(changed bool, f string) {
		if changed {
			out = append(out, mentor.FieldError{Field: f, Message: "is managed by coordinators; ask them to change it"})
		}
	}
	add(in.Email != old.Email, "email")
	add(in.Department != old.Department, "department")
	add(in.Seniority != old.Seniority, "seniority")
	add(in.Title != old.Title, "title")
	add((in.ManagerID == nil) != (old.ManagerID == nil) || in.ManagerID != nil && *in.ManagerID != *old.ManagerID, "manager_id")
	return out
}

func (s *Server) apiPersonUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.updatePerson(w, r, id)
}

func (s *Server) updatePerson(w http.ResponseWriter, r *http.Request, id int64) error {
	u := currentUser(r)
	if !u.Manages() && u.PersonID != id {
		if _, err := s.DB.Person(r.Context(), id); err != nil {
			return err
		}
		return forbidden("You may edit only your own profile.")
	}
	old, err := s.DB.Person(r.Context(), id)
	if err != nil {
		return err
	}
	var in personInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if !u.Manages() {
		if fe := hrFieldsChanged(old, &in); len(fe) > 0 {
			return &mentor.Error{Code: mentor.EFORBIDDEN, Message: "Some fields of your profile are managed by coordinators.", Fields: fe}
		}
	}
	p := *old
	in.apply(&p)
	if err := s.DB.UpdatePerson(r.Context(), &p); err != nil {
		return err
	}
	return s.writePerson(w, r, id)
}

func (s *Server) apiPersonDelete(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.DB.DeletePerson(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiPersonSkills(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.DB.Person(r.Context(), id)
	if err != nil {
		return err
	}
	return writeList(w, p.Skills, "")
}

func (s *Server) apiPersonSkillsPut(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	u := currentUser(r)
	p, err := s.DB.Person(r.Context(), id)
	if err != nil {
		return err
	}
	if !u.Manages() && u.PersonID != id {
		return forbidden("You may edit only your own skills.")
	}
	var in struct {
		Skills []mentor.PersonSkill `json:"skills"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	p.Skills = in.Skills
	if err := s.DB.UpdatePerson(r.Context(), p); err != nil {
		return err
	}
	p, err = s.DB.Person(r.Context(), id)
	if err != nil {
		return err
	}
	return writeList(w, p.Skills, "")
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	return s.writePerson(w, r, currentUser(r).PersonID)
}

func (s *Server) apiMeUpdate(w http.ResponseWriter, r *http.Request) error {
	return s.updatePerson(w, r, currentUser(r).PersonID)
}
