package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestProfilePage_EditAndCalendar(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	_, page := f.getPage("ana@example.com", "/profile")
	if !strings.Contains(page, "Managed by your coordinators") || !strings.Contains(page, `value="Europe/Berlin"`) {
		t.Fatalf("the profile page: %.500s", page)
	}
	resp, page := f.postForm("ana@example.com", "/profile", url.Values{"time_zone": {"Mars/Olympus"}, "bio": {"Learning SQL."}, "languages": {"English, German"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `id="time_zone-error"`) || !strings.Contains(page, "Learning SQL.") {
		t.Fatalf("a bad time zone: %d, error beside the field and input kept? %.600s", resp.StatusCode, page)
	}
	resp, _ = f.postForm("ana@example.com", "/profile", url.Values{"time_zone": {"Europe/Lisbon"}, "bio": {"Learning SQL."}, "languages": {"English, German"}, "location": {"Lisbon"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	p, err := f.db.Person(context.Background(), f.ana.ID)
	if err != nil || p.TimeZone != "Europe/Lisbon" || p.Bio != "Learning SQL." || len(p.Languages) != 2 || p.Department != "Data" || p.Email != "ana@example.com" {
		t.Fatalf("saved: %+v %v", p, err)
	}
	resp, page = f.postForm("ana@example.com", "/profile/calendar", url.Values{})
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "/calendar/") {
		t.Fatalf("a new calendar address: %d %.300s", resp.StatusCode, page)
	}
}

func TestBrowser_ProfilePage(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	signIn(t, ctx, f.srv.URL, "ana@example.com")
	run(t, ctx, "open the profile", chromedp.Navigate(f.srv.URL+"/profile"), chromedp.WaitVisible(`#save-profile`))
	checkPage(t, ctx, "profile")
	run(t, ctx, "save the profile",
		chromedp.SetValue(`#p-location`, "Lisbon"),
		chromedp.Click(`#save-profile`),
		chromedp.WaitVisible(`.flash`)) // only the page after saving has one
	if !strings.Contains(textOf(t, ctx, "main"), "Profile saved.") {
		t.Fatal("no flash after saving")
	}
}
