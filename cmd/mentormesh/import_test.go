package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A stray quote in the first data row once panicked the import (FieldPos
// after a failed read). The CLI must report the row with its line, read
// the rows after it, and import nothing, in a dry run and a real import.
func TestImport_StrayQuoteIsReportedNotAPanic(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "people.csv")
	csv := "first_name,last_name,email,department,grade,time_zone\n" +
		"Ben \"Bo\" Ray,Ray,ben.ray@northwind.example,Finance,2,Europe/London\n" +
		"Ana,Ruiz,ana.ruiz@northwind.example,Data,3,Europe/Madrid\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	db := "sqlite:" + filepath.Join(dir, "m.db")
	for _, args := range [][]string{{"--dry-run"}, nil} {
		code, out, errs := runCLI(t, append([]string{"import", "people", file, "--db", db}, args...)...)
		if code != 2 || !strings.Contains(out, "line 2: row: a double quote") || !strings.Contains(out, "nothing was imported") {
			t.Fatalf("import %v: exit %d\n%s\n%s", args, code, out, errs)
		}
		if strings.Contains(out, "line 3") {
			t.Errorf("import %v: the good row after the stray quote is reported:\n%s", args, out)
		}
	}
}
