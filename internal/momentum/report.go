package momentum

import (
	"context"
	"log/slog"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/store"
)

// Sender delivers e-mail; *notify.Mailer is one.
type Sender interface {
	Send(ctx context.Context, msgs ...notify.Message) error
}

// Service applies the momentum rules to the store.
type Service struct {
	DB *store.DB
	// Mail sends reminders and warnings. When nil the sweep still expires
	// proposals but reminds and warns nobody, and so never pauses a match
	// (a pause needs a warning that was sent).
	Mail Sender
	// BaseURL is where people find mentormesh, for links in e-mails ("" for none).
	BaseURL string
	Logger  *slog.Logger
	// Cycles starts the rotation cycles that are due after each sweep of
	// Run (nil: Run only sweeps).
	Cycles CycleStarter
}

// openStates are the states the rules look at.
var openStates = []mentor.MatchState{mentor.MatchProposed, mentor.MatchAccepted, mentor.MatchActive}

// Risk is one at-risk match as the coordinators' report shows it.
type Risk struct {
	MatchID      int64                `json:"match_id"`
	ProgramID    int64                `json:"program_id"`
	Program      string               `json:"program"`
	State        mentor.MatchState    `json:"state"`
	Members      []mentor.MatchMember `json:"members"`
	Reasons      []Reason             `json:"reasons"`
	LastActivity *Activity            `json:"last_activity"`
	// SilentDays is the number of whole days since the latest meeting or the
	// start of the match (accepted and active matches only).
	SilentDays int `json:"silent_days,omitempty"`
	// LatestPulse is the latest check-in's pulse (0: none).
	LatestPulse int `json:"latest_pulse,omitempty"`
	// LastNudge is when the sweep last reminded or warned the members.
	LastNudge *time.Time `json:"last_nudge,omitempty"`
}

// AtRisk lists the at-risk matches of a program (all programs for
// programID 0) at now, ordered by match id. Paging follows the open matches
// examined, so a page may hold fewer items than its limit while the cursor
// still points further. A bad cursor is EINVALID.
func (s *Service) AtRisk(ctx context.Context, programID int64, now time.Time, page store.Page) ([]Risk, string, error) {
	want := page.Limit
	if want <= 0 {
		want = store.DefaultLimit
	}
	programs := programCache{db: s.DB}
	out := []Risk{}
	// Matches are paged before they are assessed, so pages are read until
	// enough of them are at risk (a page may end up a little longer than
	// asked) or there are no more: an empty page never has a next cursor.
	for {
		acts, next, err := s.DB.MatchActivities(ctx, store.ActivityFilter{ProgramID: programID, States: openStates, Now: now, Page: page})
		if err != nil {
			return nil, "", err
		}
		for _, a := range acts {
			r, ok, err := s.risk(ctx, &programs, a, now)
			if err != nil {
				return nil, "", err
			}
			if ok {
				out = append(out, r)
			}
		}
		if len(out) >= want || next == "" {
			return out, next, nil
		}
		page.Cursor = next
	}
}

func (s *Service) risk(ctx context.Context, programs *programCache, a store.MatchActivity, now time.Time) (Risk, bool, error) {
	p, err := programs.get(ctx, a.Match.ProgramID)
	if err != nil {
		return Risk{}, false, err
	}
	as := Assess(a, RulesOf(p), now)
	if !as.AtRisk {
		return Risk{}, false, nil
	}
	r := Risk{MatchID: a.Match.ID, ProgramID: p.ID, Program: p.Name, State: a.Match.State, Members: a.Match.Members,
		Reasons: as.Reasons, LastActivity: as.LastActivity, LatestPulse: a.LatestPulse}
	if !as.SilentSince.IsZero() && as.Silence > 0 {
		r.SilentDays = days(as.Silence)
	}
	t, err := s.DB.LatestMark(ctx, a.Match.ID, mentor.MarkRemind, mentor.MarkWarn)
	switch mentor.ErrorCode(err) {
	case "":
		r.LastNudge = &t
	case mentor.ENOTFOUND:
	default:
		return Risk{}, false, err
	}
	return r, true, nil
}

// programCache loads each program once per call.
type programCache struct {
	db   *store.DB
	byID map[int64]*mentor.Program
}

func (c *programCache) get(ctx context.Context, id int64) (*mentor.Program, error) {
	if p, ok := c.byID[id]; ok {
		return p, nil
	}
	p, err := c.db.Program(ctx, id)
	if err != nil {
		return nil, err
	}
	if c.byID == nil {
		c.byID = map[int64]*mentor.Program{}
	}
	c.byID[id] = p
	return p, nil
}
