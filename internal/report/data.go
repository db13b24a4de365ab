package report

import (
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Data is everything the reports read, as plain values a loader fills from
// the store. Items refer to each other by id: a meeting to its relationship,
// a feedback to its meeting. Items whose reference is unknown are ignored.
type Data struct {
	Programs      []Program
	Enrollments   []Enrollment
	Proposals     []Proposal
	Relationships []Relationship
	Goals         []Goal
	Meetings      []Meeting
	Feedback      []Feedback
	CheckIns      []CheckIn
	Assessments   []Assessment
	Surveys       []Survey
	// AtRisk is the at-risk list computed elsewhere (package momentum).
	AtRisk []Risk
}

// Program is a program as the reports see it.
type Program struct {
	ID     int64
	Name   string
	Format mentor.Format
	// Start and End are the program's dates; zero when not set.
	Start, End time.Time
	// Cadence is the expected meeting cadence ("" reads as fortnightly).
	Cadence mentor.Cadence
	// MatchTarget is the share of enrolled people the program aims to have
	// matched; 0 means DefaultMatchTarget.
	MatchTarget float64
}

// DefaultMatchTarget is the matched share a program aims for unless it says otherwise.
const DefaultMatchTarget = 0.7

// Enrollment is one person's part in one program, with the person's
// attributes the reports group and filter by.
type Enrollment struct {
	PersonID  int64
	ProgramID int64
	Role      mentor.Role
	// Capacity is how many mentees a mentor takes (0 for other roles).
	Capacity int
	Status   mentor.EnrollmentStatus
	JoinedAt time.Time
	// Seniority is the person's level, mentor.MinSeniority..MaxSeniority (0: unknown).
	Seniority  int
	Department string
	// Cohort is the person's cohort, e.g. a generation or an intake ("" for none).
	Cohort string
}

// Outcome is how a proposal ended.
type Outcome string

// Proposal outcomes.
const (
	OutcomePending  Outcome = "pending"
	OutcomeAccepted Outcome = "accepted"
	OutcomeDeclined Outcome = "declined"
	OutcomeExpired  Outcome = "expired"
)

// Proposal is a published match proposal and what became of it. A
// declined match whose members' reason is "expired" is OutcomeExpired.
type Proposal struct {
	MatchID    int64
	ProgramID  int64
	ProposedAt time.Time
	Outcome    Outcome
	// Members are the people proposed (to filter by department or cohort).
	Members []int64
}

// Member is one person of a relationship.
type Member struct {
	PersonID int64
	Role     mentor.Role
}

// Relationship is a match or a circle that was accepted: the unit the
// format comparison resamples.
type Relationship struct {
	ID        int64 // the match id
	ProgramID int64
	// Format is the program's format; empty means the program's.
	Format  mentor.Format
	State   mentor.MatchState
	Members []Member
	// Started is when the match was accepted (it counts as active from then).
	Started time.Time
	// Stopped is when it left the active state (completed, ended or
	// paused); zero while it is accepted or active.
	Stopped time.Time
}

// Goal is a goal as the reports see it.
type Goal struct {
	ID        int64
	OwnerID   int64
	ProgramID int64
	// RelationshipID is the match the goal is shared by, or 0 for a
	// personal goal; a personal goal counts for the owner's relationship
	// in the program, the latest started, when the comparison needs one.
	RelationshipID int64
	Due            time.Time
	Status         mentor.GoalStatus
	// Progress is how far the goal got from baseline to target, 0..1, as
	// mentor.Goal.Progress computes it; 1 means the target was reached.
	Progress float64
}

// Meeting is one meeting of a relationship.
type Meeting struct {
	ID             int64
	RelationshipID int64
	At             time.Time
	Status         string // scheduled, held, cancelled
}

// Feedback is one participant's feedback after a meeting.
type Feedback struct {
	MeetingID int64
	AuthorID  int64
	Rating    int    // 1..5
	Style     string // directive, reflective or ""
}

// CheckIn is a pulse check-in on a relationship.
type CheckIn struct {
	RelationshipID int64
	PersonID       int64
	Pulse          int // 1..5
	At             time.Time
}

// Assessment is a proficiency rating of a person's skill.
type Assessment struct {
	PersonID  int64
	ProgramID int64
	// RelationshipID is the match the assessment was made in (0: none; the
	// comparison then uses the person's latest started relationship in the program).
	RelationshipID int64
	Skill          string
	Level          int // 1..5
	// Kind is who assessed: "self", or "partner" / "mentor" (both read as partner).
	Kind string
	At   time.Time
}

// Survey is a participant's closing survey of a program.
type Survey struct {
	PersonID  int64
	ProgramID int64
	Rating    int // 1..5
	Recommend bool
	At        time.Time
}

// Risk is one at-risk match as package momentum reports it.
type Risk struct {
	MatchID   int64    `json:"match_id"`
	ProgramID int64    `json:"program_id"`
	Reasons   []string `json:"reasons"` // codes: no_meeting, low_pulse, unanswered
	Detail    string   `json:"detail,omitempty"`
}
