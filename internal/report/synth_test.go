package report

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// synthSpec describes a generated organisation.
type synthSpec struct {
	formats []mentor.Format
	// perFormat is the number of relationships of each format.
	perFormat []int
	// goalP is each format's mean chance that a goal is completed; a
	// relationship's own chance varies around it by up to ±0.2.
	goalP []float64
	// full adds meetings, feedback, assessments and check-ins.
	full bool
	seed uint64
}

var synthStart = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

var synthDepts = []string{"Engineering", "Sales", "Finance", "Operations", "People", "Marketing", "Legal", "Support"}

// synth generates an organisation with one program per format over two
// years: pairs (circles of four), 1..4 goals each, and with full, the rest.
func synth(tb testing.TB, s synthSpec) *Data {
	tb.Helper()
	r := rand.New(rand.NewPCG(s.seed, 7))
	d := &Data{}
	person := int64(0)
	for i, f := range s.formats {
		prog := Program{ID: int64(i + 1), Name: FormatName(f), Format: f, Start: synthStart,
			End: synthStart.AddDate(2, 0, 0), Cadence: mentor.CadenceFortnightly}
		d.Programs = append(d.Programs, prog)
		for k := range s.perFormat[i] {
			rel := Relationship{ID: int64(i*1_000_000 + k + 1), ProgramID: prog.ID, State: mentor.MatchActive,
				Started: synthStart.AddDate(0, 0, r.IntN(540))}
			size := 2
			if f == mentor.FormatCircles {
				size = 4
			}
			for j := range size {
				person++
				role := mentor.RolePeer
				if f.Directional() {
					role = []mentor.Role{mentor.RoleMentor, mentor.RoleMentee}[min(j, 1)]
				}
				rel.Members = append(rel.Members, Member{PersonID: person, Role: role})
				d.Enrollments = append(d.Enrollments, Enrollment{PersonID: person, ProgramID: prog.ID, Role: role,
					Capacity: 2 * b2i(role == mentor.RoleMentor), Status: mentor.EnrollmentActive,
					JoinedAt: rel.Started.AddDate(0, 0, -r.IntN(30)), Seniority: 1 + r.IntN(8),
					Department: synthDepts[r.IntN(len(synthDepts))]})
			}
			if r.IntN(4) == 0 {
				rel.State, rel.Stopped = mentor.MatchEnded, rel.Started.AddDate(0, 0, 30+r.IntN(120))
			}
			d.Relationships = append(d.Relationships, rel)
			synthGoals(r, d, &rel, s.goalP[i])
			if s.full {
				synthActivity(r, d, &rel)
			}
		}
	}
	return d
}

func synthGoals(r *rand.Rand, d *Data, rel *Relationship, p float64) {
	own := p + 0.4*r.Float64() - 0.2
	for range 1 + r.IntN(4) {
		g := Goal{ID: int64(len(d.Goals) + 1), OwnerID: rel.Members[len(rel.Members)-1].PersonID, ProgramID: rel.ProgramID,
			RelationshipID: rel.ID, Due: rel.Started.AddDate(0, 0, 30+r.IntN(150)), Status: mentor.GoalOpen, Progress: r.Float64() * 0.9}
		if r.Float64() < own {
			g.Status, g.Progress = mentor.GoalAchieved, 1
		} else if r.IntN(5) == 0 {
			g.Status = mentor.GoalAbandoned
		}
		d.Goals = append(d.Goals, g)
	}
}

func synthActivity(r *rand.Rand, d *Data, rel *Relationship) {
	end := rel.Stopped
	if end.IsZero() {
		end = synthStart.AddDate(2, 0, 0)
	}
	for t := rel.Started.AddDate(0, 0, 3+r.IntN(10)); t.Before(end); t = t.AddDate(0, 0, 10+r.IntN(20)) {
		m := Meeting{ID: int64(len(d.Meetings) + 1), RelationshipID: rel.ID, At: t, Status: "held"}
		if r.IntN(8) == 0 {
			m.Status = "cancelled"
		}
		d.Meetings = append(d.Meetings, m)
		for _, mem := range rel.Members[:1+r.IntN(len(rel.Members))] {
			d.Feedback = append(d.Feedback, Feedback{MeetingID: m.ID, AuthorID: mem.PersonID, Rating: 2 + r.IntN(4),
				Style: []string{"directive", "reflective", ""}[r.IntN(3)]})
		}
		if r.IntN(3) == 0 {
			d.CheckIns = append(d.CheckIns, CheckIn{RelationshipID: rel.ID, PersonID: rel.Members[0].PersonID, Pulse: 1 + r.IntN(5), At: t})
		}
	}
	learner := rel.Members[len(rel.Members)-1].PersonID
	for _, kind := range []string{"self", "partner"} {
		level := 1 + r.IntN(3)
		for k := range 2 + r.IntN(2) {
			d.Assessments = append(d.Assessments, Assessment{PersonID: learner, ProgramID: rel.ProgramID, RelationshipID: rel.ID,
				Skill: "Go", Level: min(5, level+k*r.IntN(2)), Kind: kind, At: rel.Started.AddDate(0, 0, 60*k)})
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
