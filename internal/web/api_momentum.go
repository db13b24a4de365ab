package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/momentum"
	"github.com/mentormesh/mentormesh/internal/store"
)

// momentumRoutes registers the momentum features: the at-risk report and
// the sweep, abuse reports, ending a match, and the calendar (api_calendar.go).
func (s *Server) momentumRoutes() {
	s.private("GET /api/v1/reports/at-risk", s.apiAtRisk)
	s.private("POST /api/v1/admin/sweep", s.apiSweep)
	s.private("POST /api/v1/matches/{id}/report", s.apiMatchReport)
	s.private("GET /api/v1/reports/abuse", s.apiAbuseList)
	s.private("POST /api/v1/reports/abuse/{id}/close", s.apiAbuseClose)
	s.private("POST /api/v1/matches/{id}/end", s.apiMatchEnd)
	s.private("POST /api/v1/matches/{id}/resume", s.apiMatchResume)
	s.calendarRoutes()
}

// apiAtRisk lists the at-risk matches (coordinators and admins), as JSON or,
// with format=csv, as a CSV file of every page.
func (s *Server) apiAtRisk(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	program, err := queryInt(r, "program_id")
	if err != nil {
		return err
	}
	pg, err := page(r)
	if err != nil {
		return err
	}
	svc, now := s.Momentum, s.DB.Now()
	switch r.URL.Query().Get("format") {
	case "", "json":
		list, next, err := svc.AtRisk(r.Context(), program, now, pg)
		if err != nil {
			return err
		}
		return writeList(w, list, next)
	case "csv":
	default:
		return badRequest("format", "format must be json or csv")
	}
	var all []momentum.Risk
	pg = store.Page{Limit: store.MaxLimit}
	for {
		list, next, err := svc.AtRisk(r.Context(), program, now, pg)
		if err != nil {
			return err
		}
		all = append(all, list...)
		if next == "" {
			break
		}
		pg.Cursor = next
	}
	return writeRiskCSV(w, all)
}

func writeRiskCSV(w http.ResponseWriter, risks []momentum.Risk) error {
	cw := newCSVExport(w, "at-risk.csv", "match_id", "program_id", "program", "state", "members", "reasons", "details", "last_activity",
		"last_activity_at", "silent_days", "latest_pulse", "last_nudge_at")
	for _, r := range risks {
		var members, codes, details []string
		for _, m := range r.Members {
			members = append(members, fmt.Sprintf("%s (%s)", m.Name, m.Role))
		}
		for _, rs := range r.Reasons {
			codes, details = append(codes, rs.Code), append(details, rs.Detail)
		}
		kind, at, nudge := "", "", ""
		if r.LastActivity != nil {
			kind, at = r.LastActivity.Kind, r.LastActivity.At.Format(time.RFC3339)
		}
		if r.LastNudge != nil {
			nudge = r.LastNudge.Format(time.RFC3339)
		}
		cw.row(strconv.FormatInt(r.MatchID, 10), strconv.FormatInt(r.ProgramID, 10), r.Program,
			string(r.State), strings.Join(members, "; "), strings.Join(codes, " "), strings.Join(details, " "),
			kind, at, strconv.Itoa(r.SilentDays), strconv.Itoa(r.LatestPulse), nudge)
	}
	return cw.close()
}

// apiSweep runs the sweep now (coordinators and admins) and returns its counts.
func (s *Server) apiSweep(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	res, err := s.Momentum.Sweep(r.Context(), s.DB.Now())
	if err != nil {
		return err
	}
	s.audit(r, "sweep", "momentum", 0, fmt.Sprintf("checked %d, expired %d, reminded %d, warned %d, paused %d",
		res.Checked, res.Expired, res.Reminded, res.Warned, res.Paused))
	return writeJSON(w, http.StatusOK, res)
}

type abuseReportInput struct {
	PersonID int64  `json:"person_id"`
	Reason   string `json:"reason"`
}

// apiMatchReport files a member's report about another member of the match.
func (s *Server) apiMatchReport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.memberOf(r, id); err != nil {
		return err
	}
	var in abuseReportInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	rep := &mentor.AbuseReport{MatchID: id, ReporterID: currentUser(r).PersonID, ReportedID: in.PersonID, Reason: in.Reason}
	if err := s.DB.CreateAbuseReport(r.Context(), rep); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, rep)
}

// apiAbuseList lists abuse reports for coordinators and admins.
func (s *Server) apiAbuseList(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	pg, err := page(r)
	if err != nil {
		return err
	}
	f := store.AbuseFilter{Status: mentor.AbuseStatus(r.URL.Query().Get("status")), Page: pg}
	if f.MatchID, err = queryInt(r, "match_id"); err != nil {
		return err
	}
	if f.ProgramID, err = queryInt(r, "program_id"); err != nil {
		return err
	}
	list, next, err := s.DB.AbuseReports(r.Context(), f)
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

// apiAbuseClose closes an abuse report (coordinators and admins).
func (s *Server) apiAbuseClose(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rep, err := s.DB.CloseAbuseReport(r.Context(), id, currentUser(r).PersonID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rep)
}

type endMatchInput struct {
	Reason string `json:"reason"`
}

// apiMatchEnd ends a match on behalf of a member or a coordinator.
func (s *Server) apiMatchEnd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.visibleMatch(r, id); err != nil {
		return err
	}
	var in endMatchInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	m, err := s.DB.EndMatch(r.Context(), id, currentUser(r).PersonID, in.Reason)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, m)
}

// errNoMail is the answer when a feature needs e-mail the server lacks.
var errNoMail = mentor.Errorf(mentor.ECONFLICT, "E-mail is not set up on this server.")
