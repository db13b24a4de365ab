package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// People search finds a non-ASCII name by any case of its first letter on
// both databases (on SQLite only "lrike" found "Ülrike" before).
func TestPeopleSearch_NonASCIIName(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		p := &mentor.Person{Name: "Ülrike Öztürk", Email: "ulrike@example.com", Seniority: 3, Department: "Data", TimeZone: "Europe/Berlin"}
		if err := db.CreatePerson(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"Ülrike", "ülrike", "ÖZTÜRK", "lrike"} {
			var out struct{ Items []mentor.Person }
			f.do(f.coordTok, "GET", "/api/v1/people?q="+url.QueryEscape(q), nil, http.StatusOK, &out)
			if len(out.Items) != 1 || out.Items[0].ID != p.ID {
				t.Errorf("search %q found %d people, want Ülrike", q, len(out.Items))
			}
		}
	})
}
