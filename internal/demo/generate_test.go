package demo

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

func TestGenerate_Deterministic(t *testing.T) {
	a := Generate(42, refNow)
	b := Generate(42, refNow)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same seed and now differ")
	}
	c := Generate(43, refNow)
	if reflect.DeepEqual(a.People, c.People) {
		t.Fatal("seeds 42 and 43 gave the same people")
	}
	// A now with seconds and a time zone is normalised, not a new organisation.
	d := Generate(42, refNow.Add(17*time.Second).In(time.FixedZone("X", 3600)))
	if !reflect.DeepEqual(a, d) {
		t.Fatal("the same minute in another zone gave a different organisation")
	}
}

func TestGenerate_Counts(t *testing.T) { forOrgs(t, checkCounts) }

func checkCounts(t *testing.T, o *Org) {
	if len(o.People) < 400 {
		t.Errorf("%d people, want at least 400", len(o.People))
	}
	depts := map[string]bool{}
	for _, p := range o.People {
		depts[p.Person.Department] = true
	}
	if len(depts) < 8 {
		t.Errorf("%d departments, want at least 8", len(depts))
	}
	if len(o.Skills) < 60 {
		t.Errorf("%d skills, want at least 60", len(o.Skills))
	}
	formats := map[mentor.Format]int{}
	statuses := map[mentor.Status]int{}
	for _, ps := range o.Programs {
		formats[ps.Program.Format]++
		statuses[ps.Program.Status]++
	}
	for _, f := range mentor.Formats {
		if formats[f] != 1 {
			t.Errorf("%d programs of format %s, want 1", formats[f], f)
		}
	}
	if statuses[mentor.StatusEnrolling] != 1 || statuses[mentor.StatusClosed] != 1 || statuses[mentor.StatusRunning] < 5 {
		t.Errorf("statuses %v: want one enrolling, one closed, most running", statuses)
	}
}

func TestGenerate_Taxonomy(t *testing.T) { forOrgs(t, checkTaxonomy) }

func checkTaxonomy(t *testing.T, o *Org) {
	owner := map[string]string{}
	for _, s := range o.Skills {
		s := s
		s.Aliases = slices.Clone(s.Aliases)
		if err := s.Validate(); err != nil {
			t.Errorf("skill %q: %v", s.Name, err)
		}
		if s.Category == "" {
			t.Errorf("skill %q has no category", s.Name)
		}
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			k := strings.ToLower(n)
			if prev, dup := owner[k]; dup {
				t.Errorf("%q names both %q and %q", n, prev, s.Name)
			}
			owner[k] = s.Name
		}
	}
	for alias, want := range map[string]string{"golang": "Go", "k8s": "Kubernetes", "js": "JavaScript", "ml": "Machine Learning"} {
		if owner[alias] != want {
			t.Errorf("alias %q resolves to %q, want %q", alias, owner[alias], want)
		}
	}
	for i, p := range o.People {
		for _, s := range p.Person.Skills {
			if owner[strings.ToLower(s.Skill)] != s.Skill {
				t.Errorf("person %d has skill %q, which is not a taxonomy name", i, s.Skill)
			}
		}
	}
}

func TestGenerate_People(t *testing.T) { forOrgs(t, checkPeople) }

func checkPeople(t *testing.T, o *Org) {
	emails := map[string]int{}
	bySeniority := map[int]int{}
	zones := map[string]string{}
	for _, of := range offices {
		zones[of.Location] = of.TimeZone
	}
	gens := map[string]int{}
	for i, ps := range o.People {
		p := ps.Person
		p.Languages, p.Background = slices.Clone(p.Languages), slices.Clone(p.Background)
		if err := p.Validate(); err != nil {
			t.Errorf("person %d %s: %v", i, p.Name, err)
		}
		if p.Email != strings.ToLower(p.Email) || !strings.HasSuffix(p.Email, "@"+EmailDomain) {
			t.Errorf("person %d: e-mail %q is not a lower-case %s address", i, p.Email, EmailDomain)
		}
		if prev, dup := emails[p.Email]; dup {
			t.Errorf("e-mail %s used by people %d and %d", p.Email, prev, i)
		}
		emails[p.Email] = i
		if zones[p.Location] != p.TimeZone {
			t.Errorf("person %d: location %q does not fit time zone %q", i, p.Location, p.TimeZone)
		}
		offers, wants := 0, 0
		for _, s := range p.Skills {
			if s.Offers {
				offers++
			}
			if s.Wants {
				wants++
			}
		}
		if offers < 2 || offers > 5 || wants < 1 || wants > 3 {
			t.Errorf("person %d offers %d and wants %d skills, want 2-5 and 1-3", i, offers, wants)
		}
		if len(p.Availability) == 0 || len(p.Languages) == 0 || len(p.Background) == 0 || p.Title == "" {
			t.Errorf("person %d lacks availability, languages, background or title: %+v", i, p)
		}
		bySeniority[p.Seniority]++
		gens[mentor.Generation(p.BirthYear)]++
		if m := ps.Manager; m >= 0 {
			mp := o.People[m].Person
			switch {
			case m >= i:
				t.Errorf("person %d's manager %d comes later in the list", i, m)
			case mp.Department != p.Department:
				t.Errorf("person %d (%s) is managed by %d from %s", i, p.Department, m, mp.Department)
			case mp.Seniority <= p.Seniority:
				t.Errorf("person %d (level %d) is managed by %d (level %d)", i, p.Seniority, m, mp.Seniority)
			}
		} else if ps.Manager != -1 {
			t.Errorf("person %d has manager %d", i, ps.Manager)
		}
	}
	junior := bySeniority[1] + bySeniority[2] + bySeniority[3]
	middle := bySeniority[4] + bySeniority[5]
	senior := bySeniority[6] + bySeniority[7] + bySeniority[8]
	if !(junior > middle && middle > senior && senior > 0) {
		t.Errorf("seniority is not a pyramid: %v", bySeniority)
	}
	if gens["gen_z"] < 40 || gens["millennial"] < 40 || gens["gen_x"] < 5 {
		t.Errorf("generations %v: want a spread with at least 40 gen_z", gens)
	}
}

func TestGenerate_Accounts(t *testing.T) { forOrgs(t, checkAccounts) }

func checkAccounts(t *testing.T, o *Org) {
	c, p := o.Coordinator, o.Participant
	if c.Person == p.Person {
		t.Fatal("the coordinator and the participant are the same person")
	}
	for _, a := range []Account{c, p} {
		if a.Email != o.People[a.Person].Person.Email || len(a.Password) < 10 || !a.Role.Valid() {
			t.Errorf("account %+v does not fit its person", a)
		}
	}
	if c.Role != mentor.UserCoordinator || p.Role != mentor.UserParticipant {
		t.Errorf("roles %s and %s", c.Role, p.Role)
	}
	found := false
	eachMatch(t, o, func(ps *ProgramSpec, m *MatchSpec) {
		if ps.Program.Format == mentor.FormatMentoring && m.Match.State == mentor.MatchActive && m.Members[0] == p.Person {
			found = true
		}
	})
	if !found {
		t.Error("the participant has no active mentoring match as mentee")
	}
}
