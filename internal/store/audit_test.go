package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestStore_Audit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		actor := int64(7) // a plain id: the trail outlives deleted people
		var made []*mentor.AuditEvent
		for _, e := range []*mentor.AuditEvent{
			{ActorID: &actor, Action: " create ", Object: "program", ObjectID: 1, Detail: "name=Mentoring"},
			{ActorID: &actor, Action: "status", Object: "program", ObjectID: 1, Detail: "draft -> enrolling"},
			{Action: "publish", Object: "match_run", ObjectID: 1},
			{ActorID: ptr(int64(8)), Action: "create", Object: "program", ObjectID: 2},
		} {
			if err := db.RecordAudit(ctx, e); err != nil {
				t.Fatal(err)
			}
			made = append(made, e)
		}
		all, _, err := db.AuditEvents(ctx, store.AuditFilter{})
		if err != nil || len(all) != 4 || !reflect.DeepEqual(all[0], *made[0]) || all[0].Action != "create" || all[2].ActorID != nil {
			t.Fatalf("round trip:\n got %+v\nwant %+v %v", all, made, err)
		}
		for _, tc := range []struct {
			name string
			f    store.AuditFilter
			want []int
		}{
			{"object", store.AuditFilter{Object: "program"}, []int{0, 1, 3}},
			{"object and id", store.AuditFilter{Object: "program", ObjectID: 1}, []int{0, 1}},
			{"actor", store.AuditFilter{ActorID: 8}, []int{3}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, _, err := db.AuditEvents(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				var want []int64
				for _, i := range tc.want {
					want = append(want, made[i].ID)
				}
				if got := ids(list, func(e mentor.AuditEvent) int64 { return e.ID }); !reflect.DeepEqual(got, want) {
					t.Fatalf("events %v, want %v", got, want)
				}
			})
		}
		wantInvalid(t, db.RecordAudit(ctx, &mentor.AuditEvent{Action: " ", Object: ""}), "action", "object")
		seen := collectPages(t, func(p store.Page) ([]int64, string, error) {
			list, next, err := db.AuditEvents(ctx, store.AuditFilter{Page: p})
			return ids(list, func(e mentor.AuditEvent) int64 { return e.ID }), next, err
		}, 2)
		if len(seen) != 4 {
			t.Fatalf("paging saw %v", seen)
		}
		_, _, err = db.AuditEvents(ctx, store.AuditFilter{Page: store.Page{Cursor: "not a cursor"}})
		wantInvalid(t, err, "cursor")
	})
}
