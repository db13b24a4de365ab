package mentor

import (
	"strings"
	"time"
)

// AbuseStatus is whether an abuse report still waits for a coordinator.
type AbuseStatus string

// Abuse report states.
const (
	AbuseOpen   AbuseStatus = "open"
	AbuseClosed AbuseStatus = "closed"
)

// AbuseReport is a member's report about another member of the same match,
// for coordinators to act on.
type AbuseReport struct {
	ID           int64       `json:"id"`
	MatchID      int64       `json:"match_id"`
	ProgramID    int64       `json:"program_id"`
	ReporterID   int64       `json:"reporter_id"`
	ReporterName string      `json:"reporter_name,omitempty"`
	ReportedID   int64       `json:"reported_id"`
	ReportedName string      `json:"reported_name,omitempty"`
	Reason       string      `json:"reason"`
	Status       AbuseStatus `json:"status"`
	CreatedAt    time.Time   `json:"created_at"`
	ClosedAt     *time.Time  `json:"closed_at,omitempty"`
}

// Validate trims the reason and reports every bad field of a new report:
// the reason is 1 to 4000 characters and the reported person (person_id) is
// given and is not the reporter. Membership of the match is the store's to
// check.
func (a *AbuseReport) Validate() error {
	var pr Problems
	a.Reason = strings.TrimSpace(a.Reason)
	pr.Check(a.Reason == "", "reason", "is required")
	pr.Check(len(a.Reason) > 4000, "reason", "is longer than 4000 characters")
	pr.Check(a.ReportedID == 0, "person_id", "is required")
	pr.Check(a.ReportedID != 0 && a.ReportedID == a.ReporterID, "person_id", "you cannot report yourself")
	return pr.Err("report")
}
