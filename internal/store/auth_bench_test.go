package store_test

import (
	"context"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// BenchmarkAuthenticate compares a wrong password with an unknown e-mail
// address: both must cost one argon2id hash, so that the time of the answer
// does not tell which addresses have accounts. Compare the ns/op of the two.
func BenchmarkAuthenticate(b *testing.B) {
	db := storetest.Open(b, store.SQLite)
	ctx := context.Background()
	p := newPerson("Bea", "bea@example.com")
	if err := db.CreatePerson(ctx, p); err != nil {
		b.Fatal(err)
	}
	if err := db.CreateUser(ctx, &mentor.User{Email: "bea@example.com", Role: mentor.UserParticipant, PersonID: p.ID}, "the right password"); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, email string }{{"wrong_password", "bea@example.com"}, {"unknown_email", "nobody@example.com"}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Authenticate(ctx, bc.email, "a wrong password"); mentor.ErrorCode(err) != mentor.EUNAUTHORIZED {
					b.Fatal(err)
				}
			}
		})
	}
}
