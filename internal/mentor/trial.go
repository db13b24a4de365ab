package mentor

import (
	"slices"
	"strings"
	"time"
)

// TrialStatus is whether a format trial takes volunteers.
type TrialStatus string

// Trial states: an open trial takes volunteers, a closed one does not.
const (
	TrialOpen   TrialStatus = "open"
	TrialClosed TrialStatus = "closed"
)

// Bounds of a trial: how many programs (arms) it compares, and the largest
// seed (2^53-1, so that a seed survives a trip through a JSON number).
const (
	MinTrialArms = 2
	MaxTrialArms = 4
	MaxTrialSeed = 1<<53 - 1
)

// Trial runs two or more programs of different formats as one randomised
// comparison: each volunteer is assigned to one program (an arm) at random,
// stratified by seniority band and department (see report.TrialArm).
type Trial struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// Seed fixes every assignment: with the stratum and the volunteer's
	// position in it, it reproduces the arm.
	Seed      int64       `json:"seed"`
	Status    TrialStatus `json:"status"`
	CreatedAt time.Time   `json:"created_at"`
	// Arms are the trial's programs, ordered by program id.
	Arms []TrialArm `json:"arms"`
	// Assigned is the number of volunteers assigned so far.
	Assigned int `json:"assigned"`
}

// TrialArm is one program of a trial.
type TrialArm struct {
	ProgramID int64  `json:"program_id"`
	Name      string `json:"name"`
	Format    Format `json:"format"`
	// Assigned is the number of volunteers assigned to this arm.
	Assigned int `json:"assigned"`
}

// TrialAssignment is where one volunteer of a trial was sent, with what the
// assignment was computed from.
type TrialAssignment struct {
	TrialID   int64 `json:"trial_id"`
	PersonID  int64 `json:"person_id"`
	ProgramID int64 `json:"program_id"`
	// Stratum is the volunteer's seniority band and department when they
	// volunteered (report.TrialStratum); Position counts the volunteers of
	// the stratum before this one (0 for the first).
	Stratum  string `json:"stratum"`
	Position int    `json:"position"`
	// Seniority and Department are the volunteer's at assignment time, kept
	// for the balance table.
	Seniority  int       `json:"seniority"`
	Department string    `json:"department"`
	AssignedAt time.Time `json:"assigned_at"`
	// EnrollmentID and Role are the enrollment created in the arm's program.
	EnrollmentID int64 `json:"enrollment_id"`
	Role         Role  `json:"role"`
}

// Validate reports every bad field of a new trial whose programs are
// programIDs: a name of 1 to 200 characters, 2 to 4 distinct programs and
// a seed from 0 (none given) to MaxTrialSeed.
func (t *Trial) Validate(programIDs []int64) error {
	var pr Problems
	t.Name = strings.TrimSpace(t.Name)
	pr.Check(t.Name == "", "name", "is required")
	pr.Check(len([]rune(t.Name)) > 200, "name", "is longer than 200 characters")
	pr.Check(t.Seed < 0 || t.Seed > MaxTrialSeed, "seed", "must be from 1 to %d", int64(MaxTrialSeed))
	switch {
	case len(programIDs) < MinTrialArms || len(programIDs) > MaxTrialArms:
		pr.Add("program_ids", "a trial compares %d to %d programs, got %d", MinTrialArms, MaxTrialArms, len(programIDs))
	case slices.Contains(programIDs, 0) || slices.ContainsFunc(programIDs, func(id int64) bool { return id < 0 }):
		pr.Add("program_ids", "must list program ids")
	default:
		sorted := slices.Sorted(slices.Values(programIDs))
		pr.Check(len(slices.Compact(sorted)) != len(programIDs), "program_ids", "lists a program twice")
	}
	return pr.Err("trial")
}

// TrialRole is the role a volunteer takes in an arm of format f: the
// learning side (mentee) in directional formats, else the format's pool
// role (peer, or member in circles).
func TrialRole(f Format) Role {
	if f.Directional() {
		return RoleMentee
	}
	return f.Roles()[0]
}
