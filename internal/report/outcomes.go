package report

import (
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// Rate is a numerator over a denominator; Value is nil when the
// denominator is zero.
type Rate struct {
	Numerator   float64  `json:"numerator"`
	Denominator float64  `json:"denominator"`
	Value       *float64 `json:"value"`
}

func newRate(num, den float64) Rate { return Rate{num, den, ratio(num, den)} }

// OutcomesReport holds the outcomes of each program in the filter over the period.
type OutcomesReport struct {
	From     time.Time         `json:"from"`
	To       time.Time         `json:"to"`
	Programs []ProgramOutcomes `json:"programs"`
}

// ProgramOutcomes are one program's outcomes. The rates follow the metric
// definitions of the format comparison (see accumulate): GoalCompletion is
// completed over due goals, GoalProgress mean progress over due goals,
// ProficiencySelf and ProficiencyPartner the mean latest-minus-first
// change over (person, skill) pairs, never mixing the two kinds,
// MeetingRating the mean feedback rating, MeetingsPerMonth held meetings
// over active relationship-months, Retention retained over decided
// relationships.
type ProgramOutcomes struct {
	ProgramID          int64         `json:"program_id"`
	Name               string        `json:"name"`
	Format             mentor.Format `json:"format"`
	GoalCompletion     Rate          `json:"goal_completion"`
	GoalProgress       Rate          `json:"goal_progress"`
	ProficiencySelf    Rate          `json:"proficiency_change_self"`
	ProficiencyPartner Rate          `json:"proficiency_change_partner"`
	MeetingRating      Rate          `json:"meeting_rating"`
	MeetingsPerMonth   Rate          `json:"meetings_per_month"`
	Retention          Rate          `json:"retention"`
	FeedbackStyle      StyleMix      `json:"feedback_style"`
	Survey             SurveyResults `json:"survey"`
}

// StyleMix counts the feedback on meetings in the period (not cancelled)
// by the style the author saw; DirectiveShare is Directive / (Directive +
// Reflective), feedback without a style left out.
type StyleMix struct {
	Directive      int      `json:"directive"`
	Reflective     int      `json:"reflective"`
	Unspecified    int      `json:"unspecified"`
	DirectiveShare *float64 `json:"directive_share"`
}

// SurveyResults summarise the closing surveys answered in the period: how
// many, the mean rating (1..5) and the share who would recommend the program.
type SurveyResults struct {
	Count          int      `json:"count"`
	MeanRating     *float64 `json:"mean_rating"`
	RecommendShare *float64 `json:"recommend_share"`
}

// Outcomes computes the outcomes of each program the filter selects.
func Outcomes(d *Data, f Filter) OutcomesReport {
	d = f.Apply(d)
	p := f.resolve(d)
	ix := newIndex(d)
	sums := map[int64]*[nMetrics][2]float64{}
	for _, pr := range d.Programs {
		sums[pr.ID] = &[nMetrics][2]float64{}
	}
	accumulate(ix, p, func(_ *Relationship, program int64, m int, num, den float64) {
		if s := sums[program]; s != nil {
			s[m][0] += num
			s[m][1] += den
		}
	})
	styles, surveys := styleMixes(ix, p), surveyResults(d.Surveys, p)
	rep := OutcomesReport{From: p.from, To: p.to, Programs: []ProgramOutcomes{}}
	for _, pr := range d.Programs {
		s := sums[pr.ID]
		r := func(m int) Rate { return newRate(s[m][0], s[m][1]) }
		rep.Programs = append(rep.Programs, ProgramOutcomes{ProgramID: pr.ID, Name: pr.Name, Format: pr.Format,
			GoalCompletion: r(mGoalCompletion), GoalProgress: r(mGoalProgress),
			ProficiencySelf: r(mProfSelf), ProficiencyPartner: r(mProfPartner),
			MeetingRating: r(mRating), MeetingsPerMonth: r(mMeetings), Retention: r(mRetention),
			FeedbackStyle: styles[pr.ID], Survey: surveys[pr.ID]})
	}
	return rep
}

func styleMixes(ix *index, p period) map[int64]StyleMix {
	out := map[int64]StyleMix{}
	for _, fb := range ix.d.Feedback {
		m := ix.meetings[fb.MeetingID]
		if m == nil || m.Status == "cancelled" || !p.contains(m.At) || ix.rels[m.RelationshipID] == nil {
			continue
		}
		id := ix.rels[m.RelationshipID].ProgramID
		s := out[id]
		switch fb.Style {
		case "directive":
			s.Directive++
		case "reflective":
			s.Reflective++
		default:
			s.Unspecified++
		}
		s.DirectiveShare = ratio(float64(s.Directive), float64(s.Directive+s.Reflective))
		out[id] = s
	}
	return out
}

func surveyResults(ss []Survey, p period) map[int64]SurveyResults {
	type acc struct{ n, rating, yes float64 }
	accs := map[int64]*acc{}
	for _, s := range ss {
		if !p.contains(s.At) {
			continue
		}
		a := accs[s.ProgramID]
		if a == nil {
			a = &acc{}
			accs[s.ProgramID] = a
		}
		a.n++
		a.rating += float64(s.Rating)
		a.yes += b2f(s.Recommend)
	}
	out := map[int64]SurveyResults{}
	for id, a := range accs {
		out[id] = SurveyResults{Count: int(a.n), MeanRating: ratio(a.rating, a.n), RecommendShare: ratio(a.yes, a.n)}
	}
	return out
}
