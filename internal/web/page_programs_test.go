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

func TestProgramsPage_JoinAndWithdraw(t *testing.T) {
	f := newFixture(t, storetest.Open(t, store.SQLite))
	ctx := context.Background()
	if _, err := f.db.SetProgramStatus(ctx, f.program.ID, mentor.StatusEnrolling); err != nil {
		t.Fatal(err)
	}
	_, page := f.getPage("cai@example.com", "/programs")
	if !strings.Contains(page, `href="/signup/data-mentoring"`) || !strings.Contains(page, "You are not in any program yet.") {
		t.Fatalf("an open program to join: %.600s", page)
	}
	if err := f.db.CreateEnrollment(ctx, &mentor.Enrollment{ProgramID: f.program.ID, PersonID: f.cai.ID, Role: mentor.RoleMentee}); err != nil {
		t.Fatal(err)
	}
	_, page = f.getPage("cai@example.com", "/programs")
	if strings.Contains(page, `href="/signup/data-mentoring"`) || !strings.Contains(page, "Data mentoring") || strings.Contains(page, ">mentee<") {
		t.Fatalf("my enrollment, in words, and no second sign-up: %.800s", page)
	}
	resp, _ := f.postForm("cai@example.com", "/programs/"+itoa(f.program.ID)+"/withdraw", url.Values{})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", resp.StatusCode)
	}
	list, _, _ := f.db.Enrollments(ctx, store.EnrollmentFilter{ProgramID: f.program.ID, PersonID: f.cai.ID})
	if len(list) != 1 || list[0].Status != mentor.EnrollmentWithdrawn {
		t.Fatalf("after withdrawing: %+v", list)
	}
	if resp, _ := f.postForm("ben@example.com", "/programs/"+itoa(f.program.ID)+"/withdraw", url.Values{}); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("withdrawing from a program one is not in: %d", resp.StatusCode)
	}
}

func TestBrowser_ProgramsPage(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, storetest.Open(t, store.SQLite))
	if _, err := f.db.SetProgramStatus(context.Background(), f.program.ID, mentor.StatusEnrolling); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, f.srv.URL, "cai@example.com")
	run(t, ctx, "open programs", chromedp.Navigate(f.srv.URL+"/programs"), chromedp.WaitVisible(`h1`))
	checkPage(t, ctx, "programs")
}
