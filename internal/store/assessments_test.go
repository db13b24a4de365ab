package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestStore_Assessments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := db.CreateSkill(ctx, &mentor.Skill{Name: "Go", Aliases: []string{"golang"}}); err != nil {
			t.Fatal(err)
		}
		w := newWorld(t, db, 3)
		pair := w.match(t, mentor.MatchActive, 0, 1)
		k8s, err := db.ResolveSkill(ctx, "kubernetes")
		if err != nil {
			t.Fatal(err)
		}
		self := &mentor.SkillAssessment{PersonID: w.id(1), Skill: " GOLANG ", Kind: "self", Level: 2}
		byMentor := &mentor.SkillAssessment{PersonID: w.id(1), SkillID: k8s.ID, AssessorID: w.id(0), Kind: "mentor", Phase: "end",
			Level: 4, MatchID: &pair.ID, AssessedAt: time.Date(2026, 6, 1, 12, 0, 0, 999, time.FixedZone("X", 7200))}
		other := &mentor.SkillAssessment{PersonID: w.id(2), Skill: "go", Kind: "self", Level: 5}
		for _, a := range []*mentor.SkillAssessment{self, byMentor, other} {
			if err := db.CreateAssessment(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		if self.Skill != "Go" || self.AssessorID != w.id(1) || self.Phase != "start" || self.AssessedAt.IsZero() || byMentor.Skill != "Kubernetes" {
			t.Fatalf("defaults: %+v %+v", self, byMentor)
		}
		if !byMentor.AssessedAt.Equal(time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)) {
			t.Fatalf("assessed_at %v", byMentor.AssessedAt)
		}
		all, _, err := db.Assessments(ctx, store.AssessmentFilter{})
		if err != nil || !reflect.DeepEqual(all, []mentor.SkillAssessment{*self, *byMentor, *other}) {
			t.Fatalf("round trip:\n got %+v\nwant %+v %v", all, []*mentor.SkillAssessment{self, byMentor, other}, err)
		}
		for _, tc := range []struct {
			name string
			f    store.AssessmentFilter
			want []*mentor.SkillAssessment
		}{
			{"person", store.AssessmentFilter{PersonID: w.id(1)}, []*mentor.SkillAssessment{self, byMentor}},
			{"skill", store.AssessmentFilter{SkillID: self.SkillID}, []*mentor.SkillAssessment{self, other}},
			{"match", store.AssessmentFilter{MatchID: pair.ID}, []*mentor.SkillAssessment{byMentor}},
			{"person and skill", store.AssessmentFilter{PersonID: w.id(2), SkillID: k8s.ID}, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, _, err := db.Assessments(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				got := ids(list, func(a mentor.SkillAssessment) int64 { return a.ID })
				if want := ids(tc.want, func(a *mentor.SkillAssessment) int64 { return a.ID }); !reflect.DeepEqual(got, want) {
					t.Fatalf("assessments %v, want %v", got, want)
				}
			})
		}
		for _, tc := range []struct {
			name   string
			a      mentor.SkillAssessment
			fields []string
		}{
			{"unknown skill name", mentor.SkillAssessment{PersonID: w.id(0), Skill: "Underwater basket weaving", Kind: "self", Level: 3},
				[]string{"skill"}},
			{"unknown skill id", mentor.SkillAssessment{PersonID: w.id(0), SkillID: 9999, Kind: "self", Level: 3}, []string{"skill_id"}},
			{"no skill, bad level, kind, phase", mentor.SkillAssessment{PersonID: w.id(0), Kind: "boss", Phase: "later", Level: 6, AssessorID: w.id(1)},
				[]string{"skill", "level", "kind", "phase"}},
			{"partner assessing themselves", mentor.SkillAssessment{PersonID: w.id(0), Skill: "go", Kind: "partner", Level: 3},
				[]string{"assessor_id"}},
			{"self by someone else", mentor.SkillAssessment{PersonID: w.id(0), AssessorID: w.id(1), Skill: "go", Kind: "self", Level: 3},
				[]string{"assessor_id"}},
			{"unknown people", mentor.SkillAssessment{PersonID: 9999, AssessorID: 9998, Skill: "go", Kind: "partner", Level: 3},
				[]string{"person_id", "assessor_id"}},
			{"outside the match", mentor.SkillAssessment{PersonID: w.id(2), AssessorID: w.id(0), MatchID: &pair.ID, Skill: "go",
				Kind: "partner", Level: 3}, []string{"person_id"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantInvalid(t, db.CreateAssessment(ctx, &tc.a), tc.fields...)
			})
		}
		seen := collectPages(t, func(p store.Page) ([]int64, string, error) {
			list, next, err := db.Assessments(ctx, store.AssessmentFilter{Page: p})
			return ids(list, func(a mentor.SkillAssessment) int64 { return a.ID }), next, err
		}, 2)
		if len(seen) != 3 {
			t.Fatalf("paging saw %v; refused assessments must store nothing", seen)
		}
	})
}
