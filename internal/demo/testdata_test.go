package demo

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/mentormesh/mentormesh/internal/hrcsv"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// readCSV reads one of the sample HR exports in the repository's testdata.
func readCSV(tb testing.TB, name string) []hrcsv.Row {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := hrcsv.Read(f)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return rows
}

// importDry runs the store's import as a dry run and returns its problems by line.
func importDry(tb testing.TB, rows []hrcsv.Row) (*store.ImportResult, map[int][]string) {
	tb.Helper()
	db := storetest.Open(tb, store.SQLite)
	var in []store.ImportRow
	for _, r := range rows {
		in = append(in, store.ImportRow{Line: r.Line, Person: r.Person, ManagerEmail: r.ManagerEmail})
	}
	res, err := db.ImportPeople(context.Background(), in, true)
	if err != nil {
		tb.Fatal(err)
	}
	byLine := map[int][]string{}
	for _, p := range res.Problems {
		for _, e := range p.Errors {
			byLine[p.Line] = append(byLine[p.Line], e.Field)
		}
	}
	return res, byLine
}

func TestTestdata_PeopleCSV(t *testing.T) {
	rows := readCSV(t, "people.csv")
	if len(rows) < 25 {
		t.Fatalf("%d rows, want about 30", len(rows))
	}
	emails := map[string]bool{}
	for _, r := range rows {
		if len(r.Problems) > 0 {
			t.Errorf("line %d: %v", r.Line, r.Problems)
		}
		if r.ManagerEmail != "" && !emails[r.ManagerEmail] {
			t.Errorf("line %d: manager %s is not on an earlier line", r.Line, r.ManagerEmail)
		}
		emails[r.Person.Email] = true
		if r.Person.TimeZone == "" || r.Person.Location == "" || len(r.Person.Languages) == 0 || len(r.Person.Skills) < 2 {
			t.Errorf("line %d lacks a time zone, location, language or skills: %+v", r.Line, r.Person)
		}
	}
	res, problems := importDry(t, rows)
	if len(problems) > 0 || res.Created != len(rows) {
		t.Errorf("import dry run: %d created of %d, problems %v", res.Created, len(rows), problems)
	}
}

// TestTestdata_PeopleBrokenCSV pins which lines of people_broken.csv are
// broken and why; the report of the demo task lists the same lines.
func TestTestdata_PeopleBrokenCSV(t *testing.T) {
	rows := readCSV(t, "people_broken.csv")
	got := map[int][]string{}
	var clean []hrcsv.Row
	for _, r := range rows {
		for _, p := range r.Problems {
			got[r.Line] = append(got[r.Line], p.Field)
		}
		if len(r.Problems) == 0 {
			clean = append(clean, r)
		}
	}
	want := map[int][]string{
		4:  {"email"},           // missing e-mail address
		5:  {"email"},           // li.wei(at)northwind.example is no address
		6:  {"seniority"},       // grade 0
		7:  {"seniority"},       // grade 12
		8:  {"time_zone"},       // Europe/Munich is not an IANA zone
		9:  {"skills[0].level"}, // Python:9
		10: {"email"},           // ben.carter@ again (line 3)
		12: {"row"},             // 6 columns, the header has 14
		14: {"row"},             // Ben "Bo": a stray quote in an unquoted field
	}
	for line, fields := range got {
		slices.Sort(fields)
		got[line] = slices.Compact(fields)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems by line:\n got %v\nwant %v", got, want)
	}
	// The manager nobody knows is found when the rows are imported.
	_, problems := importDry(t, clean)
	if !reflect.DeepEqual(problems, map[int][]string{11: {"manager_email"}}) {
		t.Errorf("import problems %v, want line 11 manager_email", problems)
	}
	if n := len(clean); n != 4 {
		t.Errorf("%d clean rows, want 4 (lines 2, 3, 11, 13)", n)
	}
}
