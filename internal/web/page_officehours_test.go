package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestBrowser_OfficeHoursBookAndCancel(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	bg := context.Background()
	p := &mentor.Program{Name: "Ask an expert", Format: mentor.FormatFlash}
	if err := f.db.CreateProgram(bg, p); err != nil {
		t.Fatal(err)
	}
	f.db.SetProgramStatus(bg, p.ID, mentor.StatusEnrolling)
	if err := f.db.CreateEnrollment(bg, &mentor.Enrollment{ProgramID: p.ID, PersonID: f.ben.ID, Role: mentor.RoleMentor, Capacity: 5}); err != nil {
		t.Fatal(err)
	}
	for i, topic := range []string{"SQL tuning", "Hiring"} {
		o := &mentor.OfficeHours{ProgramID: p.ID, MentorID: f.ben.ID, StartsAt: time.Now().Add(time.Duration(48+i*24) * time.Hour).Truncate(time.Hour), Minutes: 30, Topics: []string{topic}}
		if err := f.db.CreateOfficeHours(bg, o); err != nil {
			t.Fatal(err)
		}
	}
	signIn(t, ctx, f.srv.URL, "ana@example.com")
	run(t, ctx, "search slots on SQL",
		chromedp.Click(`nav a[href="/office-hours"]`), chromedp.WaitVisible(`#topic`),
		chromedp.SendKeys(`#topic`, "sql"), chromedp.Click(`#search-slots`),
		// The list before the search shows every slot already: wait for the
		// results page, whose topic field the server fills in (the value
		// attribute; typing changes only the property), before reading it.
		chromedp.WaitVisible(`#topic[value="sql"]`),
		chromedp.WaitVisible(`li.slot`))
	if got := textOf(t, ctx, `main`); !strings.Contains(got, "SQL tuning") || strings.Contains(got, "Hiring") {
		t.Errorf("search for sql: %q", got)
	}
	checkPage(t, ctx, "office-hours")
	run(t, ctx, "book", chromedp.SendKeys(`li.slot input[name=question]`, "Why is my join slow?"),
		chromedp.Click(`li.slot button.book`), chromedp.WaitVisible(`li.booked`))
	if got := textOf(t, ctx, `.flash`); !strings.HasPrefix(got, "Booked: ") {
		t.Errorf("flash after booking: %q", got)
	}
	checkPage(t, ctx, "office-hours-booked")
	run(t, ctx, "cancel", chromedp.Click(`button.cancel-booking`), chromedp.WaitNotPresent(`li.booked`))
	if got := textOf(t, ctx, `.flash`); !strings.Contains(got, "Booking cancelled") {
		t.Errorf("flash after cancelling: %q", got)
	}
}
