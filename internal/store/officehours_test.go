package store_test

import (
	"context"
	"database/sql"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// slot publishes office hours of mentor (a world person) at start for minutes.
func (w *world) slot(tb testing.TB, mentorIdx int, start time.Time, minutes int, topics ...string) *mentor.OfficeHours {
	tb.Helper()
	o := &mentor.OfficeHours{ProgramID: w.program.ID, MentorID: w.id(mentorIdx), StartsAt: start, Minutes: minutes, Topics: topics}
	if err := w.db.CreateOfficeHours(context.Background(), o); err != nil {
		tb.Fatal(err)
	}
	return o
}

// frozen makes db's clock stand at 2026-03-01 08:00 UTC, before every slot of these tests.
func frozen(db *store.DB) { db.Now = func() time.Time { return at(1, 8) } }

func TestStore_OfficeHours(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		frozen(db)
		w := newWorld(t, db, 3)
		s := w.slot(t, 0, at(2, 9).Add(123456789), 30, " Go ", "Career")
		got, err := db.OfficeHoursByID(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, s) || got.Topics[0] != "Go" || got.StartsAt.Nanosecond() != 123456000 || got.BookedBy != nil {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, s)
		}
		valid := func() mentor.OfficeHours {
			return mentor.OfficeHours{ProgramID: w.program.ID, MentorID: w.id(1), StartsAt: at(5, 9), Minutes: 30}
		}
		for _, tc := range []struct {
			name   string
			edit   func(o *mentor.OfficeHours)
			fields []string
		}{
			{"too short", func(o *mentor.OfficeHours) { o.Minutes = 4 }, []string{"minutes"}},
			{"too long", func(o *mentor.OfficeHours) { o.Minutes = 241 }, []string{"minutes"}},
			{"nothing", func(o *mentor.OfficeHours) { *o = mentor.OfficeHours{} }, []string{"program_id", "mentor_id", "starts_at", "minutes"}},
			{"already booked", func(o *mentor.OfficeHours) { o.BookedBy = ptr(w.id(2)) }, []string{"booked_by"}},
			{"bad topics", func(o *mentor.OfficeHours) { o.Topics = []string{"Go", " ", "go"} }, []string{"topics[1]", "topics[2]"}},
			{"unknown program and mentor", func(o *mentor.OfficeHours) { o.ProgramID, o.MentorID = 9999, 9998 }, []string{"program_id", "mentor_id"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				o := valid()
				tc.edit(&o)
				wantInvalid(t, db.CreateOfficeHours(ctx, &o), tc.fields...)
			})
		}
		// Overlaps with [09:00:00.123456, 09:30:00.123456) on 2 March of the same mentor.
		for _, tc := range []struct {
			name    string
			start   time.Time
			minutes int
			code    string
		}{
			{"inside", at(2, 9).Add(10 * time.Minute), 5, mentor.ECONFLICT},
			{"covering", at(2, 8), 240, mentor.ECONFLICT},
			{"ending inside", at(2, 8).Add(45 * time.Minute), 16, mentor.ECONFLICT},
			{"ending at its start", at(2, 8).Add(30*time.Minute + 123456*time.Microsecond), 30, ""},
			{"starting at its end", at(2, 9).Add(30*time.Minute + 123456*time.Microsecond), 30, ""},
			{"four hours, ending at the start of the one before", at(2, 4).Add(30*time.Minute + 123456*time.Microsecond), 240, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				o := &mentor.OfficeHours{ProgramID: w.program.ID, MentorID: w.id(0), StartsAt: tc.start, Minutes: tc.minutes}
				if err := db.CreateOfficeHours(ctx, o); mentor.ErrorCode(err) != tc.code {
					t.Fatalf("got %v, want code %q", err, tc.code)
				}
			})
		}
		if _, err := db.OfficeHoursByID(ctx, 9999); mentor.ErrorCode(err) != mentor.ENOTFOUND {
			t.Fatalf("missing slot: %v", err)
		}
	})
}

func TestStore_ListOfficeHours(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		frozen(db)
		w := newWorld(t, db, 3)
		first := w.program
		slots := []*mentor.OfficeHours{
			w.slot(t, 0, at(2, 9), 30, "Go", "Career"),
			w.slot(t, 0, at(3, 9), 30, "Google Cloud"),
			w.slot(t, 1, at(4, 9), 60, "career", "100% remote"),
		}
		w.program = &mentor.Program{Name: "Flash", Format: mentor.FormatFlash}
		if err := db.CreateProgram(ctx, w.program); err != nil {
			t.Fatal(err)
		}
		slots = append(slots, w.slot(t, 1, at(5, 9), 15))
		if _, err := db.BookOfficeHours(ctx, slots[0].ID, w.id(2)); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			f    store.OfficeHoursFilter
			want []int
		}{
			{"program", store.OfficeHoursFilter{ProgramID: first.ID}, []int{0, 1, 2}},
			{"mentor", store.OfficeHoursFilter{MentorID: w.id(1)}, []int{2, 3}},
			{"topic, any case, whole topic only", store.OfficeHoursFilter{Topic: "GO"}, []int{0}},
			{"topic with two spellings", store.OfficeHoursFilter{Topic: "Career"}, []int{0, 2}},
			{"topic with LIKE wildcards", store.OfficeHoursFilter{Topic: "100% remote"}, []int{2}},
			{"wildcards are literal", store.OfficeHoursFilter{Topic: "c%"}, nil},
			{"free", store.OfficeHoursFilter{Free: true}, []int{1, 2, 3}},
			{"from", store.OfficeHoursFilter{From: at(3, 9)}, []int{1, 2, 3}},
			{"free career from the 2nd", store.OfficeHoursFilter{Free: true, Topic: "career", From: at(2, 9)}, []int{2}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, _, err := db.ListOfficeHours(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				want := []int64{}
				for _, i := range tc.want {
					want = append(want, slots[i].ID)
				}
				if got := ids(list, func(o mentor.OfficeHours) int64 { return o.ID }); !reflect.DeepEqual(got, want) {
					t.Fatalf("slots %v, want %v", got, want)
				}
			})
		}
		seen := collectPages(t, func(p store.Page) ([]int64, string, error) {
			list, next, err := db.ListOfficeHours(ctx, store.OfficeHoursFilter{Page: p})
			return ids(list, func(o mentor.OfficeHours) int64 { return o.ID }), next, err
		}, 3)
		if len(seen) != 4 {
			t.Fatalf("paging saw %v", seen)
		}
	})
}

func TestStore_BookOfficeHours(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		frozen(db)
		w := newWorld(t, db, 4)
		s := w.slot(t, 0, at(2, 9), 30)
		_, err := db.BookOfficeHours(ctx, s.ID, w.id(0))
		wantCode(t, err, mentor.ECONFLICT) // own slot
		got, err := db.BookOfficeHours(ctx, s.ID, w.id(1))
		if err != nil || got.BookedBy == nil || *got.BookedBy != w.id(1) {
			t.Fatalf("book: %+v %v", got, err)
		}
		if stored, _ := db.OfficeHoursByID(ctx, s.ID); !reflect.DeepEqual(stored, got) {
			t.Fatalf("stored %+v, returned %+v", stored, got)
		}
		for _, tc := range []struct {
			name   string
			slot   *mentor.OfficeHours
			person int
		}{
			{"again by the booker", s, 1},
			{"by somebody else", s, 2},
			{"booker at an overlapping time", w.slot(t, 3, at(2, 9).Add(20*time.Minute), 30), 1},
			{"mentor of a booked slot at an overlapping time", w.slot(t, 3, at(2, 8).Add(45*time.Minute), 30), 0},
			{"a slot that has started", w.slot(t, 3, at(1, 7).Add(30*time.Minute), 60), 2},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before, _ := db.OfficeHoursByID(ctx, tc.slot.ID)
				_, err := db.BookOfficeHours(ctx, tc.slot.ID, w.id(tc.person))
				wantCode(t, err, mentor.ECONFLICT)
				if after, _ := db.OfficeHoursByID(ctx, tc.slot.ID); !reflect.DeepEqual(after, before) {
					t.Fatalf("a refused booking changed the slot: %+v", after)
				}
			})
		}
		adjacent := w.slot(t, 2, at(2, 9).Add(30*time.Minute), 30)
		if _, err := db.BookOfficeHours(ctx, adjacent.ID, w.id(1)); err != nil {
			t.Fatalf("back-to-back slots: %v", err)
		}
		_, err = db.BookOfficeHours(ctx, 9999, w.id(1))
		wantCode(t, err, mentor.ENOTFOUND)
		_, err = db.BookOfficeHours(ctx, adjacent.ID, 9999)
		wantInvalid(t, err, "person_id")

		wantCode(t, db.CancelBooking(ctx, s.ID, w.id(2)), mentor.EFORBIDDEN)
		if err := db.CancelBooking(ctx, s.ID, w.id(1)); err != nil {
			t.Fatal(err)
		}
		if free, _ := db.OfficeHoursByID(ctx, s.ID); free.BookedBy != nil {
			t.Fatalf("cancelled slot still booked: %+v", free)
		}
		wantCode(t, db.CancelBooking(ctx, s.ID, w.id(1)), mentor.ECONFLICT)
		if _, err := db.BookOfficeHours(ctx, s.ID, w.id(2)); err != nil {
			t.Fatalf("rebook a freed slot: %v", err)
		}
		if err := db.CancelBooking(ctx, s.ID, w.id(0)); err != nil {
			t.Fatalf("the mentor cancels: %v", err)
		}
		wantCode(t, db.CancelBooking(ctx, 9999, w.id(0)), mentor.ENOTFOUND)
	})
}

// bookAtOnce runs book(i) for i in 0..n-1 at the same time and returns the
// indexes that succeeded, failing on any error other than ECONFLICT.
func bookAtOnce(tb testing.TB, db *store.DB, n int, book func(i int) error) []int {
	tb.Helper()
	// Open n connections first, so that the bookings race each other rather
	// than the opening of connections.
	conns := make([]*sql.Conn, n)
	for i := range conns {
		c, err := db.SQL().Conn(context.Background())
		if err != nil {
			tb.Fatal(err)
		}
		conns[i] = c
	}
	for _, c := range conns {
		c.Close()
	}
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = book(i)
		})
	}
	close(start)
	wg.Wait()
	var won []int
	for i, err := range errs {
		switch mentor.ErrorCode(err) {
		case "":
			won = append(won, i)
		case mentor.ECONFLICT:
		default:
			tb.Fatalf("booking %d: %v", i, err)
		}
	}
	return won
}

// TestStore_BookOfficeHours_Concurrent has ten people book one slot at once:
// exactly one gets it.
func TestStore_BookOfficeHours_Concurrent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		frozen(db)
		w := newWorld(t, db, 11)
		for round := range 3 {
			s := w.slot(t, 0, at(2+round, 9), 30)
			won := bookAtOnce(t, db, 10, func(i int) error {
				_, err := db.BookOfficeHours(ctx, s.ID, w.id(1+i))
				return err
			})
			if len(won) != 1 {
				t.Fatalf("round %d: %d bookings of one slot succeeded: %v", round, len(won), won)
			}
			if got, _ := db.OfficeHoursByID(ctx, s.ID); got.BookedBy == nil || *got.BookedBy != w.id(1+won[0]) {
				t.Fatalf("round %d: slot booked by %v, winner was %d", round, got.BookedBy, w.id(1+won[0]))
			}
		}
	})
}

// TestStore_BookOfficeHours_ConcurrentOverlap has one person book ten
// overlapping slots of ten mentors at once: exactly one booking may succeed.
func TestStore_BookOfficeHours_ConcurrentOverlap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		frozen(db)
		w := newWorld(t, db, 11)
		var slots []*mentor.OfficeHours
		for i := range 10 {
			slots = append(slots, w.slot(t, 1+i, at(2, 9).Add(time.Duration(i)*time.Minute), 30))
		}
		won := bookAtOnce(t, db, 10, func(i int) error {
			_, err := db.BookOfficeHours(ctx, slots[i].ID, w.id(0))
			return err
		})
		if len(won) != 1 {
			t.Fatalf("%d overlapping bookings by one person succeeded: %v", len(won), won)
		}
		booked, _, _ := db.ListOfficeHours(ctx, store.OfficeHoursFilter{})
		n := 0
		for _, o := range booked {
			if o.BookedBy != nil {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d slots stored as booked", n)
		}
	})
}
