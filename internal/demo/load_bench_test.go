package demo

import (
	"context"
	"testing"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// BenchmarkGenerate measures building the demo organisation.
func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		Generate(7, refNow)
	}
}

// BenchmarkLoad_SQLite measures Load into a fresh SQLite database (opening
// and migrating the database is not timed). Run it with -benchtime=3x: each
// iteration writes about ten thousand rows.
func BenchmarkLoad_SQLite(b *testing.B) {
	org := Generate(7, refNow)
	c := org.Counts()
	for b.Loop() {
		b.StopTimer()
		db := storetest.Open(b, store.SQLite)
		b.StartTimer()
		if _, err := Load(context.Background(), db, org); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.People), "people")
	b.ReportMetric(float64(c.Meetings), "meetings")
}
