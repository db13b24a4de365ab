package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// catalogConstraints returns the unique constraints the database holds, in
// the spelling dialect.go uses for it: the name in PostgreSQL, the
// "table.col, table.col" list in SQLite.
func catalogConstraints(tb testing.TB, db *store.DB) map[string]bool {
	tb.Helper()
	ctx := context.Background()
	out := map[string]bool{}
	if db.Dialect() == store.Postgres {
		rows, err := db.SQL().QueryContext(ctx, `SELECT conname FROM pg_constraint WHERE contype IN ('u', 'p') AND connamespace = current_schema()::regnamespace`)
		if err != nil {
			tb.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				tb.Fatal(err)
			}
			out[name] = true
		}
		return out
	}
	tables, err := db.SQL().QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		if err := tables.Scan(&n); err != nil {
			tb.Fatal(err)
		}
		names = append(names, n)
	}
	tables.Close()
	for _, table := range names {
		rows, err := db.SQL().QueryContext(ctx, `SELECT il.name, ii.name FROM pragma_index_list($1) il, pragma_index_info(il.name) ii
			WHERE il."unique" = 1 ORDER BY il.name, ii.seqno`, table)
		if err != nil {
			tb.Fatal(err)
		}
		cols := map[string][]string{}
		var order []string
		for rows.Next() {
			var index, col string
			if err := rows.Scan(&index, &col); err != nil {
				tb.Fatal(err)
			}
			if cols[index] == nil {
				order = append(order, index)
			}
			cols[index] = append(cols[index], table+"."+col)
		}
		rows.Close()
		for _, index := range order {
			out[strings.Join(cols[index], ", ")] = true
		}
	}
	return out
}

// TestStore_UniqueConstraintsExist checks that every constraint dialect.go
// maps to a field exists, under that spelling, in each database: a renamed
// column or constraint fails here instead of silently losing the field.
func TestStore_UniqueConstraintsExist(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		have := catalogConstraints(t, db)
		pg, lite, _ := store.UniqueConstraints()
		names := lite
		if db.Dialect() == store.Postgres {
			names = pg
		}
		for _, n := range names {
			if !have[n] {
				t.Errorf("constraint %q is not in the %s schema; it has %v", n, db.Dialect(), have)
			}
		}
	})
}

// TestStore_UniqueViolationNamesTheField provokes unique violations and
// checks that both databases blame the same field.
func TestStore_UniqueViolationNamesTheField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 2)
		conflict := func(what, field string, err error) {
			t.Helper()
			if mentor.ErrorCode(err) != mentor.ECONFLICT {
				t.Fatalf("%s: %v, want a conflict", what, err)
			}
			if fs := mentor.ErrorFields(err); len(fs) != 1 || fs[0].Field != field {
				t.Fatalf("%s: fields %v, want %s", what, fs, field)
			}
		}
		conflict("second person with an e-mail", "email", db.CreatePerson(ctx, newPerson("Other", "p0@example.com")))
		e := &mentor.Enrollment{ProgramID: w.program.ID, PersonID: w.id(0), Role: mentor.RoleMentee}
		if err := db.CreateEnrollment(ctx, e); err != nil {
			t.Fatal(err)
		}
		again := &mentor.Enrollment{ProgramID: w.program.ID, PersonID: w.id(0), Role: mentor.RoleMentor, Capacity: 1}
		conflict("second enrollment", "person_id", db.CreateEnrollment(ctx, again))
	})
}
