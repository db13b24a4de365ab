package mentor

import "time"

// CheckIn is a relationship health pulse by one member of a match.
type CheckIn struct {
	ID        int64     `json:"id"`
	MatchID   int64     `json:"match_id"`
	PersonID  int64     `json:"person_id"`
	Pulse     int       `json:"pulse"` // 1 (struggling) .. 5 (thriving)
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate reports every bad field of c.
func (c *CheckIn) Validate() error {
	var pr Problems
	pr.Check(c.MatchID == 0, "match_id", "is required")
	pr.Check(c.Pulse < 1 || c.Pulse > 5, "pulse", "must be between 1 and 5, got %d", c.Pulse)
	pr.Check(len(c.Note) > 4000, "note", "is longer than 4000 characters")
	return pr.Err("check-in")
}

// SkillAssessment is a proficiency rating of a person's skill by someone.
type SkillAssessment struct {
	ID         int64     `json:"id"`
	PersonID   int64     `json:"person_id"`
	SkillID    int64     `json:"skill_id"`
	Skill      string    `json:"skill,omitempty"`
	AssessorID int64     `json:"assessor_id"`
	Kind       string    `json:"kind"`  // self, partner, mentor
	Phase      string    `json:"phase"` // start, mid, end
	Level      int       `json:"level"`
	MatchID    *int64    `json:"match_id,omitempty"`
	AssessedAt time.Time `json:"assessed_at"`
}

// Validate reports every bad field of a.
func (a *SkillAssessment) Validate() error {
	var pr Problems
	if a.Phase == "" {
		a.Phase = "start"
	}
	pr.Check(a.PersonID == 0, "person_id", "is required")
	pr.Check(a.SkillID == 0 && a.Skill == "", "skill", "is required")
	pr.Check(a.Level < 1 || a.Level > 5, "level", "must be between 1 and 5, got %d", a.Level)
	pr.Check(a.Kind != "self" && a.Kind != "partner" && a.Kind != "mentor", "kind", "must be self, partner or mentor")
	pr.Check(a.Phase != "start" && a.Phase != "mid" && a.Phase != "end", "phase", "must be start, mid or end")
	return pr.Err("assessment")
}

// OfficeHours is a flash-mentoring slot a mentor publishes.
type OfficeHours struct {
	ID        int64     `json:"id"`
	ProgramID int64     `json:"program_id"`
	MentorID  int64     `json:"mentor_id"`
	StartsAt  time.Time `json:"starts_at"`
	Minutes   int       `json:"minutes"`
	Topics    []string  `json:"topics"`
	BookedBy  *int64    `json:"booked_by,omitempty"`
	MeetingID *int64    `json:"meeting_id,omitempty"`
}

// AuditEvent records who did what to which object.
type AuditEvent struct {
	ID        int64     `json:"id"`
	ActorID   *int64    `json:"actor_id,omitempty"`
	Action    string    `json:"action"`
	Object    string    `json:"object"`
	ObjectID  int64     `json:"object_id"`
	Detail    string    `json:"detail"`
	CreatedAt time.Time `json:"created_at"`
}

// Survey is a participant's closing survey of a program: an overall
// rating, what changed for them, and whether they would recommend it.
type Survey struct {
	ID        int64     `json:"id"`
	ProgramID int64     `json:"program_id"`
	PersonID  int64     `json:"person_id"`
	Rating    int       `json:"rating"`
	Recommend bool      `json:"recommend"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate reports every bad field of s.
func (s *Survey) Validate() error {
	var pr Problems
	pr.Check(s.Rating < 1 || s.Rating > 5, "rating", "must be between 1 and 5, got %d", s.Rating)
	pr.Check(len(s.Text) > 10000, "text", "is longer than 10000 characters")
	return pr.Err("survey")
}
