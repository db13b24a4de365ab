package mentor

import "time"

// MatchState is where a match stands (SPEC §3).
type MatchState string

// Match states: proposed -> accepted/declined -> active -> completed/ended.
const (
	// MatchDraft is a proposal of a match run not yet published: only
	// coordinators see it, and they may still edit it.
	MatchDraft     MatchState = "draft"
	MatchProposed  MatchState = "proposed"
	MatchAccepted  MatchState = "accepted"
	MatchDeclined  MatchState = "declined"
	MatchActive    MatchState = "active"
	MatchPaused    MatchState = "paused"
	MatchCompleted MatchState = "completed"
	MatchEnded     MatchState = "ended"
)

// Confirmed reports whether the match has been accepted, so partners may see
// each other's contact details.
func (s MatchState) Confirmed() bool {
	return s == MatchAccepted || s == MatchActive || s == MatchPaused || s == MatchCompleted
}

// MatchRun is a snapshot of one matching run: inputs, settings, seed, results.
type MatchRun struct {
	ID        int64          `json:"id"`
	ProgramID int64          `json:"program_id"`
	Seed      int64          `json:"seed"`
	Settings  map[string]any `json:"settings"`
	Inputs    map[string]any `json:"inputs,omitempty"`
	Status    string         `json:"status"`
	Total     float64        `json:"total"`
	CreatedAt time.Time      `json:"created_at"`
}

// Match is a pair or group of people in a program.
type Match struct {
	ID        int64         `json:"id"`
	ProgramID int64         `json:"program_id"`
	RunID     *int64        `json:"run_id,omitempty"`
	Cycle     int           `json:"cycle"`
	State     MatchState    `json:"state"`
	Score     float64       `json:"score"`
	Summary   string        `json:"summary"`
	Factors   []MatchFactor `json:"factors,omitempty"`
	// Skills names what is taught in the match, one entry per direction
	// (both directions in a skill swap).
	Skills    []SkillExchange `json:"skills,omitempty"`
	Members   []MatchMember   `json:"members"`
	CreatedAt time.Time       `json:"created_at"`
	UpdatedAt time.Time       `json:"updated_at"`
}

// MatchFactor is one line of a match's explanation.
type MatchFactor struct {
	Name   string  `json:"name"`
	Score  float64 `json:"score"`
	Weight float64 `json:"weight"`
	Reason string  `json:"reason"`
}

// SkillExchange is one direction of teaching in a match: From teaches To
// the skill, offered at Level.
type SkillExchange struct {
	FromID int64  `json:"from_id"`
	ToID   int64  `json:"to_id"`
	Skill  string `json:"skill"`
	Level  int    `json:"level"`
}

// MatchMember is one person in a match, in a role, with their answer.
type MatchMember struct {
	PersonID int64  `json:"person_id"`
	Name     string `json:"name,omitempty"`
	Role     Role   `json:"role"`
	Response string `json:"response"` // pending, accepted, declined
	Reason   string `json:"reason,omitempty"`
}

// HasMember reports whether person belongs to the match.
func (m *Match) HasMember(person int64) bool {
	for _, mm := range m.Members {
		if mm.PersonID == person {
			return true
		}
	}
	return false
}
