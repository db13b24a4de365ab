// Package demo generates a realistic demo organisation for mentormesh: a
// company of a few hundred people with a skill taxonomy, one program of every
// format and six months of history (matches, meetings, goals, check-ins,
// assessments). Generate is pure and deterministic; Load writes an Org into
// a store through the store's own methods.
package demo

import (
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Org is a whole generated organisation. Values inside are domain values with
// zero database ids; they refer to each other by index instead (a person is
// an index into People, a match an index into its program's Matches). Every
// CreatedAt or At field is the moment the value came into being, which Load
// uses as the store's clock when it writes the value.
type Org struct {
	Seed int64
	// Now is the reference moment the history leads up to; Start is six
	// months earlier. Every past event lies in [Start, Now]; only scheduled
	// meetings and open office-hours slots lie after Now.
	Now, Start time.Time
	Skills     []mentor.Skill
	People     []PersonSpec
	Programs   []ProgramSpec
	// Coordinator runs the programs; Participant takes part in several.
	Coordinator, Participant Account
}

// PersonSpec is a person and their manager. Person.Skills name skills of
// Org.Skills by name (SkillID is zero).
type PersonSpec struct {
	Person mentor.Person
	// Manager is the index of the person's manager in Org.People, or -1. A
	// manager is in the same department, more senior, and always comes
	// earlier in Org.People than the people they manage.
	Manager int
}

// Account is a login for one person of the organisation.
type Account struct {
	Person   int // index into Org.People
	Email    string
	Password string
	Role     mentor.UserRole
}

// ProgramSpec is one program with its whole history.
type ProgramSpec struct {
	// Program holds the final status; CreatedAt is when it was drafted.
	Program mentor.Program
	// Transitions lists the status moves after the draft, in order; each
	// is legal by mentor.Transition and the last reaches Program.Status.
	Transitions []Transition
	Enrollments []EnrollmentSpec
	// Runs are the matching runs; a MatchSpec refers to one by index.
	Runs        []mentor.MatchRun
	Matches     []MatchSpec
	OfficeHours []OfficeHoursSpec
}

// Transition is a status move of a program at a moment.
type Transition struct {
	To mentor.Status
	At time.Time
}

// EnrollmentSpec is one person's enrollment. Enrollment.CreatedAt is set.
type EnrollmentSpec struct {
	Person     int
	Enrollment mentor.Enrollment
}

// MatchSpec is a pair or group with its history. Match.Members[i] is the
// person Members[i]; Match.State is the final state, Match.CreatedAt the
// proposal and Match.UpdatedAt the last change of state.
type MatchSpec struct {
	Match   mentor.Match
	Members []int
	// Run is the index of the match run that proposed it in the program's
	// Runs, or -1 for a match made by hand or by a booking.
	Run int
	// AcceptedAt is when the last member accepted (zero when never accepted).
	AcceptedAt  time.Time
	Meetings    []MeetingSpec
	Goals       []GoalSpec
	CheckIns    []CheckInSpec
	Assessments []AssessmentSpec
}

// MeetingSpec is one meeting of a match with its notes and feedback.
type MeetingSpec struct {
	Meeting mentor.Meeting
	// Mentee (peer formats: whose turn it is) and Facilitator (circles)
	// are person indexes or -1.
	Mentee, Facilitator int
	Attendance          []int
	Notes               []NoteSpec
	Feedback            []FeedbackSpec
}

// NoteSpec is a meeting note by a person.
type NoteSpec struct {
	Author int
	Note   mentor.Note
}

// FeedbackSpec is a person's feedback after a meeting.
type FeedbackSpec struct {
	Author   int
	Feedback mentor.Feedback
}

// GoalSpec is a S.M.A.R.T. goal. Goal holds the final state (Current is the
// last progress value, Status and Milestones as they end); the goal was
// created at Goal.CreatedAt with Current equal to its baseline.
type GoalSpec struct {
	Owner int
	// Shared goals belong to the match ("what we want to accomplish together").
	Shared bool
	// Skill names the skill the goal serves (Goal.SkillID is zero), or "".
	Skill    string
	Goal     mentor.Goal
	Progress []ProgressSpec
}

// ProgressSpec is one progress update of a goal.
type ProgressSpec struct {
	Author int
	Update mentor.ProgressUpdate
}

// CheckInSpec is a pulse check-in by a member of the match.
type CheckInSpec struct {
	Person  int
	CheckIn mentor.CheckIn
}

// AssessmentSpec is a skill assessment of Person by Assessor (the same person
// for a self assessment). Assessment.Skill names the skill.
type AssessmentSpec struct {
	Person, Assessor int
	Assessment       mentor.SkillAssessment
}

// OfficeHoursSpec is a flash-mentoring slot a mentor published at
// CreatedAt. A booked slot names the booker and the match (in the same
// program) whose one flash meeting it became.
type OfficeHoursSpec struct {
	Mentor    int
	Slot      mentor.OfficeHours
	CreatedAt time.Time
	// BookedBy is a person index or -1; Match is an index into the
	// program's Matches or -1; BookedAt is zero when not booked.
	BookedBy, Match int
	BookedAt        time.Time
}
