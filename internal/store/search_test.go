package store_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// Search folds case by Unicode rules on both databases: SQLite's lower()
// and LIKE fold only ASCII, so "Ülrike" was found by "lrike" alone there.
func TestStore_PeopleSearchFoldsNonASCII(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := newPerson("Ülrike Øster", "ulrike@example.com")
		u.Title = "Leiterin Ärztliche Dienste"
		if err := db.CreatePerson(ctx, u); err != nil {
			t.Fatal(err)
		}
		if err := db.CreatePerson(ctx, newPerson("Percent 100% Sure", "pct@example.com")); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			q    string
			want int
		}{{"Ülrike", 1}, {"ülrike", 1}, {"ÜLRIKE", 1}, {"øster", 1}, {"ärztliche", 1}, {"ULRIKE@EXAMPLE", 1}, {"lrike", 1},
			{"100%", 1}, {"0%s", 0}, {"_", 0}, {"ulrike øster\nleiterin", 0}} {
			got, _, err := db.People(ctx, store.PeopleFilter{Query: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.want {
				t.Errorf("search %q: %d people, want %d", tc.q, len(got), tc.want)
			}
		}
		u.Name = "Ödön Varga"
		if err := db.UpdatePerson(ctx, u); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]int{"ödön": 1, "ülrike": 0} {
			if got, _, _ := db.People(ctx, store.PeopleFilter{Query: q}); len(got) != want {
				t.Errorf("after renaming, search %q: %d people, want %d", q, len(got), want)
			}
		}
	})
}

// Migrate fills the search text of people stored before the column existed.
func TestMigrate_FillsSearchText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := db.CreatePerson(ctx, newPerson("Ülrike Øster", "ulrike@example.com")); err != nil {
			t.Fatal(err)
		}
		if err := db.ForgetSearchText(); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := db.People(ctx, store.PeopleFilter{Query: "ülrike"}); len(got) != 1 {
			t.Fatalf("after migrate, search finds %d people, want 1", len(got))
		}
	})
}

// The two migration folders have the same numbered steps with the same
// names, so that both databases end up with the same schema version.
func TestMigrations_SameStepsOnBothDatabases(t *testing.T) {
	steps := func(dialect store.Dialect) []string {
		var out []string
		dir := filepath.Join("migrations", string(dialect))
		err := fs.WalkDir(os.DirFS(dir), ".", func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			if !regexp.MustCompile(`^\d{5}_[a-z0-9_]+\.sql$`).MatchString(path) {
				t.Errorf("%s/%s is not named like 00001_step.sql", dir, path)
			}
			out = append(out, path)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	lite, pg := steps(store.SQLite), steps(store.Postgres)
	if len(lite) == 0 || !slices.Equal(lite, pg) {
		t.Fatalf("migration steps differ:\nsqlite:   %v\npostgres: %v", lite, pg)
	}
}
