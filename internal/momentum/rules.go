// Package momentum keeps matches moving (SPEC §5 health, §7): it finds
// matches at risk (no meeting within the program's cadence, a low pulse, a
// proposal left unanswered), and its sweep expires stale proposals, reminds
// members, warns after a long silence and pauses a match that stays silent.
// The rules in this file are pure; the Service applies them to the store.
package momentum

import (
	"fmt"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

// Reason codes of an at-risk match.
const (
	// ReasonNoMeeting: an accepted or active match has had no meeting (held
	// or scheduled) within the program's meeting cadence.
	ReasonNoMeeting = "no_meeting"
	// ReasonLowPulse: the match's latest check-in pulse is LowPulse or less.
	ReasonLowPulse = "low_pulse"
	// ReasonUnanswered: a proposal has waited for answers more than half of
	// the program's proposal expiry.
	ReasonUnanswered = "unanswered"
)

// LowPulse is the highest pulse (of 1..5) that marks a match as struggling.
const LowPulse = 2

// WarningNotice is how long before a pause the warning must have been sent.
const WarningNotice = 7 * 24 * time.Hour

const day = 24 * time.Hour

// Reason is one reason a match is at risk, in words for a coordinator.
type Reason struct {
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

// Activity is the latest sign of life of a match.
type Activity struct {
	Kind string    `json:"kind"` // meeting, check_in, note or progress
	At   time.Time `json:"at"`
}

// Rules are the program settings the rules read.
type Rules struct {
	// Cadence is how often the program expects a meeting.
	Cadence time.Duration
	// Expiry is how long a proposal may wait for answers.
	Expiry time.Duration
}

// RulesOf returns the rules of a program; unset options take the defaults
// of mentor.Program.ApplyDefaults (fortnightly, 14 days).
func RulesOf(p *mentor.Program) Rules {
	r := Rules{Cadence: time.Duration(p.Options.MeetingCadence.Days()) * day, Expiry: time.Duration(p.Options.ProposalExpiryDays) * day}
	if r.Cadence <= 0 {
		r.Cadence = 14 * day
	}
	if r.Expiry <= 0 {
		r.Expiry = 14 * day
	}
	return r
}

// Assessment is what the rules say about one match at one moment.
type Assessment struct {
	AtRisk  bool
	Reasons []Reason
	// SilentSince is when the current silence of an accepted or active
	// match began: its latest meeting, or when it entered its state if that
	// is later. Silence is now minus SilentSince (negative when a meeting is
	// scheduled ahead). Both are zero for other states.
	SilentSince time.Time
	Silence     time.Duration
	// Expired reports a proposal that has waited longer than Rules.Expiry.
	Expired bool
	// LastActivity is the latest meeting that has begun, check-in, shared
	// note or goal progress of the match; nil when there was none.
	LastActivity *Activity
}

// Has reports whether the assessment gives the reason code.
func (a Assessment) Has(code string) bool {
	for _, r := range a.Reasons {
		if r.Code == code {
			return true
		}
	}
	return false
}

// Stage is how many whole cadences the silence has lasted beyond (0 to 3):
// 1 means reminders, 2 a warning, 3 a pause once warned.
func (a Assessment) Stage(r Rules) int {
	if a.SilentSince.IsZero() || r.Cadence <= 0 {
		return 0
	}
	for n := 3; n >= 1; n-- {
		if a.Silence > time.Duration(n)*r.Cadence {
			return n
		}
	}
	return 0
}

// Assess applies the at-risk rules to a match at now. The moment an
// accepted or active match entered its state is its UpdatedAt (any state
// change, including a resume after a pause, starts the clock again); a
// proposal's waiting time runs from its UpdatedAt (publication or the latest
// answer).
func Assess(a store.MatchActivity, r Rules, now time.Time) Assessment {
	var out Assessment
	m := a.Match
	out.LastActivity = lastActivity(a)
	switch m.State {
	case mentor.MatchAccepted, mentor.MatchActive:
		since, what := m.UpdatedAt, "the match started on "+date(m.UpdatedAt)
		if a.LastMeeting != nil && a.LastMeeting.After(since) {
			since, what = *a.LastMeeting, "the last meeting on "+date(*a.LastMeeting)
		}
		out.SilentSince, out.Silence = since, now.Sub(since)
		if out.Silence > r.Cadence {
			out.Reasons = append(out.Reasons, Reason{Code: ReasonNoMeeting,
				Detail: fmt.Sprintf("No meeting held or scheduled for %d days, since %s; the program expects one every %d days.",
					days(out.Silence), what, days(r.Cadence))})
		}
		if a.LatestPulse > 0 && a.LatestPulse <= LowPulse {
			out.Reasons = append(out.Reasons, Reason{Code: ReasonLowPulse,
				Detail: fmt.Sprintf("The latest check-in (%s) rated the match %d of 5.", date(*a.LatestPulseAt), a.LatestPulse)})
		}
	case mentor.MatchProposed:
		waiting := now.Sub(m.UpdatedAt)
		out.Expired = waiting > r.Expiry
		if waiting > r.Expiry/2 {
			pending := 0
			for _, mm := range m.Members {
				if mm.Response == "pending" {
					pending++
				}
			}
			out.Reasons = append(out.Reasons, Reason{Code: ReasonUnanswered,
				Detail: fmt.Sprintf("Proposed %d days ago and %d of %d members have not answered; it expires after %d days.",
					days(waiting), pending, len(m.Members), days(r.Expiry))})
		}
	}
	out.AtRisk = len(out.Reasons) > 0
	return out
}

func lastActivity(a store.MatchActivity) *Activity {
	var best *Activity
	for _, c := range []struct {
		kind string
		at   *time.Time
	}{{"meeting", a.LastMet}, {"check_in", a.LatestPulseAt}, {"note", a.LastNote}, {"progress", a.LastProgress}} {
		if c.at != nil && (best == nil || c.at.After(best.At)) {
			best = &Activity{Kind: c.kind, At: c.at.UTC()}
		}
	}
	return best
}

func days(d time.Duration) int { return int(d / day) }

func date(t time.Time) string { return t.UTC().Format("2 Jan 2006") }
