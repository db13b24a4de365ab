package momentum

import (
	"context"
	"log/slog"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// CycleStarter starts the rotation cycles that are due; *matchrun.Service is one.
type CycleStarter interface {
	StartDueCycles(ctx context.Context, now time.Time) ([]*mentor.MatchRun, error)
}

// Run sweeps (Sweep) at once and then every interval (hourly when every <= 0)
// until ctx ends; after each sweep it deletes ended login sessions and, when
// s.Cycles is set, starts the rotation cycles that are due; serve starts it in a goroutine. Each sweep may take at
// most one interval. Failures are logged and the next tick tries again;
// several instances may run it at once, as the sweep claims each action in the
// database and each cycle is claimed once.
func (s *Service) Run(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = time.Hour
	}
	logger := s.Logger
	if logger == nil {
		logger = slog.Default()
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		s.tick(ctx, logger, every)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// tick runs one sweep and starts the due rotation cycles, logging the outcome.
func (s *Service) tick(ctx context.Context, logger *slog.Logger, every time.Duration) {
	sctx, cancel := context.WithTimeout(ctx, every)
	res, err := s.Sweep(sctx, s.DB.Now())
	cancel()
	switch {
	case err != nil && ctx.Err() == nil:
		logger.ErrorContext(ctx, "momentum sweep", "err", err, "checked", res.Checked)
	case err == nil:
		logger.InfoContext(ctx, "momentum sweep", "checked", res.Checked, "at_risk", res.AtRisk, "expired", res.Expired,
			"reminded", res.Reminded, "warned", res.Warned, "paused", res.Paused, "mails", res.Mails, "failed", res.Failed)
	}
	// Ended sessions and sign-in failures older than any throttle window
	// are of no use and would only grow the tables.
	if n, err := s.DB.DeleteExpiredSessions(ctx, 24*time.Hour); err != nil && ctx.Err() == nil {
		logger.ErrorContext(ctx, "delete expired sessions", "err", err)
	} else if n > 0 {
		logger.InfoContext(ctx, "expired sessions deleted", "sessions", n)
	}
	if s.Cycles == nil || ctx.Err() != nil {
		return
	}
	runs, err := s.Cycles.StartDueCycles(ctx, s.DB.Now())
	if err != nil && ctx.Err() == nil {
		logger.ErrorContext(ctx, "rotation cycles", "err", err)
	} else if len(runs) > 0 {
		logger.InfoContext(ctx, "rotation cycles started", "runs", len(runs))
	}
}
