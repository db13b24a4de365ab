package web

import (
	"net/http"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

func (s *Server) apiCheckInsList(w http.ResponseWriter, r *http.Request) error {
	pg, err := page(r)
	if err != nil {
		return err
	}
	f := store.CheckInFilter{Page: pg}
	if f.MatchID, err = queryInt(r, "match_id"); err != nil {
		return err
	}
	if f.PersonID, err = queryInt(r, "person_id"); err != nil {
		return err
	}
	if u := currentUser(r); !u.Manages() {
		f.VisibleTo = u.PersonID
	}
	list, next, err := s.DB.CheckIns(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (s *Server) apiCheckInsCreate(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		MatchID int64  `json:"match_id"`
		Pulse   int    `json:"pulse"`
		Note    string `json:"note"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.MatchID == 0 {
		return &mentor.Error{Code: mentor.EINVALID, Message: "A check-in is about a match.", Fields: []mentor.FieldError{{Field: "match_id", Message: "is required"}}}
	}
	if _, err := s.memberOf(r, in.MatchID); err != nil {
		return err
	}
	c := mentor.CheckIn{MatchID: in.MatchID, PersonID: currentUser(r).PersonID, Pulse: in.Pulse, Note: in.Note}
	if err := s.DB.CreateCheckIn(r.Context(), &c); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, c)
}

func (s *Server) apiAssessmentsList(w http.ResponseWriter, r *http.Request) error {
	pg, err := page(r)
	if err != nil {
		return err
	}
	f := store.AssessmentFilter{Page: pg}
	for name, dst := range map[string]*int64{"person_id": &f.PersonID, "skill_id": &f.SkillID, "match_id": &f.MatchID} {
		if *dst, err = queryInt(r, name); err != nil {
			return err
		}
	}
	if u := currentUser(r); !u.Manages() {
		if f.PersonID == 0 {
			f.PersonID = u.PersonID
		}
		if f.PersonID != u.PersonID {
			partners, err := s.DB.MatchPartners(r.Context(), u.PersonID)
			if err != nil {
				return err
			}
			if !partners[f.PersonID] {
				return forbidden("You may see the assessments of yourself and of your confirmed partners only.")
			}
		}
	}
	list, next, err := s.DB.Assessments(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (s *Server) apiAssessmentsCreate(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		PersonID int64  `json:"person_id"`
		SkillID  int64  `json:"skill_id"`
		Skill    string `json:"skill"`
		Kind     string `json:"kind"`
		Phase    string `json:"phase"`
		Level    int    `json:"level"`
		MatchID  *int64 `json:"match_id"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u := currentUser(r)
	if in.PersonID == 0 {
		in.PersonID = u.PersonID
	}
	if in.Kind == "" {
		in.Kind = "self"
		if in.PersonID != u.PersonID {
			in.Kind = "partner"
		}
	}
	if in.Kind == "self" && in.PersonID != u.PersonID {
		return &mentor.Error{Code: mentor.EINVALID, Message: "A self-assessment is about yourself.", Fields: []mentor.FieldError{{Field: "kind", Message: "self means person_id is you"}}}
	}
	if in.PersonID != u.PersonID && !u.Manages() {
		partners, err := s.DB.MatchPartners(r.Context(), u.PersonID)
		if err != nil {
			return err
		}
		if !partners[in.PersonID] {
			return forbidden("You may assess yourself and your confirmed partners only.")
		}
	}
	a := mentor.SkillAssessment{PersonID: in.PersonID, SkillID: in.SkillID, Skill: in.Skill, AssessorID: u.PersonID,
		Kind: in.Kind, Phase: in.Phase, Level: in.Level, MatchID: in.MatchID}
	if err := s.DB.CreateAssessment(r.Context(), &a); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, a)
}
