package web

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/report"
	"github.com/mentormesh/mentormesh/internal/store"
)

// advisorRequest is what a person tells the format advisor.
type advisorRequest struct {
	Text    string         `json:"text"`
	Answers advisorAnswers `json:"answers"`
}

// advisorAnswers are the optional questions; see report.AdvisorInput.
type advisorAnswers struct {
	Horizon             string `json:"horizon"`
	Source              string `json:"source"`
	Scope               string `json:"scope"`
	OneQuestion         *bool  `json:"one_question"`
	ObserveWork         *bool  `json:"observe_work"`
	DigitalGap          *bool  `json:"digital_gap"`
	SeveralPerspectives *bool  `json:"several_perspectives"`
	CanTeach            *bool  `json:"can_teach"`
}

// recommendation is one format in the advisor's answer.
type recommendation struct {
	Format   mentor.Format  `json:"format"`
	Label    string         `json:"label"`
	Score    float64        `json:"score"`
	Reasons  []string       `json:"reasons"`
	Evidence string         `json:"evidence,omitempty"`
	Programs []programBrief `json:"programs"`
}

// programBrief names a program a person can join.
type programBrief struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type advisorAnswer struct {
	Recommendations []recommendation `json:"recommendations"`
	Confident       bool             `json:"confident"`
	Shortlist       []mentor.Format  `json:"shortlist"`
}

// comparisonCache keeps the organisation's format comparison for the
// advisor's evidence for a few minutes: it is costly to compute and the
// evidence need not be to the second.
type comparisonCache struct {
	mu  sync.Mutex
	at  time.Time
	cmp *report.Comparison
}

const comparisonTTL = 5 * time.Minute

// comparison returns the cached comparison, computing it when older than the TTL.
func (s *Server) comparison(ctx context.Context) (*report.Comparison, error) {
	s.compare.mu.Lock()
	defer s.compare.mu.Unlock()
	if s.compare.cmp != nil && time.Since(s.compare.at) < comparisonTTL {
		return s.compare.cmp, nil
	}
	d, err := s.DB.ReportData(ctx)
	if err != nil {
		return nil, err
	}
	c := report.Compare(d, report.Filter{}, report.CompareOptions{})
	s.compare.cmp, s.compare.at = &c, time.Now()
	return &c, nil
}

// apiAdvisor ranks the formats for a person's goal (any signed-in person),
// with reasons, the organisation's own evidence where it has enough data,
// and the programs of each format open for enrollment.
func (s *Server) apiAdvisor(w http.ResponseWriter, r *http.Request) error {
	var in advisorRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	var pr mentor.Problems
	pr.Check(len(in.Text) > 4000, "text", "is longer than 4000 characters")
	a := in.Answers
	pr.Check(a.Horizon != "" && a.Horizon != "short" && a.Horizon != "long", "answers.horizon", "must be short or long")
	pr.Check(a.Source != "" && a.Source != "senior" && a.Source != "equals", "answers.source", "must be senior or equals")
	pr.Check(a.Scope != "" && a.Scope != "individual" && a.Scope != "team", "answers.scope", "must be individual or team")
	if err := pr.Err("question"); err != nil {
		return err
	}
	cmp, err := s.comparison(r.Context())
	if err != nil {
		return err
	}
	advice := report.Advise(report.AdvisorInput{Text: in.Text, Horizon: a.Horizon, Source: a.Source, Scope: a.Scope,
		OneQuestion: a.OneQuestion, ObserveWork: a.ObserveWork, DigitalGap: a.DigitalGap,
		SeveralPerspectives: a.SeveralPerspectives, CanTeach: a.CanTeach}, cmp)
	open, err := s.openPrograms(r.Context())
	if err != nil {
		return err
	}
	out := advisorAnswer{Confident: advice.Confident, Shortlist: advice.Shortlist, Recommendations: []recommendation{}}
	for i, fa := range advice.Formats {
		rec := recommendation{Format: fa.Format, Label: fa.Label, Score: fa.Score, Reasons: fa.Reasons, Programs: open[fa.Format]}
		if rec.Programs == nil {
			rec.Programs = []programBrief{}
		}
		if i == 0 {
			rec.Evidence = advice.Evidence
		}
		out.Recommendations = append(out.Recommendations, rec)
	}
	return writeJSON(w, http.StatusOK, out)
}

// enrollingPrograms lists every program taking enrollments.
func (s *Server) enrollingPrograms(ctx context.Context) ([]mentor.Program, error) {
	return store.All(func(p store.Page) ([]mentor.Program, string, error) {
		return s.DB.Programs(ctx, store.ProgramFilter{Status: mentor.StatusEnrolling, Page: p})
	})
}

// openPrograms lists the programs taking enrollments, by format.
func (s *Server) openPrograms(ctx context.Context) (map[mentor.Format][]programBrief, error) {
	programs, err := s.enrollingPrograms(ctx)
	if err != nil {
		return nil, err
	}
	out := map[mentor.Format][]programBrief{}
	for _, p := range programs {
		out[p.Format] = append(out[p.Format], programBrief{ID: p.ID, Name: p.Name})
	}
	return out, nil
}
