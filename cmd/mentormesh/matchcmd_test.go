package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

func writePeople(t *testing.T, people []map[string]any) string {
	t.Helper()
	b, _ := json.Marshal(people)
	path := filepath.Join(t.TempDir(), "people.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMatchCLI_PeopleFile(t *testing.T) {
	people := []map[string]any{
		{"id": "ana", "name": "Ana", "role": "mentee", "seniority": 2, "department": "Data", "languages": []string{"English"}, "wants": []map[string]any{{"skill": "SQL", "level": 1}}},
		{"id": "ben", "name": "Ben", "role": "mentee", "seniority": 2, "department": "Sales", "languages": []string{"English"}, "wants": []map[string]any{{"skill": "Go", "level": 1}}},
		{"id": "cy", "name": "Cy", "role": "mentor", "capacity": 1, "seniority": 5, "department": "Data", "languages": []string{"English"}, "offers": []map[string]any{{"skill": "SQL", "level": 5}}},
		{"id": "di", "name": "Di", "role": "mentor", "capacity": 1, "seniority": 5, "department": "Ops", "languages": []string{"English"}, "offers": []map[string]any{{"skill": "Go", "level": 5}}},
	}
	path := writePeople(t, people)
	code, out, errs := runCLI(t, "match", "--people", path, "--format", "mentoring")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Ana (mentee), Cy (mentor)") || !strings.Contains(out, "Ben (mentee), Di (mentor)") || !strings.Contains(out, "# format=mentoring matches=2 unmatched=0") {
		t.Fatalf("table:\n%s", out)
	}
	if !strings.Contains(out, "SQL") {
		t.Fatalf("the reason should name the skill:\n%s", out)
	}
	code, out, _ = runCLI(t, "match", "--people", path, "--format", "mentoring", "--json")
	var res struct {
		Matches []struct {
			Members []string
			Score   float64
			Reason  string
		}
	}
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res.Matches) != 2 || res.Matches[0].Score <= 0 || res.Matches[0].Reason == "" {
		t.Fatalf("json: %d %s", code, out)
	}
}

func TestMatchCLI_BadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`[{"id": "a", "colour": "red"}]`), 0o600)
	dup := writePeople(t, []map[string]any{{"id": "a"}, {"id": "a"}})
	for name, args := range map[string][]string{
		"no input":       {"match"},
		"unknown format": {"match", "--people", dup, "--format", "speed_dating"},
		"unknown field":  {"match", "--people", bad, "--format", "peer"},
		"repeated id":    {"match", "--people", dup, "--format", "peer"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errs := runCLI(t, args...)
			if code != 2 || out != "" || errs == "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
			}
		})
	}
}

func TestMatchCLI_Program(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "m.db")
	if code, out, errs := runCLI(t, "import", "people", "../../testdata/people.csv", "--db", db); code != 0 {
		t.Fatalf("import: %s %s", out, errs)
	}
	code, _, errs := runCLI(t, "match", "--program", "999", "--db", db)
	if code == 0 || !strings.Contains(errs, "999") {
		t.Fatalf("unknown program: %d %q", code, errs)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := &mentor.Program{Name: "Peers", Format: mentor.FormatPeer}
	if err := st.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	people, _, err := st.People(ctx, store.PeopleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, person := range people {
		if err := st.CreateEnrollment(ctx, &mentor.Enrollment{ProgramID: p.ID, PersonID: person.ID, Role: mentor.RolePeer}); err != nil {
			t.Fatal(err)
		}
	}
	id := fmt.Sprint(p.ID)
	if code, _, errs := runCLI(t, "match", "--program", id, "--db", db); code == 0 || !strings.Contains(errs, "draft") {
		t.Fatalf("a draft program must be refused with the reason: %d %q", code, errs)
	}
	st.SetProgramStatus(ctx, p.ID, mentor.StatusEnrolling)
	st.SetProgramStatus(ctx, p.ID, mentor.StatusMatching)
	code, out, errs := runCLI(t, "match", "--program", id, "--db", db, "--json")
	var res struct {
		RunID   int64 `json:"run_id"`
		Matches []struct{ Members []string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.RunID == 0 || len(res.Matches) < 5 {
		t.Fatalf("match --program: %d %s %s", code, out, errs)
	}
	run, err := st.MatchRun(ctx, res.RunID)
	if err != nil || run.Status != "draft" {
		t.Fatalf("the run is stored as a draft for review: %+v %v", run, err)
	}
}
