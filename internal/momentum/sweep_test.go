package momentum_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/momentum"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/notify/notifytest"
	"github.com/mentormesh/mentormesh/internal/store"
	"github.com/mentormesh/mentormesh/internal/store/storetest"
)

// day0 is when the test world starts.
var day0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// recorder is a Sender that keeps what it is asked to send, or fails.
type recorder struct {
	mu   sync.Mutex
	sent []notify.Message
	fail bool
}

func (r *recorder) Send(_ context.Context, msgs ...notify.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail {
		return errors.New("smtp: connection refused")
	}
	r.sent = append(r.sent, msgs...)
	return nil
}

// take returns the messages sent since the last take, as "to: subject" lines, sorted.
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, m := range r.sent {
		out = append(out, strings.Join(m.To, ",")+": "+m.Subject)
	}
	r.sent = nil
	slices.Sort(out)
	return out
}

// world is a weekly program (proposals expire after 10 days) with four
// people, a store clock the test moves, and a sweep service.
type world struct {
	db      *store.DB
	mu      sync.Mutex
	now     time.Time
	mail    *recorder
	svc     *momentum.Service
	program *mentor.Program
	people  []*mentor.Person
}

func newWorld(tb testing.TB, db *store.DB) *world {
	tb.Helper()
	w := &world{db: db, now: day0, mail: &recorder{}}
	db.Now = func() time.Time {
		w.mu.Lock()
		defer w.mu.Unlock()
		return w.now
	}
	w.svc = &momentum.Service{DB: db, Mail: w.mail, BaseURL: "https://mentor.example.org"}
	ctx := context.Background()
	w.program = &mentor.Program{Name: "Data mentoring", Format: mentor.FormatMentoring,
		Options: mentor.ProgramOptions{MeetingCadence: mentor.CadenceWeekly, ProposalExpiryDays: 10}}
	if err := db.CreateProgram(ctx, w.program); err != nil {
		tb.Fatal(err)
	}
	for _, name := range []string{"ana", "ben", "cai", "dan"} {
		p := &mentor.Person{Name: strings.ToUpper(name[:1]) + name[1:], Email: name + "@example.com", Seniority: 3}
		if err := db.CreatePerson(ctx, p); err != nil {
			tb.Fatal(err)
		}
		w.people = append(w.people, p)
	}
	return w
}

// at moves the clock to day0 plus d days.
func (w *world) at(d float64) time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.now = day0.Add(time.Duration(d * float64(24*time.Hour)))
	return w.now
}

func (w *world) match(tb testing.TB, state mentor.MatchState, a, b int) *mentor.Match {
	tb.Helper()
	m := &mentor.Match{ProgramID: w.program.ID, State: state, Members: []mentor.MatchMember{
		{PersonID: w.people[a].ID, Role: mentor.RoleMentor}, {PersonID: w.people[b].ID, Role: mentor.RoleMentee}}}
	if err := w.db.CreateMatch(context.Background(), m); err != nil {
		tb.Fatal(err)
	}
	return m
}

// sweep runs n sweeps at once at the current clock and adds up their counts.
func (w *world) sweep(tb testing.TB, n int) momentum.SweepResult {
	tb.Helper()
	now := w.db.Now()
	results := make([]momentum.SweepResult, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { results[i], errs[i] = w.svc.Sweep(context.Background(), now) })
	}
	wg.Wait()
	var sum momentum.SweepResult
	for i, r := range results {
		if errs[i] != nil {
			tb.Fatalf("sweep %d: %v", i, errs[i])
		}
		sum.AtRisk += r.AtRisk
		sum.Expired += r.Expired
		sum.Reminded += r.Reminded
		sum.Warned += r.Warned
		sum.Paused += r.Paused
		sum.Mails += r.Mails
		sum.Failed += r.Failed
	}
	return sum
}

func (w *world) state(tb testing.TB, id int64) *mentor.Match {
	tb.Helper()
	m, err := w.db.Match(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func (w *world) audits(tb testing.TB, id int64, action string) int {
	tb.Helper()
	events, _, err := w.db.AuditEvents(context.Background(), store.AuditFilter{Object: "match", ObjectID: id})
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, e := range events {
		if e.Action == action {
			n++
		}
	}
	return n
}

func wantMails(tb testing.TB, got []string, want ...string) {
	tb.Helper()
	slices.Sort(want)
	if !slices.Equal(got, want) {
		tb.Fatalf("mails:\n got %q\nwant %q", got, want)
	}
}

func TestSweep_ExpiresProposals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		old := w.match(t, mentor.MatchProposed, 0, 1)
		w.at(6)
		young := w.match(t, mentor.MatchProposed, 2, 3)
		w.at(10.5)
		got := w.sweep(t, 1)
		if got.Expired != 1 || got.AtRisk != 0 || got.Mails != 0 {
			t.Fatalf("day 10.5: %+v, want the first proposal expired and the second not yet at risk", got)
		}
		m := w.state(t, old.ID)
		if m.State != mentor.MatchDeclined || m.Members[0].Reason != "expired" || m.Members[1].Reason != "expired" {
			t.Fatalf("expired proposal: %+v", m)
		}
		if w.audits(t, old.ID, "expire") != 1 {
			t.Fatal("the expiry is not in the audit trail")
		}
		w.at(11.5) // the young proposal has waited 5.5 of its 10 days
		got = w.sweep(t, 3)
		if got.Expired != 0 || got.Reminded != 1 {
			t.Fatalf("day 11.5: %+v, want one reminder about the unanswered proposal", got)
		}
		wantMails(t, w.mail.take(), "cai@example.com: A nudge about your match in Data mentoring", "dan@example.com: A nudge about your match in Data mentoring")
		if _, err := db.RespondToMatch(context.Background(), young.ID, w.people[2].ID, true, ""); err != nil {
			t.Fatal(err)
		}
		w.at(22) // ten days after Cai's answer
		if got = w.sweep(t, 2); got.Expired != 1 {
			t.Fatalf("day 22: %+v", got)
		}
		m = w.state(t, young.ID)
		if m.State != mentor.MatchDeclined || m.Members[0].Reason != "" || m.Members[1].Reason != "expired" {
			t.Fatalf("only Dan, who never answered, expires: %+v", m.Members)
		}
	})
}

func TestSweep_OneReminderPerPeriod(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		silent := w.match(t, mentor.MatchActive, 0, 1)
		sad := w.match(t, mentor.MatchActive, 2, 3)
		// Sad meets often enough (the next meeting is far ahead) but Cai's pulse is low.
		if err := db.CreateMeeting(ctx, &mentor.Meeting{MatchID: sad.ID, StartsAt: day0.Add(60 * 24 * time.Hour), Minutes: 30}); err != nil {
			t.Fatal(err)
		}
		w.at(1)
		if err := db.CreateCheckIn(ctx, &mentor.CheckIn{MatchID: sad.ID, PersonID: w.people[2].ID, Pulse: 1}); err != nil {
			t.Fatal(err)
		}

		w.at(8)
		got := w.sweep(t, 4)
		if got.Reminded != 2 || got.Mails != 3 {
			t.Fatalf("day 8, four sweeps at once: %+v, want each match reminded once", got)
		}
		nudge := ": A nudge about your match in Data mentoring"
		wantMails(t, w.mail.take(), "ana@example.com"+nudge, "ben@example.com"+nudge, "cai@example.com"+nudge)

		w.at(12) // within a cadence of the reminders
		if got = w.sweep(t, 4); got.Reminded != 0 || got.Mails != 0 || got.AtRisk != 8 {
			t.Fatalf("day 12: %+v, want both matches still at risk and nobody reminded again", got)
		}
		w.at(15.5) // the next period: Sad is reminded again, Silent has been silent two cadences and is warned
		got = w.sweep(t, 4)
		if got.Reminded != 1 || got.Warned != 1 {
			t.Fatalf("day 15.5: %+v", got)
		}
		warn := ": Your match in Data mentoring will be paused soon"
		wantMails(t, w.mail.take(), "ana@example.com"+warn, "ben@example.com"+warn, "cai@example.com"+nudge)
		if w.audits(t, silent.ID, "remind") != 1 || w.audits(t, silent.ID, "warn") != 1 || w.audits(t, sad.ID, "remind") != 2 {
			t.Fatal("each reminder and warning must be in the audit trail once")
		}
	})
}

func TestSweep_WarnThenPause(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		m := w.match(t, mentor.MatchActive, 0, 1)
		w.at(15)
		if got := w.sweep(t, 3); got.Warned != 1 || got.Reminded != 0 {
			t.Fatalf("day 15: %+v, want one warning", got)
		}
		w.mail.take()
		w.at(21.5) // three cadences, but the warning is only 6.5 days old
		if got := w.sweep(t, 3); got.Paused != 0 || got.Mails != 0 {
			t.Fatalf("day 21.5: %+v, want no pause before a week's notice and no reminder within a cadence of the warning", got)
		}
		w.at(22.5)
		got := w.sweep(t, 3)
		if got.Paused != 1 {
			t.Fatalf("day 22.5: %+v, want the match paused once", got)
		}
		paused := ": Your match in Data mentoring has been paused"
		wantMails(t, w.mail.take(), "ana@example.com"+paused, "ben@example.com"+paused)
		if w.state(t, m.ID).State != mentor.MatchPaused || w.audits(t, m.ID, "pause") != 1 {
			t.Fatal("the match must be paused, with an audit event")
		}
		w.at(30)
		if got := w.sweep(t, 1); got.Checked != 0 || got.Mails != 0 {
			t.Fatalf("a paused match is left alone: %+v", got)
		}
		// Resuming starts the clock again.
		if err := db.SetMatchState(context.Background(), m.ID, mentor.MatchActive); err != nil {
			t.Fatal(err)
		}
		w.at(36)
		if got := w.sweep(t, 1); got.AtRisk != 0 {
			t.Fatalf("six days after the resume: %+v", got)
		}
		w.at(45) // silent for 15 days since the resume: a new silence gets its own warning
		if got := w.sweep(t, 1); got.Warned != 1 {
			t.Fatalf("day 45: %+v", got)
		}
	})
}

func TestSweep_WithoutMailNothingIsPaused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		w.svc.Mail = nil
		m := w.match(t, mentor.MatchActive, 0, 1)
		p := w.match(t, mentor.MatchProposed, 2, 3)
		w.at(40)
		got := w.sweep(t, 1)
		if got.AtRisk != 1 || got.Expired != 1 || got.Warned+got.Paused+got.Reminded != 0 {
			t.Fatalf("%+v: without e-mail the sweep expires proposals and nothing else", got)
		}
		if w.state(t, m.ID).State != mentor.MatchActive || w.state(t, p.ID).State != mentor.MatchDeclined {
			t.Fatal("states")
		}
	})
}

func TestSweep_FailedMailIsRetried(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		m := w.match(t, mentor.MatchActive, 0, 1)
		w.at(8)
		w.mail.fail = true
		if got := w.sweep(t, 1); got.Failed != 1 || got.Reminded != 0 {
			t.Fatalf("failing mail: %+v", got)
		}
		if _, err := db.LatestMark(context.Background(), m.ID); mentor.ErrorCode(err) != mentor.ENOTFOUND || w.audits(t, m.ID, "remind") != 0 {
			t.Fatal("a reminder that was not sent must leave no mark and no audit event")
		}
		w.mail.fail = false
		w.at(8.1)
		if got := w.sweep(t, 2); got.Reminded != 1 || got.Mails != 2 {
			t.Fatalf("retry: %+v", got)
		}
	})
}

func TestAtRisk_Report(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		silent := w.match(t, mentor.MatchActive, 0, 1)
		healthy := w.match(t, mentor.MatchActive, 2, 3)
		if err := db.CreateMeeting(ctx, &mentor.Meeting{MatchID: healthy.ID, StartsAt: day0.Add(5 * 24 * time.Hour), Minutes: 30, Status: "held"}); err != nil {
			t.Fatal(err)
		}
		w.at(2)
		proposal := w.match(t, mentor.MatchProposed, 0, 3)
		w.at(3)
		if err := db.CreateCheckIn(ctx, &mentor.CheckIn{MatchID: silent.ID, PersonID: w.people[0].ID, Pulse: 2}); err != nil {
			t.Fatal(err)
		}
		now := w.at(9)
		risks, next, err := w.svc.AtRisk(ctx, w.program.ID, now, store.Page{})
		if err != nil || next != "" {
			t.Fatal(err)
		}
		if len(risks) != 2 || risks[0].MatchID != silent.ID || risks[1].MatchID != proposal.ID {
			t.Fatalf("at risk: %+v, want the silent match and the proposal", risks)
		}
		r := risks[0]
		if len(r.Reasons) != 2 || r.Reasons[0].Code != momentum.ReasonNoMeeting || r.Reasons[1].Code != momentum.ReasonLowPulse ||
			r.SilentDays != 9 || r.LatestPulse != 2 || r.Program != "Data mentoring" || len(r.Members) != 2 || r.LastNudge != nil {
			t.Fatalf("silent match: %+v", r)
		}
		if r.LastActivity == nil || r.LastActivity.Kind != "check_in" || !r.LastActivity.At.Equal(day0.Add(3*24*time.Hour)) {
			t.Fatalf("last activity %+v", r.LastActivity)
		}
		if risks[1].Reasons[0].Code != momentum.ReasonUnanswered || risks[1].LastActivity != nil {
			t.Fatalf("proposal: %+v", risks[1])
		}
		w.sweep(t, 1)
		risks, _, _ = w.svc.AtRisk(ctx, 0, now, store.Page{})
		if risks[0].LastNudge == nil || !risks[0].LastNudge.Equal(now) {
			t.Fatalf("the report must show the reminder just sent: %+v", risks[0])
		}
		if other, _, _ := w.svc.AtRisk(ctx, w.program.ID+1, now, store.Page{}); len(other) != 0 {
			t.Fatalf("another program: %+v", other)
		}
		var paged []int64
		page := store.Page{Limit: 1}
		for range 5 {
			list, next, err := w.svc.AtRisk(ctx, 0, now, page)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range list {
				paged = append(paged, r.MatchID)
			}
			if next == "" {
				break
			}
			page.Cursor = next
		}
		if !slices.Equal(paged, []int64{silent.ID, proposal.ID}) {
			t.Fatalf("paging gave %v", paged)
		}
	})
}

func TestSweep_RemindersThroughMailpit(t *testing.T) {
	mp := notifytest.Start(t, notifytest.Options{})
	mailer, err := notify.NewMailer(mp.Config("mentormesh <noreply@mentor.example.org>"))
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(t, storetest.Open(t, store.SQLite))
	w.svc.Mail = mailer
	w.match(t, mentor.MatchActive, 0, 1)
	w.at(8)
	if got := w.sweep(t, 2); got.Reminded != 1 || got.Mails != 2 {
		t.Fatalf("%+v", got)
	}
	list := mp.WaitFor(t, 2)
	var to []string
	for _, s := range list {
		to = append(to, s.To[0].Address)
		msg := mp.Message(t, s.ID)
		if msg.Subject != "A nudge about your match in Data mentoring" || !strings.Contains(msg.Text, "It has been 8 days since your last meeting") ||
			!strings.Contains(msg.Text, "https://mentor.example.org/") {
			t.Fatalf("message %+v", msg)
		}
	}
	slices.Sort(to)
	if len(list) != 2 || !slices.Equal(to, []string{"ana@example.com", "ben@example.com"}) {
		t.Fatalf("mailpit received %d messages to %v", len(list), to)
	}
}
