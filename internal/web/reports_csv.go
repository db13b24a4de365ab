package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/mentormesh/mentormesh/internal/report"
)

// The report CSVs carry the same numbers as the JSON answers, one row per
// figure set, so a spreadsheet can pivot them. Empty cells are figures
// without a denominator.

// num6 writes a figure with up to six decimals, "" for none.
func num6(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// writeHealthCSV writes one row per program (and the organisation, program
// id 0) and period: the total, then each month.
func writeHealthCSV(w http.ResponseWriter, h report.HealthReport) error {
	cw := newCSVExport(w, "health.csv", "program_id", "program", "period", "from", "to", "enrolled", "matched", "matched_share",
		"match_target", "proposals_accepted", "proposals_declined", "proposals_expired", "proposals_pending", "acceptance_rate",
		"median_days_to_match", "meetings_per_match_month", "expected_per_match_month", "active_matches", "silent_matches",
		"silent_days", "silent_share", "pulse_count", "pulse_mean", "pulse_trend_per_month", "at_risk", "waitlist", "mentors",
		"mentees", "mentees_per_mentor", "capacity_total", "capacity_used", "capacity_share")
	row := func(p report.ProgramHealth, period string, f report.HealthFigures) {
		cw.row(strconv.FormatInt(p.ProgramID, 10), p.Name, period, day(f.From), day(f.To), strconv.Itoa(f.Enrolled),
			strconv.Itoa(f.Matched), num6(f.MatchedShare), num(f.MatchTarget), strconv.Itoa(f.Proposals.Accepted),
			strconv.Itoa(f.Proposals.Declined), strconv.Itoa(f.Proposals.Expired), strconv.Itoa(f.Proposals.Pending),
			num6(f.Proposals.AcceptanceRate), num6(f.MedianDaysToMatch), num6(f.MeetingsPerMatchMonth), num6(f.ExpectedPerMatchMonth),
			strconv.Itoa(f.ActiveMatches), strconv.Itoa(f.SilentMatches), strconv.Itoa(f.SilentDays), num6(f.SilentShare),
			strconv.Itoa(f.Pulse.Count), num6(f.Pulse.Mean), num6(f.Pulse.Trend), strconv.Itoa(f.AtRiskCount), strconv.Itoa(f.Waitlist),
			strconv.Itoa(f.Mentors), strconv.Itoa(f.Mentees), num6(f.MenteesPerMentor), strconv.Itoa(f.CapacityTotal),
			strconv.Itoa(f.CapacityUsed), num6(f.CapacityShare))
	}
	for _, p := range append([]report.ProgramHealth{h.Organisation}, h.Programs...) {
		row(p, "total", p.Total)
		for _, m := range p.Monthly {
			row(p, m.From.UTC().Format("2006-01"), m)
		}
	}
	return cw.close()
}

// writeOutcomesCSV writes one row per program and metric.
func writeOutcomesCSV(w http.ResponseWriter, o report.OutcomesReport) error {
	cw := newCSVExport(w, "outcomes.csv", "program_id", "program", "format", "metric", "numerator", "denominator", "value")
	for _, p := range o.Programs {
		for _, m := range []struct {
			id string
			r  report.Rate
		}{{report.MetricGoalCompletion, p.GoalCompletion}, {report.MetricGoalProgress, p.GoalProgress},
			{report.MetricProficiencyChangeSelf, p.ProficiencySelf}, {report.MetricProficiencyChangePartner, p.ProficiencyPartner},
			{report.MetricMeetingRating, p.MeetingRating}, {report.MetricMeetingsPerMonth, p.MeetingsPerMonth},
			{report.MetricRetention, p.Retention}} {
			cw.row(strconv.FormatInt(p.ProgramID, 10), p.Name, string(p.Format), m.id, num(m.r.Numerator), num(m.r.Denominator), num6(m.r.Value))
		}
		fs := p.FeedbackStyle
		cw.row(strconv.FormatInt(p.ProgramID, 10), p.Name, string(p.Format), "feedback_directive_share",
			strconv.Itoa(fs.Directive), strconv.Itoa(fs.Directive+fs.Reflective), num6(fs.DirectiveShare))
		sv := p.Survey
		cw.row(strconv.FormatInt(p.ProgramID, 10), p.Name, string(p.Format), "survey_mean_rating", "", strconv.Itoa(sv.Count), num6(sv.MeanRating))
		cw.row(strconv.FormatInt(p.ProgramID, 10), p.Name, string(p.Format), "survey_recommend_share", "", strconv.Itoa(sv.Count), num6(sv.RecommendShare))
	}
	return cw.close()
}

// writeFormatsCSV writes one row per view (raw, adjusted), metric and
// format estimate or pair difference.
func writeFormatsCSV(w http.ResponseWriter, c report.Comparison) error {
	cw := newCSVExport(w, "formats.csv", "view", "metric", "unit", "kind", "format", "other_format", "n", "value", "ci_low", "ci_high", "verdict", "text")
	for _, m := range c.Metrics {
		views := []struct {
			name string
			fs   []report.FormatEstimate
			ds   []report.Difference
		}{{"raw", m.Formats, m.Differences}, {"adjusted", m.Adjusted.Formats, m.Adjusted.Differences}}
		for _, v := range views {
			for _, f := range v.fs {
				cw.row(v.name, m.Metric, m.Unit, "format", string(f.Format), "", strconv.Itoa(f.N), num(f.Value), num(f.CILow), num(f.CIHigh), "", "")
			}
			for _, d := range v.ds {
				cw.row(v.name, m.Metric, m.Unit, "difference", string(d.A), string(d.B), "", num(d.Value), num(d.CILow), num(d.CIHigh), d.Verdict, d.Text)
			}
		}
	}
	return cw.close()
}
