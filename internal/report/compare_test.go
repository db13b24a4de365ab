package report

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// pairSpec is one relationship of goalOrg: its program (1 mentoring, 2
// peer), its learner's seniority and department, and its goals.
type pairSpec struct {
	program    int64
	seniority  int
	dept       string
	done, open int
}

// goalOrg builds relationships with goals due in January 2026.
func goalOrg(tb testing.TB, specs []pairSpec) *Data {
	tb.Helper()
	d := &Data{Programs: []Program{{ID: 1, Name: "M", Format: mentor.FormatMentoring}, {ID: 2, Name: "P", Format: mentor.FormatPeer}}}
	for i, s := range specs {
		id, person := int64(i+1), int64(100+i)
		d.Enrollments = append(d.Enrollments, Enrollment{PersonID: person, ProgramID: s.program, Role: mentor.RoleMentee,
			Status: mentor.EnrollmentActive, Seniority: s.seniority, Department: s.dept})
		d.Relationships = append(d.Relationships, Relationship{ID: id, ProgramID: s.program, State: mentor.MatchActive,
			Members: []Member{{PersonID: person, Role: mentor.RoleMentee}}, Started: day(tb, "2025-12-01")})
		for k := range s.done + s.open {
			g := Goal{OwnerID: person, ProgramID: s.program, RelationshipID: id, Due: day(tb, "2026-01-15"), Status: mentor.GoalOpen}
			if k < s.done {
				g.Status = mentor.GoalAchieved
			}
			d.Goals = append(d.Goals, g)
		}
	}
	return d
}

func january(tb testing.TB) Filter {
	tb.Helper()
	return Filter{From: day(tb, "2026-01-01"), To: day(tb, "2026-02-01")}
}

func metricOf(tb testing.TB, c Comparison, id string) MetricComparison {
	tb.Helper()
	for _, m := range c.Metrics {
		if m.Metric == id {
			return m
		}
	}
	tb.Fatalf("no metric %s", id)
	return MetricComparison{}
}

func TestCompare_Estimates(t *testing.T) {
	d := goalOrg(t, []pairSpec{{1, 2, "Eng", 1, 1}, {1, 2, "Eng", 1, 0}, {2, 2, "Eng", 0, 2}})
	d.Goals[1].Progress = 0.5
	d.Goals[3].Progress, d.Goals[4].Progress = 0.2, 0.4
	d.Relationships[0].Started = day(t, "2026-01-01")
	d.Relationships[1].Started = day(t, "2026-01-16")
	d.Relationships[2].Started = day(t, "2026-01-01")
	for i, m := range []struct {
		rel     int64
		ratings []int
	}{{1, []int{4, 5}}, {1, nil}, {2, []int{3}}, {3, []int{2}}} {
		d.Meetings = append(d.Meetings, Meeting{ID: int64(i + 1), RelationshipID: m.rel, At: day(t, "2026-01-20"), Status: "held"})
		for _, r := range m.ratings {
			d.Feedback = append(d.Feedback, Feedback{MeetingID: int64(i + 1), Rating: r})
		}
	}
	c := Compare(d, january(t), CompareOptions{Resamples: 200})
	want := map[string][2]float64{ // mentoring, peer
		MetricGoalCompletion:   {2.0 / 3, 0},
		MetricGoalProgress:     {2.5 / 3, 0.3},
		MetricMeetingRating:    {4, 2},
		MetricMeetingsPerMonth: {3 / (47.0 / 30), 1 / (31.0 / 30)},
	}
	for id, w := range want {
		m := metricOf(t, c, id)
		if len(m.Formats) != 2 || m.Formats[0].Format != mentor.FormatMentoring || m.Formats[1].Label != "peer mentoring" {
			t.Fatalf("%s formats %+v, want mentoring and peer mentoring", id, m.Formats)
		}
		near(t, id+" mentoring", &m.Formats[0].Value, w[0])
		near(t, id+" peer", &m.Formats[1].Value, w[1])
		if m.Formats[0].N != 2 || m.Formats[1].N != 1 {
			t.Errorf("%s n = %d, %d; want 2, 1", id, m.Formats[0].N, m.Formats[1].N)
		}
		df := m.Differences[0]
		near(t, id+" difference", &df.Value, w[0]-w[1])
		if df.Verdict != VerdictTooFew || !strings.HasPrefix(df.Text, "Too few to say (n < 10): 2 relationships in mentoring, 1 in peer mentoring") {
			t.Errorf("%s verdict %s %q, want too_few", id, df.Verdict, df.Text)
		}
	}
	if m := metricOf(t, c, MetricRetention); len(m.Formats) != 0 {
		t.Errorf("retention formats %+v, want none (nothing decided)", m.Formats)
	}
}

func TestCompare_AdjustedLikeForLike(t *testing.T) {
	// Within each stratum both formats do equally well; mentoring only
	// looks better because its people sit in the better stratum.
	var specs []pairSpec
	add := func(n int, s pairSpec) {
		for range n {
			specs = append(specs, s)
		}
	}
	add(3, pairSpec{1, 1, "Eng", 1, 0})
	add(1, pairSpec{1, 5, "Sales", 0, 1})
	add(2, pairSpec{1, 3, "Legal", 1, 0})
	add(1, pairSpec{2, 2, "Eng", 1, 0})
	add(3, pairSpec{2, 6, "Sales", 0, 1})
	m := metricOf(t, Compare(goalOrg(t, specs), january(t), CompareOptions{}), MetricGoalCompletion)
	near(t, "raw difference", &m.Differences[0].Value, 5.0/6-0.25)
	adj := m.Adjusted
	if len(adj.Formats) != 2 || len(adj.Differences) != 1 {
		t.Fatalf("adjusted %+v, want 2 formats and 1 difference", adj)
	}
	near(t, "adjusted mentoring", &adj.Formats[0].Value, 0.6)
	near(t, "adjusted peer", &adj.Formats[1].Value, 0.5)
	near(t, "peer coverage", adj.Formats[1].Coverage, 0.8)
	df := adj.Differences[0]
	near(t, "adjusted difference", &df.Value, 0)
	near(t, "adjusted low", &df.CILow, 0)
	near(t, "adjusted high", &df.CIHigh, 0)
	if df.Strata != 2 || df.Dropped != 2 || df.Verdict != VerdictTooFew {
		t.Errorf("strata %d dropped %d verdict %s, want 2 2 too_few", df.Strata, df.Dropped, df.Verdict)
	}
}

func TestCompare_Reproducible(t *testing.T) {
	d := synth(t, synthSpec{formats: []mentor.Format{mentor.FormatMentoring, mentor.FormatAdvisoryBoard},
		perFormat: []int{40, 40}, goalP: []float64{0.6, 0.5}, full: true, seed: 3})
	a := Compare(d, Filter{}, CompareOptions{Resamples: 300})
	b := Compare(d, Filter{}, CompareOptions{Resamples: 300})
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs with the same seed differ")
	}
	c := Compare(d, Filter{}, CompareOptions{Resamples: 300, Seed: 99})
	if reflect.DeepEqual(a.Metrics[0].Formats, c.Metrics[0].Formats) {
		t.Error("another seed gave the same intervals")
	}
	raw, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	js := string(raw)
	for _, want := range []string{`"metric":"goal_completion"`, `"unit":"share"`, `"format":"advisory_board"`, `"label":"advisory board"`,
		`"ci_low":`, `"verdict":`, `"adjusted":{"method":`} {
		if !strings.Contains(js, want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	for _, m := range a.Metrics {
		for _, df := range append(m.Differences, m.Adjusted.Differences...) {
			if strings.Contains(df.Text, "_") {
				t.Errorf("text with a raw identifier: %q", df.Text)
			}
		}
	}
}

func TestCompare_EmptyData(t *testing.T) {
	d := &Data{}
	c := Compare(d, Filter{}, CompareOptions{Resamples: 50})
	if len(c.Metrics) != nMetrics || len(c.Metrics[0].Formats) != 0 || len(c.Metrics[0].Adjusted.Differences) != 0 {
		t.Errorf("comparison of nothing: %+v", c.Metrics[0])
	}
	for _, v := range []any{c, Health(d, Filter{}, HealthOptions{}), Outcomes(d, Filter{})} {
		if _, err := json.Marshal(v); err != nil {
			t.Errorf("JSON of an empty report: %v", err)
		}
	}
}
