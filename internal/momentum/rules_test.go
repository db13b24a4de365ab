package momentum

import (
	"reflect"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// t0 is the fixed "now" of the rule tests.
var t0 = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

func daysAgo(d float64) *time.Time {
	t := t0.Add(-time.Duration(d * float64(24*time.Hour)))
	return &t
}

func activity(state mentor.MatchState, updated float64) store.MatchActivity {
	return store.MatchActivity{Match: mentor.Match{ID: 1, State: state, UpdatedAt: *daysAgo(updated),
		Members: []mentor.MatchMember{{PersonID: 1, Response: "accepted"}, {PersonID: 2, Response: "pending"}}}}
}

func TestRulesOf_Defaults(t *testing.T) {
	cases := []struct {
		name            string
		opts            mentor.ProgramOptions
		cadence, expiry int
	}{
		{"weekly, 10 days", mentor.ProgramOptions{MeetingCadence: mentor.CadenceWeekly, ProposalExpiryDays: 10}, 7, 10},
		{"monthly", mentor.ProgramOptions{MeetingCadence: mentor.CadenceMonthly, ProposalExpiryDays: 30}, 30, 30},
		{"unset falls back to fortnightly and 14 days", mentor.ProgramOptions{}, 14, 14},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := RulesOf(&mentor.Program{Options: c.opts})
			if r.Cadence != time.Duration(c.cadence)*day || r.Expiry != time.Duration(c.expiry)*day {
				t.Fatalf("rules %+v, want cadence %d and expiry %d days", r, c.cadence, c.expiry)
			}
		})
	}
}

func TestAssess_Cases(t *testing.T) {
	weekly := Rules{Cadence: 7 * day, Expiry: 10 * day}
	cases := []struct {
		name    string
		act     store.MatchActivity
		reasons []string
		stage   int
		expired bool
		since   *time.Time
	}{
		{"active, started 6 days ago", activity(mentor.MatchActive, 6), nil, 0, false, daysAgo(6)},
		{"active, started 7.5 days ago, never met", activity(mentor.MatchActive, 7.5), []string{ReasonNoMeeting}, 1, false, daysAgo(7.5)},
		{"accepted counts like active", activity(mentor.MatchAccepted, 8), []string{ReasonNoMeeting}, 1, false, daysAgo(8)},
		{"met 3 days ago after a long start", func() store.MatchActivity {
			a := activity(mentor.MatchActive, 60)
			a.LastMeeting, a.LastMet = daysAgo(3), daysAgo(3)
			return a
		}(), nil, 0, false, daysAgo(3)},
		{"met 15 days ago: two cadences", func() store.MatchActivity {
			a := activity(mentor.MatchActive, 60)
			a.LastMeeting, a.LastMet = daysAgo(15), daysAgo(15)
			return a
		}(), []string{ReasonNoMeeting}, 2, false, daysAgo(15)},
		{"met 22 days ago: three cadences", func() store.MatchActivity {
			a := activity(mentor.MatchActive, 60)
			a.LastMeeting = daysAgo(22)
			return a
		}(), []string{ReasonNoMeeting}, 3, false, daysAgo(22)},
		{"old meeting but the next one is scheduled", func() store.MatchActivity {
			a := activity(mentor.MatchActive, 60)
			a.LastMeeting, a.LastMet = daysAgo(-2), daysAgo(40)
			return a
		}(), nil, 0, false, daysAgo(-2)},
		{"a meeting before a resume does not reset the clock", func() store.MatchActivity {
			a := activity(mentor.MatchActive, 9) // resumed 9 days ago
			a.LastMeeting = daysAgo(30)
			return a
		}(), []string{ReasonNoMeeting}, 1, false, daysAgo(9)},
		{"low pulse with recent meetings", func() store.MatchActivity {
			a := activity(mentor.MatchActive, 60)
			a.LastMeeting, a.LatestPulse, a.LatestPulseAt = daysAgo(1), 2, daysAgo(1)
			return a
		}(), []string{ReasonLowPulse}, 0, false, daysAgo(1)},
		{"pulse 3 is fine", func() store.MatchActivity {
			a := activity(mentor.MatchActive, 2)
			a.LatestPulse, a.LatestPulseAt = 3, daysAgo(1)
			return a
		}(), nil, 0, false, daysAgo(2)},
		{"silent and struggling", func() store.MatchActivity {
			a := activity(mentor.MatchActive, 10)
			a.LatestPulse, a.LatestPulseAt = 1, daysAgo(1)
			return a
		}(), []string{ReasonNoMeeting, ReasonLowPulse}, 1, false, daysAgo(10)},
		{"proposal waiting 4 days", activity(mentor.MatchProposed, 4), nil, 0, false, nil},
		{"proposal waiting 5.5 days: half the expiry", activity(mentor.MatchProposed, 5.5), []string{ReasonUnanswered}, 0, false, nil},
		{"proposal waiting 11 days: expired", activity(mentor.MatchProposed, 11), []string{ReasonUnanswered}, 0, true, nil},
		{"paused matches are left alone", activity(mentor.MatchPaused, 90), nil, 0, false, nil},
		{"ended matches are left alone", activity(mentor.MatchEnded, 90), nil, 0, false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			as := Assess(c.act, weekly, t0)
			var got []string
			for _, r := range as.Reasons {
				got = append(got, r.Code)
				if r.Detail == "" {
					t.Errorf("reason %s has no detail", r.Code)
				}
			}
			if !reflect.DeepEqual(got, c.reasons) || as.AtRisk != (len(c.reasons) > 0) {
				t.Fatalf("reasons %v (at risk %v), want %v", got, as.AtRisk, c.reasons)
			}
			if s := as.Stage(weekly); s != c.stage {
				t.Fatalf("stage %d, want %d", s, c.stage)
			}
			if as.Expired != c.expired {
				t.Fatalf("expired %v, want %v", as.Expired, c.expired)
			}
			if c.since == nil && !as.SilentSince.IsZero() || c.since != nil && !as.SilentSince.Equal(*c.since) {
				t.Fatalf("silent since %v, want %v", as.SilentSince, c.since)
			}
		})
	}
}

func TestAssess_Details(t *testing.T) {
	a := activity(mentor.MatchActive, 60)
	a.LastMeeting = daysAgo(20)
	as := Assess(a, Rules{Cadence: 14 * day, Expiry: 14 * day}, t0)
	want := "No meeting held or scheduled for 20 days, since the last meeting on 26 May 2026; the program expects one every 14 days."
	if len(as.Reasons) != 1 || as.Reasons[0].Detail != want {
		t.Fatalf("detail %+v, want %q", as.Reasons, want)
	}
	p := activity(mentor.MatchProposed, 8)
	as = Assess(p, Rules{Cadence: 14 * day, Expiry: 14 * day}, t0)
	if want := "Proposed 8 days ago and 1 of 2 members have not answered; it expires after 14 days."; as.Reasons[0].Detail != want {
		t.Fatalf("detail %q, want %q", as.Reasons[0].Detail, want)
	}
}

func TestAssess_LastActivity(t *testing.T) {
	cases := []struct {
		name string
		set  func(a *store.MatchActivity)
		kind string
		at   *time.Time
	}{
		{"nothing yet", func(*store.MatchActivity) {}, "", nil},
		{"a future meeting is not activity", func(a *store.MatchActivity) { a.LastMeeting = daysAgo(-3) }, "", nil},
		{"meeting", func(a *store.MatchActivity) { a.LastMet = daysAgo(4) }, "meeting", daysAgo(4)},
		{"check-in after the meeting", func(a *store.MatchActivity) {
			a.LastMet, a.LatestPulse, a.LatestPulseAt = daysAgo(4), 4, daysAgo(2)
		}, "check_in", daysAgo(2)},
		{"note is the latest", func(a *store.MatchActivity) {
			a.LastMet, a.LastNote, a.LastProgress = daysAgo(4), daysAgo(1), daysAgo(3)
		}, "note", daysAgo(1)},
		{"progress is the latest", func(a *store.MatchActivity) { a.LastNote, a.LastProgress = daysAgo(5), daysAgo(0.5) }, "progress", daysAgo(0.5)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := activity(mentor.MatchActive, 30)
			c.set(&a)
			got := Assess(a, Rules{Cadence: 7 * day, Expiry: 7 * day}, t0).LastActivity
			switch {
			case c.at == nil && got != nil:
				t.Fatalf("last activity %+v, want none", got)
			case c.at != nil && (got == nil || got.Kind != c.kind || !got.At.Equal(*c.at)):
				t.Fatalf("last activity %+v, want %s at %v", got, c.kind, c.at)
			}
		})
	}
}
