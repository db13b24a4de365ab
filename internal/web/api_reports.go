package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/momentum"
	"github.com/mentormesh/mentormesh/internal/report"
	"github.com/mentormesh/mentormesh/internal/store"
)

func (s *Server) reportRoutes() {
	s.private("GET /api/v1/reports/health", s.apiReportHealth)
	s.private("GET /api/v1/reports/outcomes", s.apiReportOutcomes)
	s.private("GET /api/v1/reports/formats", s.apiReportFormats)
	s.private("GET /api/v1/reports/me", s.apiReportMe)
	s.private("POST /api/v1/advisor", s.apiAdvisor)
}

// reportFilter reads the filters every report takes: from and to (dates,
// both included; to defaults to today, so that meetings still to come do
// not count as missed), program (ids, repeated or comma-separated),
// department and cohort (repeated). Bad values are 400 naming the parameter.
func (s *Server) reportFilter(r *http.Request) (report.Filter, error) {
	q := r.URL.Query()
	var f report.Filter
	for _, d := range []struct {
		name string
		dst  *time.Time
		add  int
	}{{"from", &f.From, 0}, {"to", &f.To, 1}} {
		v := q.Get(d.name)
		if v == "" {
			continue
		}
		t, err := time.Parse(mentor.DateLayout, v)
		if err != nil {
			return f, badRequest(d.name, "%s must be a date such as 2026-03-31", d.name)
		}
		*d.dst = t.AddDate(0, 0, d.add) // to is included: the period ends the next midnight
	}
	if f.To.IsZero() {
		f.To = s.reportEnd()
	}
	if !f.From.IsZero() && !f.From.Before(f.To) {
		return f, badRequest("to", "to must not be before from")
	}
	for _, v := range q["program"] {
		for _, part := range strings.Split(v, ",") {
			id, ok := canonicalID(strings.TrimSpace(part))
			if !ok {
				return f, badRequest("program", "program must list program ids, as in program=3,5")
			}
			f.Programs = append(f.Programs, id)
		}
	}
	f.Departments, f.Cohorts = nonEmpty(q["department"]), nonEmpty(q["cohort"])
	return f, nil
}

// reportEnd is where a report's period ends unless asked: the end of today
// (UTC), so that meetings still to come do not count as missed.
func (s *Server) reportEnd() time.Time {
	return s.DB.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
}

// observational leaves the programs that are arms of a format trial out of
// f: the format comparison (API and page) is observational, and a trial's
// randomised result is kept apart, in GET /api/v1/trials/{id}.
func (s *Server) observational(ctx context.Context, f *report.Filter) error {
	var err error
	f.ExceptPrograms, err = s.DB.TrialProgramIDs(ctx)
	return err
}

// nonEmpty drops empty strings.
func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// reportData loads what the reports read, with the at-risk list of now.
func (s *Server) reportData(ctx context.Context) (*report.Data, error) {
	d, err := s.DB.ReportData(ctx)
	if err != nil {
		return nil, err
	}
	risks, err := store.All(func(p store.Page) ([]momentum.Risk, string, error) {
		return s.Momentum.AtRisk(ctx, 0, s.DB.Now(), p)
	})
	if err != nil {
		return nil, err
	}
	for _, rk := range risks {
		r := report.Risk{MatchID: rk.MatchID, ProgramID: rk.ProgramID}
		var details []string
		for _, reason := range rk.Reasons {
			r.Reasons = append(r.Reasons, reason.Code)
			details = append(details, reason.Detail)
		}
		r.Detail = strings.Join(details, " ")
		d.AtRisk = append(d.AtRisk, r)
	}
	return d, nil
}

// apiReportHealth answers the health report (coordinators and admins), as
// JSON or, with format=csv, as a CSV of the same figures.
func (s *Server) apiReportHealth(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	f, err := s.reportFilter(r)
	if err != nil {
		return err
	}
	opt := report.HealthOptions{SilentDays: report.DefaultSilentDays}
	if v := r.URL.Query().Get("silent_days"); v != "" {
		if opt.SilentDays, err = strconv.Atoi(v); err != nil || opt.SilentDays < 1 || opt.SilentDays > 365 {
			return badRequest("silent_days", "silent_days must be a whole number from 1 to 365")
		}
	}
	d, err := s.reportData(r.Context())
	if err != nil {
		return err
	}
	h := report.Health(d, f, opt)
	switch r.URL.Query().Get("format") {
	case "", "json":
		return writeJSON(w, http.StatusOK, h)
	case "csv":
		return writeHealthCSV(w, h)
	}
	return badRequest("format", "format must be json or csv")
}

// apiReportOutcomes answers the outcomes of each program (coordinators and admins).
func (s *Server) apiReportOutcomes(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	f, err := s.reportFilter(r)
	if err != nil {
		return err
	}
	d, err := s.reportData(r.Context())
	if err != nil {
		return err
	}
	o := report.Outcomes(d, f)
	switch r.URL.Query().Get("format") {
	case "", "json":
		return writeJSON(w, http.StatusOK, o)
	case "csv":
		return writeOutcomesCSV(w, o)
	}
	return badRequest("format", "format must be json or csv")
}

// apiReportFormats answers the format comparison (coordinators and admins).
// It is observational: programs that are arms of a format trial are left
// out, since their randomised result is the trial's (GET /api/v1/trials/{id}).
func (s *Server) apiReportFormats(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	f, err := s.reportFilter(r)
	if err != nil {
		return err
	}
	if err := s.observational(r.Context(), &f); err != nil {
		return err
	}
	d, err := s.reportData(r.Context())
	if err != nil {
		return err
	}
	c := report.Compare(d, f, report.CompareOptions{})
	switch r.URL.Query().Get("format") {
	case "", "json":
		return writeJSON(w, http.StatusOK, c)
	case "csv":
		return writeFormatsCSV(w, c)
	}
	return badRequest("format", "format must be json or csv")
}
