package mentor

import (
	"strings"
	"time"
)

// MeetingKind says what sort of meeting it is.
type MeetingKind string

// Meeting kinds.
const (
	MeetingRegular MeetingKind = "regular"
	MeetingFlash   MeetingKind = "flash"
	MeetingShadow  MeetingKind = "shadow"
	MeetingCircle  MeetingKind = "circle"
	MeetingCheckIn MeetingKind = "check_in"
)

// MeetingStatus says whether a meeting is still to come, took place or was called off.
type MeetingStatus string

// Meeting statuses.
const (
	MeetingScheduled MeetingStatus = "scheduled"
	MeetingHeld      MeetingStatus = "held"
	MeetingCancelled MeetingStatus = "cancelled"
)

// Valid reports whether s is one of the meeting statuses.
func (s MeetingStatus) Valid() bool {
	return s == MeetingScheduled || s == MeetingHeld || s == MeetingCancelled
}

// Meeting is a session of a match (called Meeting so it never clashes with a login session).
type Meeting struct {
	ID        int64       `json:"id"`
	MatchID   int64       `json:"match_id"`
	ProgramID int64       `json:"program_id"`
	StartsAt  time.Time   `json:"starts_at"`
	Minutes   int         `json:"minutes"`
	Kind      MeetingKind `json:"kind"`
	Agenda    string      `json:"agenda"`
	// MenteeID is, in peer formats, whose turn it is to be mentee; Dilemma what they bring.
	MenteeID      *int64        `json:"mentee_id,omitempty"`
	Dilemma       string        `json:"dilemma,omitempty"`
	FacilitatorID *int64        `json:"facilitator_id,omitempty"`
	SharedNotes   string        `json:"shared_notes"`
	Attendance    []int64       `json:"attendance"`
	Status        MeetingStatus `json:"status"`
	CreatedAt     time.Time     `json:"created_at"`
}

// Validate reports every bad field of m.
func (m *Meeting) Validate() error {
	var pr Problems
	if m.Kind == "" {
		m.Kind = MeetingRegular
	}
	if m.Status == "" {
		m.Status = MeetingScheduled
	}
	pr.Check(m.MatchID == 0, "match_id", "is required")
	pr.Check(m.StartsAt.IsZero(), "starts_at", "is required (RFC 3339 time)")
	pr.Check(m.Minutes < 5 || m.Minutes > 480, "minutes", "must be between 5 and 480, got %d", m.Minutes)
	switch m.Kind {
	case MeetingRegular, MeetingFlash, MeetingShadow, MeetingCircle, MeetingCheckIn:
	default:
		pr.Add("kind", "must be regular, flash, shadow, circle or check_in")
	}
	pr.Check(!m.Status.Valid(), "status", "must be scheduled, held or cancelled")
	pr.Check(len(m.Agenda) > 10000, "agenda", "is longer than 10000 characters")
	pr.Check(len(m.SharedNotes) > 50000, "shared_notes", "is longer than 50000 characters")
	return pr.Err("meeting")
}

// Note is a meeting note. A private note is visible to its author only.
type Note struct {
	ID        int64     `json:"id"`
	MeetingID int64     `json:"meeting_id"`
	AuthorID  int64     `json:"author_id"`
	Private   bool      `json:"private"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate reports every bad field of n.
func (n *Note) Validate() error {
	var pr Problems
	n.Text = strings.TrimSpace(n.Text)
	pr.Check(n.Text == "", "text", "is required")
	pr.Check(len(n.Text) > 50000, "text", "is longer than 50000 characters")
	return pr.Err("note")
}

// Feedback is what one participant says after a meeting.
type Feedback struct {
	ID        int64     `json:"id"`
	MeetingID int64     `json:"meeting_id"`
	AuthorID  int64     `json:"author_id"`
	Rating    int       `json:"rating"`
	Style     string    `json:"style"` // directive or reflective
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate reports every bad field of f.
func (f *Feedback) Validate() error {
	var pr Problems
	pr.Check(f.Rating < 1 || f.Rating > 5, "rating", "must be between 1 and 5, got %d", f.Rating)
	pr.Check(f.Style != "" && f.Style != "directive" && f.Style != "reflective", "style", "must be directive or reflective")
	pr.Check(len(f.Text) > 10000, "text", "is longer than 10000 characters")
	return pr.Err("feedback")
}
