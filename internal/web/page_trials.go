package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
	"github.com/mentormesh/mentormesh/internal/store"
)

// trialsPageData is the list of trials and the form that starts one.
type trialsPageData struct {
	pageData
	Trials   []mentor.Trial
	Programs []mentor.Program // programs a trial may compare: enrolling or matching
	Form     form
}

// trialsPage lists the format trials (coordinators and admins).
func (s *Server) trialsPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderTrials(w, r, http.StatusOK, form{})
}

func (s *Server) renderTrials(w http.ResponseWriter, r *http.Request, status int, f form) error {
	if err := requireManager(r); err != nil {
		return err
	}
	trials, err := store.All(func(p store.Page) ([]mentor.Trial, string, error) { return s.DB.Trials(r.Context(), p) })
	if err != nil {
		return err
	}
	programs, err := store.All(func(p store.Page) ([]mentor.Program, string, error) {
		return s.DB.Programs(r.Context(), store.ProgramFilter{Page: p})
	})
	if err != nil {
		return err
	}
	d := trialsPageData{pageData: s.base(r, "Format trials"), Trials: trials, Form: f}
	for _, p := range programs {
		if p.Status == mentor.StatusEnrolling || p.Status == mentor.StatusMatching {
			d.Programs = append(d.Programs, p)
		}
	}
	return s.render(w, r, status, "trials", d)
}

// trialsCreate starts a trial from the form: a name and the programs.
func (s *Server) trialsCreate(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	var ids []int64
	for _, v := range r.PostForm["program"] {
		if id, ok := canonicalID(v); ok {
			ids = append(ids, id)
		}
	}
	t := mentor.Trial{Name: strings.TrimSpace(r.PostForm.Get("name"))}
	if err := s.DB.CreateTrial(r.Context(), &t, ids); err != nil {
		if f, status, ok := refused(r, err); ok {
			return s.renderTrials(w, r, status, f)
		}
		return err
	}
	s.audit(r, "create", "trial", t.ID, t.Name)
	return s.redirectFlash(w, r, "/trials/"+strconv.FormatInt(t.ID, 10), "Trial started: volunteers are now assigned at random.")
}

// armRow is one arm of a trial in the balance table.
type armRow struct {
	Program, Format string
	N               int
	MeanSeniority   string
	Bands           string
	Departments     string
}

type trialPageData struct {
	pageData
	Trial    *mentor.Trial
	Manages  bool
	Arms     []armRow
	Metrics  []metricView
	Assigned *mentor.TrialAssignment // the viewer's own assignment
	ArmName  string
	Form     form
}

// trialPage shows a trial: to coordinators its arms, the balance table and
// the randomised result; to participants what it is and a way to join.
func (s *Server) trialPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderTrial(w, r, http.StatusOK, form{})
}

func (s *Server) renderTrial(w http.ResponseWriter, r *http.Request, status int, f form) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, list, err := s.loadTrial(r.Context(), id)
	if err != nil {
		return err
	}
	u := currentUser(r)
	d := trialPageData{pageData: s.base(r, t.Name), Trial: t, Manages: u.Manages(), Form: f}
	for i := range list {
		if list[i].PersonID == u.PersonID {
			d.Assigned = &list[i]
			for _, a := range t.Arms {
				if a.ProgramID == list[i].ProgramID {
					d.ArmName = a.Name
				}
			}
		}
	}
	if d.Manages {
		for _, b := range report.TrialBalance(t.Arms, list) {
			d.Arms = append(d.Arms, armRowOf(t, b))
		}
		res, err := s.trialResult(r.Context(), t, list)
		if err != nil {
			return err
		}
		for _, m := range metricViews(res.Comparison) {
			if len(m.Rows) > 0 { // a metric no arm has data for yet is left out
				d.Metrics = append(d.Metrics, m)
			}
		}
	}
	return s.render(w, r, status, "trial", d)
}

// armRowOf says one arm's balance in words.
func armRowOf(t *mentor.Trial, b report.ArmBalance) armRow {
	row := armRow{Format: label(b.Format), N: b.N, MeanSeniority: "–", Bands: counts(b.Bands), Departments: counts(b.Departments)}
	if b.N > 0 {
		row.MeanSeniority = dec1(&b.MeanSeniority)
	}
	for _, a := range t.Arms {
		if a.ProgramID == b.ProgramID {
			row.Program = a.Name
		}
	}
	return row
}

// counts writes a tally as "Engineering 4, Sales 3", largest first.
func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		name := k
		if name == "" {
			name = "none given"
		}
		parts = append(parts, name+" "+strconv.Itoa(m[k]))
	}
	return strings.Join(parts, ", ")
}

// trialVolunteer assigns the signed-in person (or, for coordinators, the
// person with the e-mail address given) to an arm at random.
func (s *Server) trialVolunteer(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	u := currentUser(r)
	person := u.PersonID
	if email := strings.TrimSpace(r.PostForm.Get("email")); email != "" && u.Manages() {
		p, err := s.DB.PersonByEmail(r.Context(), email)
		if mentor.ErrorCode(err) == mentor.ENOTFOUND {
			return s.renderTrial(w, r, http.StatusUnprocessableEntity, form{Values: r.PostForm,
				Errors: []mentor.FieldError{{Field: "email", Message: "nobody has this e-mail address"}}})
		}
		if err != nil {
			return err
		}
		person = p.ID
	}
	a, err := s.DB.Volunteer(r.Context(), id, person)
	if err != nil {
		if f, status, ok := refused(r, err); ok {
			return s.renderTrial(w, r, status, f)
		}
		return err
	}
	s.audit(r, "volunteer", "trial", id, strconv.FormatInt(a.PersonID, 10))
	return s.redirectFlash(w, r, "/trials/"+strconv.FormatInt(id, 10), "Assigned at random: see the program below.")
}

// trialClose stops a trial taking volunteers.
func (s *Server) trialClose(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.DB.CloseTrial(r.Context(), id); err != nil {
		return err
	}
	s.audit(r, "close", "trial", id, "")
	return s.redirectFlash(w, r, "/trials/"+strconv.FormatInt(id, 10), "Trial closed: no more volunteers.")
}
