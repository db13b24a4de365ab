package web

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowser_ReportPages: on the demo, the coordinator opens the report
// pages from the navigation, filters the format comparison by a program and
// reads verdicts in words; a participant asks the advisor. Every page passes
// axe at 1280 and 390 px.
func TestBrowser_ReportPages(t *testing.T) {
	ctx := browser(t)
	f, loaded := demoServer(t)
	login := func(ctx context.Context, email, password string) {
		t.Helper()
		run(t, ctx, "sign in as "+email,
			chromedp.Navigate(f.srv.URL+"/login"),
			chromedp.WaitVisible(`input[name=email]`),
			chromedp.SendKeys(`input[name=email]`, email),
			chromedp.SendKeys(`input[name=password]`, password),
			chromedp.Click(`#sign-in`),
			chromedp.WaitVisible(`nav[aria-label=Main]`))
	}
	login(ctx, loaded.Coordinator.Email, loaded.Coordinator.Password)
	run(t, ctx, "open the reports", chromedp.Navigate(f.srv.URL+"/reports"), chromedp.WaitVisible(`h1`))
	checkPage(t, ctx, "reports")
	if !strings.Contains(textOf(t, ctx, "main"), "Share of enrolled people matched") {
		t.Fatal("/reports shows no matched-share chart caption")
	}
	one := strconv.FormatInt(loaded.ProgramIDs[0], 10)
	run(t, ctx, "open a program's report", chromedp.Navigate(f.srv.URL+"/programs/"+one+"/report"), chromedp.WaitVisible(`h1`))
	checkPage(t, ctx, "program-report")
	run(t, ctx, "compare formats for one program",
		chromedp.Navigate(f.srv.URL+"/reports/formats"),
		chromedp.WaitVisible(`select[name=program]`),
		chromedp.SetValue(`select[name=program]`, one),
		chromedp.Submit(`select[name=program]`),
		// The page before the filter has the same sections: wait for the
		// filtered page, where the server marks the program selected.
		chromedp.WaitReady(`select[name=program] option[selected][value="`+one+`"]`),
		chromedp.WaitVisible(`#goal_completion`))
	checkPage(t, ctx, "reports-formats")
	if got := textOf(t, ctx, "h1"); got != "Which format works best?" {
		t.Fatalf("heading %q", got)
	}
	ctx = browser(t) // a fresh browser: no coordinator cookie
	login(ctx, loaded.Participant.Email, loaded.Participant.Password)
	run(t, ctx, "ask the advisor",
		chromedp.Navigate(f.srv.URL+"/advisor"),
		chromedp.WaitVisible(`#text`),
		chromedp.SendKeys(`#text`, "our team keeps hitting the same problems and I'd like to solve them together with colleagues"),
		chromedp.Click(`#advise`),
		chromedp.WaitVisible(`ol.advice`))
	checkPage(t, ctx, "advisor")
	if first := textOf(t, ctx, "ol.advice > li h3"); !strings.HasPrefix(first, "peer circles") {
		t.Fatalf("the advisor's first format: %q", first)
	}
}
