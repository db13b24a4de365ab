package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mentormesh/mentormesh/internal/match"
	"github.com/mentormesh/mentormesh/internal/match/score"
	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/mentor"
)

// personJSON is one person of a `match --people FILE` input.
type personJSON struct {
	ID              string      `json:"id"`
	Name            string      `json:"name"`
	Role            string      `json:"role"`
	Capacity        int         `json:"capacity"`
	Department      string      `json:"department"`
	ManagerID       string      `json:"manager_id"`
	Seniority       int         `json:"seniority"`
	YearsExperience int         `json:"years_experience"`
	Location        string      `json:"location"`
	TimeZone        string      `json:"time_zone"`
	Languages       []string    `json:"languages"`
	Background      []string    `json:"background"`
	Generation      string      `json:"generation"`
	Offers          []skillJSON `json:"offers"`
	Wants           []skillJSON `json:"wants"`
	PastPartners    []string    `json:"past_partners"`
	Blocked         []string    `json:"blocked"`
}

type skillJSON struct {
	Skill string `json:"skill"`
	Level int    `json:"level"`
}

// matchRow is one printed match.
type matchRow struct {
	Members []string `json:"members"`
	Roles   []string `json:"roles"`
	Score   float64  `json:"score"`
	Reason  string   `json:"reason"`
}

type matchOutput struct {
	Format    string     `json:"format"`
	RunID     int64      `json:"run_id,omitempty"`
	Matches   []matchRow `json:"matches"`
	Unmatched []string   `json:"unmatched"`
	Total     float64    `json:"total"`
}

const matchUsage = `usage:
  mentormesh match --people FILE.json --format FORMAT [--group-size K] [--fair] [--seed N] [--json]
  mentormesh match --program ID [--rematch] [--seed N] [--json] [--db DSN]

--people reads a JSON array of people ({"id", "name", "role", "capacity", "department",
"manager_id", "seniority", "years_experience", "time_zone", "languages", "background",
"offers": [{"skill", "level"}], "wants": [...], "past_partners", "blocked"}) and prints the
matches with scores and reasons. --program runs matching for a stored program and saves the
run (a draft for review, published at once in auto mode).
`

// runMatch implements `mentormesh match`: matching of a JSON file of people,
// or a match run of a stored program.
func runMatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var dsn string
	s := newSettings("match", stderr, os.Getenv)
	peopleFile := s.fs.String("people", "", "JSON file of people (- for standard input)")
	format := s.fs.String("format", "", "program format: "+strings.Join(formatNames(), ", "))
	program := s.fs.Int64("program", 0, "stored program id")
	groupSize := s.fs.Int("group-size", 4, "group size for circles (and rotation groups)")
	fair := s.fs.Bool("fair", false, "first maximise the worst pair, then the total")
	seed := s.fs.Int64("seed", 1, "seed for the heuristics")
	rematch := s.fs.Bool("rematch", false, "with --program: match only people left without a match")
	asJSON := s.fs.Bool("json", false, "print JSON instead of a table")
	s.db(&dsn)
	s.fs.Usage = func() { fmt.Fprint(stderr, matchUsage) }
	if err := s.noArgs(args); err != nil {
		return err
	}
	var out *matchOutput
	var err error
	switch {
	case *program != 0 && *peopleFile == "":
		out, err = matchProgram(ctx, dsn, *program, *rematch, *seed)
	case *peopleFile != "" && *program == 0:
		if !score.Format(*format).Valid() {
			return usageError{msg: "match: --format must be one of " + strings.Join(formatNames(), ", ")}
		}
		out, err = matchFile(*peopleFile, stdin, score.Format(*format), match.PlanOptions{GroupSize: *groupSize, Fair: *fair, Seed: *seed, MaxCardinality: true})
	default:
		fmt.Fprint(stderr, matchUsage)
		return usageError{}
	}
	if err != nil {
		return fmt.Errorf("match: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SCORE\tMEMBERS\tWHY")
	for _, m := range out.Matches {
		names := make([]string, len(m.Members))
		for i := range m.Members {
			names[i] = m.Members[i] + " (" + m.Roles[i] + ")"
		}
		fmt.Fprintf(tw, "%.1f\t%s\t%s\n", m.Score, strings.Join(names, ", "), m.Reason)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "# format=%s matches=%d unmatched=%d total=%.1f\n", out.Format, len(out.Matches), len(out.Unmatched), out.Total)
	return err
}

func formatNames() []string {
	var out []string
	for _, f := range score.Formats() {
		out = append(out, string(f))
	}
	return out
}

func matchFile(path string, stdin io.Reader, f score.Format, opt match.PlanOptions) (*matchOutput, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	var in []personJSON
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, mentor.Errorf(mentor.EINVALID, "%s: %v", path, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		// A second value or stray text after the array is a damaged file, not one to half-read.
		return nil, mentor.Errorf(mentor.EINVALID, "%s: text after the JSON array of people", path)
	}
	now := time.Now().UTC()
	people := make([]score.Profile, len(in))
	seen := map[string]bool{}
	for i, p := range in {
		if p.ID == "" || seen[p.ID] {
			return nil, mentor.Errorf(mentor.EINVALID, "%s: person %d: id is empty or repeated", path, i)
		}
		seen[p.ID] = true
		e := mentor.Enrollment{Role: mentor.Role(p.Role), Capacity: p.Capacity}
		person := mentor.Person{Name: p.Name, TimeZone: p.TimeZone}
		mp := matchrun.Profile(&person, &e, nil, now)
		mp.ID, mp.Department, mp.ManagerID, mp.Seniority, mp.YearsExperience = p.ID, p.Department, p.ManagerID, p.Seniority, p.YearsExperience
		mp.Location, mp.Languages, mp.Background, mp.Generation = p.Location, p.Languages, p.Background, p.Generation
		mp.PastPartners, mp.Blocked = p.PastPartners, p.Blocked
		for _, s := range p.Offers {
			mp.Offers = append(mp.Offers, score.SkillLevel{Skill: s.Skill, Level: s.Level})
		}
		for _, s := range p.Wants {
			mp.Wants = append(mp.Wants, score.SkillLevel{Skill: s.Skill, Level: s.Level})
		}
		people[i] = mp
	}
	plan, err := match.Plan(people, f, score.DefaultWeights(f), score.DefaultRules(f), opt)
	if err != nil {
		return nil, err
	}
	out := &matchOutput{Format: string(f), Total: plan.Total, Matches: []matchRow{}, Unmatched: []string{}}
	for _, pr := range plan.Proposals {
		row := matchRow{Score: pr.Score, Reason: pr.Summary}
		for i, m := range pr.Members {
			row.Members = append(row.Members, displayName(people[m]))
			row.Roles = append(row.Roles, string(pr.Roles[i]))
		}
		out.Matches = append(out.Matches, row)
	}
	for _, u := range plan.Unmatched {
		out.Unmatched = append(out.Unmatched, displayName(people[u]))
	}
	return out, nil
}

func displayName(p score.Profile) string {
	if p.Name != "" {
		return p.Name
	}
	return p.ID
}

func matchProgram(ctx context.Context, dsn string, programID int64, rematch bool, seed int64) (*matchOutput, error) {
	db, err := openDB(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	svc := &matchrun.Service{DB: db}
	res, err := svc.Run(ctx, programID, matchrun.Options{Seed: seed, Rematch: rematch})
	if err != nil {
		return nil, err
	}
	p, err := db.Program(ctx, programID)
	if err != nil {
		return nil, err
	}
	out := &matchOutput{Format: string(p.Format), RunID: res.Run.ID, Total: res.Run.Total, Matches: []matchRow{}, Unmatched: []string{}}
	for _, m := range res.Matches {
		row := matchRow{Score: m.Score, Reason: m.Summary}
		for _, mm := range m.Members {
			row.Members = append(row.Members, mm.Name)
			row.Roles = append(row.Roles, string(mm.Role))
		}
		out.Matches = append(out.Matches, row)
	}
	for _, id := range res.Unmatched {
		person, err := db.Person(ctx, id)
		if err != nil {
			return nil, err
		}
		out.Unmatched = append(out.Unmatched, person.Name)
	}
	return out, nil
}
