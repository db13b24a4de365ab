package mentor

import (
	"strings"
	"time"
)

// Role is what a person does in a program.
type Role string

// Enrollment roles.
const (
	RoleMentor Role = "mentor"
	RoleMentee Role = "mentee"
	RolePeer   Role = "peer"
	RoleMember Role = "member"
)

// EnrollmentStatus is where an enrollment stands.
type EnrollmentStatus string

// Enrollment states.
const (
	EnrollmentActive     EnrollmentStatus = "active"
	EnrollmentWaitlisted EnrollmentStatus = "waitlisted"
	EnrollmentWithdrawn  EnrollmentStatus = "withdrawn"
)

// Enrollment is one person's part in one program.
type Enrollment struct {
	ID        int64            `json:"id"`
	ProgramID int64            `json:"program_id"`
	PersonID  int64            `json:"person_id"`
	Role      Role             `json:"role"`
	Capacity  int              `json:"capacity"`
	Status    EnrollmentStatus `json:"status"`
	// Goals is what the person wants from the program, in their own words.
	Goals     string            `json:"goals"`
	Answers   map[string]string `json:"answers,omitempty"`
	CreatedAt time.Time         `json:"created_at"`
}

// Validate reports every bad field of e for a program of format f.
func (e *Enrollment) Validate(f Format) error {
	var pr Problems
	e.Goals = strings.TrimSpace(e.Goals)
	if e.Status == "" {
		e.Status = EnrollmentActive
	}
	ok := false
	names := []string{}
	for _, r := range f.Roles() {
		ok = ok || r == e.Role
		names = append(names, string(r))
	}
	pr.Check(!ok, "role", "must be %s in a %s program", strings.Join(names, " or "), f)
	pr.Check(e.PersonID == 0, "person_id", "is required")
	if e.Role == RoleMentor {
		pr.Check(e.Capacity < 1 || e.Capacity > MaxCapacity, "capacity", "a mentor takes 1 to %d mentees, got %d", MaxCapacity, e.Capacity)
	} else {
		pr.Check(e.Capacity < 0 || e.Capacity > 1, "capacity", "only mentors have a capacity above 1")
	}
	switch e.Status {
	case EnrollmentActive, EnrollmentWaitlisted, EnrollmentWithdrawn:
	default:
		pr.Add("status", "must be active, waitlisted or withdrawn")
	}
	pr.Check(len(e.Goals) > 4000, "goals", "is longer than 4000 characters")
	return pr.Err("enrollment")
}

// AnswerSkipNextCycle is the enrollment answer by which a rotation
// participant sits out the next cycle; the cycle clears it.
const AnswerSkipNextCycle = "skip_next_cycle"
