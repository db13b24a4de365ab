package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/store"
)

// This file is the one place that reads configuration. Every setting has a
// flag and a MENTORMESH_* environment variable; the flag wins. A value that
// does not parse or is out of range, in either, stops the command with an
// error naming the flag and the variable: a typo never silently becomes the
// default.

// settings registers a command's flags with their environment defaults and
// collects the problems found in the environment and the values.
type settings struct {
	fs     *flag.FlagSet
	getenv func(string) string
	errs   []error
	checks []func() error
}

// newSettings returns the settings of the command name, reading the
// environment through getenv (os.Getenv outside tests). Errors of the flag
// package go to stderr.
func newSettings(name string, stderr io.Writer, getenv func(string) string) *settings {
	return &settings{fs: newFlags(name, stderr), getenv: getenv}
}

// newFlags returns a flag set that reports errors to stderr without exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("mentormesh "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// str registers a text setting.
func (s *settings) str(p *string, name, env, def, usage string) {
	if v := s.getenv(env); v != "" {
		def = v
	}
	s.fs.StringVar(p, name, def, usage+" (env "+env+")")
}

// oneOf registers a text setting whose value must be one of allowed.
func (s *settings) oneOf(p *string, name, env, def, usage string, allowed ...string) {
	s.str(p, name, env, def, usage+": "+strings.Join(allowed, ", "))
	s.checks = append(s.checks, func() error {
		for _, a := range allowed {
			if strings.EqualFold(*p, a) {
				*p = a
				return nil
			}
		}
		return fmt.Errorf("--%s (%s) is %q; it must be one of %s", name, env, *p, strings.Join(allowed, ", "))
	})
}

// duration registers a duration setting of at least min.
func (s *settings) duration(p *time.Duration, name, env string, def, min time.Duration, usage string) {
	if v := s.getenv(env); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			s.errs = append(s.errs, fmt.Errorf("%s is %q, not a duration (write it like 90s, 30m or 12h)", env, v))
		} else {
			def = d
		}
	}
	s.fs.DurationVar(p, name, def, usage+" (env "+env+")")
	s.checks = append(s.checks, func() error {
		if *p < min {
			return fmt.Errorf("--%s (%s) is %s; it must be at least %s", name, env, *p, min)
		}
		return nil
	})
}

// integer registers a whole-number setting from lo to hi.
func (s *settings) integer(p *int, name, env string, def, lo, hi int, usage string) {
	if v := s.getenv(env); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			s.errs = append(s.errs, fmt.Errorf("%s is %q, not a whole number", env, v))
		} else {
			def = n
		}
	}
	s.fs.IntVar(p, name, def, usage+" (env "+env+")")
	s.checks = append(s.checks, func() error {
		if *p < lo || *p > hi {
			return fmt.Errorf("--%s (%s) is %d; it must be from %d to %d", name, env, *p, lo, hi)
		}
		return nil
	})
}

// parse parses args (flags may come before or after positional arguments)
// and returns the positional arguments. A problem with a flag is printed by
// the flag package; any problem is a usage error.
func (s *settings) parse(args []string) ([]string, error) {
	pos, err := parseInterspersed(s.fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errHelp
		}
		return nil, usageError{}
	}
	errs := s.errs
	for _, c := range s.checks {
		if err := c(); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, usageError{msg: "configuration: " + errors.Join(errs...).Error()}
	}
	return pos, nil
}

// parseInterspersed parses flags that may come before or after positional
// arguments ("import people f.csv --dry-run").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// noArgs parses args, which must hold flags only.
func (s *settings) noArgs(args []string) error {
	pos, err := s.parse(args)
	if err == nil && len(pos) > 0 {
		err = usageError{msg: fmt.Sprintf("%s: unexpected argument %q", s.fs.Name(), pos[0])}
	}
	return err
}

// db registers --db.
func (s *settings) db(p *string) {
	s.str(p, "db", "MENTORMESH_DB", "sqlite:mentormesh.db", "database: sqlite:PATH or postgres://...")
}

// serverConfig is what a running server needs beyond its database.
type serverConfig struct {
	addr        string
	baseURL     string
	sweepEvery  time.Duration
	matchBudget time.Duration
	sessionTTL  time.Duration
	sessionIdle time.Duration
	logFormat   string
	logLevel    string
	smtp        notify.Config
	smtpTLS     string
}

// server registers the settings of serve and demo.
func (s *settings) server() *serverConfig {
	c := &serverConfig{}
	s.str(&c.addr, "addr", "MENTORMESH_ADDR", "127.0.0.1:8080", "address to listen on")
	s.str(&c.baseURL, "base-url", "MENTORMESH_BASE_URL", "", "public address for links in e-mail and calendars (default: the listen address)")
	s.duration(&c.sweepEvery, "sweep-every", "MENTORMESH_SWEEP_EVERY", time.Hour, 0, "how often to expire proposals, remind at-risk matches and start due rotation cycles; 0 turns it off")
	s.duration(&c.matchBudget, "match-budget", "MENTORMESH_MATCH_BUDGET", 0, 0, "time limit of the circles heuristic in one match run; 0 is the engine's default")
	s.duration(&c.sessionTTL, "session-ttl", "MENTORMESH_SESSION_TTL", 12*time.Hour, time.Minute, "how long a sign-in lasts at most")
	s.duration(&c.sessionIdle, "session-idle", "MENTORMESH_SESSION_IDLE", 2*time.Hour, time.Minute, "a sign-in not used for this long ends")
	s.oneOf(&c.logFormat, "log", "MENTORMESH_LOG", "text", "log format on stderr", "text", "json")
	s.oneOf(&c.logLevel, "log-level", "MENTORMESH_LOG_LEVEL", "info", "lowest level logged", "debug", "info", "warn", "error")
	s.str(&c.smtp.Host, "smtp-host", "MENTORMESH_SMTP_HOST", "", "SMTP server for reminders and invitations (default: no e-mail)")
	s.integer(&c.smtp.Port, "smtp-port", "MENTORMESH_SMTP_PORT", 587, 1, 65535, "SMTP port")
	s.str(&c.smtp.From, "smtp-from", "MENTORMESH_SMTP_FROM", "mentormesh <noreply@localhost>", "sender of the e-mail")
	s.str(&c.smtp.Username, "smtp-user", "MENTORMESH_SMTP_USER", "", "SMTP user name")
	s.str(&c.smtp.Password, "smtp-password", "MENTORMESH_SMTP_PASSWORD", "", "SMTP password (prefer the variable: flags show in the process list)")
	s.oneOf(&c.smtpTLS, "smtp-tls", "MENTORMESH_SMTP_TLS", "opportunistic", "STARTTLS policy",
		string(notify.TLSNone), string(notify.TLSOpportunistic), string(notify.TLSMandatory))
	return c
}

// mailer returns the configured mailer, or nil when no SMTP host is set.
func (c *serverConfig) mailer() (*notify.Mailer, error) {
	if c.smtp.Host == "" {
		return nil, nil
	}
	c.smtp.TLS = notify.TLSPolicy(c.smtpTLS)
	m, err := notify.NewMailer(c.smtp)
	if err != nil {
		return nil, usageError{msg: "configuration: " + err.Error()}
	}
	return m, nil
}

// logger logs to w in the configured format from the configured level.
func (c *serverConfig) logger(w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(c.logLevel)) // checked by oneOf; "" is info
	opts := &slog.HandlerOptions{Level: level}
	if c.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// openDB opens and migrates the database.
func openDB(ctx context.Context, dsn string) (*store.DB, error) {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
