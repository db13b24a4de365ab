package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// trialPrograms puts the fixture's mentoring program and a new peer
// program into enrollment and returns their ids.
func trialPrograms(t *testing.T, f *fixture) (int64, int64) {
	t.Helper()
	ctx := context.Background()
	if _, err := f.db.SetProgramStatus(ctx, f.program.ID, mentor.StatusEnrolling); err != nil {
		t.Fatal(err)
	}
	peer := &mentor.Program{Name: "Data peers", Format: mentor.FormatPeer}
	if err := f.db.CreateProgram(ctx, peer); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.SetProgramStatus(ctx, peer.ID, mentor.StatusEnrolling); err != nil {
		t.Fatal(err)
	}
	return f.program.ID, peer.ID
}

func TestTrialPages_StartJoinRead(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	a, b := trialPrograms(t, f)
	resp, body := f.postForm("cora@example.com", "/trials", url.Values{"name": {"Mentor or peer?"}, "program": {itoa(a)}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="program_ids-error"`) || !strings.Contains(body, `value="Mentor or peer?"`) {
		t.Fatalf("one program: %d, the error beside the programs and the name kept? %.400s", resp.StatusCode, body)
	}
	resp, _ = f.postForm("cora@example.com", "/trials", url.Values{"name": {"Mentor or peer?"}, "program": {itoa(a), itoa(b)}})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/trials/") {
		t.Fatalf("start: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	trial := resp.Header.Get("Location")
	_, page := f.getPage("ana@example.com", trial)
	if !strings.Contains(page, "Join this trial") || strings.Contains(page, "Arms and balance") {
		t.Fatalf("a participant's view: %.400s", page)
	}
	resp, _ = f.postForm("ana@example.com", trial+"/volunteers", url.Values{})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("join: %d", resp.StatusCode)
	}
	_, page = f.getPage("ana@example.com", trial)
	if !strings.Contains(page, "You take part: you were assigned to") {
		t.Fatalf("after joining: %.600s", page)
	}
	resp, page = f.postForm("ana@example.com", trial+"/volunteers", url.Values{})
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("joining twice: %d %.300s", resp.StatusCode, page)
	}
	resp, _ = f.postForm("cora@example.com", trial+"/volunteers", url.Values{"email": {"cai@example.com"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("assigning a colleague: %d", resp.StatusCode)
	}
	_, page = f.getPage("cora@example.com", trial)
	for _, want := range []string{"Arms and balance", "Seed ", "Result (randomised", `class="card metric"`, "Data peers"} { // Ana's match with Ben is in an arm: it has results
		if !strings.Contains(page, want) {
			t.Errorf("the coordinator's trial page lacks %q", want)
		}
	}
	_, formats := f.getPage("cora@example.com", "/reports/formats")
	if !strings.Contains(formats, "Randomised trials") || !strings.Contains(formats, `href="`+trial+`"`) {
		t.Errorf("/reports/formats does not point to the trial's result apart")
	}
	_, list := f.getPage("cora@example.com", "/trials")
	if !strings.Contains(list, "Mentor or peer?") || !strings.Contains(list, ">2<") {
		t.Errorf("the list of trials: %.500s", list)
	}
}

func TestBrowser_TrialPages(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	a, b := trialPrograms(t, f)
	signIn(t, ctx, f.srv.URL, "cora@example.com")
	run(t, ctx, "open the trials", chromedp.Navigate(f.srv.URL+"/trials"), chromedp.WaitVisible(`#start-trial`))
	checkPage(t, ctx, "trials")
	run(t, ctx, "start a trial",
		chromedp.SendKeys(`#trial-name`, "Mentor or peer?"),
		chromedp.Click(`input[name=program][value="`+itoa(a)+`"]`),
		chromedp.Click(`input[name=program][value="`+itoa(b)+`"]`),
		chromedp.Click(`#start-trial`),
		chromedp.WaitVisible(`#volunteer`))
	checkPage(t, ctx, "trial")
	if !strings.Contains(textOf(t, ctx, "main"), "Arms and balance") {
		t.Fatal("no balance table on the trial page")
	}
}
