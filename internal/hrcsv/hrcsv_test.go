package hrcsv

import (
	"strings"
	"testing"
)

func TestRead_HeaderSynonymsAndSkills(t *testing.T) {
	in := "\ufeffFirst Name,Surname,Work Email,Job Title,Dept,Manager,Grade,TZ,Languages,Skills_Offered,Skills_Wanted\n" +
		"Ana,Silva,ANA@x.org,Engineer,Data,boss@x.org,3,Europe/Lisbon,Portuguese;English,Go:4;SQL,go:2|Kubernetes:1\n"
	rows, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || len(rows[0].Problems) != 0 {
		t.Fatalf("rows: %+v", rows)
	}
	p := rows[0].Person
	if p.Name != "Ana Silva" || p.Email != "ana@x.org" || p.Department != "Data" || p.Seniority != 3 || rows[0].ManagerEmail != "boss@x.org" {
		t.Fatalf("person: %+v", p)
	}
	if len(p.Languages) != 2 || len(p.Skills) != 3 {
		t.Fatalf("lists: %+v %+v", p.Languages, p.Skills)
	}
	if s := p.Skills[0]; s.Skill != "Go" || !s.Offers || !s.Wants || s.Level != 4 {
		t.Fatalf("a skill offered and wanted merges: %+v", s)
	}
	if s := p.Skills[1]; s.Skill != "SQL" || s.Level != 3 {
		t.Fatalf("a skill without a level gets 3: %+v", s)
	}
}

func TestRead_ReportsEveryBadRow(t *testing.T) {
	in := "name,email,seniority,time_zone,skills_offered\n" +
		"Ok Person,ok@x.org,3,Europe/Berlin,Go:4\n" +
		",no-email,0,Mars/Base,Go:x\n" +
		"Dup,ok@x.org,3,,\n" +
		"Short,short@x.org\n"
	rows, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]string{3: {"name", "email", "seniority", "time_zone", "skills_offered"}, 4: {"email"}, 5: {"row"}}
	for _, r := range rows {
		fields := map[string]bool{}
		for _, p := range r.Problems {
			fields[p.Field] = true
		}
		for _, f := range want[r.Line] {
			if !fields[f] {
				t.Errorf("line %d: %s not reported; got %+v", r.Line, f, r.Problems)
			}
		}
		if r.Line == 2 && len(r.Problems) > 0 {
			t.Errorf("line 2 is fine, got %+v", r.Problems)
		}
	}
}

func TestRead_BadHeader(t *testing.T) {
	for name, in := range map[string]string{
		"unknown column": "name,email,seniority,shoe_size\n",
		"missing email":  "name,seniority\n",
		"empty":          "",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Read(strings.NewReader(in)); err == nil || !strings.HasPrefix(err.Error(), "line 1:") {
				t.Fatalf("want a line 1 error, got %v", err)
			}
		})
	}
}

// A stray quote once crashed the dry run (FieldPos after a failed Read); the row is
// now reported with its line and the rows after it are still read.
func TestRead_StrayQuoteIsARowProblem(t *testing.T) {
	in := "name,email,seniority\n" +
		"Ben \"Bo\" Ray,ben@x.org,3\n" +
		"Ana Ruiz,ana@x.org,2\n" +
		"\"Unclosed,un@x.org,2\n"
	rows, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 {
		t.Fatalf("want the bad row and the good one, got %+v", rows)
	}
	if rows[0].Line != 2 || len(rows[0].Problems) != 1 || rows[0].Problems[0].Field != "row" ||
		!strings.Contains(rows[0].Problems[0].Message, "double quote") {
		t.Fatalf("line 2 should be reported as a quoting problem, got %+v", rows[0])
	}
	if rows[1].Line != 3 || len(rows[1].Problems) != 0 || rows[1].Person.Name != "Ana Ruiz" {
		t.Fatalf("line 3 should be read as Ana Ruiz without problems, got %+v", rows[1])
	}
	last := rows[len(rows)-1]
	if last.Line != 4 || len(last.Problems) == 0 {
		t.Fatalf("the unclosed quote on line 4 should be reported, got %+v", last)
	}
}
