package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func newPerson(name, email string) *mentor.Person {
	return &mentor.Person{Name: name, Email: email, Title: "Engineer", Department: "Platform", Seniority: 3,
		YearsExperience: 5, TimeZone: "Europe/Berlin", Languages: []string{"English", "German"},
		Background: []string{"physics"}, Availability: []mentor.WeeklySlot{{Day: 1, Start: 540, End: 720}},
		Skills: []mentor.PersonSkill{{Skill: "Go", Level: 4, Offers: true}, {Skill: "Kubernetes", Level: 2, Wants: true}}}
}

func TestStore_People(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := db.CreateSkill(ctx, &mentor.Skill{Name: "Go", Aliases: []string{"golang"}}); err != nil {
			t.Fatal(err)
		}
		ana := newPerson("Ana Silva", "Ana@Example.com")
		ana.Skills[0].Skill = "GOLANG" // resolves through the alias
		if err := db.CreatePerson(ctx, ana); err != nil {
			t.Fatal(err)
		}
		got, err := db.Person(ctx, ana.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Email != "ana@example.com" || got.Languages[1] != "German" || got.Availability[0].End != 720 {
			t.Fatalf("round trip lost data: %+v", got)
		}
		if len(got.Skills) != 2 || got.Skills[0].Skill != "Go" || got.Skills[1].Skill != "Kubernetes" || !got.Skills[0].Offers {
			t.Fatalf("skills: %+v", got.Skills)
		}
		if !got.CreatedAt.Equal(ana.CreatedAt) {
			t.Fatalf("created_at %v != %v", got.CreatedAt, ana.CreatedAt)
		}

		dup := newPerson("Other", "ana@example.com")
		err = db.CreatePerson(ctx, dup)
		if mentor.ErrorCode(err) != mentor.ECONFLICT || len(mentor.ErrorFields(err)) == 0 || mentor.ErrorFields(err)[0].Field != "email" {
			t.Fatalf("duplicate e-mail: want conflict on email, got %v", err)
		}
		bad := newPerson("", "x@example.com")
		bad.Seniority = 0
		if mentor.ErrorCode(db.CreatePerson(ctx, bad)) != mentor.EINVALID {
			t.Fatal("invalid person stored")
		}
		if n, _ := db.CountPeople(ctx); n != 1 {
			t.Fatalf("failed writes must store nothing, have %d people", n)
		}

		for i := range 5 {
			p := newPerson("P"+string(rune('a'+i)), string(rune('a'+i))+"@example.com")
			p.Department = []string{"Sales", "Data"}[i%2]
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		page1, cur, err := db.People(ctx, store.PeopleFilter{Page: store.Page{Limit: 4}})
		if err != nil || len(page1) != 4 || cur == "" {
			t.Fatalf("page 1: %d items, cursor %q, %v", len(page1), cur, err)
		}
		page2, cur2, err := db.People(ctx, store.PeopleFilter{Page: store.Page{Limit: 4, Cursor: cur}})
		if err != nil || len(page2) != 2 || cur2 != "" || page2[0].ID <= page1[3].ID {
			t.Fatalf("page 2: %d items, cursor %q, %v", len(page2), cur2, err)
		}
		sales, _, _ := db.People(ctx, store.PeopleFilter{Department: "Sales"})
		if len(sales) != 3 {
			t.Fatalf("department filter: %d", len(sales))
		}
		gophers, _, _ := db.People(ctx, store.PeopleFilter{Skill: "golang", Offers: true})
		if len(gophers) != 6 {
			t.Fatalf("skill filter by alias: %d", len(gophers))
		}
		if _, _, err := db.People(ctx, store.PeopleFilter{Page: store.Page{Cursor: "%%%"}}); mentor.ErrorCode(err) != mentor.EINVALID {
			t.Fatalf("bad cursor: %v", err)
		}

		got.Title = "Staff Engineer"
		got.Skills = got.Skills[:1]
		if err := db.UpdatePerson(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := db.Person(ctx, ana.ID)
		if again.Title != "Staff Engineer" || len(again.Skills) != 1 {
			t.Fatalf("update: %+v", again)
		}
		if _, err := db.Person(ctx, 99999); mentor.ErrorCode(err) != mentor.ENOTFOUND {
			t.Fatalf("missing person: %v", err)
		}
	})
}

func TestStore_Skills(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		k8s := &mentor.Skill{Name: "Kubernetes", Category: "infrastructure", Aliases: []string{"k8s"}}
		if err := db.CreateSkill(ctx, k8s); err != nil {
			t.Fatal(err)
		}
		s, err := db.ResolveSkill(ctx, "K8S")
		if err != nil || s.ID != k8s.ID || s.Aliases[0] != "k8s" {
			t.Fatalf("resolve alias: %+v %v", s, err)
		}
		if err := db.CreateSkill(ctx, &mentor.Skill{Name: "k8s"}); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("a name that is an alias must conflict: %v", err)
		}
		if err := db.AddSkillAlias(ctx, k8s.ID, "kube"); err != nil {
			t.Fatal(err)
		}
		list, _, err := db.Skills(ctx, store.SkillFilter{Query: "kube"})
		if err != nil || len(list) != 1 || len(list[0].Aliases) != 2 {
			t.Fatalf("search: %+v %v", list, err)
		}
	})
}

func TestStore_PeopleByIDs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var ids []int64
		for i := range 3 {
			p := newPerson(fmt.Sprintf("P%d", i), fmt.Sprintf("p%d@example.com", i))
			if err := db.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		got, err := db.PeopleByIDs(ctx, append(ids, 9999))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[9999] != nil {
			t.Fatalf("want the 3 existing people, got %d", len(got))
		}
		one, _ := db.Person(ctx, ids[1])
		if !reflect.DeepEqual(got[ids[1]], one) {
			t.Fatalf("batch and single reads differ:\n%+v\n%+v", got[ids[1]], one)
		}
	})
}
