package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestLabel_NeverRaw(t *testing.T) {
	for _, f := range mentor.Formats {
		if l := label(f); strings.Contains(l, "_") || l == string(f) || formatLine(f) == "" {
			t.Errorf("format %s: label %q, line %q", f, l, formatLine(f))
		}
	}
	for _, tc := range []struct {
		in   any
		want string
	}{
		{mentor.FormatAdvisoryBoard, "Personal advisory board"},
		{mentor.ModeSelfSelect, "Self-select: you pick"},
		{mentor.RolePeer, "Peer"},
		{mentor.FormatPeer, "Peer mentoring"},
		{mentor.MeetingCheckIn, "Check-in"},
		{mentor.MeetingFlash, "Flash session"},
		{"something_new", "Something new"},
	} {
		if got := label(tc.in); got != tc.want {
			t.Errorf("label(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := fieldWords("skills[2].level"); got != "Skills 3, level" {
		t.Errorf("fieldWords: %q", got)
	}
}

func TestPageData_TimesInViewerZone(t *testing.T) {
	at := time.Date(2026, 12, 8, 13, 30, 0, 0, time.UTC)
	for _, tc := range []struct{ zone, want string }{
		{"Europe/Berlin", "Tue 8 Dec 2026, 14:30 CET"},
		{"America/New_York", "Tue 8 Dec 2026, 08:30 EST"},
		{"", "Tue 8 Dec 2026, 13:30 UTC"},
		{"Not/AZone", "Tue 8 Dec 2026, 13:30 UTC"},
	} {
		d := pageData{Loc: loadZone(tc.zone)}
		if got := d.When(at); got != tc.want {
			t.Errorf("%q: When = %q, want %q", tc.zone, got, tc.want)
		}
		back, ok := d.parseInputTime(d.InputTime(at))
		if !ok || !back.Equal(at) {
			t.Errorf("%q: input time round trip gave %v %v", tc.zone, back, ok)
		}
	}
}

func TestFlash_ShownOnceAfterRedirect(t *testing.T) {
	s := &Server{}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/goals", nil)
	s.redirectFlash(rec, req, "/goals/1", "Goal saved.")
	res := rec.Result()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/goals/1" {
		t.Fatalf("answer %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	next := httptest.NewRequest("GET", "/goals/1", nil)
	for _, c := range res.Cookies() {
		if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.MaxAge <= 0 {
			t.Errorf("flash cookie %+v", c)
		}
		next.AddCookie(c)
	}
	if got := readFlash(next); got != "Goal saved." {
		t.Fatalf("flash read back %q", got)
	}
	rec = httptest.NewRecorder()
	s.clearFlash(rec, next)
	if cs := rec.Result().Cookies(); len(cs) != 1 || cs[0].MaxAge >= 0 {
		t.Fatalf("the flash cookie was not cleared: %+v", cs)
	}
}

func TestShell_StaticAndErrorPages(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	resp, body := f.req("", "GET", "/static/favicon.svg", nil)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "svg") || !strings.Contains(string(body), "<svg") {
		t.Fatalf("favicon: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp, _ := f.req("", "GET", "/favicon.ico", nil); resp.StatusCode != http.StatusMovedPermanently {
		t.Fatalf("/favicon.ico: %d", resp.StatusCode)
	}
	resp, body = f.req(f.anaTok, "GET", "/no/such/page", nil)
	if resp.StatusCode != 404 || !strings.Contains(string(body), "We could not find that page.") || !strings.Contains(string(body), `aria-label="Main"`) {
		t.Fatalf("404 page: %d %s", resp.StatusCode, body)
	}
	resp, body = f.req(f.anaTok, "GET", "/console", nil)
	if resp.StatusCode != 403 || !strings.Contains(string(body), "This is not open to you.") {
		t.Fatalf("403 page: %d %s", resp.StatusCode, body)
	}
}

func TestBrowser_ShellNavigationAndAccessibility(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	run(t, ctx, "open the sign-in page", chromedp.Navigate(f.srv.URL+"/"), chromedp.WaitVisible(`#sign-in`))
	checkPage(t, ctx, "login")
	signIn(t, ctx, f.srv.URL, "ana@example.com")
	nav := textOf(t, ctx, `nav[aria-label=Main]`)
	for _, want := range []string{"Home", "My matches", "Goals", "Meetings", "Office hours", "Programs", "Profile", "Which format fits me?"} {
		if !strings.Contains(nav, want) {
			t.Errorf("navigation lacks %q: %q", want, nav)
		}
	}
	if strings.Contains(nav, "Console") {
		t.Errorf("a participant's navigation offers the console: %q", nav)
	}
	if cur := textOf(t, ctx, `nav a[aria-current=page]`); cur != "Home" {
		t.Errorf("current page in the navigation: %q", cur)
	}
	checkPage(t, ctx, "home")
	run(t, ctx, "open an unknown page", chromedp.Navigate(f.srv.URL+"/no/such/page"), chromedp.WaitVisible(`.error-page`))
	checkPage(t, ctx, "not-found")

	signIn(t, ctx, f.srv.URL, "cora@example.com")
	run(t, ctx, "open the console", chromedp.Click(`nav a[href="/console"]`), chromedp.WaitVisible(`table.stack`))
	checkPage(t, ctx, "console")
}

// TestBrowser_AxeFindsViolations makes sure the accessibility check can
// fail: a page given an unlabelled input and grey-on-grey text must show
// serious violations.
func TestBrowser_AxeFindsViolations(t *testing.T) {
	ctx := browser(t)
	src := axeScript(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	run(t, ctx, "break the sign-in page",
		chromedp.Navigate(f.srv.URL+"/login"), chromedp.WaitVisible(`#sign-in`),
		chromedp.Evaluate[chromedp.Void](`(() => {
			const main = document.querySelector("main");
			main.insertAdjacentHTML("beforeend", '<input type="text" name="nolabel"><p id="faint">faint</p>');
			const p = document.getElementById("faint"); // the CSP refuses style attributes, not the CSSOM
			p.style.color = "#bbb"; p.style.background = "#ccc";
		})()`))
	ids := map[string]bool{}
	for _, v := range axeViolations(t, ctx, src) {
		ids[v.ID] = true
	}
	if !ids["label"] || !ids["color-contrast"] {
		t.Fatalf("axe found %v, want label and color-contrast", ids)
	}
}
