package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestStore_CalendarToken(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db, 2)
		token, err := db.CalendarToken(ctx, w.id(0), false)
		if err != nil || len(token) != store.CalendarTokenLength {
			t.Fatalf("token %q: %v", token, err)
		}
		var stored string
		if err := db.SQL().QueryRowContext(ctx, `SELECT token_hash FROM calendar_tokens WHERE person_id = $1`, w.id(0)).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(token))
		if stored != hex.EncodeToString(sum[:]) {
			t.Fatalf("the database must keep the SHA-256 of the token, not %q", stored)
		}
		if _, err := db.CalendarToken(ctx, w.id(0), false); mentor.ErrorCode(err) != mentor.ECONFLICT {
			t.Fatalf("a second token without rotate: %v, want ECONFLICT", err)
		}
		p, err := db.PersonByCalendarToken(ctx, token)
		if err != nil || p.ID != w.id(0) {
			t.Fatalf("token opens %+v, %v", p, err)
		}
		if _, err := db.CalendarTokenCreated(ctx, w.id(0)); err != nil {
			t.Fatal(err)
		}
		wantCode(t, func() error { _, err := db.CalendarTokenCreated(ctx, w.id(1)); return err }(), mentor.ENOTFOUND)

		rotated, err := db.CalendarToken(ctx, w.id(0), true)
		if err != nil || rotated == token {
			t.Fatalf("rotate: %q %v", rotated, err)
		}
		wantCode(t, func() error { _, err := db.PersonByCalendarToken(ctx, token); return err }(), mentor.ENOTFOUND)
		if p, err := db.PersonByCalendarToken(ctx, rotated); err != nil || p.ID != w.id(0) {
			t.Fatalf("rotated token: %+v %v", p, err)
		}
		other, err := db.CalendarToken(ctx, w.id(1), true) // rotate creates when there is none
		if err != nil {
			t.Fatal(err)
		}
		if p, _ := db.PersonByCalendarToken(ctx, other); p.ID != w.id(1) {
			t.Fatalf("tokens mixed up: %+v", p)
		}
		for _, bad := range []string{"", "short", rotated[:42] + "x", rotated + "x"} {
			wantCode(t, func() error { _, err := db.PersonByCalendarToken(ctx, bad); return err }(), mentor.ENOTFOUND)
		}
		wantCode(t, func() error { _, err := db.CalendarToken(ctx, 99999, false); return err }(), mentor.ENOTFOUND)

		if err := db.DeletePerson(ctx, w.id(1)); err != nil {
			t.Fatal(err)
		}
		wantCode(t, func() error { _, err := db.PersonByCalendarToken(ctx, other); return err }(), mentor.ENOTFOUND)
	})
}
