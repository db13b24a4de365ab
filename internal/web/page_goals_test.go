package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

func TestGoalForm_NamesMissingLettersAndKeepsInput(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	resp, body := f.postForm("ana@example.com", "/goals", url.Values{"title": {"Ship a data pipeline"}, "metric": {"pipelines"}, "baseline": {"0"}, "target": {"two"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("incomplete goal: %d", resp.StatusCode)
	}
	for _, want := range []string{"A (achievable)", "R (relevant)", "T (time-bound)", "M (measurable): give the target as a number",
		`value="Ship a data pipeline"`, `id="plan-error"`, `id="due_date-error"`} {
		if !strings.Contains(body, want) {
			t.Errorf("refused goal form lacks %q", want)
		}
	}
	past := time.Now().AddDate(0, 0, -3).Format("2006-01-02")
	goal := url.Values{"title": {"Ship a data pipeline"}, "metric": {"pipelines"}, "baseline": {"0"}, "target": {"2"},
		"plan": {"pair on the first"}, "skill": {"structured query language"}, "due_date": {past}}
	if resp, body := f.postForm("ana@example.com", "/goals", goal); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="due_date-error"`) {
		t.Fatalf("a due date in the past: %d", resp.StatusCode)
	}
	goal.Set("due_date", time.Now().AddDate(0, 3, 0).Format("2006-01-02"))
	resp, _ = f.postForm("ana@example.com", "/goals", goal)
	if resp.StatusCode != http.StatusSeeOther || flashOf(resp) == nil {
		t.Fatalf("a complete goal: %d", resp.StatusCode)
	}
	_, page := f.getPage("ana@example.com", resp.Header.Get("Location"), flashOf(resp))
	if !strings.Contains(page, "Goal saved.") || !strings.Contains(page, "Ship a data pipeline") {
		t.Errorf("goal page after saving lacks the flash or the goal")
	}
	if code, _ := f.getPage("cai@example.com", resp.Header.Get("Location")); code != http.StatusNotFound {
		t.Errorf("someone else's goal: %d, want 404", code)
	}
}

func TestBrowser_GoalJourney(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	signIn(t, ctx, f.srv.URL, "ana@example.com")
	run(t, ctx, "open goals", chromedp.Click(`nav a[href="/goals"]`), chromedp.WaitVisible(`#new-goal`))
	checkPage(t, ctx, "goals-empty")
	run(t, ctx, "a goal without a plan",
		chromedp.Click(`#new-goal`), chromedp.WaitVisible(`#save-goal`),
		chromedp.SendKeys(`#title`, "Lead a data review"), chromedp.SendKeys(`#metric`, "reviews led"),
		chromedp.SendKeys(`#baseline`, "0"), chromedp.SendKeys(`#target`, "3"), chromedp.SendKeys(`#relevance`, "senior engineer"),
		chromedp.SetValue(`#due_date`, time.Now().AddDate(0, 2, 0).Format("2006-01-02")),
		chromedp.Click(`#save-goal`), chromedp.WaitVisible(`#plan-error`))
	if got := textOf(t, ctx, `#plan-error`); !strings.Contains(got, "A (achievable)") {
		t.Errorf("error beside the plan: %q", got)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(`#title`)); v != "Lead a data review" {
		t.Errorf("the title typed was lost: %q", v)
	}
	checkPage(t, ctx, "goal-new-errors")
	run(t, ctx, "add the plan and save",
		chromedp.SendKeys(`#plan`, "shadow two reviews, then lead one"), chromedp.Click(`#save-goal`), chromedp.WaitVisible(`#log-progress`))
	run(t, ctx, "log progress",
		chromedp.SendKeys(`#value`, "1"), chromedp.SendKeys(`#progress-note`, "first review done"),
		chromedp.Click(`#log-progress`), chromedp.WaitVisible(`figure.goal-chart svg`))
	if got := textOf(t, ctx, `p.now`); !strings.Contains(got, "33%") {
		t.Errorf("progress after one of three: %q", got)
	}
	run(t, ctx, "add a milestone", chromedp.SendKeys(`#milestone-title`, "Shadow the first review"), chromedp.Click(`#save-milestones`),
		chromedp.WaitVisible(`input[name=done]`), chromedp.Click(`input[name=done]`), chromedp.Click(`#save-milestones`),
		chromedp.WaitVisible(`input[name=done][checked]`)) // the page sent after saving shows it done
	checkPage(t, ctx, "goal")
	run(t, ctx, "mark achieved", chromedp.Click(`#achieved`), chromedp.WaitVisible(`.badge-achieved`))
	if got := textOf(t, ctx, `.flash`); got != "Goal marked achieved." {
		t.Errorf("flash: %q", got)
	}
}
