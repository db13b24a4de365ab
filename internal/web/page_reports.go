package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/mentormesh/mentormesh/internal/chart"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
	"github.com/mentormesh/mentormesh/internal/store"
)

// reportFilterForm is the filter form every report page shows, filled in.
type reportFilterForm struct {
	From, To, Department, Cohort string
	Program                      int64
	Programs                     []mentor.Program
	Error                        string
}

// filterForm reads the page's filters (as the API reads them) and the
// programs to choose from. A bad filter is shown on the page, not a 400.
func (s *Server) filterForm(r *http.Request) (reportFilterForm, report.Filter, error) {
	q := r.URL.Query()
	form := reportFilterForm{From: q.Get("from"), To: q.Get("to"), Department: q.Get("department"), Cohort: q.Get("cohort")}
	f, err := s.reportFilter(r)
	if err != nil {
		form.Error = mentor.ErrorMessage(err)
		f = report.Filter{}
	} else if len(f.Programs) == 1 {
		form.Program = f.Programs[0]
	}
	programs, err := store.All(func(p store.Page) ([]mentor.Program, string, error) {
		return s.DB.Programs(r.Context(), store.ProgramFilter{Page: p})
	})
	form.Programs = programs
	return form, f, err
}

// reportInputs checks that the viewer manages programs and reads the
// page's filters and the report data (only the health data for health).
func (s *Server) reportInputs(r *http.Request, health bool) (reportFilterForm, report.Filter, *report.Data, error) {
	if err := requireManager(r); err != nil {
		return reportFilterForm{}, report.Filter{}, nil, err
	}
	form, f, err := s.filterForm(r)
	if err != nil {
		return form, f, nil, err
	}
	d, err := s.reportData(r.Context(), health)
	return form, f, d, err
}

type formatsPageData struct {
	pageData
	Filter  reportFilterForm
	Metrics []metricView
	CSV     string
	Period  string
	// Trials are the randomised trials, whose results are shown apart.
	Trials []mentor.Trial
}

// reportsFormatsPage is the format comparison: per metric a chart with
// intervals and a table, the pairs in words, raw and like for like. Like
// the API it leaves trial arms out.
func (s *Server) reportsFormatsPage(w http.ResponseWriter, r *http.Request) error {
	form, f, d, err := s.reportInputs(r, false)
	if err != nil {
		return err
	}
	if err := s.observational(r.Context(), &f); err != nil {
		return err
	}
	c := report.Compare(d, f, report.CompareOptions{})
	data := formatsPageData{pageData: s.base(r, "Which format works best?"), Filter: form, Metrics: metricViews(c),
		CSV: csvLink("/api/v1/reports/formats", r.URL.Query()), Period: period(c.From, c.To)}
	if data.Trials, err = store.All(func(p store.Page) ([]mentor.Trial, string, error) { return s.DB.Trials(r.Context(), p) }); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "reports_formats", data)
}

// healthView is one program's (or the organisation's) health on the page.
type healthView struct {
	Name, Format string
	ProgramID    int64
	Total        report.HealthFigures
	Chart        template.HTML
	Months       []monthRow
	AtRisk       int
}

// monthRow is one month of the table beside the chart.
type monthRow struct {
	Month, Matched, Meetings, Silent, Pulse string
}

// percent writes a share 0..1 as a whole percentage ("71%").
func percent(x float64) string { return fmt.Sprintf("%.0f%%", x*100) }

// share writes a share that may be missing ("–").
func share(p *float64) string {
	if p == nil {
		return "–"
	}
	return percent(*p)
}

func dec1(p *float64) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprintf("%.1f", *p)
}

// healthViewOf draws a program's matched share and meetings by month.
func healthViewOf(h report.ProgramHealth) healthView {
	v := healthView{Name: h.Name, ProgramID: h.ProgramID, Total: h.Total, AtRisk: len(h.AtRisk)}
	if h.Format != "" {
		v.Format = report.FormatName(h.Format)
	}
	var steps []string
	matched := chart.Series{Label: "matched share"}
	for _, m := range h.Monthly {
		month := m.From.UTC().Format("Jan 2006")
		steps = append(steps, m.From.UTC().Format("Jan 06"))
		p := chart.Point{}
		if m.MatchedShare != nil {
			p = chart.Point{Value: *m.MatchedShare, Valid: true}
		}
		matched.Points = append(matched.Points, p)
		v.Months = append(v.Months, monthRow{Month: month, Matched: share(m.MatchedShare), Meetings: dec1(m.MeetingsPerMatchMonth),
			Silent: share(m.SilentShare), Pulse: dec1(m.Pulse.Mean)})
	}
	target := h.Total.MatchTarget
	v.Chart = chart.Lines("Share of enrolled people matched, by month", steps, []chart.Series{matched}, &target,
		percent)
	return v
}

type healthPageData struct {
	pageData
	Filter   reportFilterForm
	Overall  healthView
	Programs []healthView
	CSV      string
	Period   string
}

// reportsPage is the organisation's health, and each program's in brief.
func (s *Server) reportsPage(w http.ResponseWriter, r *http.Request) error {
	form, f, d, err := s.reportInputs(r, true)
	if err != nil {
		return err
	}
	h := report.Health(d, f, report.HealthOptions{SilentDays: report.DefaultSilentDays})
	data := healthPageData{pageData: s.base(r, "Program health"), Filter: form, Overall: healthViewOf(h.Organisation),
		CSV: csvLink("/api/v1/reports/health", r.URL.Query()), Period: period(h.From, h.To)}
	for _, p := range h.Programs {
		data.Programs = append(data.Programs, healthViewOf(p))
	}
	return s.render(w, r, http.StatusOK, "reports", data)
}

type programReportData struct {
	pageData
	Program  *mentor.Program
	Health   healthView
	Outcomes *report.ProgramOutcomes
	Rates    []rateRow
	CSV      string
	Period   string
}

// rateRow is one outcome in words.
type rateRow struct{ Label, Value, Of string }

// programReportPage is one program's health and outcomes.
func (s *Server) programReportPage(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.DB.Program(r.Context(), id)
	if err != nil {
		return err
	}
	d, err := s.reportData(r.Context(), false)
	if err != nil {
		return err
	}
	f := report.Filter{Programs: []int64{id}}
	h := report.Health(d, f, report.HealthOptions{SilentDays: report.DefaultSilentDays})
	o := report.Outcomes(d, f)
	data := programReportData{pageData: s.base(r, p.Name+": report"), Program: p, Health: healthViewOf(h.Organisation),
		CSV: "/api/v1/reports/outcomes?format=csv&program=" + strconv.FormatInt(id, 10), Period: period(h.From, h.To)}
	if len(h.Programs) == 1 {
		data.Health = healthViewOf(h.Programs[0])
	}
	if len(o.Programs) == 1 {
		data.Outcomes = &o.Programs[0]
		data.Rates = outcomeRows(o.Programs[0])
	}
	return s.render(w, r, http.StatusOK, "program_report", data)
}

// outcomeRows says each outcome of a program in words.
func outcomeRows(p report.ProgramOutcomes) []rateRow {
	of := func(r report.Rate, unit string) string { return fmt.Sprintf("%.0f %s", r.Denominator, unit) }
	level := func(r report.Rate) string {
		if r.Value == nil {
			return "–"
		}
		return signed(*r.Value, 1) + " levels"
	}
	return []rateRow{
		{"Goals completed", share(p.GoalCompletion.Value), of(p.GoalCompletion, "goals due")},
		{"Progress towards goal targets", share(p.GoalProgress.Value), of(p.GoalProgress, "goals due")},
		{"Skill change, self-assessed", level(p.ProficiencySelf), of(p.ProficiencySelf, "skills assessed twice")},
		{"Skill change, assessed by partners", level(p.ProficiencyPartner), of(p.ProficiencyPartner, "skills assessed twice")},
		{"Meeting rating (1–5)", dec1(p.MeetingRating.Value), of(p.MeetingRating, "ratings")},
		{"Meetings a month per match", dec1(p.MeetingsPerMonth.Value), fmt.Sprintf("%.1f match-months", p.MeetingsPerMonth.Denominator)},
		{"Retention", share(p.Retention.Value), of(p.Retention, "matches that stopped or finished")},
		{"Feedback that called the style directive", share(p.FeedbackStyle.DirectiveShare), fmt.Sprintf("%d with a style", p.FeedbackStyle.Directive+p.FeedbackStyle.Reflective)},
		{"Would recommend the program", share(p.Survey.RecommendShare), fmt.Sprintf("%d closing surveys", p.Survey.Count)},
	}
}

// period says a report's period [from, to) in words ("1 Mar 2026 to 31
// Aug 2026": the last day shown is the one before to, which is excluded).
func period(from, to time.Time) string {
	return from.UTC().Format("2 Jan 2006") + " to " + to.UTC().Add(-time.Nanosecond).Format("2 Jan 2006")
}
