package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// matchAction is a form POST on a match page: it loads the match (for
// members only), reads the form and runs do. A refusal the form can show
// (EINVALID, ECONFLICT) renders the page again with the input kept and the
// errors beside the fields; success answers 303 to the match page with a
// flash message (or to the address do returns).
func (s *Server) matchAction(name string, do func(r *http.Request, m *mentor.Match, d pageData) (msg, to string, err error)) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		m, err := s.memberOf(r, id)
		if err != nil {
			return err
		}
		if err := parseForm(w, r); err != nil {
			return err
		}
		msg, to, err := do(r, m, s.base(r, ""))
		if err != nil {
			f, status, ok := refused(r, err)
			if !ok {
				return err
			}
			return s.renderMatch(w, r, status, map[string]form{name: f})
		}
		if to == "" {
			to = matchPath(id)
		}
		return s.redirectFlash(w, r, to, msg)
	}
}

func (s *Server) matchPageRoutes() {
	s.private("GET /matches", s.matchesPage)
	s.private("GET /matches/{id}", s.matchPageGet)
	s.private("POST /matches/{id}/meetings", s.matchAction("schedule", s.scheduleMeeting))
	s.private("POST /matches/{id}/end", s.matchAction("end", func(r *http.Request, m *mentor.Match, _ pageData) (string, string, error) {
		_, err := s.DB.EndMatch(r.Context(), m.ID, currentUser(r).PersonID, r.PostForm.Get("reason"))
		return "The match has ended. Thank you for taking part.", "", err
	}))
	s.private("POST /matches/{id}/resume", s.matchAction("resume", func(r *http.Request, m *mentor.Match, _ pageData) (string, string, error) {
		_, err := s.DB.ResumeMatch(r.Context(), m.ID, currentUser(r).PersonID)
		return "The match is active again.", "", err
	}))
	s.private("POST /matches/{id}/report", s.matchAction("report", s.reportProblem))
	s.private("POST /matches/{id}/check-in", s.matchAction("checkin", s.checkIn))
	s.private("POST /matches/{id}/assess", s.matchAction("assess", s.assessSkill))
}

// scheduleMeeting creates a meeting of the match from the schedule form.
func (s *Server) scheduleMeeting(r *http.Request, m *mentor.Match, d pageData) (string, string, error) {
	f := r.PostForm
	mt := mentor.Meeting{MatchID: m.ID, Agenda: f.Get("agenda"), Dilemma: f.Get("dilemma")}
	var pr mentor.Problems
	at, ok := d.parseInputTime(f.Get("starts_at"))
	pr.Check(!ok, "starts_at", "give a date and time")
	mt.StartsAt = at
	var good bool
	mt.Minutes, good = formInt(r, "minutes")
	pr.Check(!good, "minutes", "give the length in whole minutes")
	if err := pr.Err("meeting"); err != nil {
		return "", "", err
	}
	if err := s.DB.CreateMeeting(r.Context(), &mt); err != nil {
		return "", "", err
	}
	return "Meeting scheduled for " + d.When(mt.StartsAt) + ".", meetingPath(mt.ID), nil
}

// reportProblem files a private report about another member to the coordinators.
func (s *Server) reportProblem(r *http.Request, m *mentor.Match, _ pageData) (string, string, error) {
	who, _ := strconv.ParseInt(r.PostForm.Get("person_id"), 10, 64)
	rep := &mentor.AbuseReport{MatchID: m.ID, ReporterID: currentUser(r).PersonID, ReportedID: who, Reason: r.PostForm.Get("reason")}
	if err := s.DB.CreateAbuseReport(r.Context(), rep); err != nil {
		return "", "", err
	}
	return "Your report went to the program's coordinators only. They will be in touch.", "", nil
}

// checkIn records the monthly pulse of the match.
func (s *Server) checkIn(r *http.Request, m *mentor.Match, _ pageData) (string, string, error) {
	pulse, ok := formInt(r, "pulse")
	if !ok || pulse == 0 {
		return "", "", &mentor.Error{Code: mentor.EINVALID, Message: "Say how it is going.", Fields: []mentor.FieldError{{Field: "pulse", Message: "choose one of the five answers"}}}
	}
	c := mentor.CheckIn{MatchID: m.ID, PersonID: currentUser(r).PersonID, Pulse: pulse, Note: r.PostForm.Get("note")}
	if err := s.DB.CreateCheckIn(r.Context(), &c); err != nil {
		return "", "", err
	}
	return "Check-in saved. Thank you.", "", nil
}

// assessSkill records a self-assessment or an assessment of a confirmed partner.
func (s *Server) assessSkill(r *http.Request, m *mentor.Match, _ pageData) (string, string, error) {
	u := currentUser(r)
	who, _ := strconv.ParseInt(r.PostForm.Get("person_id"), 10, 64)
	if who == 0 {
		who = u.PersonID
	}
	kind := "self"
	if who != u.PersonID {
		if !m.HasMember(who) || !m.State.Confirmed() {
			return "", "", forbidden("You may assess yourself and your confirmed partners only.")
		}
		kind = "partner"
	}
	level, _ := formInt(r, "level")
	a := mentor.SkillAssessment{PersonID: who, Skill: strings.TrimSpace(r.PostForm.Get("skill")), AssessorID: u.PersonID,
		Kind: kind, Phase: r.PostForm.Get("phase"), Level: level, MatchID: &m.ID}
	if err := s.DB.CreateAssessment(r.Context(), &a); err != nil {
		return "", "", err
	}
	return "Assessment saved.", "", nil
}
