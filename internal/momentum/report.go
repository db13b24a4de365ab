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
	acts, next, err := s.DB.MatchActivities(ctx, store.ActivityFilter{ProgramID: programID, States: openStates, Now: now, Page: page})
	if err != nil {
		return nil, "", err
	}
	programs := programCache{db: s.DB}
	out := []Risk{}
	for _, a := range acts {
		p, err := programs.get(ctx, a.Match.ProgramID)
		if err != nil {
			return nil, "", err
		}
		as := Assess(a, RulesOf(p), now)
		if !as.AtRisk {
			continue
		}
		r := Risk{MatchID: a.Match.ID, ProgramID: p.ID, Program: p.Name, State: a.Match.State, Members: a.Match.Members,
			Reasons: as.Reasons, LastActivity: as.LastActivity, LatestPulse: a.LatestPulse}
		if !as.SilentSince.IsZero() && as.Silence > 0 {
			r.SilentDays = days(as.Silence)
		}
		t, err := s.DB.LatestMark(ctx, a.Match.ID, store.MarkRemind, store.MarkWarn)
		switch mentor.ErrorCode(err) {
		case "":
			r.LastNudge = &t
		case mentor.ENOTFOUND:
		default:
			return nil, "", err
		}
		out = append(out, r)
	}
	return out, next, nil
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
