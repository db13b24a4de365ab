package main

import (
	"flag"
	"os"
	"strconv"
	"time"

	"github.com/mentormesh/mentormesh/internal/notify"
)

// serverOptions are the settings of a running server beyond the database.
type serverOptions struct {
	baseURL    string
	sweepEvery time.Duration
	smtp       notify.Config
}

// serverFlags registers the server's flags, each with an environment default.
func serverFlags(fs *flag.FlagSet) *serverOptions {
	o := &serverOptions{}
	fs.StringVar(&o.baseURL, "base-url", os.Getenv("MENTORMESH_BASE_URL"), "public address for links in e-mail and calendars (env MENTORMESH_BASE_URL)")
	every := time.Hour
	if v, err := time.ParseDuration(os.Getenv("MENTORMESH_SWEEP_EVERY")); err == nil {
		every = v
	}
	fs.DurationVar(&o.sweepEvery, "sweep-every", every, "how often to expire proposals and remind at-risk matches; 0 turns it off (env MENTORMESH_SWEEP_EVERY)")
	port, _ := strconv.Atoi(os.Getenv("MENTORMESH_SMTP_PORT"))
	o.smtp = notify.Config{Host: os.Getenv("MENTORMESH_SMTP_HOST"), Port: port, From: os.Getenv("MENTORMESH_SMTP_FROM"),
		Username: os.Getenv("MENTORMESH_SMTP_USER"), Password: os.Getenv("MENTORMESH_SMTP_PASSWORD"), TLS: notify.TLSPolicy(os.Getenv("MENTORMESH_SMTP_TLS"))}
	return o
}

// mailer returns the configured mailer, or nil when no SMTP host is set.
func (o *serverOptions) mailer() (*notify.Mailer, error) {
	if o.smtp.Host == "" {
		return nil, nil
	}
	if o.smtp.From == "" {
		o.smtp.From = "mentormesh <noreply@localhost>"
	}
	return notify.NewMailer(o.smtp)
}
