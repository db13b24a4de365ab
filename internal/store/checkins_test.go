package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestStore_CheckIns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 4)
		a := w.match(t, mentor.MatchActive, 0, 1)
		b := w.match(t, mentor.MatchActive, 2, 1)
		var made []*mentor.CheckIn
		for _, c := range []*mentor.CheckIn{
			{MatchID: a.ID, PersonID: w.id(0), Pulse: 4, Note: " going well "},
			{MatchID: a.ID, PersonID: w.id(1), Pulse: 2, Note: "P0 cancels a lot"},
			{MatchID: b.ID, PersonID: w.id(1), Pulse: 5},
			{MatchID: b.ID, PersonID: w.id(2), Pulse: 3},
		} {
			if err := db.CreateCheckIn(ctx, c); err != nil {
				t.Fatal(err)
			}
			made = append(made, c)
		}
		list, _, err := db.CheckIns(ctx, store.CheckInFilter{})
		if err != nil || len(list) != 4 || !reflect.DeepEqual(list[0], *made[0]) || list[0].Note != "going well" {
			t.Fatalf("round trip:\n got %+v\nwant %+v %v", list, made, err)
		}
		for _, tc := range []struct {
			name string
			f    store.CheckInFilter
			want []int
		}{
			{"match", store.CheckInFilter{MatchID: b.ID}, []int{2, 3}},
			{"person", store.CheckInFilter{PersonID: w.id(1)}, []int{1, 2}},
			{"a partner does not see the other's pulse", store.CheckInFilter{MatchID: a.ID, VisibleTo: w.id(0)}, []int{0}},
			{"visible to the author", store.CheckInFilter{VisibleTo: w.id(1)}, []int{1, 2}},
			{"visible to an outsider", store.CheckInFilter{VisibleTo: w.id(3)}, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, _, err := db.CheckIns(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				want := []int64{}
				for _, i := range tc.want {
					want = append(want, made[i].ID)
				}
				if got := ids(list, func(c mentor.CheckIn) int64 { return c.ID }); !reflect.DeepEqual(got, want) {
					t.Fatalf("check-ins %v, want %v", got, want)
				}
			})
		}
		for _, tc := range []struct {
			name   string
			c      mentor.CheckIn
			fields []string
		}{
			{"pulse out of range, no person", mentor.CheckIn{MatchID: a.ID, Pulse: 6}, []string{"pulse", "person_id"}},
			{"no match", mentor.CheckIn{PersonID: w.id(0), Pulse: 3}, []string{"match_id"}},
			{"unknown match", mentor.CheckIn{MatchID: 9999, PersonID: w.id(0), Pulse: 3}, []string{"match_id"}},
			{"not a member", mentor.CheckIn{MatchID: a.ID, PersonID: w.id(3), Pulse: 3}, []string{"person_id"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantInvalid(t, db.CreateCheckIn(ctx, &tc.c), tc.fields...)
			})
		}
		seen := collectPages(t, func(p store.Page) ([]int64, string, error) {
			list, next, err := db.CheckIns(ctx, store.CheckInFilter{Page: p})
			return ids(list, func(c mentor.CheckIn) int64 { return c.ID }), next, err
		}, 3)
		if len(seen) != 4 {
			t.Fatalf("paging saw %v; refused check-ins must store nothing", seen)
		}
	})
}
