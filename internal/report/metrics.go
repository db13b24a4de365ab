package report

import (
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Metric ids of the outcome metrics the format comparison covers.
const (
	MetricGoalCompletion           = "goal_completion"
	MetricGoalProgress             = "goal_progress"
	MetricProficiencyChangeSelf    = "proficiency_change_self"
	MetricProficiencyChangePartner = "proficiency_change_partner"
	MetricMeetingRating            = "meeting_rating"
	MetricMeetingsPerMonth         = "meetings_per_month"
	MetricRetention                = "retention"
)

// Units of the metrics.
const (
	UnitShare    = "share"     // 0..1, differences in percentage points
	UnitLevels   = "levels"    // proficiency levels of 1..5
	UnitRating   = "rating"    // 1..5
	UnitPerMonth = "per_month" // meetings per 30 days
)

const (
	mGoalCompletion = iota
	mGoalProgress
	mProfSelf
	mProfPartner
	mRating
	mMeetings
	mRetention
	nMetrics
)

// metricInfo describes a metric for people.
type metricInfo struct {
	id, label, unit string
	// more is what "higher" means, for sentences: "<a> <more> than <b>".
	more string
}

var metricInfos = [nMetrics]metricInfo{
	{MetricGoalCompletion, "Goals completed (share of goals due)", UnitShare, "completed more goals"},
	{MetricGoalProgress, "Progress towards goal targets", UnitShare, "got further towards their goal targets"},
	{MetricProficiencyChangeSelf, "Skill change, self-assessed (levels)", UnitLevels, "reported larger skill gains in self-assessments"},
	{MetricProficiencyChangePartner, "Skill change, assessed by partners (levels)", UnitLevels, "showed larger skill gains in partners' assessments"},
	{MetricMeetingRating, "Meeting rating (1 to 5)", UnitRating, "rated their meetings higher"},
	{MetricMeetingsPerMonth, "Meetings held per month", UnitPerMonth, "met more often"},
	{MetricRetention, "Stayed to the end (share of relationships)", UnitShare, "stayed to the end more often"},
}

// sink receives one contribution to metric m: num over den, counted for
// program and for the relationship r (nil when the item has none).
type sink func(r *Relationship, program int64, m int, num, den float64)

// accumulate walks the data once and feeds every outcome contribution of
// the period to add. It holds the metric definitions:
//
//   - goal_completion: goals due in the period; numerator the goals marked
//     achieved or whose progress reached the target (1), unless abandoned;
//     abandoned goals count as not completed.
//   - goal_progress: the same goals; the mean progress 0..1 (an achieved
//     goal counts 1).
//   - proficiency_change_self / _partner: per program, person, skill and
//     assessor kind (self; partner and mentor together), the latest minus
//     the first level assessed in the period, when assessed at two times
//     or more; the mean over such pairs. Counted for the relationship of
//     the latest assessment.
//   - meeting_rating: ratings of the feedback on meetings in the period
//     that were not cancelled; the mean rating.
//   - meetings_per_month: meetings held in the period over the
//     relationships' active days in it divided by 30.
//   - retention: relationships whose course was decided in the period;
//     retained (1) when completed, or when they reached the program's end
//     date still running or ended on or after it; not retained (0) when
//     ended or paused before the end (or, with no end date, at all).
//     Relationships still running are left out.
func accumulate(ix *index, p period, add sink) {
	goalSums(ix, p, add)
	assessmentSums(ix, p, add)
	meetingSums(ix, p, add)
	for i := range ix.d.Relationships {
		r := &ix.d.Relationships[i]
		if kept, ok := retained(r, ix.programs[r.ProgramID], p); ok {
			add(r, r.ProgramID, mRetention, b2f(kept), 1)
		}
	}
}

// Completed reports whether a goal counts as completed: marked achieved,
// or its progress reached the target, unless it was abandoned.
func (g Goal) Completed() bool {
	return g.Status != mentor.GoalAbandoned && (g.Status == mentor.GoalAchieved || g.Progress >= 1)
}

// Reached is how far the goal got, 0..1; an achieved goal counts 1.
func (g Goal) Reached() float64 {
	if g.Status == mentor.GoalAchieved {
		return 1
	}
	return min(1, max(0, g.Progress))
}

func goalSums(ix *index, p period, add sink) {
	for _, g := range ix.d.Goals {
		if !p.contains(g.Due) {
			continue
		}
		r := ix.relOf(g.RelationshipID, g.ProgramID, g.OwnerID)
		add(r, g.ProgramID, mGoalCompletion, b2f(g.Completed()), 1)
		add(r, g.ProgramID, mGoalProgress, g.Reached(), 1)
	}
}

func assessmentSums(ix *index, p period, add sink) {
	type key struct {
		program, person int64
		skill           string
		self            bool
	}
	type span struct{ first, last Assessment }
	spans := map[key]*span{}
	var order []key
	for _, a := range ix.d.Assessments {
		if !p.contains(a.At) {
			continue
		}
		k := key{a.ProgramID, a.PersonID, a.Skill, a.Kind == "self"}
		s := spans[k]
		if s == nil {
			spans[k] = &span{first: a, last: a}
			order = append(order, k)
			continue
		}
		if a.At.Before(s.first.At) {
			s.first = a
		}
		if !a.At.Before(s.last.At) {
			s.last = a
		}
	}
	for _, k := range order {
		s := spans[k]
		if !s.first.At.Before(s.last.At) {
			continue // assessed at one time only
		}
		m := mProfPartner
		if k.self {
			m = mProfSelf
		}
		add(ix.relOf(s.last.RelationshipID, k.program, k.person), k.program, m, float64(s.last.Level-s.first.Level), 1)
	}
}

func meetingSums(ix *index, p period, add sink) {
	for _, m := range ix.d.Meetings {
		if m.Status == "held" && p.contains(m.At) {
			if r := ix.rels[m.RelationshipID]; r != nil {
				add(r, r.ProgramID, mMeetings, 1, 0)
			}
		}
	}
	for i := range ix.d.Relationships {
		r := &ix.d.Relationships[i]
		if days := p.days(r.Started, r.Stopped); days > 0 {
			add(r, r.ProgramID, mMeetings, 0, days/monthDays)
		}
	}
	for _, fb := range ix.d.Feedback {
		m := ix.meetings[fb.MeetingID]
		if m == nil || m.Status == "cancelled" || !p.contains(m.At) || fb.Rating < 1 {
			continue
		}
		if r := ix.rels[m.RelationshipID]; r != nil {
			add(r, r.ProgramID, mRating, float64(fb.Rating), 1)
		}
	}
}

// retained says whether r was retained, and whether its course was decided in p.
func retained(r *Relationship, prog *Program, p period) (kept, decided bool) {
	var end time.Time
	if prog != nil {
		end = prog.End
	}
	at := r.Stopped
	switch r.State {
	case mentor.MatchCompleted:
		kept = true
		if at.IsZero() {
			at = end
		}
	case mentor.MatchEnded, mentor.MatchPaused:
		kept = !end.IsZero() && !at.Before(end)
	case mentor.MatchAccepted, mentor.MatchActive:
		kept, at = true, end
	default:
		return false, false
	}
	return kept, !at.IsZero() && p.contains(at)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
