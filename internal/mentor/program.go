package mentor

import (
	"strings"
	"time"
)

// Format is the shape of a program (SPEC §2).
type Format string

// The nine program formats.
const (
	FormatMentoring     Format = "mentoring"
	FormatReverse       Format = "reverse"
	FormatPeer          Format = "peer"
	FormatSkillSwap     Format = "skill_swap"
	FormatCircles       Format = "circles"
	FormatRotation      Format = "rotation"
	FormatFlash         Format = "flash"
	FormatShadow        Format = "shadow"
	FormatAdvisoryBoard Format = "advisory_board"
)

// Formats lists every format in a stable order.
var Formats = []Format{FormatMentoring, FormatReverse, FormatPeer, FormatSkillSwap, FormatCircles,
	FormatRotation, FormatFlash, FormatShadow, FormatAdvisoryBoard}

// Valid reports whether f is one of the nine formats.
func (f Format) Valid() bool {
	for _, g := range Formats {
		if f == g {
			return true
		}
	}
	return false
}

// Directional reports whether the format has a leading side (mentor) and a
// learning side (mentee) rather than one pool of equals.
func (f Format) Directional() bool {
	switch f {
	case FormatMentoring, FormatReverse, FormatShadow, FormatFlash, FormatAdvisoryBoard:
		return true
	}
	return false
}

// Roles lists the enrollment roles a format accepts.
func (f Format) Roles() []Role {
	switch f {
	case FormatMentoring, FormatReverse, FormatShadow, FormatFlash:
		return []Role{RoleMentor, RoleMentee}
	case FormatAdvisoryBoard:
		return []Role{RoleMentor, RoleMentee, RolePeer}
	case FormatCircles:
		return []Role{RoleMember}
	default:
		return []Role{RolePeer}
	}
}

// Status is a program's lifecycle state.
type Status string

// Program lifecycle states, in order.
const (
	StatusDraft     Status = "draft"
	StatusEnrolling Status = "enrolling"
	StatusMatching  Status = "matching"
	StatusRunning   Status = "running"
	StatusClosed    Status = "closed"
)

var transitions = map[Status][]Status{
	StatusDraft:     {StatusEnrolling},
	StatusEnrolling: {StatusMatching, StatusDraft},
	StatusMatching:  {StatusRunning, StatusEnrolling},
	StatusRunning:   {StatusClosed},
	StatusClosed:    {},
}

// Transition checks that a program may move from one status to another and
// returns an EINVALID *Error naming the legal moves when it may not.
func Transition(from, to Status) error {
	if _, ok := transitions[to]; !ok {
		return &Error{Code: EINVALID, Message: "Unknown program status.",
			Fields: []FieldError{{Field: "status", Message: "must be one of draft, enrolling, matching, running, closed"}}}
	}
	for _, s := range transitions[from] {
		if s == to {
			return nil
		}
	}
	next := make([]string, len(transitions[from]))
	for i, s := range transitions[from] {
		next[i] = string(s)
	}
	allowed := "none: the program is closed"
	if len(next) > 0 {
		allowed = strings.Join(next, " or ")
	}
	return &Error{Code: ECONFLICT, Message: "A " + string(from) + " program cannot move to " + string(to) + "; it can move to " + allowed + ".",
		Fields: []FieldError{{Field: "status", Message: "cannot move from " + string(from) + " to " + string(to)}}}
}

// MatchingMode says who decides the matches (SPEC §4).
type MatchingMode string

// Matching modes.
const (
	ModeAuto       MatchingMode = "auto"
	ModeReview     MatchingMode = "review"
	ModeSelfSelect MatchingMode = "self_select"
)

// Cadence is how often a rotation starts a new cycle or a pair is expected to meet.
type Cadence string

// Cadences.
const (
	CadenceWeekly      Cadence = "weekly"
	CadenceFortnightly Cadence = "fortnightly"
	CadenceMonthly     Cadence = "monthly"
)

// Days returns the cadence length in days (0 for an unknown cadence).
func (c Cadence) Days() int {
	switch c {
	case CadenceWeekly:
		return 7
	case CadenceFortnightly:
		return 14
	case CadenceMonthly:
		return 30
	}
	return 0
}

// Program is a mentoring or skills-exchange program of one format.
type Program struct {
	ID          int64        `json:"id"`
	Name        string       `json:"name"`
	Description string       `json:"description"`
	Format      Format       `json:"format"`
	Status      Status       `json:"status"`
	Mode        MatchingMode `json:"matching_mode"`
	// Slug names the program's public sign-up page /signup/{slug}; empty means no public page.
	Slug      string         `json:"slug,omitempty"`
	StartDate *Date          `json:"start_date,omitempty"`
	EndDate   *Date          `json:"end_date,omitempty"`
	Options   ProgramOptions `json:"options"`
	CreatedAt time.Time      `json:"created_at"`
	UpdatedAt time.Time      `json:"updated_at"`
}

// ProgramOptions are the settings that apply across formats.
type ProgramOptions struct {
	CrossFunctional bool `json:"cross_functional"`
	// Cohort filters restrict who may enroll: generations ("gen_z"), departments.
	CohortGenerations []string `json:"cohort_generations,omitempty"`
	CohortDepartments []string `json:"cohort_departments,omitempty"`
	MeetingCadence    Cadence  `json:"meeting_cadence"`
	CycleCadence      Cadence  `json:"cycle_cadence,omitempty"`
	GroupSize         int      `json:"group_size,omitempty"`
	DefaultCapacity   int      `json:"default_capacity"`
	MinSeniorityGap   int      `json:"min_seniority_gap"`
	MaxSeniorityGap   int      `json:"max_seniority_gap"`
	// MinOverlapHours is how many weekly hours of shared availability a
	// pair needs; 0 means no minimum. Left out, ApplyDefaults sets the
	// format's default (DefaultMinOverlapHours), so an explicit 0 is kept.
	MinOverlapHours    *int `json:"min_overlap_hours,omitempty"`
	Fair               bool `json:"fair"`
	ShortlistSize      int  `json:"shortlist_size,omitempty"`
	MaxPendingRequests int  `json:"max_pending_requests,omitempty"`
	ProposalExpiryDays int  `json:"proposal_expiry_days"`
	// Weights of the matching factors, by factor name; missing factors use the format's defaults.
	Weights map[string]float64 `json:"weights,omitempty"`
}

// MaxCapacity is the largest number of mentees a mentor may take.
const MaxCapacity = 20

// WeightNames lists the matching factors a program may weight.
var WeightNames = []string{"skill", "experience", "diversity", "availability", "language", "preference"}

// DefaultMinOverlapHours is the weekly hours of shared availability a pair
// of format f needs unless the program says otherwise: 1 for flash and
// rotation, which meet once, 2 for the others.
func DefaultMinOverlapHours(f Format) int {
	if f == FormatFlash || f == FormatRotation {
		return 1
	}
	return 2
}

// ApplyDefaults fills unset options with the defaults of the program's format.
func (p *Program) ApplyDefaults() {
	if p.Status == "" {
		p.Status = StatusDraft
	}
	if p.Mode == "" {
		p.Mode = ModeReview
	}
	o := &p.Options
	if o.MeetingCadence == "" {
		o.MeetingCadence = CadenceFortnightly
		if p.Format == FormatCircles || p.Format == FormatRotation {
			o.MeetingCadence = CadenceMonthly
		}
	}
	if p.Format == FormatRotation && o.CycleCadence == "" {
		o.CycleCadence = CadenceMonthly
	}
	if o.GroupSize == 0 {
		switch p.Format {
		case FormatCircles:
			o.GroupSize = 5
		case FormatRotation, FormatPeer, FormatSkillSwap:
			o.GroupSize = 2
		case FormatAdvisoryBoard:
			o.GroupSize = 4
		}
	}
	if o.DefaultCapacity == 0 {
		o.DefaultCapacity = 1
		if p.Format == FormatMentoring {
			o.DefaultCapacity = 2
		}
	}
	if o.MaxSeniorityGap == 0 && (p.Format == FormatMentoring || p.Format == FormatShadow || p.Format == FormatReverse) {
		o.MinSeniorityGap, o.MaxSeniorityGap = 1, 4
	}
	if o.ProposalExpiryDays == 0 {
		o.ProposalExpiryDays = 14
	}
	if o.MinOverlapHours == nil {
		h := DefaultMinOverlapHours(p.Format)
		o.MinOverlapHours = &h
	}
	if p.Mode == ModeSelfSelect {
		if o.ShortlistSize == 0 {
			o.ShortlistSize = 5
		}
		if o.MaxPendingRequests == 0 {
			o.MaxPendingRequests = 3
		}
	}
}

// Validate reports every bad field of p.
func (p *Program) Validate() error {
	var pr Problems
	p.Name = strings.TrimSpace(p.Name)
	pr.Check(p.Name == "", "name", "is required")
	pr.Check(len(p.Name) > 200, "name", "is longer than 200 characters")
	pr.Check(!p.Format.Valid(), "format", "must be one of mentoring, reverse, peer, skill_swap, circles, rotation, flash, shadow, advisory_board")
	switch p.Status {
	case StatusDraft, StatusEnrolling, StatusMatching, StatusRunning, StatusClosed:
	default:
		pr.Add("status", "must be one of draft, enrolling, matching, running, closed")
	}
	switch p.Mode {
	case ModeAuto, ModeReview, ModeSelfSelect:
	default:
		pr.Add("matching_mode", "must be auto, review or self_select")
	}
	for _, c := range []struct {
		name string
		v    Cadence
		opt  bool
	}{{"options.meeting_cadence", p.Options.MeetingCadence, false}, {"options.cycle_cadence", p.Options.CycleCadence, true}} {
		if c.opt && c.v == "" {
			continue
		}
		pr.Check(c.v.Days() == 0, c.name, "must be weekly, fortnightly or monthly")
	}
	if p.Slug != "" {
		ok := len(p.Slug) <= 60
		for _, r := range p.Slug {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				ok = false
			}
		}
		pr.Check(!ok, "slug", "must be at most 60 lower-case letters, digits and dashes")
	}
	o := p.Options
	if p.Format == FormatCircles {
		pr.Check(o.GroupSize < 3 || o.GroupSize > 8, "options.group_size", "a circle has 3 to 8 members, got %d", o.GroupSize)
	} else if p.Format == FormatRotation {
		pr.Check(o.GroupSize < 2 || o.GroupSize > 8, "options.group_size", "a rotation meets in pairs or groups of up to 8, got %d", o.GroupSize)
	}
	pr.Check(o.DefaultCapacity < 1 || o.DefaultCapacity > MaxCapacity, "options.default_capacity", "must be between 1 and %d, got %d", MaxCapacity, o.DefaultCapacity)
	pr.Check(o.MinSeniorityGap < 0 || o.MinSeniorityGap > MaxSeniority, "options.min_seniority_gap", "must be between 0 and %d", MaxSeniority)
	pr.Check(o.MaxSeniorityGap < o.MinSeniorityGap || o.MaxSeniorityGap > MaxSeniority, "options.max_seniority_gap", "must be between min_seniority_gap and %d", MaxSeniority)
	pr.Check(o.MinOverlapHours != nil && (*o.MinOverlapHours < 0 || *o.MinOverlapHours > 40), "options.min_overlap_hours", "must be between 0 (no minimum) and 40")
	pr.Check(o.ShortlistSize < 0 || o.ShortlistSize > 50, "options.shortlist_size", "must be between 0 and 50")
	pr.Check(o.MaxPendingRequests < 0 || o.MaxPendingRequests > 50, "options.max_pending_requests", "must be between 0 and 50")
	pr.Check(o.ProposalExpiryDays < 1 || o.ProposalExpiryDays > 365, "options.proposal_expiry_days", "must be between 1 and 365")
	for k, w := range o.Weights {
		known := false
		for _, n := range WeightNames {
			known = known || n == k
		}
		pr.Check(!known, "options.weights."+k, "is not a matching factor (use %s)", strings.Join(WeightNames, ", "))
		pr.Check(w < 0 || w > 100, "options.weights."+k, "must be between 0 and 100")
	}
	for _, g := range o.CohortGenerations {
		switch g {
		case "gen_alpha", "gen_z", "millennial", "gen_x", "boomer":
		default:
			pr.Add("options.cohort_generations", "%q is not one of gen_alpha, gen_z, millennial, gen_x, boomer", g)
		}
	}
	if p.StartDate != nil && p.EndDate != nil && p.EndDate.Before(p.StartDate.Time) {
		pr.Add("end_date", "is before start_date")
	}
	return pr.Err("program")
}
