package matchrun

import (
	"context"
	"fmt"
	"testing"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// BenchmarkShortlists measures one full shortlist computation (what every
// GET of a shortlist costs) for a self-select mentoring program of 100
// mentors (two places each) and 400 mentees on SQLite: loading the pool,
// candidate search, the exposure b-matching and the rounds.
func BenchmarkShortlists(b *testing.B) {
	db := storetest.Open(b, store.SQLite)
	var people []ssPerson
	for i := range 100 {
		people = append(people, ssPerson{name: fmt.Sprintf("Mentor%d", i), role: mentor.RoleMentor, seniority: 4 + i%3, goLevel: 2 + i%4, capacity: 2})
	}
	for i := range 400 {
		people = append(people, ssPerson{name: fmt.Sprintf("Mentee%d", i), role: mentor.RoleMentee, seniority: 1 + i%3, goLevel: 1 + i%2})
	}
	w := newSSWorld(b, db, mentor.FormatMentoring, mentor.ProgramOptions{}, people)
	ctx := context.Background()
	for b.Loop() {
		lists, err := w.svc.Shortlists(ctx, w.program.ID)
		if err != nil || len(lists) != 400 {
			b.Fatalf("%d lists, %v", len(lists), err)
		}
	}
}
