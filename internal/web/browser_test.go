package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// browser starts headless Chromium (MENTORMESH_TEST_CHROMIUM) for one test.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := testTool(t, "MENTORMESH_TEST_CHROMIUM", "Chromium")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

func TestBrowser_SignInHomeAndSignUp(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	if _, err := f.db.SetProgramStatus(context.Background(), f.program.ID, mentor.StatusEnrolling); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(sel))
		must(err)
		return v
	}
	must(chromedp.Do(ctx,
		chromedp.Navigate(f.srv.URL+"/"),
		chromedp.WaitVisible(`input[name=email]`),
		chromedp.SendKeys(`input[name=email]`, "cai@example.com"),
		chromedp.SendKeys(`input[name=password]`, "not the password"),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`.problems`)))
	errText := text(`.problems`)
	must(chromedp.Do(ctx,
		chromedp.SetValue(`input[name=password]`, testPassword),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`main h2`)))
	home := text(`main`)
	must(chromedp.Do(ctx,
		chromedp.Navigate(f.srv.URL+"/signup/data-mentoring"),
		chromedp.WaitVisible(`select[name=role]`),
		chromedp.SetValue(`select[name=role]`, "mentee"),
		chromedp.SendKeys(`textarea[name=goals]`, "learn SQL window functions"),
		chromedp.Click(`form[action="/signup/data-mentoring"] button[type=submit]`),
		chromedp.WaitVisible(`.ok`)))
	signup := text(`.ok`)
	if !strings.Contains(errText, "wrong") {
		t.Errorf("wrong password message: %q", errText)
	}
	if !strings.Contains(home, "Hello, Cai Outsider") || !strings.Contains(home, "Data mentoring") {
		t.Errorf("home page after sign-in: %q", home)
	}
	if !strings.Contains(signup, "signed up as mentee") {
		t.Errorf("sign-up message: %q", signup)
	}
	list, _, err := f.db.Enrollments(context.Background(), store.EnrollmentFilter{ProgramID: f.program.ID, PersonID: f.cai.ID})
	if err != nil || len(list) != 1 || list[0].Goals != "learn SQL window functions" {
		t.Fatalf("enrollment from the browser: %+v %v", list, err)
	}

	// Ana, in a confirmed match, sees her partner and the reason for the match.
	must(chromedp.Do(ctx,
		chromedp.Navigate(f.srv.URL+"/"),
		chromedp.WaitVisible(`form[action="/logout"] button`),
		chromedp.Click(`form[action="/logout"] button`),
		chromedp.WaitVisible(`input[name=email]`),
		chromedp.SendKeys(`input[name=email]`, "ana@example.com"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`.match`)))
	anaHome := text(`main`)
	for _, want := range []string{"Ben Mentor", "Ben offers SQL that Ana wants.", "Active"} {
		if !strings.Contains(anaHome, want) {
			t.Errorf("ana's home lacks %q: %q", want, anaHome)
		}
	}
}

func TestBrowser_CoordinatorRunsAndPublishesMatching(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	c := newCohort(t, f, "ui", peers(6, func(int) ([]string, []string) { return []string{"Feedback"}, []string{"Negotiation"} }))
	bg := context.Background()
	p := &mentor.Program{Name: "Peer pairs", Format: mentor.FormatPeer}
	if err := f.db.CreateProgram(bg, p); err != nil {
		t.Fatal(err)
	}
	f.db.SetProgramStatus(bg, p.ID, mentor.StatusEnrolling)
	for _, id := range c.ids {
		if err := f.db.CreateEnrollment(bg, &mentor.Enrollment{ProgramID: p.ID, PersonID: id, Role: mentor.RolePeer}); err != nil {
			t.Fatal(err)
		}
	}
	f.db.SetProgramStatus(bg, p.ID, mentor.StatusMatching)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(chromedp.Do(ctx,
		chromedp.Navigate(f.srv.URL+"/login"),
		chromedp.WaitVisible(`input[name=email]`),
		chromedp.SendKeys(`input[name=email]`, "cora@example.com"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`main h2`),
		chromedp.Click(`a[href="/console"]`),
		chromedp.WaitVisible(`a[href="/programs/`+fmt.Sprint(p.ID)+`"]`),
		chromedp.Click(`a[href="/programs/`+fmt.Sprint(p.ID)+`"]`),
		chromedp.WaitVisible(`#run-matching`),
		chromedp.Click(`#run-matching`),
		chromedp.WaitVisible(`tr.match-row`)))
	table, err := chromedp.Run(ctx, chromedp.Text(`table.matches`))
	must(err)
	if strings.Count(table, "Draft") != 3 || !strings.Contains(table, "ui Peer") {
		t.Fatalf("after running matching the page shows: %q", table)
	}
	must(chromedp.Do(ctx, chromedp.Click(`button[id^=publish-]`), chromedp.WaitNotPresent(`button[id^=publish-]`)))
	table, err = chromedp.Run(ctx, chromedp.Text(`table.matches`))
	must(err)
	if strings.Count(table, "Proposed") != 3 {
		t.Fatalf("after publishing the page shows: %q", table)
	}

	// A participant accepts the proposal on their home page; the partner declines another.
	first := c.ids[0]
	ms, _, err := f.db.Matches(bg, store.MatchFilter{PersonID: first})
	must(err)
	must(chromedp.Do(ctx,
		chromedp.Click(`form[action="/logout"] button`),
		chromedp.WaitVisible(`input[name=email]`),
		chromedp.SendKeys(`input[name=email]`, "ui.0@example.com"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`button.accept`),
		chromedp.Click(`button.accept`),
		chromedp.WaitVisible(`p.waiting`)))
	home, err := chromedp.Run(ctx, chromedp.Text(`main`))
	must(err)
	if !strings.Contains(home, "waiting for your partner") {
		t.Fatalf("after accepting the home page shows: %q", home)
	}
	m, err := f.db.Match(bg, ms[0].ID)
	must(err)
	for _, mm := range m.Members {
		if mm.PersonID == first && mm.Response != "accepted" {
			t.Fatalf("the acceptance was not stored: %+v", m.Members)
		}
	}
}
