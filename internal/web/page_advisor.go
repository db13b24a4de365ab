package web

import (
	"net/http"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
)

// advisorPick is one ranked format on the advisor page.
type advisorPick struct {
	Label, Score, Evidence string
	Reasons                []string
	Programs               []mentor.Program
}

type advisorPageData struct {
	pageData
	Text, Horizon, Source, Scope string
	Checks                       map[string]bool
	Asked, Confident             bool
	Picks                        []advisorPick
	Error                        string
}

// advisorChecks are the yes/no questions, as form fields.
var advisorChecks = []string{"one_question", "observe_work", "digital_gap", "several_perspectives", "can_teach"}

// advisorPage asks a person about their goal (a GET form, so the answer can
// be bookmarked and needs no CSRF token) and ranks the formats for it.
func (s *Server) advisorPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	d := advisorPageData{pageData: s.base(r, "Which format fits me?"), Text: strings.TrimSpace(q.Get("text")),
		Horizon: q.Get("horizon"), Source: q.Get("source"), Scope: q.Get("scope"), Checks: map[string]bool{}}
	in := report.AdvisorInput{Text: d.Text}
	yes := func(name string) *bool {
		if q.Get(name) != "yes" {
			return nil
		}
		d.Checks[name] = true
		t := true
		return &t
	}
	in.OneQuestion, in.ObserveWork, in.DigitalGap, in.SeveralPerspectives, in.CanTeach =
		yes("one_question"), yes("observe_work"), yes("digital_gap"), yes("several_perspectives"), yes("can_teach")
	for _, c := range []struct{ v, a, b string }{{d.Horizon, "short", "long"}, {d.Source, "senior", "equals"}, {d.Scope, "individual", "team"}} {
		if c.v != "" && c.v != c.a && c.v != c.b {
			d.Error = "Choose one of the offered answers."
		}
	}
	in.Horizon, in.Source, in.Scope = d.Horizon, d.Source, d.Scope
	d.Asked = d.Text != "" || len(d.Checks) > 0 || d.Horizon != "" || d.Source != "" || d.Scope != ""
	if len(d.Text) > 4000 {
		d.Error = "Please describe your goal in at most 4000 characters."
	}
	if !d.Asked || d.Error != "" {
		return s.render(w, r, http.StatusOK, "advisor", d)
	}
	cmp, err := s.comparison(r.Context())
	if err != nil {
		return err
	}
	advice := report.Advise(in, cmp)
	open, err := s.enrollingPrograms(r.Context())
	if err != nil {
		return err
	}
	d.Confident = advice.Confident
	for i, fa := range advice.Formats {
		if i >= 3 && fa.Score < 0.2 {
			break // the page lists the fitting formats; the API lists all
		}
		pick := advisorPick{Label: fa.Label, Score: pctWord(fa.Score), Reasons: fa.Reasons}
		if i == 0 {
			pick.Evidence = advice.Evidence
		}
		for _, p := range open {
			if p.Format == fa.Format && p.Slug != "" {
				pick.Programs = append(pick.Programs, p)
			}
		}
		d.Picks = append(d.Picks, pick)
	}
	return s.render(w, r, http.StatusOK, "advisor", d)
}

// pctWord says a fit score 0..1 in words.
func pctWord(score float64) string {
	switch {
	case score >= 0.66:
		return "a strong fit"
	case score >= 0.33:
		return "a fair fit"
	}
	return "a weak fit"
}
