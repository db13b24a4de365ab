package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestSafeCell_Cases(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "",
		"Ana":                      "Ana",
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+1+1":                     "'+1+1",
		"-2+3":                     "'-2+3",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\tTab":                    "'\tTab",
		"\rCR":                     "'\rCR",
		"-3.5":                     "-3.5",
		"+12":                      "+12",
		"a=b":                      "a=b",
	} {
		if got := safeCell(in); got != want {
			t.Errorf("safeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExport_NoFormulaFromAParticipant: a participant names herself like a
// formula; the coordinator's matches CSV shows the name as text.
func TestExport_NoFormulaFromAParticipant(t *testing.T) {
	db := storetest.Open(t, store.SQLite)
	f := newFixture(t, db)
	ana, _ := db.Person(context.Background(), f.ben.ID) // the first member named in the cell
	ana.Name = `=HYPERLINK("http://evil.example","Ana")`
	if err := db.UpdatePerson(context.Background(), ana); err != nil {
		t.Fatal(err)
	}
	resp, body := f.req(f.coordTok, "GET", "/api/v1/matches?format=csv", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+@", rune(cell[0])) {
				t.Errorf("a cell a spreadsheet runs as a formula: %q", cell)
			}
		}
	}
	if !strings.Contains(string(body), `'=HYPERLINK`) {
		t.Fatalf("the name is not in the export as text: %s", body)
	}
}
