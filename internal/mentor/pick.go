package mentor

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// PickStatus is where a self-select pick stands.
type PickStatus string

// Pick states. A pick is pending until the picked person accepts (a match
// forms) or declines, the picker withdraws it, or it is closed because one
// of the two got matched or the picked mentor has no room left (closed picks
// are withdrawn, with the reason).
const (
	PickPending   PickStatus = "pending"
	PickAccepted  PickStatus = "accepted"
	PickDeclined  PickStatus = "declined"
	PickWithdrawn PickStatus = "withdrawn"
)

// Valid reports whether s is one of the pick states.
func (s PickStatus) Valid() bool {
	return s == PickPending || s == PickAccepted || s == PickDeclined || s == PickWithdrawn
}

// DefaultMaxPendingRequests is the cap on a person's pending picks in a
// program whose options leave max_pending_requests at 0.
const DefaultMaxPendingRequests = 3

// Pick is one participant's choice of a partner in a self-select program
// (SPEC §4): a mentee's request to a mentor in directional formats, a pick of
// a peer in one-pool formats.
type Pick struct {
	ID         int64      `json:"id"`
	ProgramID  int64      `json:"program_id"`
	PickerID   int64      `json:"picker_id"`
	PickerName string     `json:"picker_name"`
	PickedID   int64      `json:"picked_id"`
	PickedName string     `json:"picked_name"`
	Status     PickStatus `json:"status"`
	// Message is the picker's note to the picked person.
	Message string `json:"message"`
	// Reason is the picked person's reason for an answer, or why the pick was closed.
	Reason string `json:"reason"`
	// Score, Summary, Factors and Skills are the engine's view of the pair
	// when the pick was made; a match formed from the pick carries them.
	Score     float64         `json:"score"`
	Summary   string          `json:"summary"`
	Factors   []MatchFactor   `json:"factors"`
	Skills    []SkillExchange `json:"skills,omitempty"`
	MatchID   *int64          `json:"match_id,omitempty"`
	CreatedAt time.Time       `json:"created_at"`
	UpdatedAt time.Time       `json:"updated_at"`
}

// Validate trims the message and reports every bad field of a new pick:
// program, picker and picked person are required, nobody picks themselves,
// the message is at most 1000 characters and the engine's score a finite
// number. Errors about the picked person name the field person_id, as the
// API does.
func (k *Pick) Validate() error {
	k.Message = strings.TrimSpace(k.Message)
	var pr Problems
	pr.Check(k.ProgramID == 0, "program_id", "is required")
	pr.Check(k.PickerID == 0, "picker_id", "is required")
	pr.Check(k.PickedID == 0, "person_id", "is required")
	pr.Check(k.PickedID != 0 && k.PickedID == k.PickerID, "person_id", "you cannot pick yourself")
	pr.Check(len(k.Message) > 1000, "message", "is longer than 1000 characters")
	pr.Check(math.IsNaN(k.Score) || math.IsInf(k.Score, 0), "score", "must be a finite number")
	pr.Check(len(k.Summary) > 10000, "summary", "is longer than 10000 characters")
	return pr.Err("pick")
}

// SelfSelect reports whether programs of format f can be matched by picks:
// the pair formats mentoring, reverse, shadow (a mentee picks a mentor),
// peer and skill_swap (peers pick each other). Circles and rotations form
// groups and cycles, flash sessions are booked from office hours, and an
// advisory board is a group of several advisers.
func (f Format) SelfSelect() bool {
	switch f {
	case FormatMentoring, FormatReverse, FormatShadow, FormatPeer, FormatSkillSwap:
		return true
	}
	return false
}

// CheckSelfSelect returns nil when participants of p may see shortlists and
// pick: p is in self_select mode, matching or running, and of a format that
// is SelfSelect. Otherwise it returns an ECONFLICT saying why.
func (p *Program) CheckSelfSelect() error {
	switch {
	case p.Mode != ModeSelfSelect:
		return Errorf(ECONFLICT, "Program %q is matched in %s mode; shortlists and picks belong to self-select programs.", p.Name, p.Mode)
	case !p.Format.SelfSelect():
		return Errorf(ECONFLICT, "A %s program is not matched by picks; self-select works for mentoring, reverse, shadow, peer and skill_swap programs.", p.Format)
	case p.Status != StatusMatching && p.Status != StatusRunning:
		return Errorf(ECONFLICT, "Program %q is %s; participants pick while it is matching or running.", p.Name, p.Status)
	}
	return nil
}

// MaxPendingRequests returns the cap on one person's pending picks in p.
func (p *Program) MaxPendingRequests() int {
	if p.Options.MaxPendingRequests > 0 {
		return p.Options.MaxPendingRequests
	}
	return DefaultMaxPendingRequests
}

// CheckRepick decides whether a pick may be made again given the earlier pick
// old of the same pair (nil for none): a pending or accepted pick is not
// repeated and a declined one is not pressed again (ECONFLICT naming
// person_id); a withdrawn pick may be reopened.
func CheckRepick(old *Pick) error {
	if old == nil {
		return nil
	}
	switch old.Status {
	case PickPending, PickAccepted:
		return &Error{Code: ECONFLICT, Message: fmt.Sprintf("You have already picked %s (%s).", old.PickedName, old.Status),
			Fields: []FieldError{{Field: "person_id", Message: "is already picked"}}}
	case PickDeclined:
		return &Error{Code: ECONFLICT, Message: fmt.Sprintf("%s declined your earlier pick.", old.PickedName),
			Fields: []FieldError{{Field: "person_id", Message: "declined your earlier pick"}}}
	}
	return nil
}

// CheckPendingCap refuses one more pending pick to a person who holds
// pending of them where the program allows limit (ECONFLICT naming the cap).
// A mutual pick forms a match at once and is not held to the cap.
func CheckPendingCap(pending, limit int) error {
	if pending < limit {
		return nil
	}
	return &Error{Code: ECONFLICT,
		Message: fmt.Sprintf("You already have %d pending picks, the most this program allows (max_pending_requests = %d); withdraw one or wait for an answer.", pending, limit),
		Fields:  []FieldError{{Field: "person_id", Message: fmt.Sprintf("over the cap of %d pending picks", limit)}}}
}

// AnswerableBy checks that personID is the one who answers k: the picked
// person. The picker gets EFORBIDDEN (they may withdraw it), anyone else
// ENOTFOUND, as for a missing pick.
func (k *Pick) AnswerableBy(personID int64) error {
	switch personID {
	case k.PickedID:
		return nil
	case k.PickerID:
		return Errorf(EFORBIDDEN, "Only %s answers this pick; you may withdraw it.", k.PickedName)
	}
	return Errorf(ENOTFOUND, "pick %d was not found.", k.ID)
}

// WithdrawableBy checks that personID is the one who may withdraw k: the
// picker. The picked person gets EFORBIDDEN (they decline instead), anyone
// else ENOTFOUND.
func (k *Pick) WithdrawableBy(personID int64) error {
	switch personID {
	case k.PickerID:
		return nil
	case k.PickedID:
		return Errorf(EFORBIDDEN, "Only %s may withdraw this pick; decline it instead.", k.PickerName)
	}
	return Errorf(ENOTFOUND, "pick %d was not found.", k.ID)
}
