package mentor

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func fieldMessages(tb testing.TB, err error) map[string]string {
	tb.Helper()
	if ErrorCode(err) != EINVALID {
		tb.Fatalf("want an invalid error, got %v", err)
	}
	out := map[string]string{}
	for _, f := range ErrorFields(err) {
		out[f.Field] = f.Message
	}
	return out
}

func validGoal() Goal {
	b, t := 2.0, 10.0
	d := Date{time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}
	return Goal{OwnerID: 1, Title: "Give conference talks", Metric: "talks given", Baseline: &b, Target: &t,
		Plan: "submit to three CFPs", Relevance: "become a staff engineer", DueDate: &d}
}

func TestGoalValidate_NamesMissingLetter(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*Goal)
		field  string
		letter string
	}{
		{"specific", func(g *Goal) { g.Title = " " }, "title", "S (specific)"},
		{"measurable metric", func(g *Goal) { g.Metric = "" }, "metric", "M (measurable)"},
		{"measurable target", func(g *Goal) { g.Target = nil }, "target", "M (measurable)"},
		{"achievable", func(g *Goal) { g.Plan = "" }, "plan", "A (achievable)"},
		{"relevant", func(g *Goal) { g.Relevance = "" }, "relevance", "R (relevant)"},
		{"time-bound", func(g *Goal) { g.DueDate = nil }, "due_date", "T (time-bound)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := validGoal()
			c.mutate(&g)
			msgs := fieldMessages(t, g.Validate())
			if len(msgs) != 1 || !strings.HasPrefix(msgs[c.field], c.letter) {
				t.Fatalf("want only %s naming %q, got %v", c.field, c.letter, msgs)
			}
		})
	}
	g := validGoal()
	if err := g.Validate(); err != nil {
		t.Fatalf("valid goal rejected: %v", err)
	}
	id := int64(3)
	g.Relevance, g.SkillID = "", &id
	if err := g.Validate(); err != nil {
		t.Fatalf("a linked skill is relevant enough: %v", err)
	}
}

func TestEnrollmentValidate_Capacity(t *testing.T) {
	for _, c := range []struct {
		name string
		cap  int
		ok   bool
	}{{"zero", 0, false}, {"one", 1, true}, {"max", MaxCapacity, true}, {"500", 500, false}} {
		t.Run(c.name, func(t *testing.T) {
			e := Enrollment{PersonID: 1, Role: RoleMentor, Capacity: c.cap}
			err := e.Validate(FormatMentoring)
			if c.ok != (err == nil) {
				t.Fatalf("capacity %d: err=%v", c.cap, err)
			}
			if !c.ok && fieldMessages(t, err)["capacity"] == "" {
				t.Fatalf("capacity not named: %v", err)
			}
		})
	}
	e := Enrollment{PersonID: 1, Role: RoleMentor, Capacity: 1}
	if msgs := fieldMessages(t, e.Validate(FormatPeer)); msgs["role"] == "" {
		t.Fatalf("a mentor in a peer program must be refused: %v", msgs)
	}
}

func TestTransition_Lifecycle(t *testing.T) {
	legal := [][2]Status{{StatusDraft, StatusEnrolling}, {StatusEnrolling, StatusMatching}, {StatusMatching, StatusRunning}, {StatusRunning, StatusClosed}, {StatusEnrolling, StatusDraft}}
	for _, l := range legal {
		if err := Transition(l[0], l[1]); err != nil {
			t.Errorf("%s -> %s refused: %v", l[0], l[1], err)
		}
	}
	illegal := [][2]Status{{StatusDraft, StatusRunning}, {StatusClosed, StatusDraft}, {StatusRunning, StatusEnrolling}, {StatusDraft, StatusDraft}}
	for _, l := range illegal {
		err := Transition(l[0], l[1])
		if ErrorCode(err) != ECONFLICT || !strings.Contains(ErrorMessage(err), "cannot move") {
			t.Errorf("%s -> %s: want a conflict with a reason, got %v", l[0], l[1], err)
		}
	}
	if ErrorCode(Transition(StatusDraft, "paused")) != EINVALID {
		t.Error("unknown status must be invalid")
	}
}

func TestProgramValidate_Fields(t *testing.T) {
	p := Program{Name: "Circles", Format: FormatCircles}
	p.ApplyDefaults()
	if err := p.Validate(); err != nil {
		t.Fatalf("defaults must validate: %v", err)
	}
	p.Options.GroupSize = 12
	p.Options.Weights = map[string]float64{"luck": 3}
	msgs := fieldMessages(t, p.Validate())
	if msgs["options.group_size"] == "" || msgs["options.weights.luck"] == "" {
		t.Fatalf("want group size and weight problems, got %v", msgs)
	}
	q := Program{Name: "x", Format: "speed_dating"}
	q.ApplyDefaults()
	if fieldMessages(t, q.Validate())["format"] == "" {
		t.Fatal("unknown format must be named")
	}
}

func TestPersonValidate_Fields(t *testing.T) {
	p := Person{Name: "Ana", Email: "not-an-email", Seniority: 9, TimeZone: "Mars/Base",
		Skills: []PersonSkill{{Skill: "Go", Level: 7, Offers: true}, {Skill: "go", Level: 3, Wants: true}}}
	p.Normalize()
	msgs := fieldMessages(t, p.Validate())
	for _, f := range []string{"email", "seniority", "time_zone", "skills[0].level", "skills[1].skill"} {
		if msgs[f] == "" {
			t.Errorf("field %s not reported; got %v", f, msgs)
		}
	}
}

func TestGeneration_Bands(t *testing.T) {
	for year, want := range map[int]string{2015: "gen_alpha", 2000: "gen_z", 1990: "millennial", 1970: "gen_x", 1950: "boomer", 0: ""} {
		if got := Generation(year); got != want {
			t.Errorf("Generation(%d) = %q, want %q", year, got, want)
		}
	}
}

func TestError_InternalHidesItsCause(t *testing.T) {
	cause := errors.New("pq: relation \"people\" does not exist at 10.0.0.5")
	err := fmt.Errorf("load: %w", Internal(cause))
	if ErrorCode(err) != EINTERNAL || ErrorMessage(err) != "Internal error." {
		t.Fatalf("code %q, message %q", ErrorCode(err), ErrorMessage(err))
	}
	if !errors.Is(err, cause) || !strings.Contains(err.Error(), "10.0.0.5") {
		t.Fatalf("the cause must stay in the chain and the log text: %v", err)
	}
	if got := ErrorMessage(Errorf(EINTERNAL, "matching failed: %v", cause)); got != "Internal error." {
		t.Fatalf("an EINTERNAL message leaks: %q", got)
	}
	if got := ErrorMessage(Errorf(ECONFLICT, "Program is closed.")); got != "Program is closed." {
		t.Fatalf("a conflict's message: %q", got)
	}
}
