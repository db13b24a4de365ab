package momentum

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/store"
)

// SweepResult counts what one sweep did.
type SweepResult struct {
	// Checked is the number of open (proposed, accepted, active) matches examined.
	Checked  int `json:"checked"`
	AtRisk   int `json:"at_risk"`
	Expired  int `json:"expired"`
	Reminded int `json:"reminded"`
	Warned   int `json:"warned"`
	Paused   int `json:"paused"`
	// Mails is the number of e-mails sent.
	Mails int `json:"mails"`
	// Failed is the number of matches whose e-mail could not be sent; their
	// reminder or warning is tried again by the next sweep.
	Failed int `json:"failed"`
}

// Sweep applies the rules to every open match at now (which should be the
// store's clock, DB.Now(), as marks and audit events carry that time):
//
//   - a proposal waiting longer than the program's ProposalExpiryDays is
//     declined with the member reason "expired" (store.ExpireProposal);
//   - members of an at-risk match are reminded by e-mail, at most once per
//     meeting cadence (no reminder or warning of the match, by mark or audit
//     event, within the last cadence);
//   - after 2x cadence without a meeting the members are warned, once per
//     silence;
//   - after 3x cadence, if the warning of this silence was sent at least
//     WarningNotice before, the match is paused (store.SetMatchState).
//
// Every action is claimed first with store.ClaimMark, so several concurrent
// sweeps (several server instances) send each reminder once. A reminder or
// warning whose e-mail fails is released and retried by the next sweep; a
// sent one is recorded as an audit event ("remind", "warn", "pause").
// Sweep stops at the first store error and returns the counts so far.
func (s *Service) Sweep(ctx context.Context, now time.Time) (SweepResult, error) {
	var res SweepResult
	sw := sweeper{Service: s, now: now, res: &res, programs: programCache{db: s.DB}, people: map[int64]*mentor.Person{}}
	page := store.Page{Limit: store.MaxLimit}
	for {
		acts, next, err := s.DB.MatchActivities(ctx, store.ActivityFilter{States: openStates, Now: now, Page: page})
		if err != nil {
			return res, err
		}
		for _, a := range acts {
			res.Checked++
			if err := sw.one(ctx, a); err != nil {
				return res, fmt.Errorf("sweep match %d: %w", a.Match.ID, err)
			}
		}
		if next == "" {
			return res, nil
		}
		page.Cursor = next
	}
}

// sweeper is the state of one sweep.
type sweeper struct {
	*Service
	now      time.Time
	res      *SweepResult
	programs programCache
	people   map[int64]*mentor.Person
}

func (sw *sweeper) one(ctx context.Context, a store.MatchActivity) error {
	p, err := sw.programs.get(ctx, a.Match.ProgramID)
	if err != nil {
		return err
	}
	r := RulesOf(p)
	as := Assess(a, r, sw.now)
	if a.Match.State == mentor.MatchProposed && as.Expired {
		ok, err := sw.DB.ExpireProposal(ctx, a.Match.ID, sw.now.Add(-r.Expiry))
		if ok {
			sw.res.Expired++
		}
		return err
	}
	if !as.AtRisk {
		return nil
	}
	sw.res.AtRisk++
	if sw.Mail == nil {
		return nil
	}
	n := nudge{match: a, program: p, rules: r, as: as}
	if as.Has(ReasonNoMeeting) {
		anchor := as.SilentSince.Unix()
		warnedAt, err := sw.DB.MarkTime(ctx, a.Match.ID, mentor.MarkWarn, anchor)
		warned := err == nil
		if err != nil && mentor.ErrorCode(err) != mentor.ENOTFOUND {
			return err
		}
		stage := as.Stage(r)
		switch {
		case stage >= 3 && warned && sw.now.Sub(warnedAt) >= WarningNotice:
			return sw.pause(ctx, n, anchor)
		case stage >= 2 && !warned:
			return sw.warn(ctx, n, anchor)
		}
	}
	return sw.remind(ctx, n)
}

// nudge is an at-risk match about to be reminded, warned or paused.
type nudge struct {
	match   store.MatchActivity
	program *mentor.Program
	rules   Rules
	as      Assessment
}

func (sw *sweeper) remind(ctx context.Context, n nudge) error {
	period, ok, err := sw.DB.ClaimMark(ctx, mentor.Claim{MatchID: n.match.Match.ID, Kind: mentor.MarkRemind,
		Quiet: []string{mentor.MarkRemind, mentor.MarkWarn}, QuietSince: sw.now.Add(-n.rules.Cadence)})
	if err != nil || !ok {
		return err
	}
	msgs, err := sw.reminders(ctx, n)
	if err != nil {
		return err
	}
	sent, err := sw.deliver(ctx, n, mentor.MarkRemind, period, msgs)
	if sent {
		sw.res.Reminded++
	}
	return err
}

func (sw *sweeper) warn(ctx context.Context, n nudge, anchor int64) error {
	_, ok, err := sw.DB.ClaimMark(ctx, mentor.Claim{MatchID: n.match.Match.ID, Kind: mentor.MarkWarn, Period: anchor})
	if err != nil || !ok {
		return err
	}
	msgs, err := sw.toMembers(ctx, n, warningMessage)
	if err != nil {
		return err
	}
	sent, err := sw.deliver(ctx, n, mentor.MarkWarn, anchor, msgs)
	if sent {
		sw.res.Warned++
	}
	return err
}

func (sw *sweeper) pause(ctx context.Context, n nudge, anchor int64) error {
	id := n.match.Match.ID
	_, ok, err := sw.DB.ClaimMark(ctx, mentor.Claim{MatchID: id, Kind: mentor.MarkPause, Period: anchor})
	if err != nil || !ok {
		return err
	}
	if err := sw.DB.SetMatchState(ctx, id, mentor.MatchPaused); err != nil {
		if mentor.ErrorCode(err) == mentor.ECONFLICT {
			return nil // someone ended or changed the match meanwhile: nothing to pause
		}
		return err
	}
	sw.res.Paused++
	if err := sw.DB.RecordAudit(ctx, &mentor.AuditEvent{Action: mentor.MarkPause, Object: "match", ObjectID: id,
		Detail: fmt.Sprintf("paused after %d days without a meeting", days(n.as.Silence))}); err != nil {
		return err
	}
	msgs, err := sw.toMembers(ctx, n, pauseMessage)
	if err != nil {
		return err
	}
	out := make([]notify.Message, len(msgs))
	for i, m := range msgs {
		out[i] = m.msg
	}
	if err := sw.Mail.Send(ctx, out...); err != nil {
		// The pause stands; the notice is a courtesy and is not retried.
		sw.res.Failed++
		sw.log(ctx, "pause notice not sent", id, err)
		return nil
	}
	sw.res.Mails += len(msgs)
	return nil
}

// deliver sends the messages guarded by a claimed mark: on success it
// records the audit event, on failure it releases the mark so that the next
// sweep tries again. Only store errors are returned.
func (sw *sweeper) deliver(ctx context.Context, n nudge, kind string, period int64, msgs []message) (bool, error) {
	id := n.match.Match.ID
	out := make([]notify.Message, 0, len(msgs))
	var to []string
	for _, m := range msgs {
		out = append(out, m.msg)
		to = append(to, fmt.Sprint(m.person))
	}
	if len(out) == 0 {
		// Nobody to write to: keep the mark so the match is not retried every sweep.
		return false, nil
	}
	if err := sw.Mail.Send(ctx, out...); err != nil {
		sw.res.Failed++
		sw.log(ctx, kind+" not sent", id, err)
		return false, sw.DB.ReleaseMark(ctx, id, kind, period)
	}
	sw.res.Mails += len(out)
	codes := make([]string, len(n.as.Reasons))
	for i, r := range n.as.Reasons {
		codes[i] = r.Code
	}
	return true, sw.DB.RecordAudit(ctx, &mentor.AuditEvent{Action: kind, Object: "match", ObjectID: id,
		Detail: fmt.Sprintf("%s; e-mailed people %s", strings.Join(codes, ", "), strings.Join(to, ", "))})
}

func (sw *sweeper) person(ctx context.Context, id int64) (*mentor.Person, error) {
	if p, ok := sw.people[id]; ok {
		return p, nil
	}
	p, err := sw.DB.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	sw.people[id] = p
	return p, nil
}

func (sw *sweeper) log(ctx context.Context, msg string, matchID int64, err error) {
	if sw.Logger != nil {
		sw.Logger.WarnContext(ctx, msg, "match_id", matchID, "err", err)
	}
}
