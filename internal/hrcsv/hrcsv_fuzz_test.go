package hrcsv

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// canonical is a header naming every column once, in the spelling Read maps
// the synonyms to; writeRows uses it to write accepted rows back.
var canonical = []string{"name", "email", "phone", "title", "department", "manager_email", "seniority", "years_experience",
	"location", "time_zone", "languages", "background", "birth_year", "skills_offered", "skills_wanted", "bio"}

// FuzzRead checks the HR CSV reader on arbitrary files: it never panics, a
// refused file is refused for its header (line 1), every row carries its
// line and problems that name a column, and the rows it accepts, written
// back under the canonical header, read back as the same people.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"name,email,seniority\nAna,ana@x.org,3\n",
		"\ufeffFirst Name,Surname,Work Email,Job Title,Dept,Manager,Grade,TZ,Languages,Skills_Offered,Skills_Wanted\n" +
			"Ana,Silva,ANA@x.org,Engineer,Data,boss@x.org,3,Europe/Lisbon,Portuguese;English,Go:4;SQL,go:2|Kubernetes:1\n",
		"name,email,seniority,time_zone,skills_offered\nOk,ok@x.org,3,Europe/Berlin,Go:4\n,no-email,0,Mars/Base,Go:x\nDup,ok@x.org,3,,\nShort,short@x.org\n",
		"name,email,seniority\n\"Ben \"\"Bo\"\" Ray\",ben@x.org,2\nBad \"quote,b@x.org,1\n\"open,c@x.org,1\n",
		"name,email,seniority,bio\n\"Multi\nline\",m@x.org,4,\"a\r\nb\"\n",
		"name,email\nA,a@x.org\n",
		"nome,email,seniority\n",
		"",
		"name,email,seniority,birth_year,years_experience\nOld,o@x.org,9,1850,-1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := Read(bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line 1: ") {
				t.Fatalf("a refused file must be refused for its header: %v", err)
			}
			return
		}
		lines := bytes.Count(data, []byte{'\n'}) + 1
		var clean []Row
		for i, r := range rows {
			if r.Line < 2 || r.Line > lines || (i > 0 && r.Line <= rows[i-1].Line) {
				t.Fatalf("row %d has line %d (file of %d lines, previous %d)", i, r.Line, lines, rows[max(i-1, 0)].Line)
			}
			for _, p := range r.Problems {
				if !knownField(p.Field) || p.Message == "" {
					t.Fatalf("line %d: problem %+v does not name a column", r.Line, p)
				}
			}
			if len(r.Problems) == 0 {
				if err := r.Person.Validate(); err != nil {
					t.Fatalf("line %d accepted an invalid person: %v", r.Line, err)
				}
				clean = append(clean, r)
			}
		}
		if len(clean) == 0 {
			return
		}
		again, err := Read(strings.NewReader(writeRows(t, clean)))
		if err != nil {
			t.Fatalf("written-back file refused: %v", err)
		}
		if len(again) != len(clean) {
			t.Fatalf("%d accepted rows read back as %d", len(clean), len(again))
		}
		for i := range again {
			if len(again[i].Problems) > 0 {
				t.Fatalf("accepted row %+v has problems when written back: %+v", clean[i].Person, again[i].Problems)
			}
			if !reflect.DeepEqual(again[i].Person, clean[i].Person) || again[i].ManagerEmail != clean[i].ManagerEmail {
				t.Fatalf("row changed on the way back:\n%+v\n%+v", clean[i].Person, again[i].Person)
			}
		}
	})
}

// knownField reports whether a problem names a column of the file, the row
// as a whole, or a skill of the person.
func knownField(f string) bool {
	if f == "row" || strings.HasPrefix(f, "skills[") {
		return true
	}
	for _, c := range canonical {
		if f == c {
			return true
		}
	}
	return false
}

// writeRows writes rows as an HR file with the canonical header.
func writeRows(tb testing.TB, rows []Row) string {
	tb.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write(canonical)
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, r := range rows {
		p := r.Person
		var offered, wanted []string
		for _, s := range p.Skills {
			if s.Offers {
				offered = append(offered, s.Skill+":"+strconv.Itoa(s.Level))
			}
			if s.Wants {
				wanted = append(wanted, s.Skill+":"+strconv.Itoa(s.Level))
			}
		}
		w.Write([]string{p.Name, p.Email, p.Phone, p.Title, p.Department, r.ManagerEmail, num(p.Seniority), num(p.YearsExperience),
			p.Location, p.TimeZone, strings.Join(p.Languages, ";"), strings.Join(p.Background, ";"), num(p.BirthYear),
			strings.Join(offered, ";"), strings.Join(wanted, ";"), p.Bio})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}
