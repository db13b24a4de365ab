package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// postForm sends a form as the browser would (session cookie, same origin)
// and returns the answer without following a redirect.
func (f *fixture) postForm(email, path string, form url.Values) (*http.Response, string) {
	f.t.Helper()
	jar := f.cookieFor(email)
	req, _ := http.NewRequest("POST", f.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", f.srv.URL)
	req.AddCookie(jar)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// getPage fetches a page with a person's session cookie and the flash cookie of an earlier answer, if any.
func (f *fixture) getPage(email, path string, extra ...*http.Cookie) (int, string) {
	f.t.Helper()
	req, _ := http.NewRequest("GET", f.srv.URL+path, nil)
	req.AddCookie(f.cookieFor(email))
	for _, c := range extra {
		req.AddCookie(c)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// cookieFor signs a person in (once per test) and returns the session cookie.
func (f *fixture) cookieFor(email string) *http.Cookie {
	f.t.Helper()
	if c, ok := f.cookies[email]; ok {
		return c
	}
	u, err := f.db.PersonByEmail(context.Background(), email)
	if err != nil {
		f.t.Fatal(err)
	}
	usr, err := f.db.UserByPerson(context.Background(), u.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	tok, err := f.db.CreateSession(context.Background(), usr.ID, store.SessionCookie, store.SessionPolicy{TTL: time.Hour})
	if err != nil {
		f.t.Fatal(err)
	}
	if f.cookies == nil {
		f.cookies = map[string]*http.Cookie{}
	}
	f.cookies[email] = &http.Cookie{Name: SessionCookie, Value: tok}
	return f.cookies[email]
}

// flashOf returns the flash cookie of an answer.
func flashOf(resp *http.Response) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == flashCookie {
			return c
		}
	}
	return nil
}

func TestMatchForms_ScheduleErrorsKeepInputThenSucceed(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	path := matchPath(f.match.ID) + "/meetings"
	resp, body := f.postForm("ana@example.com", path, url.Values{"starts_at": {"not a time"}, "minutes": {"2"}, "agenda": {"Talk about SQL window functions"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad schedule form: %d", resp.StatusCode)
	}
	for _, want := range []string{`id="starts_at-error"`, "give a date and time", "Talk about SQL window functions", `aria-invalid="true"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused form lacks %q", want)
		}
	}
	resp, _ = f.postForm("ana@example.com", path, url.Values{"starts_at": {"2030-01-15T10:00"}, "minutes": {"2"}, "agenda": {"SQL"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a 2-minute meeting: %d, want 422 from the domain", resp.StatusCode)
	}
	resp, _ = f.postForm("ana@example.com", path, url.Values{"starts_at": {"2030-01-15T10:00"}, "minutes": {"45"}, "agenda": {"SQL"}})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/meetings/") {
		t.Fatalf("schedule: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, page := f.getPage("ana@example.com", resp.Header.Get("Location"), flashOf(resp))
	// Ana's profile is in Europe/Berlin: 10:00 there is what she typed.
	if !strings.Contains(page, "Meeting scheduled for Tue 15 Jan 2030, 10:00 CET") || !strings.Contains(page, `class="flash"`) {
		t.Errorf("meeting page after scheduling lacks the flash message")
	}
	if resp, _ := f.postForm("cai@example.com", path, url.Values{"starts_at": {"2030-01-15T10:00"}, "minutes": {"45"}}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an outsider scheduling: %d, want 404", resp.StatusCode)
	}
}

func TestMatchPage_ContactOnlyOnceConfirmed(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	p := &mentor.Match{ProgramID: f.program.ID, State: mentor.MatchProposed, Summary: "proposal",
		Members: []mentor.MatchMember{{PersonID: f.cai.ID, Role: mentor.RoleMentee, Response: "pending"}, {PersonID: f.ben.ID, Role: mentor.RoleMentor, Response: "pending"}}}
	if err := f.db.CreateMatch(ctx, p); err != nil {
		t.Fatal(err)
	}
	_, proposed := f.getPage("cai@example.com", matchPath(p.ID))
	if strings.Contains(proposed, "ben@example.com") || !strings.Contains(proposed, "Shown once you have both accepted") {
		t.Errorf("a proposed match shows the partner's e-mail")
	}
	_, confirmed := f.getPage("ana@example.com", matchPath(f.match.ID))
	if !strings.Contains(confirmed, "ben@example.com") || !strings.Contains(confirmed, "49 30 1234") {
		t.Errorf("a confirmed match hides the partner's contact details")
	}
}

func TestBrowser_MatchAndMeetingJourney(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	signIn(t, ctx, f.srv.URL, "ana@example.com")
	run(t, ctx, "open my matches", chromedp.Click(`nav a[href="/matches"]`), chromedp.WaitVisible(`section.match`))
	checkPage(t, ctx, "matches")
	run(t, ctx, "open the match", chromedp.Click(`section.match h2 a`), chromedp.WaitVisible(`#schedule-meeting`))
	if got := textOf(t, ctx, `main`); !strings.Contains(got, "ben@example.com") || !strings.Contains(got, "Ben offers SQL that Ana wants.") {
		t.Errorf("match page: %q", got)
	}
	checkPage(t, ctx, "match")
	run(t, ctx, "schedule a meeting",
		chromedp.SetValue(`#starts_at`, "2030-01-15T10:00"),
		chromedp.SetValue(`#minutes`, "45"),
		chromedp.SendKeys(`#agenda`, "Window functions, then my first pipeline"),
		chromedp.Click(`#schedule-meeting`),
		chromedp.WaitVisible(`.flash`))
	if got := textOf(t, ctx, `.flash`); !strings.Contains(got, "Meeting scheduled for Tue 15 Jan 2030, 10:00 CET") {
		t.Errorf("flash after scheduling: %q", got)
	}
	run(t, ctx, "add a shared note",
		chromedp.SendKeys(`#note-text`, "Bring the slow query"), chromedp.Click(`#add-note`), chromedp.WaitVisible(`li.note`))
	run(t, ctx, "add a private note",
		chromedp.SendKeys(`#note-text`, "Ask about the team lead role"), chromedp.Click(`input[name=private][value=true]`),
		chromedp.Click(`#add-note`), chromedp.WaitVisible(`li.private-note`))
	page := textOf(t, ctx, `main`)
	if !strings.Contains(page, "Window functions, then my first pipeline") || !strings.Contains(page, "once the meeting has happened") {
		t.Errorf("meeting page before it happened: %q", page)
	}
	checkPage(t, ctx, "meeting")

	// Ben sees the shared note but not Ana's private one.
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, f.srv.URL, "ben@example.com")
	run(t, ctx, "open the meeting as Ben", chromedp.Navigate(loc), chromedp.WaitVisible(`li.note`))
	if ben := textOf(t, ctx, `main`); strings.Contains(ben, "team lead") || !strings.Contains(ben, "slow query") {
		t.Errorf("Ben's view of the notes: %q", ben)
	}
	// Ben moves the meeting to yesterday and marks it held; then feedback opens.
	yesterday := time.Now().In(loadZone("Europe/Berlin")).Add(-24 * time.Hour).Format("2006-01-02T15:04")
	run(t, ctx, "record the meeting as held",
		chromedp.Click(`details.card summary`),
		chromedp.SetValue(`#edit-starts`, yesterday),
		chromedp.Click(`input[name=attendance]`),
		chromedp.SetValue(`#edit-status`, "held"),
		chromedp.Click(`#save-meeting`), chromedp.WaitVisible(`#give-feedback`))
	run(t, ctx, "give feedback",
		chromedp.Click(`input[name=rating][value="5"]`), chromedp.Click(`input[name=style][value=reflective]`),
		chromedp.Click(`#give-feedback`), chromedp.WaitVisible(`p.given`))
	if got := textOf(t, ctx, `p.given`); !strings.Contains(got, "5 of 5") || !strings.Contains(got, "Reflective") {
		t.Errorf("feedback shown: %q", got)
	}
	checkPage(t, ctx, "meeting-held")

	run(t, ctx, "check in and assess from the match page",
		chromedp.Navigate(f.srv.URL+matchPath(f.match.ID)), chromedp.WaitVisible(`#check-in`),
		chromedp.Click(`input[name=pulse][value="4"]`), chromedp.Click(`#check-in`), chromedp.WaitVisible(`.flash`))
	if got := textOf(t, ctx, `.flash`); !strings.Contains(got, "Check-in saved") {
		t.Errorf("check-in flash: %q", got)
	}
	run(t, ctx, "assess Ana's SQL",
		chromedp.Navigate(f.srv.URL+matchPath(f.match.ID)), chromedp.WaitVisible(`#assess`),
		chromedp.SetValue(`#assess-person`, fmt.Sprint(f.ana.ID)), chromedp.SendKeys(`#assess-skill`, "structured query language"),
		chromedp.SetValue(`#assess-level`, "2"), chromedp.Click(`#assess`), chromedp.WaitVisible(`.flash`))
	if got := textOf(t, ctx, `main`); !strings.Contains(got, "Assessment saved") {
		t.Errorf("after assessing: %q", got)
	}
	list, _, err := f.db.Assessments(context.Background(), store.AssessmentFilter{PersonID: f.ana.ID})
	if err != nil || len(list) != 1 || list[0].Kind != "partner" || list[0].Level != 2 {
		t.Fatalf("assessment stored: %+v %v", list, err)
	}
}
