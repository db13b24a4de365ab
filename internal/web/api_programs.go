package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// programInput holds the writable fields of a program.
type programInput struct {
	Name        string                `json:"name"`
	Description string                `json:"description"`
	Format      mentor.Format         `json:"format"`
	Mode        mentor.MatchingMode   `json:"matching_mode"`
	Slug        string                `json:"slug"`
	StartDate   *mentor.Date          `json:"start_date"`
	EndDate     *mentor.Date          `json:"end_date"`
	Options     mentor.ProgramOptions `json:"options"`
}

func (in *programInput) apply(p *mentor.Program) {
	p.Name, p.Description, p.Format, p.Mode, p.Slug = in.Name, in.Description, in.Format, in.Mode, in.Slug
	p.StartDate, p.EndDate, p.Options = in.StartDate, in.EndDate, in.Options
}

func (s *Server) apiProgramsList(w http.ResponseWriter, r *http.Request) error {
	pg, err := page(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := store.ProgramFilter{Format: mentor.Format(q.Get("format")), Status: mentor.Status(q.Get("status")), Page: pg}
	if f.Format != "" && !f.Format.Valid() {
		return badRequest("format", "format %q is not one of the nine formats", f.Format)
	}
	if q.Get("mine") == "true" {
		f.PersonID = currentUser(r).PersonID
	}
	programs, next, err := s.DB.Programs(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, programs, next)
}

func (s *Server) apiProgramsCreate(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	var in programInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	var p mentor.Program
	in.apply(&p)
	if err := s.DB.CreateProgram(r.Context(), &p); err != nil {
		return err
	}
	s.audit(r, "create", "program", p.ID, p.Name)
	w.Header().Set("Location", "/api/v1/programs/"+strconv.FormatInt(p.ID, 10))
	return writeJSON(w, http.StatusCreated, p)
}

func (s *Server) apiProgramGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.DB.Program(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiProgramUpdate(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in programInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	p := mentor.Program{ID: id}
	in.apply(&p)
	if err := s.DB.UpdateProgram(r.Context(), &p); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiProgramStatus(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Status mentor.Status `json:"status"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.Status == "" {
		return &mentor.Error{Code: mentor.EINVALID, Message: "Say which status to move to.", Fields: []mentor.FieldError{{Field: "status", Message: "is required"}}}
	}
	p, err := s.DB.SetProgramStatus(r.Context(), id, in.Status)
	if err != nil {
		return err
	}
	s.audit(r, "status:"+string(in.Status), "program", id, "")
	return writeJSON(w, http.StatusOK, p)
}

// enrollmentInput holds the writable fields of an enrollment.
type enrollmentInput struct {
	PersonID int64                   `json:"person_id"`
	Role     mentor.Role             `json:"role"`
	Capacity int                     `json:"capacity"`
	Goals    string                  `json:"goals"`
	Answers  map[string]string       `json:"answers"`
	Status   mentor.EnrollmentStatus `json:"status"`
}

func (s *Server) apiEnrollmentsList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.DB.Program(r.Context(), id); err != nil {
		return err
	}
	pg, err := page(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := store.EnrollmentFilter{ProgramID: id, Role: mentor.Role(q.Get("role")), Status: mentor.EnrollmentStatus(q.Get("status")), Page: pg}
	if u := currentUser(r); !u.Manages() {
		f.PersonID = u.PersonID // participants see their own enrollment only
	}
	list, next, err := s.DB.Enrollments(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (s *Server) apiEnrollmentsCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.DB.Program(r.Context(), id)
	if err != nil {
		return err
	}
	var in enrollmentInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u := currentUser(r)
	if !u.Manages() {
		if in.PersonID == 0 {
			in.PersonID = u.PersonID
		}
		if in.PersonID != u.PersonID {
			return forbidden("You may enroll only yourself.")
		}
		if p.Status != mentor.StatusEnrolling {
			return mentor.Errorf(mentor.ECONFLICT, "The program %q is not open for sign-up (it is %s).", p.Name, p.Status)
		}
		in.Status = ""
	}
	e := mentor.Enrollment{ProgramID: id, PersonID: in.PersonID, Role: in.Role, Capacity: in.Capacity, Goals: in.Goals, Answers: in.Answers, Status: in.Status}
	if err := s.DB.CreateEnrollment(r.Context(), &e); err != nil {
		return err
	}
	s.audit(r, "enroll", "program", id, strconv.FormatInt(e.PersonID, 10))
	w.Header().Set("Location", fmt.Sprintf("/api/v1/programs/%d/enrollments/%d", id, e.ID))
	return writeJSON(w, http.StatusCreated, e)
}

// enrollmentFor loads an enrollment of the program in the path that the
// current user may see: their own, or any for a coordinator.
func (s *Server) enrollmentFor(r *http.Request) (*mentor.Enrollment, error) {
	pid, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	eid, err := pathID(r, "eid")
	if err != nil {
		return nil, err
	}
	e, err := s.DB.Enrollment(r.Context(), eid)
	if err != nil {
		return nil, err
	}
	u := currentUser(r)
	if e.ProgramID != pid || (!u.Manages() && e.PersonID != u.PersonID) {
		return nil, mentor.Errorf(mentor.ENOTFOUND, "enrollment %d was not found.", eid)
	}
	return e, nil
}

func (s *Server) apiEnrollmentGet(w http.ResponseWriter, r *http.Request) error {
	e, err := s.enrollmentFor(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, e)
}

func (s *Server) apiEnrollmentUpdate(w http.ResponseWriter, r *http.Request) error {
	e, err := s.enrollmentFor(r)
	if err != nil {
		return err
	}
	var in enrollmentInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.PersonID != 0 && in.PersonID != e.PersonID {
		return &mentor.Error{Code: mentor.EINVALID, Message: "An enrollment cannot move to another person.", Fields: []mentor.FieldError{{Field: "person_id", Message: "cannot change"}}}
	}
	u := currentUser(r)
	if !u.Manages() {
		var pr mentor.Problems
		pr.Check(in.Status != "" && in.Status != e.Status && in.Status != mentor.EnrollmentWithdrawn, "status", "you may only withdraw; coordinators manage the waitlist")
		pr.Check(in.Role != "" && in.Role != e.Role, "role", "is set by coordinators once you are enrolled")
		pr.Check(in.Capacity != 0 && in.Capacity != e.Capacity && (e.Role != mentor.RoleMentor || in.Capacity > e.Capacity), "capacity", "a mentor may lower their capacity; coordinators raise it")
		if err := pr.Err("enrollment"); err != nil {
			return &mentor.Error{Code: mentor.EFORBIDDEN, Message: "Some fields of an enrollment are managed by coordinators.", Fields: mentor.ErrorFields(err)}
		}
	}
	if in.Role != "" {
		e.Role = in.Role
	}
	if in.Capacity != 0 {
		e.Capacity = in.Capacity
	}
	if in.Status != "" {
		e.Status = in.Status
	}
	if in.Goals != "" {
		e.Goals = in.Goals
	}
	if in.Answers != nil {
		e.Answers = in.Answers
	}
	if err := s.DB.UpdateEnrollment(r.Context(), e); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, e)
}

// audit records who did what; a failure is logged, never shown, because the
// action itself already succeeded.
func (s *Server) audit(r *http.Request, action, object string, id int64, detail string) {
	u := currentUser(r)
	ev := mentor.AuditEvent{Action: action, Object: object, ObjectID: id, Detail: detail}
	if u != nil {
		ev.ActorID = &u.PersonID
	}
	if err := s.DB.RecordAudit(r.Context(), &ev); err != nil {
		logError(s.Logger, r, "audit", err)
	}
}

func enrollmentOf(programID, personID int64) store.EnrollmentFilter {
	return store.EnrollmentFilter{ProgramID: programID, PersonID: personID}
}
