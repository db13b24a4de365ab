package web

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// apiEnrollmentsBulk enrolls many people at once, all or nothing. The body
// is JSON {"enrollments": [{person_id, role, capacity, goals}]} or a CSV
// file (Content-Type text/csv) with a header naming email or person_id,
// role and optionally capacity and goals.
func (s *Server) apiEnrollmentsBulk(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.DB.Program(r.Context(), id); err != nil {
		return err
	}
	var list []mentor.Enrollment
	if strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") {
		if list, err = s.enrollmentsCSV(r, id); err != nil {
			return err
		}
	} else {
		var in struct {
			Enrollments []enrollmentInput `json:"enrollments"`
		}
		if err := decode(w, r, &in); err != nil {
			return err
		}
		for _, e := range in.Enrollments {
			list = append(list, mentor.Enrollment{ProgramID: id, PersonID: e.PersonID, Role: e.Role, Capacity: e.Capacity, Goals: e.Goals, Answers: e.Answers, Status: e.Status})
		}
	}
	if len(list) == 0 {
		return &mentor.Error{Code: mentor.EINVALID, Message: "Nobody to enroll.", Fields: []mentor.FieldError{{Field: "enrollments", Message: "is empty"}}}
	}
	if err := s.DB.CreateEnrollments(r.Context(), list); err != nil {
		return err
	}
	s.audit(r, "bulk-enroll", "program", id, strconv.Itoa(len(list)))
	return writeList(w, list, "")
}

func (s *Server) enrollmentsCSV(r *http.Request, programID int64) ([]mentor.Enrollment, error) {
	cr := csv.NewReader(http.MaxBytesReader(nil, r.Body, MaxBodyBytes))
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, badRequest("", "The CSV has no header line.")
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	_, byEmail := col["email"]
	_, byID := col["person_id"]
	if _, ok := col["role"]; !ok || !byEmail && !byID {
		return nil, badRequest("", "The CSV header needs email (or person_id) and role.")
	}
	var list []mentor.Enrollment
	var pr mentor.Problems
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, badRequest("", "line %d: %v", line, err)
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		e := mentor.Enrollment{ProgramID: programID, Role: mentor.Role(get("role")), Goals: get("goals")}
		if v := get("capacity"); v != "" {
			if e.Capacity, err = strconv.Atoi(v); err != nil {
				pr.Add(fmt.Sprintf("line %d: capacity", line), "%q is not a whole number", v)
			}
		}
		if byID && get("person_id") != "" {
			e.PersonID, _ = strconv.ParseInt(get("person_id"), 10, 64)
		} else if p, err := s.DB.PersonByEmail(r.Context(), get("email")); err == nil {
			e.PersonID = p.ID
		} else {
			pr.Add(fmt.Sprintf("line %d: email", line), "nobody has the e-mail address %q", get("email"))
		}
		list = append(list, e)
	}
	return list, pr.Err("enrollment file")
}

// apiSkipCycle lets a participant of a rotation sit out the next cycle.
func (s *Server) apiSkipCycle(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.DB.Program(r.Context(), id)
	if err != nil {
		return err
	}
	if p.Format != mentor.FormatRotation {
		return mentor.Errorf(mentor.ECONFLICT, "Only rotation programs have cycles to skip.")
	}
	var in struct {
		Skip *bool `json:"skip"`
	}
	if r.ContentLength != 0 {
		if err := decode(w, r, &in); err != nil {
			return err
		}
	}
	skip := in.Skip == nil || *in.Skip
	ens, _, err := s.DB.Enrollments(r.Context(), enrollmentOf(id, currentUser(r).PersonID))
	if err != nil {
		return err
	}
	if len(ens) == 0 {
		return mentor.Errorf(mentor.ENOTFOUND, "You are not enrolled in %q.", p.Name)
	}
	e := ens[0]
	if e.Answers == nil {
		e.Answers = map[string]string{}
	}
	if skip {
		e.Answers[mentor.AnswerSkipNextCycle] = "true"
	} else {
		delete(e.Answers, mentor.AnswerSkipNextCycle)
	}
	if err := s.DB.UpdateEnrollment(r.Context(), &e); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, e)
}
