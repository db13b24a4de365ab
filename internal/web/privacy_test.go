package web

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// TestPrivacy_Directory: outside a confirmed match a participant sees only
// the public profile; a proposed partner also the availability; confirmed
// partners, the person and coordinators everything. Searching by e-mail
// finds nobody for a participant, so no address is recoverable.
func TestPrivacy_Directory(t *testing.T) {
	db := storetest.Open(t, store.SQLite)
	f := newFixture(t, db)
	ctx := context.Background()
	ana, err := db.Person(ctx, f.ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	ana.BirthYear, ana.Background, ana.Availability, ana.YearsExperience = 1995, []string{"career changer"}, []mentor.WeeklySlot{{Day: 1, Start: 540, End: 600}}, 4
	ana.ManagerID, ana.Bio = &f.coord.ID, "Learning SQL."
	if err := db.UpdatePerson(ctx, ana); err != nil {
		t.Fatal(err)
	}
	dan := &mentor.Person{Name: "Dan Proposed", Email: "dan@example.com", Seniority: 4, Department: "Sales", TimeZone: "Europe/Berlin"}
	if err := db.CreatePerson(ctx, dan); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateUser(ctx, &mentor.User{Email: dan.Email, Role: mentor.UserParticipant, PersonID: dan.ID}, testPassword); err != nil {
		t.Fatal(err)
	}
	proposal := &mentor.Match{ProgramID: f.program.ID, State: mentor.MatchProposed, Members: []mentor.MatchMember{
		{PersonID: f.ana.ID, Role: mentor.RoleMentee}, {PersonID: dan.ID, Role: mentor.RoleMentor}}}
	if err := db.CreateMatch(ctx, proposal); err != nil {
		t.Fatal(err)
	}
	danTok := f.login("dan@example.com")
	public := []string{"bio", "department", "id", "languages", "location", "name", "skills", "time_zone", "title"}
	keys := func(token string) []string {
		t.Helper()
		var m map[string]any
		if err := json.Unmarshal(f.do(token, "GET", "/api/v1/people/"+itoa(f.ana.ID), nil, http.StatusOK, nil), &m); err != nil {
			t.Fatal(err)
		}
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	if got := keys(f.caiTok); !slices.Equal(got, public) {
		t.Errorf("an outsider sees %v, want the public profile %v", got, public)
	}
	if got := keys(danTok); !slices.Equal(got, slices.Sorted(slices.Values(append(slices.Clone(public), "availability")))) {
		t.Errorf("a proposed partner sees %v, want the public profile and availability", got)
	}
	for name, tok := range map[string]string{"confirmed partner": f.benTok, "herself": f.anaTok, "coordinator": f.coordTok} {
		got := keys(tok)
		for _, k := range []string{"email", "phone", "birth_year", "manager_id", "seniority", "years_experience", "background", "availability"} {
			if !slices.Contains(got, k) {
				t.Errorf("the %s does not see %s: %v", name, k, got)
			}
		}
	}
	var found list[map[string]any]
	for _, q := range []string{"ana@", "example.com", "ana%40example"} {
		f.do(f.caiTok, "GET", "/api/v1/people?q="+q, nil, http.StatusOK, &found)
		if len(found.Items) != 0 {
			t.Errorf("a participant's search for %q finds %d people by a hidden field", q, len(found.Items))
		}
	}
	f.do(f.caiTok, "GET", "/api/v1/people?q=Ana", nil, http.StatusOK, &found)
	if len(found.Items) != 1 || found.Items[0]["email"] != nil {
		t.Errorf("a participant's search by name: %v", found.Items)
	}
	f.do(f.coordTok, "GET", "/api/v1/people?q=ana@", nil, http.StatusOK, &found)
	if len(found.Items) != 1 || found.Items[0]["email"] != "ana@example.com" {
		t.Errorf("a coordinator's search by e-mail: %v", found.Items)
	}
	f.problem(f.caiTok, "GET", "/api/v1/people?seniority=2", nil, http.StatusForbidden)
}
